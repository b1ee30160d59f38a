package io.downhill.web.work;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A response computed in small pieces, so that a worker can stop between any two of them to let
 * another client's work run, and so that a response is written while it is produced instead of
 * being built whole in memory.
 */
public interface Job {
    /**
     * Does one small piece of the work (a millisecond or so at the per-request bound) and appends
     * any output to {@code out}.
     *
     * @return false once the job has written its last byte
     */
    boolean step(ByteArrayOutputStream out) throws IOException;

    /** True when every step costs next to nothing (an answer from the cache): no need to queue. */
    default boolean free() {
        return false;
    }

    /** Called once when the response has ended, however it ended: give back what the job holds. */
    default void close() {
    }

    /** The last bytes to send when the response outlives its time limit, or null to just close. */
    default byte[] timeLimitNotice() {
        return null;
    }
}
