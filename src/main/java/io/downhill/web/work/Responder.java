package io.downhill.web.work;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link Job}'s output without blocking: the job computes a slice (a few milliseconds) on
 * the {@link FairScheduler} in its client's turn, the bytes go out when the connection can take
 * them, and the next slice is queued only then. So a slow reader holds no thread and no more than
 * one slice of output, a fast one shares the cores fairly, and a client that leaves stops its work
 * at the next slice. The ticket is closed exactly once, however the response ends.
 */
public final class Responder implements WriteListener {
    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);
    /** How long one slice may compute before it yields the worker. */
    static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How much output one slice may gather before it is written: small, since a slow reader holds it. */
    static final int SLICE_BYTES = 16 * 1024;

    /** How a response is written: flushed after every slice (event streams), and its time limit. */
    public record Options(boolean flushEachSlice, long maxMillis) {}

    private final Job job;
    private final Admission.Ticket ticket;
    private final FairScheduler scheduler;
    private final Options options;
    private final long deadline;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private HttpServletResponse res;
    private ServletOutputStream out;
    private boolean wroteAny;
    private byte[] pending;
    private boolean computing;
    private boolean jobFinished;
    private boolean finished;

    private Responder(Job job, Admission.Ticket ticket, FairScheduler scheduler, Options options) {
        this.job = job;
        this.ticket = ticket;
        this.scheduler = scheduler;
        this.options = options;
        this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.maxMillis());
    }

    /**
     * Starts writing the response of an asynchronous request (status and headers must be set);
     * the future completes when the response has ended.
     */
    public static CompletableFuture<Void> start(HttpServletRequest req, HttpServletResponse res, Job job,
                                                Admission.Ticket ticket, FairScheduler scheduler, Options options) {
        Responder r = new Responder(job, ticket, scheduler, options);
        try {
            AsyncContext async = req.isAsyncStarted() ? req.getAsyncContext() : req.startAsync();
            async.setTimeout(0);
            r.res = res;
            r.out = res.getOutputStream();
            r.out.setWriteListener(r);
        } catch (IOException | RuntimeException e) {
            r.end("could not start", e);
        }
        return r.done;
    }

    @Override
    public synchronized void onWritePossible() {
        advance();
    }

    @Override
    public void onError(Throwable error) {
        end("client left", error);
    }

    /** Moves the response on as far as it can without waiting; called with the lock held. */
    private void advance() {
        try {
            while (!finished) {
                if (pending != null) {
                    if (!out.isReady()) {
                        return; // onWritePossible follows
                    }
                    out.write(pending);
                    wroteAny = true;
                    pending = null;
                    if (options.flushEachSlice()) {
                        if (!out.isReady()) {
                            return;
                        }
                        out.flush();
                    }
                    continue;
                }
                if (computing || !out.isReady()) {
                    return;
                }
                if (jobFinished) {
                    end(null, null);
                    return;
                }
                if (System.nanoTime() > deadline) {
                    byte[] notice = job.timeLimitNotice();
                    jobFinished = true;
                    if (notice != null) {
                        pending = notice;
                        continue;
                    }
                    end("time limit", null);
                    return;
                }
                computing = true;
                if (job.free()) {
                    try {
                        compute();
                    } catch (IOException | RuntimeException e) {
                        failed(e);
                        return;
                    }
                } else {
                    scheduler.submit(ticket.client(), this::slice);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            end("write failed", e);
        }
    }

    private void slice() {
        synchronized (this) {
            if (finished) {
                return;
            }
            try {
                compute();
            } catch (IOException | RuntimeException e) {
                failed(e);
                return;
            }
            advance();
        }
    }

    /** One slice of the job: steps until the time or the output budget is spent. */
    private void compute() throws IOException {
        long start = System.nanoTime();
        long until = start + SLICE_NANOS;
        // a fresh buffer per slice: a response waiting for a slow reader keeps only its last slice
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        boolean more = true;
        while (more && buffer.size() < SLICE_BYTES && System.nanoTime() < until) {
            more = job.step(buffer);
        }
        computing = false;
        jobFinished = !more;
        if (buffer.size() > 0) {
            pending = buffer.toByteArray();
        }
        if (jobFinished && !wroteAny && !res.isCommitted()) {
            // the whole answer fit in one slice: say how long it took and how long it is
            res.setHeader("Server-Timing", String.format(java.util.Locale.ROOT, "compute;dur=%.3f",
                    (System.nanoTime() - start) / 1e6));
            res.setContentLength(pending == null ? 0 : pending.length);
        }
    }

    /**
     * The job itself failed (a bug, not the client): before anything was sent the client gets a 500
     * problem; after, the response is cut short.
     */
    private void failed(Exception e) {
        LOG.error("computing a response failed", e);
        if (!wroteAny && !res.isCommitted()) {
            res.setStatus(500);
            res.setContentType("application/problem+json");
            pending = "{\"type\":\"about:blank\",\"title\":\"Internal error\",\"status\":500,\"detail\":\"the server failed; the error has been logged\"}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            jobFinished = true;
            computing = false;
            advance();
            return;
        }
        end("failed", e);
    }

    private void end(String why, Throwable error) {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            pending = null;
        }
        ticket.close();
        try {
            job.close();
        } catch (RuntimeException e) {
            LOG.warn("releasing a finished job failed: {}", e.toString());
        }
        if (why != null) {
            // one line: a learner closing a tab is routine, not a stack trace
            LOG.debug("response ended early ({}): {}", why, error == null ? "-" : error.toString());
        }
        done.complete(null);
    }
}
