package io.downhill.web.stream;

import io.downhill.web.ApiProblem;
import io.javalin.http.Context;

/** What every Server-Sent Events endpoint shares: its headers and the resume point. */
public final class Streams {
    public static final String EVENT_STREAM = "text/event-stream;charset=utf-8";

    private Streams() {}

    /**
     * Any {@code Accept} is answered with events (curl's {@code *}/{@code *} and EventSource's
     * {@code text/event-stream} alike); nginx is told not to buffer them.
     */
    public static void eventHeaders(Context ctx) {
        ctx.header("X-Accel-Buffering", "no");
    }

    /**
     * The last step the client already has: the {@code Last-Event-ID} of an EventSource reconnect,
     * or {@code from} when a widget forks a run and keeps the steps it has. -1 means none.
     */
    public static long lastEventId(Context ctx) {
        String value = ctx.header("Last-Event-ID");
        String field = "Last-Event-ID";
        if (value == null || value.isBlank()) {
            value = ctx.queryParam("from");
            field = "from";
        }
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id < -1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(field, "must be the index of a step already received (a whole number >= 0)");
        }
    }

}
