package io.downhill.web.pages;

import io.downhill.course.Course;

/** The course's front page: title, parts and lessons in order. */
public record IndexPage(Site site, Course course) {}
