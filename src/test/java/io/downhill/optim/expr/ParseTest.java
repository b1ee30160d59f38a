package io.downhill.optim.expr;

import static io.downhill.optim.expr.Approx.near;
import static io.downhill.optim.expr.Approx.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParseTest {

    @Test
    void precedenceAndAssociativity() {
        assertThat(value("1+2*3", 0, 0)).isEqualTo(7); // * before +
        assertThat(value("(1+2)*3", 0, 0)).isEqualTo(9);
        assertThat(value("2^3^2", 0, 0)).isEqualTo(512); // 2^(3^2) = 2^9, not (2^3)^2 = 64
        assertThat(value("-2^2", 0, 0)).isEqualTo(-4); // -(2^2)
        assertThat(value("(-2)^2", 0, 0)).isEqualTo(4);
        assertThat(value("2^-1", 0, 0)).isEqualTo(0.5); // unary minus allowed in an exponent
        assertThat(value("10-4-3", 0, 0)).isEqualTo(3); // (10-4)-3, left to right
        assertThat(value("8/4/2", 0, 0)).isEqualTo(1); // (8/4)/2
        assertThat(value("2*-3", 0, 0)).isEqualTo(-6);
        assertThat(value("--3", 0, 0)).isEqualTo(3);
        assertThat(value("+3", 0, 0)).isEqualTo(3);
        assertThat(value("-x^2", 3, 0)).isEqualTo(-9); // -(3^2)
        assertThat(value("2*x^2 - y/4", 3, 2)).isEqualTo(17.5); // 2·9 − 0.5
    }

    @Test
    void numbersInEveryForm() {
        assertThat(value("1e-3", 0, 0)).isEqualTo(0.001);
        assertThat(value(".5", 0, 0)).isEqualTo(0.5);
        assertThat(value("5.", 0, 0)).isEqualTo(5);
        assertThat(value("1.5E2", 0, 0)).isEqualTo(150);
        assertThat(value("2.5e+1", 0, 0)).isEqualTo(25);
    }

    @Test
    void constants() {
        assertThat(value("pi", 0, 0)).isEqualTo(Math.PI);
        assertThat(value("e", 0, 0)).isEqualTo(Math.E);
        assertThat(value("2*pi*e", 0, 0)).isEqualTo(2 * Math.PI * Math.E);
    }

    @Test
    void everyFunctionAtOneHalf() {
        // Reference values of each function at 0.5, to 16-17 significant digits.
        near(value("sin(x)", 0.5), 0.479425538604203);
        near(value("cos(x)", 0.5), 0.8775825618903728);
        near(value("tan(x)", 0.5), 0.5463024898437905);
        near(value("exp(x)", 0.5), 1.6487212707001282);
        near(value("log(x)", 0.5), -0.6931471805599453); // natural log: −ln 2
        near(value("sqrt(x)", 0.5), 0.7071067811865476); // 1/√2
        assertThat(value("abs(x)", -0.5)).isEqualTo(0.5);
        near(value("tanh(x)", 0.5), 0.46211715726000974);
        near(value("sigmoid(x)", 0.5), 0.6224593312018546); // 1/(1+e^−0.5)
    }

    @Test
    void whitespaceIsIgnored() {
        assertThat(value(" \t x  +\n y ", 1, 2)).isEqualTo(3);
        assertThat(value("sin ( 0 ) + 2 ^ 3", 0, 0)).isEqualTo(8);
    }

    @Test
    void oneDimensionalExpressions() {
        Expression f = Expression.parse("x^4 - 3*x^2 + x", 1);
        assertThat(f.dimension()).isEqualTo(1);
        assertThat(f.value(new double[] {2})).isEqualTo(6); // 16 − 12 + 2
        assertThatThrownBy(() -> Expression.parse("x", 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void graphSharesVariablesAndIsTopological() {
        // x*y + x: x is one node used twice, so its adjoint will sum both uses.
        List<Node> nodes = Expression.parse("x*y + x", 2).nodes();
        assertThat(nodes).extracting(Node::op).containsExactly("x", "y", "*", "+");
        assertThat(nodes.get(2).inputs()).containsExactly(0, 1);
        assertThat(nodes.get(3).inputs()).containsExactly(2, 0);
        for (Node n : nodes) {
            assertThat(java.util.Arrays.stream(n.inputs())).allMatch(i -> i < n.id());
        }
        List<Node> more = Expression.parse("-sin(pi/2) + 0.50", 2).nodes();
        assertThat(more).extracting(Node::op).containsExactly("const", "const", "/", "sin", "neg", "const", "+");
        assertThat(more).extracting(Node::label).containsExactly("pi", "2", "/", "sin", "-", "0.50", "+");
        assertThat(Expression.parse("-sin(pi/2) + 0.50", 2).value(new double[2])).isEqualTo(-0.5);
    }

    @Test
    void longOperatorChainsWithinTheLengthLimitParse() {
        // Only parentheses count towards the depth limit; these chains recurse once per operator
        // and the 500-character limit keeps that recursion shallow.
        assertThat(value("-".repeat(499) + "x", 2, 0)).isEqualTo(-2); // 499 minuses: odd, so −x
        assertThat(value("1" + "^1".repeat(249), 0, 0)).isEqualTo(1);
    }
}
