package io.downhill.web.pages;

import io.downhill.course.Course;
import io.downhill.web.CourseState;
import io.downhill.web.OneWrite;
import io.downhill.web.SecurityHeaders;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Images and other files next to the lessons, at the URL a relative link in a lesson resolves to
 * ({@code /lessons/img/figure.png}). Only files that a published lesson references are served
 * (see {@link io.downhill.course.ContentFiles}); the request path is decoded and normalised and then
 * looked up, so no spelling of a URL reaches any other file.
 */
public final class LessonFiles {
    private static final String PREFIX = "/lessons/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("svg", "image/svg+xml"), Map.entry("ico", "image/x-icon"),
            Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("tsv", "text/tab-separated-values; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("pdf", "application/pdf"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"));

    private final CourseState state;

    public LessonFiles(CourseState state) {
        this.state = state;
    }

    /** Route handler for {@code /lessons/<file>}: the file, or 404. */
    public void serve(Context ctx) {
        if (!send(ctx)) {
            throw new NotFoundResponse();
        }
    }

    /** Sends the referenced file this request names; false when it names none. */
    boolean send(Context ctx) {
        Course course = state.snapshot().course();
        String relative = relativePath(ctx);
        if (course == null || relative == null) {
            return false;
        }
        Optional<Path> file = course.files().find(relative);
        if (file.isEmpty()) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.get());
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
        String name = file.get().getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(ext);
        if (type == null) {
            type = "application/octet-stream";
            ctx.header("Content-Disposition", "attachment");
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Content-Security-Policy", SecurityHeaders.CONTENT_FILE_POLICY);
        ctx.contentType(type);
        // written without blocking: a reader that stops reading holds no request thread
        OneWrite.send(ctx, bytes);
        return true;
    }

    /** The still-encoded path after {@code /lessons/}, as the client sent it. */
    private static String relativePath(Context ctx) {
        String uri = ctx.req().getRequestURI();
        String context = ctx.contextPath().equals("/") ? "" : ctx.contextPath();
        if (!uri.startsWith(context + PREFIX)) {
            return null;
        }
        return uri.substring(context.length() + PREFIX.length());
    }
}
