package io.downhill.web;

import com.fasterxml.jackson.core.JsonGenerator;
import io.downhill.optim.nn.TrainStep;
import io.downhill.optim.nn.Trainer;
import java.io.IOException;
import java.io.StringWriter;

/**
 * A network's training as frames: 10 steps each (loss, accuracy, per-layer gradient norms,
 * clipping), and every 5th frame and the last one the decision surface on a 30×30 grid.
 * Training is seeded, so a reconnect that already has steps up to {@code resumeAfter} trains to
 * that step again without sending it and goes on from there, as a run stream does.
 */
final class TrainFrames implements FrameSource {
    static final int STEPS_PER_FRAME = 10;
    static final int GRID = 30;

    private final Trainer trainer;
    private final TrainingSpec spec;
    private final double[][] range;
    private final long resumeAfter;
    private int frames;

    TrainFrames(TrainingSpec spec) {
        this(spec, -1);
    }

    TrainFrames(TrainingSpec spec, long resumeAfter) {
        this.spec = spec;
        this.resumeAfter = Math.min(resumeAfter, spec.maxSteps());
        // frames already sent, so the surface keeps its every-5th-frame rhythm and the data is not resent
        this.frames = resumeAfter <= 0 ? 0 : (int) ((this.resumeAfter + STEPS_PER_FRAME - 1) / STEPS_PER_FRAME);
        this.trainer = new Trainer(spec.net(), spec.data());
        double[][] x = spec.data().x();
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (double[] p : x) {
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        double padX = (x1 - x0) * 0.1;
        double padY = (y1 - y0) * 0.1;
        this.range = new double[][] {{x0 - padX, x1 + padX}, {y0 - padY, y1 + padY}};
    }

    @Override
    public boolean hasNext() {
        return trainer.t() < spec.maxSteps();
    }

    @Override
    public String nextFrame() throws IOException {
        if (!hasNext()) {
            return null;
        }
        if (trainer.t() < resumeAfter) {
            // replay a frame's worth of steps per call, so a resuming stream shares the threads fairly
            for (int k = 0; k < STEPS_PER_FRAME && trainer.t() < resumeAfter; k++) {
                trainer.step();
            }
            return null;
        }
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator g = Json.MAPPER.createGenerator(text)) {
            g.writeStartObject();
            if (frames == 0) {
                writeData(g);
            }
            g.writeArrayFieldStart("steps");
            for (int k = 0; k < STEPS_PER_FRAME && hasNext(); k++) {
                TrainStep s = trainer.step();
                g.writeStartObject();
                g.writeNumberField("t", s.t());
                g.writeNumberField("loss", s.loss());
                g.writeNumberField("accuracy", s.accuracy());
                g.writeFieldName("grad_norms");
                g.writeArray(s.layerGradNorms(), 0, s.layerGradNorms().length);
                g.writeNumberField("total_grad_norm", s.totalGradNorm());
                g.writeBooleanField("clipped", s.clipped());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (frames % 5 == 0 || !hasNext()) {
                g.writeArrayFieldStart("grid");
                for (double[] row : trainer.decisionGrid(GRID, range)) {
                    g.writeArray(row, 0, row.length);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        frames++;
        return text.toString();
    }

    /** The points and the plot range, once, in the first frame. */
    private void writeData(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("data");
        g.writeArrayFieldStart("points");
        double[][] x = spec.data().x();
        int[] y = spec.data().y();
        for (int i = 0; i < x.length; i++) {
            g.writeStartArray();
            g.writeNumber(x[i][0]);
            g.writeNumber(x[i][1]);
            g.writeNumber(y[i]);
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("range");
        g.writeArray(range[0], 0, 2);
        g.writeArray(range[1], 0, 2);
        g.writeEndArray();
        g.writeNumberField("grid", GRID);
        g.writeNumberField("layers", spec.net().depth() + 1);
        g.writeEndObject();
    }

    @Override
    public String lastId() {
        return Integer.toString(trainer.t());
    }

    @Override
    public String doneJson() {
        return "{\"status\":{\"reason\":\"max-steps\",\"steps\":" + trainer.t() + "}}";
    }
}
