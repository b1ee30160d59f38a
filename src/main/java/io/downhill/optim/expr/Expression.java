package io.downhill.optim.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed f(x) or f(x, y) as a computational graph: an array of nodes in topological order (every
 * node's inputs come before it), evaluated by one loop forwards, differentiated by one loop
 * backwards. Immutable and thread-safe; each call works in its own arrays.
 *
 * <p>Reverse-mode automatic differentiation. The forward pass stores every node's value v_i. The
 * backward pass gives every node an adjoint ā_i = ∂f/∂v_i: the root starts at 1, and walking the
 * nodes from last to first, each node passes ā_i · ∂v_i/∂v_j on to each input j (the chain rule),
 * adding to what the input already has. A variable used in several places collects one
 * contribution per use; the sum is its partial derivative. One backward pass gives the whole
 * gradient, whatever the number of variables.
 *
 * <p>Transcendental functions use {@link StrictMath}, so results are bit-identical on every JVM.
 */
public final class Expression {
    private final String text;
    private final int dimension;
    private final Op[] ops;
    private final int[][] inputs;
    private final double[] constants;
    private final String[] labels;
    private final boolean[] constant; // no x or y below this node
    private final int root;

    Expression(String text, int dimension, Op[] ops, int[][] inputs, double[] constants, String[] labels,
            int root) {
        this.text = text;
        this.dimension = dimension;
        this.ops = ops;
        this.inputs = inputs;
        this.constants = constants;
        this.labels = labels;
        this.root = root;
        this.constant = new boolean[ops.length];
        for (int i = 0; i < ops.length; i++) {
            boolean c = ops[i] != Op.X && ops[i] != Op.Y;
            for (int j : inputs[i]) {
                c &= constant[j];
            }
            constant[i] = c;
        }
    }

    /**
     * Parses {@code text} as a function of x (dimension 1) or of x and y (dimension 2).
     *
     * @throws ExpressionException with the column of the first problem
     */
    public static Expression parse(String text, int dimension) {
        return Parser.parse(text, dimension, Parser.Limits.DEFAULT);
    }

    public String text() {
        return text;
    }

    public int dimension() {
        return dimension;
    }

    /** f at {@code point} (length ≥ dimension). */
    public double value(double[] point) {
        return forward(point)[root];
    }

    /** f at {@code point}; writes ∂f/∂x (and ∂f/∂y) into {@code gradOut}. */
    public double valueAndGradient(double[] point, double[] gradOut) {
        double[] v = forward(point);
        double[] adj = backward(v);
        for (int i = 0; i < dimension; i++) {
            gradOut[i] = 0;
        }
        for (int i = 0; i < ops.length; i++) {
            if (ops[i] == Op.X) {
                gradOut[0] = adj[i];
            } else if (ops[i] == Op.Y) {
                gradOut[1] = adj[i];
            }
        }
        return v[root];
    }

    /** Every node's value and adjoint at {@code point}, indexed by node id. */
    public Trace trace(double[] point) {
        double[] v = forward(point);
        return new Trace(v, backward(v));
    }

    /** The graph, in topological order; the last node is f. */
    public List<Node> nodes() {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i <= root; i++) {
            out.add(new Node(i, ops[i].symbol, labels[i], inputs[i]));
        }
        return List.copyOf(out);
    }

    /** Forward pass: each node's value from its inputs' values, which are already known. */
    private double[] forward(double[] point) {
        double[] v = new double[ops.length];
        for (int i = 0; i < ops.length; i++) {
            int[] in = inputs[i];
            double a = in.length > 0 ? v[in[0]] : 0;
            double b = in.length > 1 ? v[in[1]] : 0;
            v[i] = switch (ops[i]) {
                case CONST -> constants[i];
                case X -> point[0];
                case Y -> point[1];
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
                case POW -> StrictMath.pow(a, b);
                case NEG -> -a;
                case SIN -> StrictMath.sin(a);
                case COS -> StrictMath.cos(a);
                case TAN -> StrictMath.tan(a);
                case EXP -> StrictMath.exp(a);
                case LOG -> StrictMath.log(a);
                case SQRT -> StrictMath.sqrt(a);
                case ABS -> Math.abs(a);
                case TANH -> StrictMath.tanh(a);
                case SIGMOID -> 1 / (1 + StrictMath.exp(-a));
            };
        }
        return v;
    }

    /** Backward pass: adjoints from the root down, each node feeding its inputs. */
    private double[] backward(double[] v) {
        double[] adj = new double[ops.length];
        adj[root] = 1;
        for (int i = root; i >= 0; i--) {
            double g = adj[i];
            // f does not depend on this node here; skipping also keeps 0·∞ (e.g. 0*sqrt(x) at 0) from
            // turning into NaN.
            if (g == 0) {
                continue;
            }
            int[] in = inputs[i];
            int j = in.length > 0 ? in[0] : -1;
            int k = in.length > 1 ? in[1] : -1;
            double a = j >= 0 ? v[j] : 0;
            switch (ops[i]) {
                case CONST, X, Y -> { } // leaves: nothing further down
                case ADD -> {
                    adj[j] += g;
                    adj[k] += g;
                }
                case SUB -> {
                    adj[j] += g;
                    adj[k] -= g;
                }
                case MUL -> {
                    adj[j] += g * v[k];
                    adj[k] += g * a;
                }
                case DIV -> {
                    // d(a/b) = da/b − a·db/b²
                    adj[j] += g / v[k];
                    adj[k] -= g * a / (v[k] * v[k]);
                }
                case POW -> pow(v, i, j, k, g, adj);
                case NEG -> adj[j] -= g;
                case SIN -> adj[j] += g * StrictMath.cos(a);
                case COS -> adj[j] -= g * StrictMath.sin(a);
                case TAN -> {
                    double c = StrictMath.cos(a);
                    adj[j] += g / (c * c);
                }
                case EXP -> adj[j] += g * v[i];
                case LOG -> adj[j] += g / a;
                case SQRT -> adj[j] += g / (2 * v[i]);
                case ABS -> adj[j] += g * Math.signum(a); // signum(0) = 0: the subgradient we pick
                case TANH -> adj[j] += g * (1 - v[i] * v[i]);
                case SIGMOID -> adj[j] += g * v[i] * (1 - v[i]);
            }
        }
        return adj;
    }

    /**
     * d(a^b) = b·a^(b−1)·da + a^b·ln(a)·db. The second term needs a > 0 (ln). With a constant
     * exponent it is dropped altogether, so x^2 differentiates at x < 0 (and at x = 0).
     */
    private void pow(double[] v, int i, int j, int k, double g, double[] adj) {
        double a = v[j];
        double b = v[k];
        adj[j] += g * b * StrictMath.pow(a, b - 1);
        if (!constant[k] && a > 0) {
            adj[k] += g * v[i] * StrictMath.log(a);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
