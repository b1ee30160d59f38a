package io.downhill.web;

import io.downhill.optim.RunSpec;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/runs/stream}: a run as Server-Sent Events. Each stream writes without blocking:
 * it computes and sends a few frames whenever its connection can take them, then yields, so no
 * thread is held per stream and thousands of streams share a few threads. The run is
 * deterministic, so a reconnect with {@code Last-Event-ID} replays up to that step without sending
 * it, and nothing is stored.
 */
final class RunStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunStreams.class);
    static final int MAX_SPEC_CHARS = 12 * 1024;
    static final int FRAMES_PER_TURN = 4;
    static final long FRAME_GAP_MILLIS = 2;
    static final long MAX_STREAM_MILLIS = 120_000;
    private static final String SPEC_ATTRIBUTE = "downhill.spec";

    private final int maxStreams;
    private final int maxStreamsPerClient;
    private final boolean trustProxy;
    private final AtomicInteger active = new AtomicInteger();
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    RunStreams(int maxStreams, int maxStreamsPerClient, boolean trustProxy) {
        this.maxStreams = maxStreams;
        this.maxStreamsPerClient = maxStreamsPerClient;
        this.trustProxy = trustProxy;
        AtomicInteger n = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "downhill-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    int activeStreams() {
        return active.get();
    }

    /**
     * Runs before the SSE handler, while a plain HTTP answer is still possible: a bad spec is a
     * 400 and a full server a 429, both as problem+json, instead of an event stream.
     */
    void admit(Context ctx) {
        String json = specParam(ctx);
        RunSpec spec = RunApi.parseSpec(json.getBytes(StandardCharsets.UTF_8));
        StepFields fields = StepFields.parse(ctx.queryParam("fields"));
        long resumeAfter = lastEventId(ctx);
        reserve(ctx, () -> new RunFrames(spec, fields, resumeAfter));
    }

    /** The same admission for {@code GET /api/train/stream}: a network's training as events. */
    void admitTraining(Context ctx) {
        TrainingSpec spec = TrainingSpec.parse(specParam(ctx));
        long resumeAfter = lastEventId(ctx);
        reserve(ctx, () -> new TrainFrames(spec, resumeAfter));
    }

    private static String specParam(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiProblem(406, "Not acceptable", "Accept",
                    "this endpoint answers text/event-stream only; send 'Accept: text/event-stream' (EventSource does)");
        }
        String json = ctx.queryParam("spec");
        if (json == null || json.isBlank()) {
            throw ApiProblem.badRequest("spec", "is required: the URL-encoded JSON spec");
        }
        if (json.length() > MAX_SPEC_CHARS) {
            throw ApiProblem.badRequest("spec", "must be at most " + MAX_SPEC_CHARS + " characters");
        }
        return json;
    }

    /** Takes a slot for this client and for the server, or answers 429. */
    private void reserve(Context ctx, java.util.function.Supplier<FrameSource> source) {
        String client = clientKey(ctx);
        AtomicInteger mine = perClient.computeIfAbsent(client, k -> new AtomicInteger());
        if (mine.incrementAndGet() > maxStreamsPerClient) {
            release(client, mine, false);
            tooMany(ctx, "this client already has " + maxStreamsPerClient + " open run streams; close one first");
        }
        if (active.incrementAndGet() > maxStreams) {
            release(client, mine, true);
            tooMany(ctx, "the server is at its limit of " + maxStreams + " open run streams; try again in a moment");
        }
        ctx.attribute(SPEC_ATTRIBUTE, new Admitted(source, client, mine));
    }

    /** What a stream will send, made only once the stream starts, and whose slot it holds. */
    record Admitted(java.util.function.Supplier<FrameSource> source, String client, AtomicInteger perClient) {}

    private static void tooMany(Context ctx, String detail) {
        ctx.header("Retry-After", "1");
        throw new ApiProblem(429, "Too many streams", null, detail);
    }

    private void release(String client, AtomicInteger mine, boolean global) {
        if (global) {
            active.decrementAndGet();
        }
        if (mine.decrementAndGet() <= 0) {
            perClient.remove(client, mine);
        }
    }

    /**
     * The SSE handler: switches the response to non-blocking writes and returns at once. From then
     * on Jetty calls the task when the connection can take more bytes, so a slow reader never
     * holds a thread, and a fast one is fed a few frames per turn to share the CPU fairly.
     */
    void stream(SseClient client) {
        Admitted admitted = client.ctx().attribute(SPEC_ATTRIBUTE);
        if (admitted == null) {
            client.close();
            return;
        }
        client.keepAlive();
        Task task = new Task(client, admitted);
        client.onClose(task::stop);
        try {
            ServletOutputStream out = client.ctx().res().getOutputStream();
            task.out = out;
            out.setWriteListener(task);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot start a stream", e);
            task.finish();
        }
    }

    /** One stream: replays to the resume point, then writes frames while the connection is ready. */
    private final class Task implements WriteListener {
        private final SseClient client;
        private final Admitted admitted;
        private final FrameSource source;
        private final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_STREAM_MILLIS);
        private ServletOutputStream out;
        private boolean done;
        private boolean released;

        Task(SseClient client, Admitted admitted) {
            this.client = client;
            this.admitted = admitted;
            this.source = admitted.source().get();
        }

        @Override
        public void onWritePossible() {
            pump();
        }

        @Override
        public void onError(Throwable error) {
            LOG.debug("stream closed by the client", error);
            finish();
        }

        /** Writes up to a few frames; reschedules itself if the connection could take more. */
        private synchronized void pump() {
            try {
                int budget = FRAMES_PER_TURN;
                while (!done && out.isReady()) {
                    if (budget-- == 0) {
                        scheduler.schedule(this::pump, FRAME_GAP_MILLIS, TimeUnit.MILLISECONDS);
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        write("error", null, "{\"detail\":\"the stream ran longer than its time limit\"}");
                        finish();
                        return;
                    }
                    String frame = source.nextFrame();
                    if (frame != null) {
                        write("frame", source.lastId(), frame);
                    } else if (!source.hasNext()) {
                        write("done", null, source.doneJson());
                        if (out.isReady()) {
                            out.flush();
                        }
                        finish();
                        return;
                    }
                    if (out.isReady()) {
                        out.flush();
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("stream ended by an error", e);
                finish();
            }
        }

        private void write(String event, String id, String data) throws IOException {
            StringBuilder sb = new StringBuilder(data.length() + 40);
            if (id != null) {
                sb.append("id: ").append(id).append('\n');
            }
            sb.append("event: ").append(event).append('\n').append("data: ").append(data).append("\n\n");
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }

        void stop() {
            synchronized (this) {
                done = true;
                if (released) {
                    return;
                }
                released = true;
            }
            release(admitted.client(), admitted.perClient(), true);
        }

        void finish() {
            stop();
            client.close();
        }
    }

    /**
     * The last step the client already has: the {@code Last-Event-ID} of an EventSource reconnect,
     * or {@code from} when a widget forks a run and keeps the steps it has. -1 means none.
     */
    private static long lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        String field = "Last-Event-ID";
        if (header == null || header.isBlank()) {
            header = ctx.queryParam("from");
            field = "from";
        }
        if (header == null || header.isBlank()) {
            return -1;
        }
        try {
            long id = Long.parseLong(header.strip());
            if (id < -1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(field, "must be the index of a step already received (a whole number >= 0)");
        }
    }

    private String clientKey(Context ctx) {
        if (trustProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return ctx.req().getRemoteAddr();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
