package io.downhill.course;

import java.util.List;

/** A folder of lessons. The top-level folder is a part with an empty title. */
public record Part(String slug, String title, String description, List<Lesson> lessons) {
    public boolean hasTitle() {
        return !title.isEmpty();
    }
}
