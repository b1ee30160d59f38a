package io.downhill.optim;

import static io.downhill.optim.Specs.list;
import static io.downhill.optim.Specs.map;
import static io.downhill.optim.Specs.near;
import static io.downhill.optim.Specs.run;
import static io.downhill.optim.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.optim.schedules.ReduceLrOnPlateau;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Learning rates per step, worked by hand from the torch.optim.lr_scheduler formulas with base lr
 * γ = 0.1. Step t reports lr_t, the rate of the update t → t+1 (torch: after t scheduler steps).
 * The runs sit at the bowl's minimum, so the loss is 0 throughout.
 */
class ScheduleTest {
    private static final double R = Math.sqrt(2) / 2; // cos(π/4)

    private static Map<String, Object> atMinimum(Map<String, Object> schedule, int maxSteps) {
        Map<String, Object> s = spec("bowl", list(0, 0), map("name", "sgd", "lr", 0.1), maxSteps);
        if (schedule != null) {
            s.put("schedule", schedule);
        }
        return s;
    }

    private static double[] lrs(Map<String, Object> json) {
        return run(json).steps().stream().mapToDouble(Step::lr).toArray();
    }

    private static double[] lrs(Map<String, Object> schedule, int maxSteps) {
        return lrs(atMinimum(schedule, maxSteps));
    }

    @Test
    void constantIsTheDefault() {
        near(lrs(null, 3), 0.1, 0.1, 0.1, 0.1);
        near(lrs(map("name", "constant"), 3), 0.1, 0.1, 0.1, 0.1);
    }

    @Test
    void stepLr() {
        // γ·gamma^⌊t/2⌋ with gamma 0.5: ⌊t/2⌋ = 0, 0, 1, 1, 2
        near(lrs(map("name", "step", "step_size", 2, "gamma", 0.5), 4), 0.1, 0.1, 0.05, 0.05, 0.025);
    }

    @Test
    void exponentialLr() {
        // γ·0.5^t
        near(lrs(map("name", "exponential", "gamma", 0.5), 3), 0.1, 0.05, 0.025, 0.0125);
    }

    @Test
    void cosineAnnealing() {
        // η_min + (γ − η_min)(1 + cos(πt/4))/2 with η_min = 0.01: 0.01 + 0.045·(1 + cos(πt/4))
        double[] lr = lrs(map("name", "cosine", "T_max", 4, "eta_min", 0.01), 5);
        near(lr, 0.1, 0.01 + 0.045 * (1 + R), 0.055, 0.01 + 0.045 * (1 - R), 0.01,
                0.01 + 0.045 * (1 - R)); // torch's closed form climbs again after T_max
        near(lr[1], 0.086819805153394639); // 0.01 + 0.045·1.70710678...
    }

    @Test
    void cosineTMaxDefaultsToMaxSteps() {
        RunSpec spec = RunSpec.fromJson(atMinimum(map("name", "cosine"), 300));
        assertThat(spec.schedule().params()).containsEntry("T_max", 300).containsEntry("eta_min", 0.0);
    }

    @Test
    void linearWithTorchDefaults() {
        // start 1/3, end 1, total 5: γ·(1/3 + (2/3)·min(t, 5)/5)
        double[] lr = lrs(map("name", "linear"), 6);
        near(lr, 0.1 / 3, 0.1 * 7 / 15, 0.1 * 9 / 15, 0.1 * 11 / 15, 0.1 * 13 / 15, 0.1, 0.1);
    }

    @Test
    void cosineWarmRestarts() {
        // T_0 = 2, T_mult = 2: cycles [0, 2), [2, 6), [6, 14); lr = 0.05·(1 + cos(π·T_cur/T_i))
        double[] lr = lrs(map("name", "cosine-restarts", "T_0", 2, "T_mult", 2), 6);
        near(lr, 0.1, 0.05, 0.1, 0.05 * (1 + R), 0.05, 0.05 * (1 - R), 0.1);
        // T_mult = 1, T_0 = 3: 0.05·(1 + cos(πt/3)) = 0.1, 0.075, 0.025, then restart
        near(lrs(map("name", "cosine-restarts", "T_0", 3), 4), 0.1, 0.075, 0.025, 0.1, 0.075);
    }

    @Test
    void warmupThenExponential() {
        // t < 2: γ·(0.5 + 0.5·t/2) = 0.05, 0.075; then exponential with its own t' = t − 2
        double[] lr = lrs(map("name", "warmup", "warmup_steps", 2, "start_factor", 0.5,
                "then", map("name", "exponential", "gamma", 0.5)), 4);
        near(lr, 0.05, 0.075, 0.1, 0.05, 0.025);
    }

    @Test
    void warmupDefaults() {
        // 10 steps from 1e-3·γ, then constant: lr_5 = 0.1·(0.001 + 0.999·5/10)
        double[] lr = lrs(map("name", "warmup"), 11);
        near(lr[0], 1e-4);
        near(lr[5], 0.05005);
        near(lr[10], 0.1);
        near(lr[11], 0.1);
    }

    @Test
    void plateauCutsAfterPatiencePlusOneBadSteps() {
        // loss 0 every step: L₁ beats best = ∞; L₂, L₃, L₄ are bad (0 < 0·(1 − 1e-4) is false);
        // after the third bad step, bad = 3 > patience = 2, so lr₄ = 0.05; the count restarts.
        double[] lr = lrs(map("name", "plateau", "patience", 2, "factor", 0.5), 7);
        near(lr, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025);
    }

    @Test
    void plateauCooldownAndMinLr() {
        // patience 0, cooldown 1: cut at t = 2, t = 3 is swallowed by the cooldown, cut again at 4
        near(lrs(map("name", "plateau", "patience", 0, "factor", 0.5, "cooldown", 1), 4),
                0.1, 0.1, 0.05, 0.05, 0.025);
        // min_lr 0.005 with factor 0.1: 0.1 → 0.01 → max(0.001, 0.005) → stays
        near(lrs(map("name", "plateau", "patience", 0, "min_lr", 0.005), 4),
                0.1, 0.1, 0.01, 0.005, 0.005);
    }

    @Test
    void plateauDoesNotCutWhileTheLossImproves() {
        Map<String, Object> s = spec("bowl", list(3, 4), map("name", "sgd", "lr", 0.1), 50);
        s.put("schedule", map("name", "plateau", "patience", 0));
        assertThat(lrs(s)).containsOnly(0.1);
    }

    @Test
    void plateauThresholdModesAndMaxMode() {
        ReduceLrOnPlateau rel = new ReduceLrOnPlateau(1, new ReduceLrOnPlateau.Settings(
                false, 0.5, 0, 1e-4, true, 0, 0, 1e-8));
        ReduceLrOnPlateau abs = new ReduceLrOnPlateau(1, new ReduceLrOnPlateau.Settings(
                false, 0.5, 0, 1, false, 0, 0, 1e-8));
        ReduceLrOnPlateau max = new ReduceLrOnPlateau(1, new ReduceLrOnPlateau.Settings(
                true, 0.5, 0, 1e-4, true, 0, 0, 1e-8));
        for (ReduceLrOnPlateau p : List.of(rel, abs, max)) {
            p.observe(1, 10);
            p.observe(2, 9.5);
        }
        assertThat(rel.lr(2)).isEqualTo(1.0); // 9.5 < 10·(1 − 1e-4): better
        assertThat(abs.lr(2)).isEqualTo(0.5); // 9.5 < 10 − 1 is false: bad, bad = 1 > 0
        assertThat(max.lr(2)).isEqualTo(0.5); // in max mode a falling value is bad
    }

    @Test
    void lrChangeRebasesAClosedFormSchedule() {
        // cosine T_max 4, η_min 0.01, base 0.1 then 0.2 from step 2 on: step 2 already reports it
        Map<String, Object> s = atMinimum(map("name", "cosine", "T_max", 4, "eta_min", 0.01), 4);
        s.put("changes", list(map("at", 2, "lr", 0.2)));
        double[] lr = lrs(s);
        // 0.01 + 0.19·(1 + cos(πt/4))/2 for t ≥ 2
        near(lr, 0.1, 0.01 + 0.045 * (1 + R), 0.105, 0.01 + 0.095 * (1 - R), 0.01);
    }

    @Test
    void lrChangeSetsPlateauCurrentLrAndReductionsContinueFromIt() {
        // patience 0, factor 0.5, loss constant: cut at t = 2 (0.05) and t = 3 (0.025), but the
        // change at 3 sets 1.0 after the cut; the next bad step cuts 1.0 to 0.5
        Map<String, Object> s = atMinimum(map("name", "plateau", "patience", 0, "factor", 0.5), 4);
        s.put("changes", list(map("at", 3, "lr", 1.0)));
        near(lrs(s), 0.1, 0.1, 0.05, 1.0, 0.5);
    }

    @Test
    void lrChangeUnderWarmupRebasesBothParts() {
        Map<String, Object> s = atMinimum(map("name", "warmup", "warmup_steps", 2, "start_factor", 0.5,
                "then", map("name", "exponential", "gamma", 0.5)), 4);
        s.put("changes", list(map("at", 1, "lr", 0.2)));
        near(lrs(s), 0.05, 0.15, 0.2, 0.1, 0.05);
    }
}
