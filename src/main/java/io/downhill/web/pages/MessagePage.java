package io.downhill.web.pages;

import io.downhill.course.ContentIssue;
import io.downhill.course.Course;
import java.util.List;

/** Not found, server error, or (in dev mode) the list of content errors; {@code course} may be null. */
public record MessagePage(Site site, Course course, int status, String title, String message, List<ContentIssue> issues) {}
