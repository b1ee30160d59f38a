package io.downhill.optim;

import io.downhill.optim.optimizers.HyperParams;
import io.downhill.optim.optimizers.Optimizer;
import io.downhill.optim.optimizers.OptimizerType;
import io.downhill.optim.problems.Problem;
import io.downhill.optim.schedules.Schedule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A run in progress. Lazy: each {@link #next()} performs one update (the first returns the start,
 * t=0), so a stream can stop at any point and the work stops with it. Not thread-safe.
 *
 * <p>Order of events for step t: update t−1 → t with lr_{t−1} and the clipped gradient; full loss
 * L_t; the schedule observes L_t (t ≥ 1); changes with {@code at == t} apply; lr_t is read from the
 * schedule; the (mini-batch) gradient at θ_t is drawn; the Step is emitted; the stopping rules are
 * checked on it, in this order: non-finite, loss-exploded, grad_norm, loss_change, param_change,
 * max-steps.
 *
 * <p>Divergence: "non-finite" when the loss, a parameter or a gradient entry is NaN or infinite;
 * "loss-exploded" when |L_t| > 1e12 · max(|L_0|, 1) (the absolute value, so a run heading to −∞ on
 * a saddle counts too). The diverged step itself is included.
 *
 * <p>A run that explodes more slowly can run out of steps first, its loss still finite and below
 * that bound, e.g. 9.5e8 from 13. It ends with "max-steps", marked as diverging when its last loss
 * is at least {@link #DIVERGING} · max(|L_0|, 1) and still rising (|L_T| > |L_{T−1}|), so a page
 * can say so instead of "ran all its steps".
 */
public final class Run implements Iterator<Step> {
    /** Loss growth, relative to max(|L_0|, 1), that counts as divergence. */
    public static final double EXPLODED = 1e12;
    /** Loss growth, relative to max(|L_0|, 1), of a run still rising at its last step, that counts as diverging. */
    public static final double DIVERGING = 1e3;

    private final Problem problem;
    private final GradientOracle oracle;
    private final Optimizer optimizer;
    private final Schedule schedule;
    private final StopSpec stop;
    private final List<Change> changes;
    private final Map<String, Object> hyper;
    private Double clip;

    private final double[] x;
    private final double[] prevX;
    private final double[] grad;
    private final double[] work;
    private int t = -1;
    private int nextChange;
    private double lr;
    private double prevLoss;
    private double lossScale;
    private double firstLoss;
    private Status status;

    private Run(RunSpec spec) {
        this.problem = spec.createProblem();
        int batchSize = spec.problem().params().get("batch_size") instanceof Integer b ? b : 0;
        this.oracle = new GradientOracle(problem, spec.gradient(), batchSize, Problems.batchRandom(spec.seed()));
        this.hyper = new LinkedHashMap<>(spec.optimizer().params());
        this.clip = (Double) hyper.get(OptimizerType.CLIP);
        this.optimizer = spec.optimizer().type().factory().create(new HyperParams(hyper), spec.dimension());
        this.schedule = Schedules.create(spec.schedule(), spec.optimizer().lr());
        this.stop = spec.stop();
        this.changes = spec.changes();
        this.x = spec.start();
        int d = x.length;
        this.prevX = new double[d];
        this.grad = new double[d];
        this.work = new double[d];
    }

    public static Run start(RunSpec spec) {
        return new Run(spec);
    }

    /** Runs to the end and collects every step. */
    public static RunResult runAll(RunSpec spec) {
        Run run = start(spec);
        List<Step> steps = new ArrayList<>(spec.stop().maxSteps() + 1);
        while (run.hasNext()) {
            steps.add(run.next());
        }
        return new RunResult(steps, run.status());
    }

    /** The problem instance (for data problems, its dataset: see DataProblem#points()). */
    public Problem problem() {
        return problem;
    }

    @Override
    public boolean hasNext() {
        return status == null;
    }

    /** Null until the run has ended ({@link #hasNext()} is false). */
    public Status status() {
        return status;
    }

    @Override
    public Step next() {
        if (status != null) {
            throw new NoSuchElementException("the run has ended: " + status.reason());
        }
        if (t >= 0) {
            update();
        }
        t++;
        double loss = problem.value(x);
        if (t == 0) {
            lossScale = Math.max(Math.abs(loss), 1);
            firstLoss = loss;
        } else {
            schedule.observe(t, loss);
        }
        applyChanges();
        lr = schedule.lr(t);
        oracle.gradient(x, grad);
        double gradNorm = norm(grad);
        Step step = new Step(t, x.clone(), loss, grad.clone(), gradNorm, lr,
                copy(optimizer.velocity()), copy(optimizer.mHat()), copy(optimizer.vHat()),
                copy(optimizer.effectiveLr()));
        status = check(loss, gradNorm);
        prevLoss = loss;
        return step;
    }

    private void update() {
        System.arraycopy(x, 0, prevX, 0, x.length);
        System.arraycopy(grad, 0, work, 0, grad.length);
        if (clip != null) {
            // torch.nn.utils.clip_grad_norm_: scale by max_norm/(norm + 1e-6) only if that is < 1
            double coef = clip / (norm(work) + 1e-6);
            if (coef < 1) {
                for (int i = 0; i < work.length; i++) {
                    work[i] = work[i] * coef;
                }
            }
        }
        optimizer.step(x, work, lr);
    }

    private void applyChanges() {
        boolean changed = false;
        while (nextChange < changes.size() && changes.get(nextChange).at() == t) {
            for (Map.Entry<String, Object> e : changes.get(nextChange).values().entrySet()) {
                switch (e.getKey()) {
                    case "lr" -> schedule.setBaseLr((Double) e.getValue());
                    case OptimizerType.CLIP -> clip = (Double) e.getValue();
                    default -> {
                        hyper.put(e.getKey(), e.getValue());
                        changed = true;
                    }
                }
            }
            nextChange++;
        }
        if (changed) {
            optimizer.configure(new HyperParams(hyper));
        }
    }

    private Status check(double loss, double gradNorm) {
        if (!Double.isFinite(loss) || !allFinite(x) || !allFinite(grad)) {
            return new Status(Status.DIVERGED, "non-finite", t);
        }
        if (Math.abs(loss) > EXPLODED * lossScale) {
            return new Status(Status.DIVERGED, "loss-exploded", t);
        }
        if (stop.gradNorm() != null && gradNorm < stop.gradNorm()) {
            return new Status(Status.CONVERGED, "grad_norm", t);
        }
        if (t >= 1 && stop.lossChange() != null && StopSpec.lossChange(loss, prevLoss) < stop.lossChange()) {
            return new Status(Status.CONVERGED, "loss_change", t);
        }
        if (t >= 1 && stop.paramChange() != null && StopSpec.paramChange(x, prevX) < stop.paramChange()) {
            return new Status(Status.CONVERGED, "param_change", t);
        }
        if (t >= stop.maxSteps()) {
            return new Status(Status.MAX_STEPS, null, t, diverging(loss));
        }
        return null;
    }

    /** For the last step of a run: its losses if it was still rising far above its start, else null. */
    private Status.Diverging diverging(double loss) {
        boolean far = Math.abs(loss) >= DIVERGING * lossScale;
        boolean rising = t >= 1 && Math.abs(loss) > Math.abs(prevLoss);
        return far && rising ? new Status.Diverging(firstLoss, loss) : null;
    }

    private static double[] copy(double[] a) {
        return a == null ? null : a.clone();
    }

    private static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
