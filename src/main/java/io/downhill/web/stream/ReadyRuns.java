package io.downhill.web.stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.downhill.web.Compute;
import io.downhill.web.OneWrite;
import io.downhill.web.RunRequests;
import io.downhill.web.work.Admission;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;

/**
 * Whole run responses ready to send, raw and gzipped, found by the request's own text: the
 * second learner to ask for a widget's default run costs a lookup and one write, with no JSON
 * parsed, no step framed and nothing hashed or compressed. A response is made ready, from the
 * run cache, the first time its run is asked for again; a request written differently for the
 * same run (other spacing, key order, defaults spelled out) finds it through its canonical key.
 */
public final class ReadyRuns {

    /** A response as it goes out: its validator, its type and its body in both encodings. */
    public record Ready(String etag, String contentType, byte[] raw, byte[] gzip) {
        int weight() {
            return raw.length + gzip.length + etag.length() + 96;
        }
    }

    /** What a response is made of, whatever the request's spelling. */
    private record Canonical(RunCache.Key key, RunJob.Format format) {}

    private final Cache<String, Canonical> requests;
    private final Cache<Canonical, Ready> responses;
    private final boolean enabled;

    public ReadyRuns(long maxBytes) {
        this.enabled = maxBytes > 0;
        // the spellings are small; keep a few per response, bounded by their own characters
        this.requests = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, maxBytes / 8))
                .weigher((String text, Canonical c) -> 2 * text.length() + 64)
                .build();
        this.responses = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, maxBytes))
                .weigher((Canonical c, Ready r) -> r.weight())
                .build();
    }

    /** The text that identifies a request for a whole run: where it came, its fields and its spec. */
    public static String request(String kind, String fields, String spec) {
        return kind + '\n' + (fields == null ? "" : fields) + '\n' + spec;
    }

    /** The ready response for a request spelled exactly like an earlier one, or null. */
    public Ready find(String request) {
        if (!enabled) {
            return null;
        }
        Canonical canonical = requests.getIfPresent(request);
        return canonical == null ? null : responses.getIfPresent(canonical);
    }

    /**
     * The ready response for a parsed request: found, or made now from the run cache when its run
     * is there (and remembered under this spelling); null when the run must be computed.
     */
    public Ready find(String request, RunCache.Key key, RunJob.Format format, RunCache runs) {
        if (!enabled) {
            return null;
        }
        Canonical canonical = new Canonical(key, format);
        Ready ready = responses.getIfPresent(canonical);
        if (ready == null) {
            EncodedRun run = runs.get(key);
            if (run == null) {
                return null;
            }
            ready = make(key, format, run);
            responses.put(canonical, ready);
        }
        requests.put(request, canonical);
        return ready;
    }

    /** The whole response cut from a cached run: the same bytes a computed one has. */
    private static Ready make(RunCache.Key key, RunJob.Format format, EncodedRun run) {
        RunJob job = RunJob.whole(key, format, run);
        ByteArrayOutputStream raw = new ByteArrayOutputStream(run.weight() + 1024);
        try {
            while (job.step(raw)) {
                // every step is already encoded: this only copies
            }
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(raw.size() / 3 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                raw.writeTo(gz);
            }
            String etag = RunCache.etag(key, format == RunJob.Format.EVENTS ? "events" : "json", -1);
            String type = format == RunJob.Format.EVENTS ? Streams.EVENT_STREAM : "application/json";
            return new Ready(etag, type, raw.toByteArray(), zipped.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends a ready response: 304 when the client's copy is current; gzipped when the client takes
     * it (with its own validator, since the bytes differ); written without holding a thread.
     *
     * @param cacheable whether validators and {@code Cache-Control} go with it (GET, not POST)
     * @param startNanos when the handler began, for {@code Server-Timing}
     */
    public static CompletableFuture<Void> send(Context ctx, Compute compute, Ready ready, boolean cacheable, long startNanos) {
        // no work to queue, but an open response all the same: it counts against the client's share
        // (taken first, so that a refusal carries none of the headers of a cacheable answer)
        Admission.Ticket ticket = compute.admit(ctx, 0);
        HttpServletResponse res = ctx.res();
        String accept = ctx.header("Accept-Encoding");
        boolean gzipped = accept != null && accept.contains("gzip");
        String etag = gzipped ? ready.etag().substring(0, ready.etag().length() - 1) + "-gz\"" : ready.etag();
        res.setContentType(ready.contentType());
        res.setHeader("Vary", "Accept-Encoding");
        if (cacheable) {
            res.setHeader("ETag", etag);
            res.setHeader("Cache-Control", RunRequests.CACHE_CONTROL);
            String match = ctx.header("If-None-Match");
            if (match != null && (match.contains(etag) || match.strip().equals("*"))) {
                ticket.close();
                res.setStatus(304);
                return CompletableFuture.completedFuture(null);
            }
        }
        byte[] body = gzipped ? ready.gzip() : ready.raw();
        if (gzipped) {
            res.setHeader("Content-Encoding", "gzip");
        }
        res.setHeader("Server-Timing", String.format(Locale.ROOT, "cache;desc=\"ready\";dur=%.3f",
                (System.nanoTime() - startNanos) / 1e6));
        res.setContentLength(body.length);
        res.setStatus(200);
        return OneWrite.start(ctx, body).whenComplete((ok, error) -> ticket.close());
    }
}
