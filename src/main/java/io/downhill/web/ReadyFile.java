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
 * A page or file held in memory: its bytes, its gzip bytes (null when compressing would not pay,
 * as for fonts and images) and its ETag, all computed up front so that serving it costs no
 * templating, no hashing and no compression.
 */
public record ReadyFile(byte[] raw, byte[] gzip, String etag, String contentType) {
    public static ReadyFile page(String html) {
        return of(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", true);
    }

    static ReadyFile of(byte[] raw, String contentType, boolean compress) {
        try {
            byte[] gzip = null;
            if (compress) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3);
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(raw);
                }
                gzip = out.toByteArray();
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return new ReadyFile(raw, gzip, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"", contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the file straight to the servlet response with its length, so it goes out in one
     * piece rather than chunked, and skips the copy through Javalin's result stream (a fresh 32 KB
     * buffer per request) and its compression wrapper: the bytes are already gzipped. The write
     * does not block: a class loading the page at once holds no thread per slow reader.
     */
    public void send(Context ctx) {
        HttpServletRequest req = ctx.req();
        HttpServletResponse res = ctx.res();
        String accept = req.getHeader("Accept-Encoding");
        boolean gzipped = gzip != null && accept != null && accept.contains("gzip");
        res.setContentType(contentType);
        res.setHeader("ETag", etag);
        if (gzip != null) {
            res.setHeader("Vary", "Accept-Encoding");
        }
        if (gzipped) {
            res.setHeader("Content-Encoding", "gzip");
        }
        String match = req.getHeader("If-None-Match");
        if (match != null && match.contains(etag)) {
            res.setStatus(304);
            res.setContentLength(0);
            return;
        }
        OneWrite.send(ctx, gzipped ? gzip : raw);
    }
}
