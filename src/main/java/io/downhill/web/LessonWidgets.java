package io.downhill.web;

import io.downhill.course.Course;
import io.downhill.course.Embed;
import io.downhill.widget.Widgets;
import java.util.Optional;

/**
 * The widgets of the published lessons by their ids on the page ({@code w1}, {@code w2}, …): the
 * page names them so, and the widget endpoint finds them back by lesson and id.
 */
public final class LessonWidgets {
    private final CourseState state;
    private final boolean dev;

    public LessonWidgets(CourseState state, boolean dev) {
        this.state = state;
        this.dev = dev;
    }

    /** The id of an embedded block on its lesson's page. */
    public static String id(Embed embed) {
        return "w" + (embed.index() + 1);
    }

    /** The widget block {@code id} of a published lesson, or empty. */
    public Optional<Widgets.Block> find(String slug, String id) {
        // in dev mode the page a learner sees waits for an edit under way; so does its widget
        Course course = (dev ? state.settled() : state.snapshot()).course();
        if (course == null || slug == null || id == null) {
            return Optional.empty();
        }
        return course.lesson(slug).flatMap(lesson -> lesson.embeds().stream()
                .filter(e -> e.block() != null && id.equals(id(e)))
                .map(Embed::block).findFirst());
    }
}
