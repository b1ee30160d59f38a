package io.downhill.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads a request body without holding a thread while the client sends it, so that a few hundred
 * connections trickling a byte a second cannot occupy the server's threads. The body is bounded in
 * size (413 beyond) and in time (408 when it has not arrived within {@link #TIME_LIMIT_MILLIS}).
 * Call it on a request whose asynchronous mode has started.
 */
final class BodyReader implements ReadListener {
    static final long TIME_LIMIT_MILLIS = 10_000;

    private final ServletInputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final byte[] buffer = new byte[8192];
    private ScheduledFuture<?> timer;

    private BodyReader(ServletInputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The body, or an {@link ApiProblem} (413, 408, 400) as the future's failure. */
    static CompletableFuture<byte[]> read(HttpServletRequest req, int maxBytes, ScheduledExecutorService timers) {
        long declared = req.getContentLengthLong();
        if (declared > maxBytes) {
            return CompletableFuture.failedFuture(tooLarge(maxBytes));
        }
        try {
            BodyReader reader = new BodyReader(req.getInputStream(), maxBytes);
            reader.timer = timers.schedule(() -> reader.result.completeExceptionally(new ApiProblem(408,
                    "Request timeout", "body", "the request body did not arrive within "
                    + TIME_LIMIT_MILLIS / 1000 + " s")), TIME_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
            reader.in.setReadListener(reader);
            return reader.result.whenComplete((b, e) -> reader.timer.cancel(false));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(ApiProblem.badRequest("body", "cannot be read: " + e.getMessage()));
        }
    }

    private static ApiProblem tooLarge(int maxBytes) {
        return new ApiProblem(413, "Request body too large", "body", "must be at most " + maxBytes + " bytes ("
                + maxBytes / 1024 + " KiB)");
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!result.isDone() && in.isReady()) {
            int n = in.read(buffer);
            if (n < 0) {
                return;
            }
            body.write(buffer, 0, n);
            if (body.size() > maxBytes) {
                result.completeExceptionally(tooLarge(maxBytes));
                return;
            }
        }
    }

    @Override
    public void onAllDataRead() {
        result.complete(body.toByteArray());
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(ApiProblem.badRequest("body", "could not be read to its end"));
    }
}
