package io.downhill.course;

/** A place in a markdown body: 0-based line, 1-based column. */
public record SourcePos(int bodyLine, int column) {}
