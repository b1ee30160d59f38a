package io.downhill.course;

/** A link or image in a lesson, with its 0-based line and 1-based column in the markdown body. */
public record LinkRef(String destination, int bodyLine, int column, boolean image) {}
