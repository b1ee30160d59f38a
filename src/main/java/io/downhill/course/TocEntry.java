package io.downhill.course;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One h2/h3 heading of a lesson, for the on-page contents: its words and its inline maths, in
 * order, so the contents typeset the maths as the heading does.
 */
public record TocEntry(int level, String id, List<Part> parts) {
    /** A run of the heading: plain words (and code), or the TeX source of an inline formula. */
    public record Part(String text, boolean maths) {}

    public TocEntry {
        parts = List.copyOf(parts);
    }

    /** A heading of words only. */
    public TocEntry(int level, String id, String text) {
        this(level, id, List.of(new Part(text, false)));
    }

    /** What the heading says, its maths as TeX source. */
    public String text() {
        return parts.stream().map(Part::text).collect(Collectors.joining());
    }
}
