package io.downhill.course;

/**
 * A fenced block that becomes something interactive ({@code widget}, later {@code quiz}): its
 * kind, its YAML text, and the 0-based line of its first YAML line within the markdown body.
 */
public record EmbeddedBlock(String kind, String yaml, int bodyLine) {}
