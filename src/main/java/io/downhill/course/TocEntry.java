package io.downhill.course;

/** One h2/h3 heading of a lesson, for the on-page contents. */
public record TocEntry(int level, String id, String text) {}
