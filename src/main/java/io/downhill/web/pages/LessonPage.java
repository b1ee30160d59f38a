package io.downhill.web.pages;

import io.downhill.course.Course;
import io.downhill.course.Lesson;
import io.downhill.course.Part;

/**
 * One lesson with its place in the course; {@code previous}/{@code next} may be null. {@code body}
 * is the lesson's HTML with its widgets filled in.
 */
public record LessonPage(Site site, Course course, Lesson lesson, Part part, Lesson previous, Lesson next, String body) {
    public boolean hasWidgets() {
        return lesson.embeds().stream().anyMatch(e -> e.widget() != null);
    }

    /** Maths in the text, or in a quiz's question, choices or explanation. */
    public boolean hasMath() {
        return lesson.body().hasMath() || body.contains("class=\"math-");
    }
}
