package io.downhill.optim.expr;

/**
 * One node of an expression graph, for drawing it. {@code op} is a stable identifier ("const", "x",
 * "y", "+", "-", "*", "/", "^", "neg" or a function name); {@code label} is what to print in the
 * box (the source text of a constant, e.g. "0.5" or "pi"); {@code inputs} are ids of earlier nodes.
 */
public record Node(int id, String op, String label, int[] inputs) {
    public Node {
        inputs = inputs.clone();
    }

    @Override
    public int[] inputs() {
        return inputs.clone();
    }
}
