package io.downhill.web;

import io.javalin.config.JavalinConfig;
import java.util.zip.Deflater;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.compression.CompressionPool;
import org.eclipse.jetty.util.compression.DeflaterPool;

/**
 * gzip for the API's answers: runs, landscapes and event streams are JSON full of long decimal
 * numbers, about a third of their size compressed. Pages and static files are compressed once
 * ahead of time and already carry {@code Content-Encoding}, so they pass through untouched.
 * Every write is flushed through the compressor, so a stream's frames still arrive one by one.
 * Jetty marks a compressed answer's ETag with a suffix and still honours {@code If-None-Match}.
 */
final class ApiCompression {
    private ApiCompression() {}

    static void install(JavalinConfig config) {
        config.jetty.modifyServletContextHandler(context -> {
            GzipHandler gzip = new GzipHandler();
            // Jetty leaves event streams out by default; ours flush through the compressor
            gzip.setExcludedMimeTypes();
            gzip.setIncludedMimeTypes("application/json", "application/problem+json", "text/event-stream");
            gzip.setIncludedMethods("GET", "POST");
            // pages and files are compressed ahead of time: they need not pass through the wrapper
            gzip.setIncludedPaths("/api/*");
            gzip.setMinGzipSize(1024);
            gzip.setSyncFlush(true);
            // runs asked for again go out gzipped ahead of time (ReadyRuns); what is compressed here
            // is computed as it goes, so the fastest level: about 3x cheaper than the default for JSON
            // numbers, at a few percent more bytes
            gzip.setDeflaterPool(new DeflaterPool(CompressionPool.DEFAULT_CAPACITY, Deflater.BEST_SPEED, true));
            context.insertHandler(gzip);
        });
    }
}
