/**
 * The rendered pages (index, lessons, search, print, messages), the records their JTE templates
 * take, and the files lessons reference.
 */
package io.downhill.web.pages;
