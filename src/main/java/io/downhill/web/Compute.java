package io.downhill.web;

import io.downhill.optim.Work;
import io.downhill.web.work.Admission;
import io.downhill.web.work.FairScheduler;
import io.downhill.web.work.Job;
import io.downhill.web.work.Responder;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one way every endpoint that computes answers: its cost is known before it starts, checked
 * against the per-request bound (a 400 naming the bound), admitted against the client's and the
 * server's budgets (429 or 503 with {@code Retry-After}), and then computed in fair slices and
 * written as it is produced.
 */
public final class Compute implements AutoCloseable {
    /** The longest a response may take, whatever it is waiting for. */
    static final long MAX_RESPONSE_MILLIS = 120_000;

    private final FairScheduler scheduler;
    private final Admission admission;
    private final ClientAddress clients;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "downhill-timers");
        t.setDaemon(true);
        return t;
    });

    Compute(ServerOptions options) {
        int cores = Runtime.getRuntime().availableProcessors();
        // one worker more than any one client may use: a learner never waits behind a heavy client's slices
        this.scheduler = new FairScheduler(Math.max(2, cores) + 1, Math.max(2, cores));
        this.admission = new Admission(Admission.defaults(options.maxStreams(), options.maxStreamsPerClient()), scheduler);
        this.clients = new ClientAddress(options.proxyHops());
    }

    String client(Context ctx) {
        return clients.of(ctx);
    }

    Admission admission() {
        return admission;
    }

    FairScheduler scheduler() {
        return scheduler;
    }

    /** A 400 naming the bound when {@code cost} is over what one request may ask for. */
    public static void requireWithinBound(long cost, String field, String advice) {
        requireWithinBound(cost, Work.MAX_PER_REQUEST, field, advice);
    }

    public static void requireWithinBound(long cost, long bound, String field, String advice) {
        if (cost > bound) {
            throw ApiProblem.badRequest(field, String.format(Locale.ROOT,
                    "this request would take about %.1e units of work (roughly %.1f s of one core); the bound per request is %.0e. %s",
                    (double) cost, cost / 1e9, (double) bound, advice));
        }
    }

    /**
     * Admits the job and answers with its output as it is produced. Status and headers set on
     * {@code ctx} before this call are sent; {@code events} flushes after every slice.
     */
    public void respond(Context ctx, long cost, String contentType, boolean events, Job job) {
        Admission.Ticket ticket = admit(ctx, cost);
        ctx.future(() -> begin(ctx, ticket, contentType, events, job));
    }

    /** The same, for a request that is already asynchronous (its body was read without a thread). */
    public CompletableFuture<Void> respondLater(Context ctx, long cost, String contentType, boolean events, Job job) {
        return begin(ctx, admit(ctx, cost), contentType, events, job);
    }

    private CompletableFuture<Void> begin(Context ctx, Admission.Ticket ticket, String contentType, boolean events, Job job) {
        ctx.res().setStatus(200);
        ctx.res().setContentType(contentType);
        return Responder.start(ctx.req(), ctx.res(), job, ticket, scheduler, new Responder.Options(events, MAX_RESPONSE_MILLIS));
    }

    /** Reads the request body without a thread; see {@link BodyReader}. */
    public CompletableFuture<byte[]> body(Context ctx, int maxBytes) {
        return BodyReader.read(ctx.req(), maxBytes, timers);
    }

    /** A JSON answer, computed and written a piece at a time in the client's fair turns. */
    public void respondJson(Context ctx, long cost, JsonJob job) {
        respond(ctx, cost, "application/json", false, job);
    }

    /** A request read and checked, its cost known, and how to answer it. */
    public record Planned(long cost, io.javalin.http.Handler answer) {}

    /**
     * For a handler that computes its whole answer at once and sets it on {@code ctx}: it runs in
     * one piece, in its client's fair turn, once admitted.
     */
    public void handleFairly(Context ctx, Planned plan) {
        Admission.Ticket ticket = admit(ctx, plan.cost());
        io.javalin.http.Handler handler = plan.answer();
        ctx.future(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            scheduler.submit(ticket.client(), () -> {
                try {
                    handler.handle(ctx);
                    writeResult(ctx).whenComplete((ok, error) -> done.complete(null));
                } catch (Exception e) {
                    done.completeExceptionally(e);
                } finally {
                    ticket.close();
                }
            });
            return done;
        });
    }

    /**
     * Writes the answer a handler set without blocking, so neither the fair scheduler's worker nor
     * a request thread waits for a client that stops reading. Javalin then has nothing left to write.
     */
    private static CompletableFuture<Void> writeResult(Context ctx) throws java.io.IOException {
        java.io.InputStream result = ctx.resultInputStream();
        if (result == null) {
            return CompletableFuture.completedFuture(null);
        }
        byte[] body = result.readAllBytes();
        ctx.result(java.io.InputStream.nullInputStream());
        return OneWrite.start(ctx, body);
    }

    /** A place among the open responses of the client and the server, or a 429/503 problem. */
    public Admission.Ticket admit(Context ctx, long cost) {
        try {
            return admission.admit(client(ctx), cost);
        } catch (Admission.Refusal r) {
            ctx.header("Retry-After", Integer.toString(r.retryAfterSeconds()));
            throw new ApiProblem(r.status(), r.status() == 429 ? "Too many requests" : "Server busy", null, r.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.close();
        timers.shutdownNow();
    }
}
