package io.downhill.web.api;

import io.downhill.web.Compute;
import io.downhill.web.RunRequests;
import io.downhill.web.stream.Streams;
import io.downhill.web.stream.TrainJob;
import io.downhill.web.stream.TrainingSpec;
import io.javalin.http.Context;

/**
 * {@code GET /api/train/stream?spec={…}}: a small network trained step by step as Server-Sent
 * Events, resumable with {@code Last-Event-ID}; its whole cost (steps and decision surfaces) is
 * bounded before it starts.
 */
final class TrainApi {
    private TrainApi() {}

    static void stream(Context ctx, Compute compute) {
        TrainingSpec spec = TrainingSpec.parse(RunRequests.specParam(ctx));
        long resumeAfter = Streams.lastEventId(ctx);
        Streams.eventHeaders(ctx);
        ctx.header("Cache-Control", "no-cache");
        compute.respond(ctx, spec.work(), Streams.EVENT_STREAM, true, new TrainJob(spec, resumeAfter));
    }
}
