package io.downhill.optim.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The forward values and backward adjoints a graph widget shows, worked by hand. */
class TraceTest {

    @Test
    void productOfSumAndSine() {
        // f = (x + y) * sin(x) at (1, 2). Nodes in the order the parser creates them:
        //   0: x          1: y          2: s = x + y          3: q = sin(x)          4: f = s · q
        Expression f = Expression.parse("(x + y) * sin(x)", 2);
        List<Node> nodes = f.nodes();
        assertThat(nodes).extracting(Node::op).containsExactly("x", "y", "+", "sin", "*");
        assertThat(nodes).extracting(Node::label).containsExactly("x", "y", "+", "sin", "*");
        assertThat(nodes.get(2).inputs()).containsExactly(0, 1);
        assertThat(nodes.get(3).inputs()).containsExactly(0);
        assertThat(nodes.get(4).inputs()).containsExactly(2, 3);

        double sin1 = StrictMath.sin(1); // 0.8414709848078965
        double cos1 = StrictMath.cos(1); // 0.5403023058681398
        Trace t = f.trace(new double[] {1, 2});

        // Forward: x = 1, y = 2, s = 3, q = sin 1, f = 3·sin 1 = 2.5244129544236893
        assertThat(t.values()).containsExactly(1, 2, 3, sin1, 3 * sin1);

        // Backward, from f down:
        //   f̄ = 1
        //   q̄ = f̄ · s = 3                 s̄ = f̄ · q = sin 1
        //   x̄ += q̄ · cos x = 3·cos 1      (through sin)
        //   x̄ += s̄ · 1 = sin 1            ȳ = s̄ · 1 = sin 1   (through +)
        //   so ∂f/∂x = sin 1 + 3·cos 1 = 2.4623779024123156 and ∂f/∂y = sin 1
        double[] adj = t.adjoints();
        assertThat(adj[4]).isEqualTo(1);
        assertThat(adj[3]).isEqualTo(3);
        assertThat(adj[2]).isEqualTo(sin1);
        assertThat(adj[1]).isEqualTo(sin1);
        assertThat(adj[0]).isEqualTo(3 * cos1 + sin1); // the sin path is walked first (node 3 > 2)
        assertThat(adj[0]).isCloseTo(2.4623779024123156, org.assertj.core.data.Offset.offset(1e-15));

        double[] g = new double[2];
        assertThat(f.valueAndGradient(new double[] {1, 2}, g)).isEqualTo(3 * sin1);
        assertThat(g).containsExactly(adj[0], adj[1]);
    }

    @Test
    void traceArraysAreCopies() {
        Trace t = Expression.parse("x", 1).trace(new double[] {5});
        t.values()[0] = 0;
        assertThat(t.values()).containsExactly(5);
        assertThat(t.adjoints()).containsExactly(1);
    }
}
