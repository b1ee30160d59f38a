package io.downhill.optim;

/**
 * How gradients are computed: {@code "analytic"}, {@code "forward"} or {@code "central"}
 * differences with step {@code h}. Defaults: forward h = 1e-8 (about √ε, which balances the O(h)
 * truncation error against the ε/h rounding error), central h = 1e-6 (near ∛ε ≈ 6e-6 for the
 * O(h²) scheme). h is null for analytic unless the spec gave one (it is then ignored).
 */
public record GradientSpec(String method, Double h) {
    public static final double FORWARD_H = 1e-8;
    public static final double CENTRAL_H = 1e-6;
    public static final GradientSpec ANALYTIC = new GradientSpec("analytic", null);
}
