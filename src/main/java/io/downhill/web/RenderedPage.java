package io.downhill.web;

import io.javalin.http.Context;
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

    void send(Context ctx) {
        ctx.header("ETag", etag);
        ctx.header("Vary", "Accept-Encoding");
        String match = ctx.header("If-None-Match");
        if (match != null && match.contains(etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("text/html; charset=utf-8");
        String accept = ctx.header("Accept-Encoding");
        if (accept != null && accept.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(gzip);
        } else {
            ctx.result(raw);
        }
    }
}
