package io.downhill.course;

/**
 * A link or image in a lesson, with its 0-based line and 1-based column in the markdown body:
 * where it points on the site, and how the author wrote it (for messages).
 */
public record LinkRef(String destination, String written, int bodyLine, int column, boolean image) {}
