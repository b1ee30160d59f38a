package io.downhill.web.pages;

import io.downhill.course.Course;
import io.downhill.course.Lesson;
import io.downhill.course.Part;
import java.util.List;

/** The whole course on one page for paper. */
public record PrintPage(Site site, Course course, List<Chapter> chapters) {
    /** One lesson with its printable HTML; {@code part} is set on the first lesson of each part. */
    public record Chapter(Lesson lesson, Part part, String html) {}
}
