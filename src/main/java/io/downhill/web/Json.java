package io.downhill.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.downhill.optim.Status;
import io.downhill.optim.Step;
import java.io.IOException;

/** The one JSON configuration of the server, and the hand-written writer for steps (the hot path). */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(64).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {}

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
        g.writeStartObject();
        g.writeNumberField("t", s.t());
        if (fields.has(StepFields.PARAMS)) {
            writeArray(g, "params", s.params());
        }
        if (fields.has(StepFields.LOSS)) {
            g.writeNumberField("loss", s.loss());
        }
        if (fields.has(StepFields.GRAD)) {
            writeArray(g, "grad", s.grad());
        }
        if (fields.has(StepFields.GRAD_NORM)) {
            g.writeNumberField("grad_norm", s.gradNorm());
        }
        if (fields.has(StepFields.LR)) {
            g.writeNumberField("lr", s.lr());
        }
        if (s.velocity() != null && fields.has(StepFields.VELOCITY)) {
            writeArray(g, "velocity", s.velocity());
        }
        if (s.mHat() != null && fields.has(StepFields.ADAM)) {
            writeArray(g, "m_hat", s.mHat());
            writeArray(g, "v_hat", s.vHat());
            writeArray(g, "effective_lr", s.effectiveLr());
        }
        if (previous != null && fields.has(StepFields.MEASURES)) {
            g.writeNumberField("loss_change", io.downhill.optim.StopSpec.lossChange(s.loss(), previous.loss()));
            g.writeNumberField("param_change", io.downhill.optim.StopSpec.paramChange(s.params(), previous.params()));
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

    private static void writeArray(JsonGenerator g, String name, double[] values) throws IOException {
        g.writeFieldName(name);
        g.writeArray(values, 0, values.length);
    }
}
