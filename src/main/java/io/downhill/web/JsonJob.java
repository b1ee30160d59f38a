package io.downhill.web;

import com.fasterxml.jackson.core.JsonGenerator;
import io.downhill.web.work.Job;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A JSON answer written in pieces by one generator (a row of a grid, a start of a basin map), so
 * that a large answer is neither computed in one long stretch nor held whole in memory.
 */
public abstract class JsonJob implements Job {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    private final JsonGenerator g;

    protected JsonJob() {
        try {
            g = Json.MAPPER.createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the next piece; returns false after the last one (the document must then be complete). */
    protected abstract boolean piece(JsonGenerator g) throws IOException;

    @Override
    public final boolean step(ByteArrayOutputStream out) throws IOException {
        boolean more = piece(g);
        if (!more) {
            g.close();
        } else {
            g.flush();
        }
        buffer.writeTo(out);
        buffer.reset();
        return more;
    }

    /** An answer that is one piece: a small document computed at once. */
    public interface Whole {
        void write(JsonGenerator g) throws IOException;
    }

    public static JsonJob whole(Whole body) {
        return new JsonJob() {
            @Override
            protected boolean piece(JsonGenerator g) throws IOException {
                body.write(g);
                return false;
            }
        };
    }
}
