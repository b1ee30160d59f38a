package io.downhill.web;

import com.fasterxml.jackson.core.JsonGenerator;
import io.downhill.optim.Run;
import io.downhill.optim.RunSpec;
import io.downhill.optim.Step;
import java.io.IOException;
import java.io.StringWriter;

/** A run's steps, 50 to a frame, skipping those a resuming client already has. */
final class RunFrames implements FrameSource {
    static final int STEPS_PER_FRAME = 50;

    private final Run run;
    private final StepFields fields;
    private final long resumeAfter;
    private int lastSent = -1;

    RunFrames(RunSpec spec, StepFields fields, long resumeAfter) {
        this.run = Run.start(spec);
        this.fields = fields;
        this.resumeAfter = resumeAfter;
    }

    @Override
    public boolean hasNext() {
        return run.hasNext();
    }

    @Override
    public String nextFrame() throws IOException {
        StringWriter text = new StringWriter(STEPS_PER_FRAME * 200);
        int count = 0;
        try (JsonGenerator g = Json.MAPPER.createGenerator(text)) {
            g.writeStartObject();
            g.writeArrayFieldStart("steps");
            while (count < STEPS_PER_FRAME && run.hasNext()) {
                Step step = run.next();
                if (step.t() <= resumeAfter) {
                    continue;
                }
                Json.writeStep(g, step, fields);
                lastSent = step.t();
                count++;
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return count == 0 ? null : text.toString();
    }

    @Override
    public String lastId() {
        return Integer.toString(lastSent);
    }

    @Override
    public String doneJson() throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.createGenerator(text)) {
            g.writeStartObject();
            g.writeFieldName("status");
            Json.writeStatus(g, run.status());
            g.writeEndObject();
        }
        return text.toString();
    }
}
