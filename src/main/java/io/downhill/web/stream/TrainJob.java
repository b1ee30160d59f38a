package io.downhill.web.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import io.downhill.optim.nn.TrainStep;
import io.downhill.optim.nn.Trainer;
import io.downhill.optim.Work;
import io.downhill.web.Json;
import io.downhill.web.work.Job;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * A network's training as Server-Sent Events: the first step alone (with the points), then frames
 * up to each 10th step (loss, accuracy, per-layer gradient norms, clipping), the decision surface
 * on a 30×30 grid with the frames of steps 10, 60, 110, … and the last. The work is done a
 * training step or a grid row at a time, so that other clients' work runs in between. Training is
 * deterministic, so a reconnect with {@code Last-Event-ID: k} retrains the first k steps without
 * sending them and resumes with step k+1.
 */
public final class TrainJob implements Job {
    static final int STEPS_PER_FRAME = Work.TRAINING_STEPS_PER_FRAME;
    static final int GRID = Work.TRAINING_SURFACE;
    static final int GRID_EVERY = Work.TRAINING_SURFACE_EVERY;
    private static final byte[] TIME_LIMIT = ("event: error\ndata: {\"detail\":\"the training ran longer than its time limit\"}\n\n")
            .getBytes(StandardCharsets.UTF_8);

    private final TrainingSpec spec;
    private final Trainer trainer;
    private final double[][] range;
    private final long resumeAfter;
    private final TrainStep[] steps = new TrainStep[STEPS_PER_FRAME];
    private final double[][] grid = new double[GRID][];
    /** Points whose loss one piece of work measures (a forward pass each). */
    private static final int POINTS_PER_PIECE = 25;

    private boolean measuring;
    private int measured;
    private int stepsInFrame;
    private int gridRows = -1;
    private int frame;
    private boolean dataSent;

    public TrainJob(TrainingSpec spec, long resumeAfter) {
        this.spec = spec;
        this.resumeAfter = resumeAfter;
        this.trainer = new Trainer(spec.net(), spec.data());
        this.range = rangeOf(spec.data().x());
        // a client that resumes already has the points: frames go on exactly as the first connection's
        this.dataSent = resumeAfter >= 0;
    }

    @Override
    public byte[] timeLimitNotice() {
        return TIME_LIMIT;
    }

    @Override
    public boolean step(ByteArrayOutputStream out) throws IOException {
        if (gridRows >= 0) {
            grid[gridRows] = trainer.decisionRow(GRID, range, gridRows);
            if (++gridRows == GRID) {
                writeFrame(out, true);
            }
            return true;
        }
        boolean last = !measuring && trainer.t() >= spec.maxSteps();
        if (last && stepsInFrame == 0) {
            out.writeBytes(("event: done\ndata: {\"status\":{\"reason\":\"max-steps\",\"steps\":" + trainer.t() + "}}\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            return false;
        }
        if (!last) {
            if (!measuring) {
                trainer.update();
                measuring = true;
                measured = 0;
                return true;
            }
            int to = Math.min(spec.data().size(), measured + POINTS_PER_PIECE);
            trainer.measure(measured, to);
            measured = to;
            if (measured < spec.data().size()) {
                return true;
            }
            measuring = false;
            steps[stepsInFrame++] = trainer.finish();
        }
        int t = trainer.t();
        // the first step goes out alone, so a learner sees the training start after one step's
        // work rather than a whole frame's and its surface; later frames end on multiples of 10
        boolean frameFull = t % STEPS_PER_FRAME == 0 || t == 1 || t >= spec.maxSteps();
        if (!frameFull) {
            return true;
        }
        boolean skipped = t <= resumeAfter;
        if (skipped) {
            stepsInFrame = 0;
            frame++;
            return true;
        }
        boolean surface = t >= spec.maxSteps() || (t > 1 && frame % GRID_EVERY == 1);
        if (surface) {
            gridRows = 0;
            return true;
        }
        writeFrame(out, false);
        return true;
    }

    private void writeFrame(ByteArrayOutputStream out, boolean withGrid) throws IOException {
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator g = Json.MAPPER.createGenerator(text)) {
            g.writeStartObject();
            if (!dataSent) {
                writeData(g);
                dataSent = true;
            }
            g.writeArrayFieldStart("steps");
            for (int k = 0; k < stepsInFrame; k++) {
                TrainStep s = steps[k];
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
            if (withGrid) {
                g.writeArrayFieldStart("grid");
                for (double[] row : grid) {
                    g.writeArray(row, 0, row.length);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        out.writeBytes(("id: " + trainer.t() + "\nevent: frame\ndata: " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
        stepsInFrame = 0;
        gridRows = -1;
        frame++;
    }

    /** The points and the plot range, in the first frame. */
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

    private static double[][] rangeOf(double[][] x) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (double[] p : x) {
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        double padX = (x1 - x0) * 0.1;
        double padY = (y1 - y0) * 0.1;
        return new double[][] {{x0 - padX, x1 + padX}, {y0 - padY, y1 + padY}};
    }
}
