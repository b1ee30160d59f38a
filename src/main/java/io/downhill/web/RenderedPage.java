package io.downhill.web;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A page rendered once: its bytes, its gzip bytes and its ETag, all computed up front so that
 * serving it costs no templating, no hashing and no compression.
 */
record RenderedPage(byte[] raw, byte[] gzip, String etag) {
    private static final String CONTENT_TYPE = "text/html; charset=utf-8";

    static RenderedPage of(String html) {
        byte[] raw = html.getBytes(StandardCharsets.UTF_8);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3);
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(raw);
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return new RenderedPage(raw, out.toByteArray(), "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the page straight to the servlet response with its length, so it goes out in one
     * piece rather than chunked, and skips the copy through Javalin's result stream (a fresh 32 KB
     * buffer per request) and its compression wrapper: the bytes are already gzipped. The write
     * does not block: a class loading the page at once holds no thread per slow reader.
     */
    void send(Context ctx) {
        HttpServletRequest req = ctx.req();
        HttpServletResponse res = ctx.res();
        String accept = req.getHeader("Accept-Encoding");
        boolean gzipped = accept != null && accept.contains("gzip");
        byte[] body = gzipped ? gzip : raw;
        res.setContentType(CONTENT_TYPE);
        res.setHeader("ETag", etag);
        res.setHeader("Vary", "Accept-Encoding");
        if (gzipped) {
            res.setHeader("Content-Encoding", "gzip");
        }
        String match = req.getHeader("If-None-Match");
        if (match != null && match.contains(etag)) {
            res.setStatus(304);
            res.setContentLength(0);
            return;
        }
        res.setContentLength(body.length);
        ctx.future(() -> OneWrite.start(ctx, body));
    }
}
