package io.downhill.optim;

import java.util.function.ToDoubleFunction;

/**
 * Numerical gradients with a fixed step h per coordinate (the nominal h, not rescaled by |x|):
 * forward (f(x + h·eᵢ) − f(x))/h with O(h) error, central (f(x + h·eᵢ) − f(x − h·eᵢ))/(2h) with
 * O(h²) error. {@code x} is perturbed in place and restored exactly.
 */
public final class FiniteDifference {
    private FiniteDifference() {}

    public static void forward(ToDoubleFunction<double[]> f, double[] x, double h, double[] out) {
        double f0 = f.applyAsDouble(x);
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            x[i] = xi + h;
            double f1 = f.applyAsDouble(x);
            x[i] = xi;
            out[i] = (f1 - f0) / h;
        }
    }

    public static void central(ToDoubleFunction<double[]> f, double[] x, double h, double[] out) {
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            x[i] = xi + h;
            double up = f.applyAsDouble(x);
            x[i] = xi - h;
            double down = f.applyAsDouble(x);
            x[i] = xi;
            out[i] = (up - down) / (2 * h);
        }
    }
}
