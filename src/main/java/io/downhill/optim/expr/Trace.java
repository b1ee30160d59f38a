package io.downhill.optim.expr;

/**
 * One evaluation of an expression graph, indexed by node id: {@code values} from the forward pass
 * and {@code adjoints} (∂f/∂node) from the backward pass. The adjoint of the x node is ∂f/∂x.
 */
public record Trace(double[] values, double[] adjoints) {
    public Trace {
        values = values.clone();
        adjoints = adjoints.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] adjoints() {
        return adjoints.clone();
    }
}
