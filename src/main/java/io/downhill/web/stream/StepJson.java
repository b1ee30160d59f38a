package io.downhill.web.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import io.downhill.optim.Status;
import io.downhill.optim.Step;
import io.downhill.optim.StopSpec;
import java.io.IOException;

/** The hand-written JSON of a run's steps and status: the hot path of every run response. */
final class StepJson {
    private StepJson() {}

    /**
     * One step as the API's contract names it. Non-finite numbers (a diverged run's last step)
     * are written as the strings "NaN", "Infinity", "-Infinity", which JSON cannot hold as numbers.
     */
    static void writeStep(JsonGenerator g, Step s) throws IOException {
        writeStep(g, s, null, StepFields.ALL);
    }

    /**
     * The step with only the chosen fields ({@code t} always), for clients that draw a few of them;
     * {@code previous} (null at step 0) gives the stopping measures, as the engine's rules compute them.
     */
    static void writeStep(JsonGenerator g, Step s, Step previous, StepFields fields) throws IOException {
        boolean rounded = fields.has(StepFields.ROUNDED);
        g.writeStartObject();
        g.writeNumberField("t", s.t());
        if (fields.has(StepFields.PARAMS)) {
            writeArray(g, "params", s.params(), rounded);
        }
        if (fields.has(StepFields.LOSS)) {
            writeNumber(g, "loss", s.loss(), rounded);
        }
        if (fields.has(StepFields.GRAD)) {
            writeArray(g, "grad", s.grad(), rounded);
        }
        if (fields.has(StepFields.GRAD_NORM)) {
            writeNumber(g, "grad_norm", s.gradNorm(), rounded);
        }
        if (fields.has(StepFields.LR)) {
            writeNumber(g, "lr", s.lr(), rounded);
        }
        if (s.velocity() != null && fields.has(StepFields.VELOCITY)) {
            writeArray(g, "velocity", s.velocity(), rounded);
        }
        if (s.mHat() != null && fields.has(StepFields.ADAM)) {
            writeArray(g, "m_hat", s.mHat(), rounded);
            writeArray(g, "v_hat", s.vHat(), rounded);
            writeArray(g, "effective_lr", s.effectiveLr(), rounded);
        }
        if (previous != null && fields.has(StepFields.MEASURES)) {
            writeNumber(g, "loss_change", StopSpec.lossChange(s.loss(), previous.loss()), rounded);
            writeNumber(g, "param_change", StopSpec.paramChange(s.params(), previous.params()), rounded);
        }
        g.writeEndObject();
    }

    static void writeStatus(JsonGenerator g, Status status) throws IOException {
        g.writeStartObject();
        g.writeStringField("reason", status.reason());
        if (status.rule() != null) {
            g.writeStringField("rule", status.rule());
        }
        g.writeNumberField("steps", status.steps());
        if (status.diverging() != null) {
            // only on a run that ran out of steps while exploding, so every other run's bytes stay as they were
            g.writeObjectFieldStart("diverging");
            g.writeNumberField("from", status.diverging().from());
            g.writeNumberField("to", status.diverging().to());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeArray(JsonGenerator g, String name, double[] values, boolean rounded) throws IOException {
        g.writeFieldName(name);
        if (!rounded) {
            g.writeArray(values, 0, values.length);
            return;
        }
        g.writeStartArray();
        for (double v : values) {
            writeValue(g, v, true);
        }
        g.writeEndArray();
    }

    private static void writeNumber(JsonGenerator g, String name, double v, boolean rounded) throws IOException {
        g.writeFieldName(name);
        writeValue(g, v, rounded);
    }

    /** Rounded: as the nearest float, in its shortest digits; outside a float's range (or not finite) as the double. */
    private static void writeValue(JsonGenerator g, double v, boolean rounded) throws IOException {
        double size = Math.abs(v);
        if (rounded && size >= Float.MIN_NORMAL && size <= Float.MAX_VALUE) {
            g.writeNumber((float) v);
        } else {
            g.writeNumber(v);
        }
    }
}
