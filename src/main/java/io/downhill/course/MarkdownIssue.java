package io.downhill.course;

/** Something wrong in a markdown body: 0-based body line, 1-based column, and what is wrong. */
public record MarkdownIssue(int bodyLine, int column, String message) {}
