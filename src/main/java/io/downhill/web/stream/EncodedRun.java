package io.downhill.web.stream;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A finished run as the JSON of each step, back to back in one array, and the JSON of its status:
 * what the run cache keeps. Any response (a stream from any step, or the whole trajectory) is cut
 * from it without running or encoding anything again.
 */
public record EncodedRun(byte[] steps, int[] ends, byte[] status) {
    int size() {
        return ends.length;
    }

    int start(int t) {
        return t == 0 ? 0 : ends[t - 1];
    }

    /** The bytes it holds, for the cache's weigher. */
    int weight() {
        return steps.length + 4 * ends.length + status.length + 64;
    }

    void writeStep(int t, ByteArrayOutputStream out) {
        out.write(steps, start(t), ends[t] - start(t));
    }

    /**
     * Gathers a run's steps as they are encoded; gives up (builds null) past {@code maxBytes}.
     * {@link #close} gives its reservation back, however the run ends.
     */
    static final class Builder implements AutoCloseable {
        private final int maxBytes;
        private final Runnable onClose;
        private ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        private int[] ends = new int[64];
        private int count;
        private boolean closed;

        Builder(int maxBytes, Runnable onClose) {
            this.maxBytes = maxBytes;
            this.onClose = onClose;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                bytes = null;
                onClose.run();
            }
        }

        boolean gaveUp() {
            return bytes == null;
        }

        synchronized void add(byte[] buffer, int offset, int length) {
            if (bytes == null) {
                return;
            }
            if (bytes.size() + length > maxBytes) {
                bytes = null;
                ends = null;
                return;
            }
            bytes.write(buffer, offset, length);
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            ends[count++] = bytes.size();
        }

        synchronized EncodedRun build(byte[] status) {
            EncodedRun run = bytes == null ? null : new EncodedRun(bytes.toByteArray(), Arrays.copyOf(ends, count), status);
            close();
            return run;
        }
    }
}
