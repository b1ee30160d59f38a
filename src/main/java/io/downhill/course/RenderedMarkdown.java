package io.downhill.course;

import java.util.List;

/** A markdown body turned into HTML once, with what the page around it needs to know. */
public record RenderedMarkdown(String html, List<TocEntry> toc, int words, boolean hasMath, boolean hasCode,
                               List<EmbeddedBlock> blocks, List<LinkRef> links, List<MarkdownIssue> issues) {}
