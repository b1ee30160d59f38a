package io.downhill.web;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;

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
            gzip.setMinGzipSize(1024);
            gzip.setSyncFlush(true);
            context.insertHandler(gzip);
        });
    }
}
