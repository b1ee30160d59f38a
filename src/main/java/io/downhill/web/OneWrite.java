package io.downhill.web;

import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a body that is ready in memory without holding a thread while a slow reader takes it:
 * a class opening a lesson at once must not tie up the server's threads in blocking writes.
 */
public final class OneWrite implements WriteListener {
    private static final Logger LOG = LoggerFactory.getLogger(OneWrite.class);

    private final ServletOutputStream out;
    private final byte[] body;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private boolean written;

    private OneWrite(ServletOutputStream out, byte[] body) {
        this.out = out;
        this.body = body;
    }

    /**
     * Sends the whole body with its length from a request handler; status and headers must be set.
     * Jetty's own asynchronous send takes it when it can: it needs no async context, no listener and
     * no future, which cost a page more than the page itself (a lesson page answered 0.7 times as
     * many requests as the plain-text route).
     */
    public static void send(Context ctx, byte[] body) {
        ctx.res().setContentLength(body.length);
        if (byJetty(ctx, body) == null) {
            ctx.future(() -> start(ctx, body));
        }
    }

    /**
     * Starts the write, from a handler or from its future; status and headers must be set. The
     * future completes when the write has ended.
     */
    public static CompletableFuture<Void> start(Context ctx, byte[] body) {
        CompletableFuture<Void> sent = byJetty(ctx, body);
        if (sent != null) {
            return sent;
        }
        try {
            AsyncContext async = ctx.req().isAsyncStarted() ? ctx.req().getAsyncContext() : ctx.req().startAsync();
            async.setTimeout(0);
            OneWrite writer = new OneWrite(ctx.res().getOutputStream(), body);
            writer.out.setWriteListener(writer);
            return writer.done;
        } catch (IOException | IllegalStateException e) {
            LOG.debug("a response could not start: {}", e.toString());
            return CompletableFuture.completedFuture(null);
        }
    }

    /** The write by Jetty's asynchronous send, or null when the response is not Jetty's. */
    private static CompletableFuture<Void> byJetty(Context ctx, byte[] body) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            if (!(ctx.res().getOutputStream() instanceof HttpOutput out)) {
                return null;
            }
            out.sendContent(ByteBuffer.wrap(body), Callback.from(() -> done.complete(null), error -> {
                // the learner closed the tab or the connection dropped: nothing to answer to
                LOG.debug("a response ended early: {}", error.toString());
                done.complete(null);
            }));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("a response could not start: {}", e.toString());
            done.complete(null);
        }
        return done;
    }

    @Override
    public synchronized void onWritePossible() throws IOException {
        if (!written) {
            written = true;
            out.write(body);
        }
        if (out.isReady()) {
            done.complete(null);
        }
    }

    @Override
    public void onError(Throwable error) {
        // the learner closed the tab or the connection dropped: nothing to answer to
        LOG.debug("a response ended early: {}", error.toString());
        done.complete(null);
    }
}
