package io.downhill.course;

import java.util.List;

/** One page of the course, its HTML rendered once when the file was loaded. */
public record Lesson(
        String slug,
        String title,
        String description,
        List<String> tags,
        boolean draft,
        String partSlug,
        String source,
        RenderedMarkdown body,
        List<Embed> embeds) {

    private static final int WORDS_PER_MINUTE = 200;

    public int readingMinutes() {
        return Math.max(1, (int) Math.ceil(body.words() / (double) WORDS_PER_MINUTE));
    }

    public String html() {
        return body.html();
    }

    public List<TocEntry> toc() {
        return body.toc();
    }
}
