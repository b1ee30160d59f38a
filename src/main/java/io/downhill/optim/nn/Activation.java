package io.downhill.optim.nn;

import io.downhill.optim.SpecException;

/**
 * A hidden layer's nonlinearity a = f(z) and its derivative f'(z). The derivative is written in
 * terms of both z and a = f(z) because sigmoid and tanh are cheapest from their output:
 * σ'(z) = σ(z)(1 − σ(z)) and tanh'(z) = 1 − tanh²(z). Sigmoid's derivative never exceeds 1/4,
 * which is why deep sigmoid stacks lose their gradient; ReLU's is exactly 1 wherever it is active.
 */
public enum Activation {
    SIGMOID {
        @Override
        public double apply(double z) {
            return sigmoid(z);
        }

        @Override
        public double derivative(double z, double a) {
            return a * (1 - a);
        }
    },
    TANH {
        @Override
        public double apply(double z) {
            return StrictMath.tanh(z);
        }

        @Override
        public double derivative(double z, double a) {
            return 1 - a * a;
        }
    },
    RELU {
        @Override
        public double apply(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        public double derivative(double z, double a) {
            // the kink at 0 gets derivative 0, as in torch
            return z > 0 ? 1 : 0;
        }
    };

    /** f(z). */
    public abstract double apply(double z);

    /** f'(z), given z and a = f(z). */
    public abstract double derivative(double z, double a);

    /** The name a spec uses: "sigmoid", "tanh" or "relu". */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The name people read. */
    public String label() {
        return this == RELU ? "ReLU" : id();
    }

    /** "sigmoid", "tanh" or "relu". */
    public static Activation parse(String name) {
        return switch (name == null ? "" : name) {
            case "sigmoid" -> SIGMOID;
            case "tanh" -> TANH;
            case "relu" -> RELU;
            default -> throw new SpecException("activation", "must be one of sigmoid, tanh, relu");
        };
    }

    /** σ(z) = 1 / (1 + e^−z), in the form that never overflows for large |z|. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + StrictMath.exp(-z));
        }
        double e = StrictMath.exp(z);
        return e / (1 + e);
    }
}
