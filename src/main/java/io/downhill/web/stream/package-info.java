/**
 * Run and training responses: steps encoded as JSON or Server-Sent Events, written a slice at a
 * time, finished runs kept by their canonical spec, and whole responses kept ready to send again.
 */
package io.downhill.web.stream;
