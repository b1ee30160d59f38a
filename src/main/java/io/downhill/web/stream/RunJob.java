package io.downhill.web.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import io.downhill.optim.Run;
import io.downhill.optim.Step;
import io.downhill.web.Json;
import io.downhill.web.work.Job;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One run's response, a step per piece of work: as Server-Sent Events (frames of 50 steps after the
 * resume point, then {@code done}) or as one JSON document ({@code {"steps":[…],"status":…}}).
 * The steps come from the cache when the run is there; otherwise they are computed, and the run is
 * kept for the next learner when it is small enough.
 */
public final class RunJob implements Job {
    static final int STEPS_PER_FRAME = 50;
    private static final byte[] JSON_HEAD = "{\"steps\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TIME_LIMIT = ("event: error\ndata: {\"detail\":\"the stream ran longer than its time limit\"}\n\n")
            .getBytes(StandardCharsets.UTF_8);

    public enum Format { EVENTS, JSON }

    private final RunCache.Key key;
    private final Format format;
    private final long resumeAfter;
    private final RunCache cache;
    private final EncodedRun cached;
    private final Run run;
    private final StepEncoder encoder;
    private EncodedRun.Builder keep;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(1024);
    private int frameSteps;
    private int lastInFrame;
    private int next;
    private boolean headWritten;
    private boolean anyWritten;
    private java.util.function.Consumer<EncodedRun> kept;

    private RunJob(RunCache.Key key, Format format, long resumeAfter, RunCache cache, EncodedRun cached) {
        this.key = key;
        this.format = format;
        this.resumeAfter = resumeAfter;
        this.cache = cache;
        this.cached = cached;
        if (cached == null) {
            this.run = Run.start(key.spec());
            this.encoder = new StepEncoder(key.fields());
        } else {
            this.run = null;
            this.encoder = null;
        }
    }

    /** The response from the cache when the run is there, else computed (and cached if it fits). */
    public static RunJob of(RunCache.Key key, Format format, long resumeAfter, RunCache cache) {
        return new RunJob(key, format, resumeAfter, cache, cache.get(key));
    }

    /** The whole response (no resume point) cut from a finished run. */
    static RunJob whole(RunCache.Key key, Format format, EncodedRun run) {
        return new RunJob(key, format, -1, null, run);
    }

    /**
     * Calls {@code then} once with the run as kept in the cache when the job finishes, or with
     * null when it ends without one (too large, or its client left).
     */
    void whenKept(java.util.function.Consumer<EncodedRun> then) {
        this.kept = then;
    }

    private void tellKept(EncodedRun run) {
        java.util.function.Consumer<EncodedRun> then = kept;
        kept = null;
        if (then != null) {
            then.accept(run);
        }
    }

    /** A run cut short (its client left) gives back its place among the runs being gathered. */
    @Override
    public void close() {
        if (keep != null) {
            keep.close();
        }
        tellKept(null);
    }

    @Override
    public boolean free() {
        return cached != null;
    }

    @Override
    public byte[] timeLimitNotice() {
        return format == Format.EVENTS ? TIME_LIMIT : null;
    }

    @Override
    public boolean step(ByteArrayOutputStream out) throws IOException {
        if (!headWritten && format == Format.JSON) {
            out.write(JSON_HEAD);
        }
        headWritten = true;
        if (cached != null ? next < cached.size() : run.hasNext()) {
            int t = next++;
            if (cached != null) {
                if (t > resumeAfter) {
                    emit(t, cached.steps(), cached.start(t), cached.ends()[t] - cached.start(t), out);
                }
            } else {
                Step step = run.next();
                encoder.encode(step);
                if (t == 0) {
                    cache.countComputed();
                    // decide from the first step's size whether the whole run could be kept
                    long expected = (long) encoder.length() * (key.spec().stop().maxSteps() + 1);
                    keep = cache.gather(expected);
                }
                if (keep != null) {
                    keep.add(encoder.buffer(), encoder.offset(), encoder.length());
                }
                if (t > resumeAfter) {
                    emit(t, encoder.buffer(), encoder.offset(), encoder.length(), out);
                }
            }
            return true;
        }
        byte[] status = cached != null ? cached.status() : encoder.status(run.status());
        finish(status, out);
        if (cached == null) {
            EncodedRun built = keep == null ? null : keep.build(status);
            keep = null;
            cache.put(key, built);
            tellKept(built);
        }
        return false;
    }

    private void emit(int t, byte[] bytes, int offset, int length, ByteArrayOutputStream out) {
        if (format == Format.JSON) {
            if (anyWritten) {
                out.write(',');
            }
            out.write(bytes, offset, length);
            anyWritten = true;
            return;
        }
        if (frameSteps > 0) {
            frame.write(',');
        }
        frame.write(bytes, offset, length);
        frameSteps++;
        lastInFrame = t;
        if (frameSteps == STEPS_PER_FRAME) {
            writeFrame(out);
        }
    }

    private void writeFrame(ByteArrayOutputStream out) {
        if (frameSteps == 0) {
            return;
        }
        out.writeBytes(("id: " + lastInFrame + "\nevent: frame\ndata: {\"steps\":[").getBytes(StandardCharsets.UTF_8));
        out.write(frame.toByteArray(), 0, frame.size());
        out.writeBytes("]}\n\n".getBytes(StandardCharsets.UTF_8));
        frame.reset();
        frameSteps = 0;
    }

    private void finish(byte[] status, ByteArrayOutputStream out) {
        if (format == Format.JSON) {
            out.writeBytes("],\"status\":".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(status);
            out.write('}');
            return;
        }
        writeFrame(out);
        out.writeBytes("event: done\ndata: {\"status\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(status);
        out.writeBytes("}\n\n".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Encodes steps one at a time with one generator kept inside an array, so each step costs no
     * generator of its own; the separator the array puts before an element is cut off.
     */
    private static final class StepEncoder {
        private final StepFields fields;
        private final Sink sink = new Sink();
        private final JsonGenerator g;
        private int offset;
        private Step previous;

        StepEncoder(StepFields fields) {
            this.fields = fields;
            try {
                this.g = Json.MAPPER.createGenerator(sink);
                g.writeStartArray();
                g.flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            sink.reset();
        }

        /** Encodes a step; its bytes are then {@code buffer()[offset() .. offset() + length())}. */
        void encode(Step s) throws IOException {
            sink.reset();
            StepJson.writeStep(g, s, previous, fields);
            previous = s;
            g.flush();
            offset = sink.size() > 0 && sink.array()[0] == ',' ? 1 : 0;
        }

        byte[] buffer() {
            return sink.array();
        }

        int offset() {
            return offset;
        }

        int length() {
            return sink.size() - offset;
        }

        /** A byte buffer whose array can be read without a copy. */
        private static final class Sink extends ByteArrayOutputStream {
            Sink() {
                super(512);
            }

            byte[] array() {
                return buf;
            }
        }

        byte[] status(io.downhill.optim.Status status) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(96);
            try (JsonGenerator sg = Json.MAPPER.createGenerator(out)) {
                StepJson.writeStatus(sg, status);
            }
            return out.toByteArray();
        }
    }
}
