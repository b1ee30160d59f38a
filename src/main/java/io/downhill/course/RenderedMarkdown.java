package io.downhill.course;

import java.util.List;

/**
 * A markdown body turned into safe HTML once, with what the page around it needs to know:
 * {@code unsafe} is what the sanitiser removed, {@code files} the relative links and image sources
 * that may point at files next to the lessons.
 */
public record RenderedMarkdown(String html, List<TocEntry> toc, int words, boolean hasMath, boolean hasCode,
                               List<EmbeddedBlock> blocks, List<LinkRef> links, List<MarkdownIssue> issues,
                               List<SafeHtml.Finding> unsafe, List<String> files) {}
