package io.downhill.optim;

import static io.downhill.optim.Specs.list;
import static io.downhill.optim.Specs.map;
import static io.downhill.optim.Specs.near;
import static io.downhill.optim.Specs.run;
import static io.downhill.optim.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first three steps of every optimizer on the bowl f = x² + 2y², g = (2x, 4y), from (3, 4),
 * where g₀ = (6, 16), checked against the torch.optim docs formulas worked by hand (the
 * irrational ones were carried to 40 digits and rounded to 20).
 */
class OptimizerStepsTest {

    private static List<Step> steps(Map<String, Object> optimizer) {
        RunResult r = run(spec("bowl", list(3, 4), optimizer, 3));
        assertThat(r.steps()).hasSize(4);
        return r.steps();
    }

    @Test
    void sgd() {
        // θ ← θ − γ·g with γ = 0.1: x shrinks by 1 − 0.2, y by 1 − 0.4
        List<Step> s = steps(map("name", "sgd", "lr", 0.1));
        near(s.get(0).params(), 3, 4);
        near(s.get(0).grad(), 6, 16);
        assertThat(s.get(0).loss()).isEqualTo(41.0); // 9 + 2·16
        near(s.get(1).params(), 2.4, 2.4); // (3 − 0.1·6, 4 − 0.1·16)
        near(s.get(1).grad(), 4.8, 9.6);
        near(s.get(2).params(), 1.92, 1.44); // (2.4 − 0.48, 2.4 − 0.96)
        near(s.get(3).params(), 1.536, 0.864); // (1.92 − 0.384, 1.44 − 0.576)
        near(s.get(3).loss(), 3.852288); // 1.536² + 2·0.864²
        assertThat(s.get(3).velocity()).isNull();
        assertThat(s.get(3).mHat()).isNull();
    }

    @Test
    void momentum() {
        // torch SGD, μ = 0.9: b₁ = g₀; then b ← μ·b + g; θ ← θ − γ·b, γ = 0.1
        List<Step> s = steps(map("name", "momentum", "lr", 0.1));
        near(s.get(0).velocity(), 0, 0); // no buffer yet: reported as zeros
        // b₁ = (6, 16); θ₁ = (3 − 0.6, 4 − 1.6) = (2.4, 2.4)
        near(s.get(1).velocity(), 6, 16);
        near(s.get(1).params(), 2.4, 2.4);
        // g₁ = (4.8, 9.6); b₂ = (5.4 + 4.8, 14.4 + 9.6) = (10.2, 24); θ₂ = (2.4 − 1.02, 2.4 − 2.4)
        near(s.get(2).velocity(), 10.2, 24);
        near(s.get(2).params(), 1.38, 0);
        // g₂ = (2.76, 0); b₃ = (9.18 + 2.76, 21.6) = (11.94, 21.6); θ₃ = (1.38 − 1.194, −2.16)
        near(s.get(3).velocity(), 11.94, 21.6);
        near(s.get(3).params(), 0.186, -2.16);
    }

    @Test
    void nesterov() {
        // b as for momentum, but the step uses g + μ·b
        List<Step> s = steps(map("name", "nesterov", "lr", 0.1));
        // b₁ = (6, 16); d = (6 + 5.4, 16 + 14.4) = (11.4, 30.4); θ₁ = (3 − 1.14, 4 − 3.04)
        near(s.get(1).velocity(), 6, 16);
        near(s.get(1).params(), 1.86, 0.96);
        // g₁ = (3.72, 3.84); b₂ = (5.4 + 3.72, 14.4 + 3.84) = (9.12, 18.24)
        // d = (3.72 + 8.208, 3.84 + 16.416) = (11.928, 20.256); θ₂ = (1.86 − 1.1928, 0.96 − 2.0256)
        near(s.get(2).velocity(), 9.12, 18.24);
        near(s.get(2).params(), 0.6672, -1.0656);
        // g₂ = (1.3344, −4.2624); b₃ = (8.208 + 1.3344, 16.416 − 4.2624) = (9.5424, 12.1536)
        // d = (1.3344 + 8.58816, −4.2624 + 10.93824); θ₃ = (0.6672 − 0.992256, −1.0656 − 0.667584)
        near(s.get(3).velocity(), 9.5424, 12.1536);
        near(s.get(3).params(), -0.325056, -1.733184);
    }

    @Test
    void sgdWithDampeningAndWeightDecay() {
        // μ = 0.9, τ = 0.5, λ = 0.1, γ = 0.1; torch does not dampen the first buffer (b₁ = g)
        List<Step> s = steps(map("name", "sgd", "lr", 0.1, "momentum", 0.9, "dampening", 0.5,
                "weight_decay", 0.1));
        // g₀ + λθ = (6.3, 16.4) = b₁; θ₁ = (3 − 0.63, 4 − 1.64)
        near(s.get(1).velocity(), 6.3, 16.4);
        near(s.get(1).params(), 2.37, 2.36);
        near(s.get(1).grad(), 4.74, 9.44); // Step.grad is the raw gradient, without λθ
        // g = (4.74 + 0.237, 9.44 + 0.236) = (4.977, 9.676); b₂ = 0.9·b₁ + 0.5·g = (8.1585, 19.598)
        near(s.get(2).velocity(), 8.1585, 19.598);
        near(s.get(2).params(), 1.55415, 0.4002);
        // g = (3.1083 + 0.155415, 1.6008 + 0.04002); b₃ = (7.34265 + 1.6318575, 17.6382 + 0.82041)
        near(s.get(3).velocity(), 8.9745075, 18.45861);
        near(s.get(3).params(), 0.65669925, -1.445661);
    }

    @Test
    void adagrad() {
        // s ← s + g²; θ ← θ − γ·g/(√s + ε) with γ = 0.5, ε = 0
        List<Step> s = steps(map("name", "adagrad", "lr", 0.5, "eps", 0));
        // s = (36, 256): θ₁ = (3 − 0.5·6/6, 4 − 0.5·16/16) = (2.5, 3.5)
        near(s.get(1).params(), 2.5, 3.5);
        // g₁ = (5, 14); s = (61, 452): θ₂ = (2.5 − 2.5/√61, 3.5 − 7/√452)
        near(s.get(2).params(), 2.1799078001677600658, 3.1707476960657409475);
        near(s.get(2).params(), 2.5 - 2.5 / Math.sqrt(61), 3.5 - 7 / Math.sqrt(452));
        near(s.get(3).params(), 1.9361988719368422869, 2.9145874917340728214);
        assertThat(s.get(3).velocity()).isNull();
    }

    @Test
    void adagradWithDecayAccumulatorAndWeightDecay() {
        // γ = 0.5, lr_decay η = 0.5 (γ̃ = γ/(1 + (t−1)η)), λ = 0.1, s₀ = 1, default ε = 1e-10
        List<Step> s = steps(map("name", "adagrad", "lr", 0.5, "lr_decay", 0.5, "weight_decay", 0.1,
                "initial_accumulator_value", 1));
        // g = (6.3, 16.4); s = (1 + 39.69, 1 + 268.96); θ₁ = 3 − 0.5·6.3/√40.69, 4 − 0.5·16.4/√269.96
        near(s.get(1).params(), 2.5061822357755100019, 3.5009269223084600677);
        // t = 2: γ̃ = 0.5/1.5
        near(s.get(2).params(), 2.2940446596261335609, 3.2816231966304713772);
        // t = 3: γ̃ = 0.5/2
        near(s.get(3).params(), 2.1682042874835153069, 3.150396104618631511);
    }

    @Test
    void rmsprop() {
        // v ← α·v + (1 − α)·g²; θ ← θ − γ·g/(√v + ε), α = 0.9, γ = 0.01, ε = 0
        List<Step> s = steps(map("name", "rmsprop", "lr", 0.01, "alpha", 0.9, "eps", 0));
        // v₁ = 0.1·g² so g/√v₁ = √10 in each coordinate: θ₁ = (3 − 0.01√10, 4 − 0.01√10)
        near(s.get(1).params(), 3 - 0.01 * Math.sqrt(10), 4 - 0.01 * Math.sqrt(10));
        near(s.get(1).params(), 2.9683772233983162067, 3.9683772233983162067);
        near(s.get(2).params(), 2.9455511576244199345, 3.9455221001865927404);
        near(s.get(3).params(), 2.926496539396544809, 3.9264284611159469783);
        assertThat(s.get(3).velocity()).isNull();
    }

    @Test
    void rmspropDefaults() {
        // α = 0.99, ε = 1e-8: v₁ = 0.01·g², √v₁ = 0.1·|g|, θ₁ = 3 − 0.01·6/(0.6 + 1e-8), ...
        List<Step> s = steps(map("name", "rmsprop"));
        near(s.get(1).params(), 2.9000000016666666389, 3.9000000006249999961);
        near(s.get(2).params(), 2.8303174494400764558, 3.8300103536657262075);
        near(s.get(3).params(), 2.7738885693916688962, 3.773173311700058188);
    }

    @Test
    void rmspropCenteredWithMomentum() {
        // centered: ṽ = v − g_avg²; b ← μ·b + g/√ṽ; θ ← θ − γ·b; α = 0.9, μ = 0.5, γ = 0.01, ε = 0
        List<Step> s = steps(map("name", "rmsprop", "lr", 0.01, "alpha", 0.9, "eps", 0,
                "momentum", 0.5, "centered", true));
        near(s.get(0).velocity(), 0, 0);
        // v₁ = 0.1g², g_avg = 0.1g, ṽ = 0.09g², √ṽ = 0.3|g|: b₁ = 10/3, θ₁ = θ₀ − 1/30
        near(s.get(1).velocity(), 10.0 / 3, 10.0 / 3);
        near(s.get(1).params(), 3 - 1.0 / 30, 4 - 1.0 / 30);
        near(s.get(2).velocity(), 4.202186592387259104, 4.2055965832346655159);
        near(s.get(2).params(), 2.9246448007427940756, 3.9246107008343200115);
        near(s.get(3).velocity(), 4.3230511654544446568, 4.3318136337456701468);
        near(s.get(3).params(), 2.8814142890882496291, 3.88129256449686331);
    }

    @Test
    void adam() {
        // γ = 0.1, β = (0.9, 0.999), ε = 1e-8
        List<Step> s = steps(map("name", "adam", "lr", 0.1));
        near(s.get(0).mHat(), 0, 0);
        near(s.get(0).effectiveLr(), 0, 0);
        // m₁ = 0.1·g = (0.6, 1.6), v₁ = 0.001·g² = (0.036, 0.256); m̂ = m/0.1 = (6, 16),
        // v̂ = v/0.001 = (36, 256); effectiveLr = 0.1/(√v̂ + ε) = (0.1/6.00000001, 0.1/16.00000001)
        near(s.get(1).mHat(), 6, 16);
        near(s.get(1).vHat(), 36, 256);
        near(s.get(1).effectiveLr(), 0.016666666638888888935, 0.0062499999960937500024);
        near(s.get(1).params(), 2.9000000001666666664, 3.9000000000625); // 3 − 0.1·6/6.00000001
        // t = 2: bias corrections 1 − 0.9² = 0.19, 1 − 0.999² = 0.001999
        near(s.get(2).mHat(), 5.8947368422807017541, 15.789473684342105263);
        near(s.get(2).vHat(), 34.819409706786726694, 249.67683842311155578);
        near(s.get(2).effectiveLr(), 0.016946862162760710235, 0.006328646990115297845);
        near(s.get(2).params(), 2.8001027074147882934, 3.8000739949545836331);
        near(s.get(3).mHat(), 5.7860536587194009544, 15.572064937285363296);
        near(s.get(3).vHat(), 33.665886895649787897, 243.46134481832792937);
        near(s.get(3).effectiveLr(), 0.017234749251549887756, 0.0064089220795592755805);
        near(s.get(3).params(), 2.7003815234507466081, 3.7002738441536846423);
        assertThat(s.get(3).velocity()).isNull();
    }

    @Test
    void adamUpdateIsExactlyEffectiveLrTimesMHat() {
        // the reported terms reproduce each update bit for bit: θ_t = θ_{t−1} − effectiveLr·m̂
        List<Step> s = steps(map("name", "adam", "lr", 0.1));
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < 2; i++) {
                assertThat(s.get(t).params()[i])
                        .isEqualTo(s.get(t - 1).params()[i] - s.get(t).effectiveLr()[i] * s.get(t).mHat()[i]);
            }
        }
    }

    @Test
    void amsgradUsesTheRunningMaximumOfV() {
        // β₂ = 0.1 forgets fast: v₂ = 0.1·v₁ + 0.9·g₁² < v₁ as g shrinks, so amsgrad keeps v₁
        Map<String, Object> plain = map("name", "adam", "lr", 1, "betas", list(0.9, 0.1));
        Map<String, Object> ams = map("name", "adam", "lr", 1, "betas", list(0.9, 0.1), "amsgrad", true);
        List<Step> p = steps(plain);
        List<Step> a = steps(ams);
        near(p.get(1).params(), 2.0000000016666666639, 3.0000000006249999996);
        near(a.get(1).params(), 2.0000000016666666639, 3.0000000006249999996);
        near(p.get(2).vHat(), 17.818181842424242394, 154.18181823636363634);
        // v_max = v₁ = 32.4 (and 230.4); v̂ = 32.4/(1 − 0.1²) = 32.727...
        near(a.get(2).vHat(), 32.727272727272727273, 232.72727272727272727);
        near(p.get(2).params(), 0.82795966537603948478, 1.8809905763831920304);
        near(a.get(2).params(), 1.1351927070120946709, 2.0891923171985518756);
        near(p.get(3).params(), -0.98568859124689817439, 0.46303198608581598721);
        near(a.get(3).params(), 0.43991825934964035538, 1.3088160245851470327);
    }

    @Test
    void adamWithL2WeightDecay() {
        // λ = 0.5 enters the gradient: g = (6 + 1.5, 16 + 2) = (7.5, 18) → m̂ = (7.5, 18)
        List<Step> s = steps(map("name", "adam", "lr", 0.1, "weight_decay", 0.5));
        near(s.get(1).mHat(), 7.5, 18);
        near(s.get(1).params(), 2.9000000001333333332, 3.9000000000555555555);
        near(s.get(2).params(), 2.8001027073476357208, 3.8000739949406183279);
        near(s.get(3).params(), 2.7003815233493312101, 3.7002738441326284243);
    }

    @Test
    void adamw() {
        // decoupled: θ ← θ·(1 − γλ) = θ·0.95 first, then the plain Adam step on the raw gradient
        List<Step> s = steps(map("name", "adamw", "lr", 0.1, "weight_decay", 0.5));
        // θ₁ = (2.85 − 0.1·6/6.00000001, 3.8 − 0.1·16/16.00000001)
        near(s.get(1).mHat(), 6, 16);
        near(s.get(1).params(), 2.7500000001666666664, 3.7000000000625);
        near(s.get(2).params(), 2.5128208375103954537, 3.4152787739284808559);
        near(s.get(3).mHat(), 5.4744065222585944306, 14.738418854590008643);
        near(s.get(3).params(), 2.2880519099681120944, 3.1452684105427289178);
    }

    @Test
    void adamwDefaultsToWeightDecay001() {
        assertThat(RunSpec.fromJson(spec("bowl", null, map("name", "adamw"), 1)).optimizer().params())
                .containsEntry("weight_decay", 0.01)
                .containsEntry("lr", 0.001)
                .containsEntry("betas", List.of(0.9, 0.999));
    }
}
