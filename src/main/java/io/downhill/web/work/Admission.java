package io.downhill.web.work;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides, before any work starts, whether a request fits: by what it will cost, not by how many
 * requests a client has open. A class of learners behind one address shares one client's budget,
 * which is sized so that a whole class fits while one hostile client cannot fill the server.
 * Admitted work is held as a {@link Ticket} until its response ends; the ticket's cost counts
 * against its client and the server until then.
 *
 * <p>Work units are those of {@code io.downhill.optim.Work}: about a nanosecond of one core.
 */
public final class Admission {
    /** The budgets; see {@link #defaults(int)}. */
    public record Limits(long perRequest, long perClient, long total, int openPerClient, int openTotal, int cores) {}

    /** Refused for now: 429 (this client's share is full) or 503 (the server's queue is full). */
    public static final class Refusal extends RuntimeException {
        private final int status;
        private final int retryAfterSeconds;

        Refusal(int status, int retryAfterSeconds, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int status() {
            return status;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final Limits limits;
    private final FairScheduler scheduler;
    private final Map<String, Usage> clients = new HashMap<>();
    private long pendingTotal;
    private int openTotal;

    public Admission(Limits limits, FairScheduler scheduler) {
        this.limits = limits;
        this.scheduler = scheduler;
    }

    /**
     * Per request at most about 3 s of one core; per client 60 s of queued work and 4,000 open
     * responses (a class of 300 behind one address opening a dozen runs each); the server as a
     * whole twice that per core and {@code openTotal} responses.
     */
    public static Limits defaults(int openTotal, int openPerClient) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Limits(3_000_000_000L, 60_000_000_000L, Math.max(2, cores) * 60_000_000_000L,
                openPerClient, openTotal, cores);
    }

    /**
     * Takes a place for {@code cost} units of work for {@code client}, or throws a {@link Refusal}.
     * The per-request bound is checked by the caller first, where it can name the request's field.
     */
    public synchronized Ticket admit(String client, long cost) {
        Usage u = clients.computeIfAbsent(client, k -> new Usage());
        if (u.open >= limits.openPerClient() || u.pending + cost > limits.perClient()) {
            forgetIfIdle(client, u);
            throw new Refusal(429, retryAfter(u.pending), "this address already has "
                    + (u.open >= limits.openPerClient() ? u.open + " open responses" : "a full share of queued work")
                    + "; the page retries by itself in a moment");
        }
        if (openTotal >= limits.openTotal() || pendingTotal + cost > limits.total()) {
            forgetIfIdle(client, u);
            throw new Refusal(503, retryAfter(pendingTotal), "the server is busy with other learners' runs;"
                    + " the page retries by itself in a moment");
        }
        u.open++;
        u.pending += cost;
        openTotal++;
        pendingTotal += cost;
        return new Ticket(client, cost);
    }

    /** Work queued or running right now, in units (for tests and monitoring). */
    public synchronized long pendingTotal() {
        return pendingTotal;
    }

    /** Responses open right now. */
    public synchronized int openTotal() {
        return openTotal;
    }

    private int retryAfter(long pending) {
        double seconds = pending / 1e9 / Math.max(1, limits.cores());
        return (int) Math.max(1, Math.min(30, Math.ceil(seconds)));
    }

    private void forgetIfIdle(String client, Usage u) {
        if (u.open == 0) {
            clients.remove(client);
        }
    }

    private synchronized void release(Ticket t) {
        Usage u = clients.get(t.client);
        if (u != null) {
            u.open--;
            u.pending -= t.cost;
            if (u.open == 0) {
                clients.remove(t.client);
                scheduler.forget(t.client);
            }
        }
        openTotal--;
        pendingTotal -= t.cost;
    }

    private static final class Usage {
        int open;
        long pending;
    }

    /** A response's place: close it exactly when the response ends, however it ends. */
    public final class Ticket implements AutoCloseable {
        private final String client;
        private final long cost;
        private boolean closed;

        private Ticket(String client, long cost) {
            this.client = client;
            this.cost = cost;
        }

        public String client() {
            return client;
        }

        @Override
        public void close() {
            synchronized (Admission.this) {
                if (closed) {
                    return;
                }
                closed = true;
                release(this);
            }
        }
    }
}
