package io.downhill.web;

import io.downhill.course.Course;
import io.downhill.course.Lesson;
import io.downhill.course.Part;

/** One lesson with its place in the course; {@code previous}/{@code next} may be null. */
public record LessonPage(Site site, Course course, Lesson lesson, Part part, Lesson previous, Lesson next) {}
