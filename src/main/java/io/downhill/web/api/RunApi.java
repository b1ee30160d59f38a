package io.downhill.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.downhill.optim.Catalog;
import io.downhill.optim.Work;
import io.downhill.web.Compute;
import io.downhill.web.Json;
import io.downhill.web.RunRequests;
import io.downhill.web.stream.EncodedRun;
import io.downhill.web.stream.InFlightRuns;
import io.downhill.web.stream.ReadyRuns;
import io.downhill.web.stream.RunCache;
import io.downhill.web.stream.RunJob;
import io.downhill.web.stream.StepFields;
import io.downhill.web.stream.Streams;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs over HTTP: {@code POST /api/runs} (a spec in the body), {@code GET /api/runs?spec=…} (the same
 * answer, cacheable by browsers and proxies) and {@code GET /api/runs/stream?spec=…} (Server-Sent
 * Events); and the catalogues that let widgets build their controls from the engine's own lists.
 * Every run is written as it is computed, in fair slices, from the run cache when it is there.
 */
final class RunApi {
    private final byte[] problems;
    private final byte[] optimizers;
    private final byte[] schedules;
    private final Compute compute;
    private final RunCache cache;
    private final ReadyRuns ready;
    private final InFlightRuns inFlight = new InFlightRuns();

    RunApi(Compute compute, RunCache cache, ReadyRuns ready) {
        this.compute = compute;
        this.cache = cache;
        this.ready = ready;
        try {
            problems = Json.MAPPER.writeValueAsBytes(Map.of("problems", Catalog.problems()));
            optimizers = Json.MAPPER.writeValueAsBytes(Map.of("optimizers", Catalog.optimizers()));
            schedules = Json.MAPPER.writeValueAsBytes(Map.of("schedules", Catalog.schedules()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the catalogue cannot be written as JSON", e);
        }
    }

    void problems(Context ctx) {
        sendCatalogue(ctx, problems);
    }

    void optimizers(Context ctx) {
        sendCatalogue(ctx, optimizers);
    }

    void schedules(Context ctx) {
        sendCatalogue(ctx, schedules);
    }

    private static void sendCatalogue(Context ctx, byte[] json) {
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("application/json").result(json);
    }

    /** {@code POST /api/runs}: the body is read without holding a thread, then the run is written as it goes. */
    void post(Context ctx) {
        ctx.future(() -> compute.body(ctx, RunRequests.MAX_BODY_BYTES).thenCompose(body -> {
            Asked asked = new Asked(ReadyRuns.request("post", null, new String(body, StandardCharsets.UTF_8)),
                    RunJob.Format.JSON, -1, false, System.nanoTime());
            ReadyRuns.Ready found = ready.find(asked.request());
            return found != null ? ReadyRuns.send(ctx, compute, found, false, asked.start())
                    : answer(ctx, asked, new RunCache.Key(RunRequests.parseSpec(body), StepFields.ALL), true);
        }));
    }

    /** {@code GET /api/runs?spec=…&fields=…}: the whole trajectory, with a strong ETag. */
    void get(Context ctx) {
        Asked asked = new Asked(ReadyRuns.request("json", ctx.queryParam("fields"), RunRequests.specParam(ctx)),
                RunJob.Format.JSON, -1, true, System.nanoTime());
        answerGet(ctx, asked);
    }

    /** {@code GET /api/runs/stream?spec=…}: Server-Sent Events, resumable with {@code Last-Event-ID}. */
    void stream(Context ctx) {
        Streams.eventHeaders(ctx);
        Asked asked = new Asked(ReadyRuns.request("events", ctx.queryParam("fields"), RunRequests.specParam(ctx)),
                RunJob.Format.EVENTS, Streams.lastEventId(ctx), true, System.nanoTime());
        answerGet(ctx, asked);
    }

    /**
     * A request for a run: its text (how the ready response is found), the format, the last step
     * the client has (-1: none), whether it may be cached, and when the handler began.
     */
    private record Asked(String request, RunJob.Format format, long resumeAfter, boolean cacheable, long start) {
        boolean whole() {
            return resumeAfter < 0;
        }
    }

    private void answerGet(Context ctx, Asked asked) {
        ReadyRuns.Ready found = asked.whole() ? ready.find(asked.request()) : null;
        if (found != null) {
            // written by Jetty as the reader takes it, with no async context to set up (OneWrite)
            ReadyRuns.send(ctx, compute, found, true, asked.start());
            return;
        }
        RunCache.Key key = new RunCache.Key(RunRequests.parseSpec(RunRequests.specParam(ctx)), StepFields.parse(ctx.queryParam("fields")));
        String format = asked.format() == RunJob.Format.EVENTS ? "events" : "json";
        if (cacheHeaders(ctx, key, format, asked.resumeAfter()) || asked.format() == RunJob.Format.EVENTS) {
            ctx.future(() -> answer(ctx, asked, key, true));
        }
    }

    /**
     * Answers from a ready response when the run is cached; else computes it, once for all the
     * learners who ask for it at the same moment: the first computes, the others wait for it and
     * are then answered from the cache (or compute their own when it could not be kept).
     */
    private CompletableFuture<Void> answer(Context ctx, Asked asked, RunCache.Key key, boolean mayWait) {
        if (asked.whole()) {
            ReadyRuns.Ready made = ready.find(asked.request(), key, asked.format(), cache);
            if (made != null) {
                return ReadyRuns.send(ctx, compute, made, asked.cacheable(), asked.start());
            }
        }
        RunJob job = RunJob.of(key, asked.format(), asked.resumeAfter(), cache);
        long cost = job.free() ? 0 : Work.run(key.spec());
        Compute.requireWithinBound(cost, "stop.max_steps", "Ask for fewer steps or a simpler function.");
        if (!job.free() && mayWait) {
            CompletableFuture<EncodedRun> computing = inFlight.lead(key, job, cache);
            if (computing != null) {
                return computing.thenComposeAsync(run -> answer(ctx, asked, key, false));
            }
        }
        String type = asked.format() == RunJob.Format.EVENTS ? Streams.EVENT_STREAM : "application/json";
        try {
            return compute.respondLater(ctx, cost, type, asked.format() == RunJob.Format.EVENTS, job);
        } catch (RuntimeException refused) {
            job.close(); // those waiting for this run compute their own
            throw refused;
        }
    }

    /**
     * Sets ETag and Cache-Control; answers 304 when the client's copy is current.
     *
     * @return false when a 304 was set and nothing more is to be sent
     */
    private static boolean cacheHeaders(Context ctx, RunCache.Key key, String format, long resumeAfter) {
        String etag = RunCache.etag(key, format, resumeAfter);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", RunRequests.CACHE_CONTROL);
        String match = ctx.header("If-None-Match");
        if (match != null && (match.contains(etag) || match.strip().equals("*"))) {
            ctx.status(304);
            return false;
        }
        return true;
    }
}
