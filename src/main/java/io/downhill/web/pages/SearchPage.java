package io.downhill.web.pages;

import io.downhill.course.Course;
import java.util.List;
import java.util.Map;

/** The search page: the query and its results (lesson, heading, url, snippet). */
public record SearchPage(Site site, Course course, String query, List<Map<String, String>> results) {}
