package io.downhill.optim.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Every rejected input: the exact column of the offending character and a message that helps. */
class ParseErrorTest {

    private static ExpressionException error(String text, int dimension) {
        ExpressionException e =
                catchThrowableOfType(ExpressionException.class, () -> Expression.parse(text, dimension));
        assertThat(e).as("expected an ExpressionException for '%s'", text).isNotNull();
        assertThat(e.getMessage()).isEqualTo("column " + e.column() + ": " + e.reason());
        return e;
    }

    private static void expect(String text, int column, String reason) {
        expect(text, 2, column, reason);
    }

    private static void expect(String text, int dimension, int column, String reason) {
        ExpressionException e = error(text, dimension);
        assertThat(e.column()).as("column for '%s'", text).isEqualTo(column);
        assertThat(e.reason()).contains(reason);
    }

    @Test
    void emptyInput() {
        expect("", 1, "empty expression: write a function of x and y");
        expect("   ", 1, "empty expression");
        expect("", 1, 1, "empty expression: write a function of x");
    }

    @Test
    void trailingOperator() {
        // The column is just past the last character, where the operand is missing.
        expect("x+", 3, "unexpected end of expression after '+'");
        expect("x *  ", 4, "unexpected end of expression after '*'");
        expect("2^", 3, "after '^'");
        expect("-", 2, "after '-'");
    }

    @Test
    void operatorWithoutOperand() {
        expect("x*/y", 3, "unexpected '/': expected a number, x, y, a function or '('");
        expect("*x", 1, "unexpected '*'");
    }

    @Test
    void unclosedParenthesis() {
        expect("(x+1", 5, "expected ')' to close '(' from column 1, found end of expression");
        expect("2*(x+(y-1)", 11, "expected ')' to close '(' from column 3");
        expect("sin(x", 6, "expected ')' to close '(' from column 4");
    }

    @Test
    void strayClosingParenthesis() {
        expect("x+1)", 4, "unexpected ')': no '(' to close");
        expect("(x+y))*2", 6, "unexpected ')'");
        expect("sin(x+)", 7, "unexpected ')': expected a number");
        expect("()", 2, "unexpected ')'");
        expect(")", 1, "unexpected ')'");
    }

    @Test
    void unknownFunction() {
        expect("1 + sinh(x)", 5,
                "unknown function 'sinh' (known: sin, cos, tan, exp, log, sqrt, abs, tanh, sigmoid)");
        expect("Sin(x)", 1, "unknown function 'Sin'");
    }

    @Test
    void functionWithoutParentheses() {
        expect("sin x", 1, "function 'sin' needs parentheses: write sin(...)");
    }

    @Test
    void unknownVariable() {
        expect("x + z", 5, "unknown name 'z': use x and y");
        expect("x + z", 1, 5, "unknown name 'z': use x");
        expect("2*alpha", 3, "unknown name 'alpha'");
    }

    @Test
    void yInOneDimension() {
        expect("x^2 + y", 1, 7, "'y' is not allowed in a 1D expression: use x");
    }

    @Test
    void implicitMultiplication() {
        expect("2x", 2, "missing operator: write 2*x (implicit multiplication is not allowed)");
        expect("x y", 3, "write x*y");
        expect("3 sin(x)", 3, "write 3*sin");
        expect("x(y+1)", 2, "write x*(");
        expect("3*(x+1)(x-1)", 8, "write (x+1)*(");
        expect("x^2y", 4, "write 2*y");
        expect("2e", 2, "write 2*e"); // no digits after e: not an exponent
        expect("2pi", 2, "write 2*pi");
    }

    @Test
    void strayCharacters() {
        expect("x # y", 3, "unexpected character '#'");
        expect("x.y", 2, "unexpected character '.'");
        expect("x, y", 2, "unexpected character ','");
    }

    @Test
    void hugeNumber() {
        expect("1e999*x", 1, "number 1e999 is too large");
    }

    @Test
    void tooLong() {
        String ok = "x" + "+x".repeat(249) + " "; // 1 + 498 + 1 = 500 characters
        assertThat(ok).hasSize(500);
        assertThat(Expression.parse(ok, 2).value(new double[] {1, 0})).isEqualTo(250);
        String long1 = "x" + "+x".repeat(250); // 501
        expect(long1, 501, "expression is too long: 501 characters, at most 500");
    }

    @Test
    void tooDeep() {
        String ok = "(".repeat(50) + "x" + ")".repeat(50);
        assertThat(Expression.parse(ok, 2).value(new double[] {4, 0})).isEqualTo(4);
        // The 51st '(' is the offender.
        expect("(".repeat(51) + "x" + ")".repeat(51), 51, "too deeply nested: more than 50 levels of parentheses");
        // Function calls count as nesting too: the 51st "sin(" opens at 4·51 = 204.
        expect("sin(".repeat(51) + "x" + ")".repeat(51), 204, "too deeply nested");
    }

    @Test
    void tooManyNodes() {
        // Within 500 characters a graph stays under 1000 nodes, so test the rule with a tiny limit:
        // x, y, + are nodes 1-3; the constant 1 at column 5 would be the fourth.
        ExpressionException e = catchThrowableOfType(ExpressionException.class,
                () -> Parser.parse("x+y+1", 2, new Parser.Limits(500, 50, 3)));
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.reason()).isEqualTo("expression is too large: more than 3 nodes");
        assertThat(Parser.parse("x+y", 2, new Parser.Limits(500, 50, 3)).nodes()).hasSize(3);
    }
}
