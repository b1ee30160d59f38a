package io.downhill.course;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole course, immutable: a reload builds a new one. */
public final class Course {
    private final CourseConfig config;
    private final List<Part> parts;
    private final List<Lesson> lessons;
    private final Map<String, Lesson> bySlug;
    private final List<ContentIssue> warnings;
    private final ContentFiles files;

    public Course(CourseConfig config, List<Part> parts, List<ContentIssue> warnings) {
        this(config, parts, warnings, ContentFiles.none());
    }

    public Course(CourseConfig config, List<Part> parts, List<ContentIssue> warnings, ContentFiles files) {
        this.config = config;
        this.files = files;
        this.parts = List.copyOf(parts);
        List<Lesson> all = new ArrayList<>();
        Map<String, Lesson> index = new LinkedHashMap<>();
        for (Part part : parts) {
            for (Lesson lesson : part.lessons()) {
                all.add(lesson);
                index.put(lesson.slug(), lesson);
            }
        }
        this.lessons = List.copyOf(all);
        this.bySlug = Collections.unmodifiableMap(index);
        this.warnings = List.copyOf(warnings);
    }

    public CourseConfig config() {
        return config;
    }

    public List<Part> parts() {
        return parts;
    }

    /** Every lesson in reading order. */
    public List<Lesson> lessons() {
        return lessons;
    }

    public List<ContentIssue> warnings() {
        return warnings;
    }

    /** The files next to the lessons that lessons link to: the only ones learners may fetch. */
    public ContentFiles files() {
        return files;
    }

    public Optional<Lesson> lesson(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    public Optional<Lesson> previous(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i > 0 ? Optional.of(lessons.get(i - 1)) : Optional.empty();
    }

    public Optional<Lesson> next(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i >= 0 && i < lessons.size() - 1 ? Optional.of(lessons.get(i + 1)) : Optional.empty();
    }

    public Optional<Part> part(Lesson lesson) {
        return parts.stream().filter(p -> p.slug().equals(lesson.partSlug())).findFirst();
    }
}
