package io.downhill.optim.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the grammar below, building the graph as it goes. Children are always
 * added before their parent, so the node list comes out in topological order for free.
 *
 * <pre>
 * expr    = term (("+" | "-") term)*
 * term    = unary (("*" | "/") unary)*
 * unary   = ("-" | "+") unary | power
 * power   = primary ("^" unary)?        right-associative; -x^2 = -(x^2), 2^-1 = 0.5
 * primary = number | x | y | pi | e | function "(" expr ")" | "(" expr ")"
 * </pre>
 */
final class Parser {
    /** Bounds that keep a hostile or accidental input cheap to parse and evaluate. */
    record Limits(int maxLength, int maxDepth, int maxNodes) {
        static final Limits DEFAULT = new Limits(500, 50, 1000);
    }

    private static final String OPERAND = "expected a number, x, y, a function or '('";

    private final String text;
    private final int dimension;
    private final Limits limits;
    private final List<Token> tokens;
    private int pos;
    private int depth;

    private final List<Op> ops = new ArrayList<>();
    private final List<int[]> inputs = new ArrayList<>();
    private final List<Double> constants = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private int xNode = -1;
    private int yNode = -1;

    private Parser(String text, int dimension, Limits limits) {
        this.text = text;
        this.dimension = dimension;
        this.limits = limits;
        this.tokens = Lexer.tokens(text);
    }

    static Expression parse(String text, int dimension, Limits limits) {
        if (dimension != 1 && dimension != 2) {
            throw new IllegalArgumentException("dimension must be 1 or 2, not " + dimension);
        }
        if (text.length() > limits.maxLength()) {
            throw new ExpressionException("expression is too long: " + text.length()
                    + " characters, at most " + limits.maxLength(), limits.maxLength() + 1);
        }
        Parser p = new Parser(text, dimension, limits);
        if (p.peek().kind() == Token.Kind.END) {
            throw new ExpressionException("empty expression: write a function of " + p.variables(), 1);
        }
        int root = p.expr();
        Token t = p.peek();
        if (t.kind() != Token.Kind.END) {
            // Every other token is consumed by some rule, so only a stray ')' can be left over.
            throw new ExpressionException("unexpected " + t.describe() + ": no '(' to close", t.column());
        }
        return p.build(root);
    }

    private String variables() {
        return dimension == 1 ? "x" : "x and y";
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private int expr() {
        int left = term();
        while (peek().is("+") || peek().is("-")) {
            Token op = next();
            int right = term();
            left = add(op.is("+") ? Op.ADD : Op.SUB, op, 0, left, right);
        }
        return left;
    }

    private int term() {
        int left = unary();
        while (peek().is("*") || peek().is("/")) {
            Token op = next();
            int right = unary();
            left = add(op.is("*") ? Op.MUL : Op.DIV, op, 0, left, right);
        }
        return left;
    }

    private int unary() {
        if (peek().is("-")) {
            Token op = next();
            return add(Op.NEG, op, 0, unary());
        }
        if (peek().is("+")) {
            next(); // unary plus changes nothing, so it gets no node
            return unary();
        }
        return power();
    }

    private int power() {
        int start = pos;
        int base = primary();
        Token after = peek();
        if (after.kind() == Token.Kind.NUMBER || after.kind() == Token.Kind.NAME
                || after.kind() == Token.Kind.LPAREN) {
            throw new ExpressionException("missing operator: write " + source(start) + "*" + after.text()
                    + " (implicit multiplication is not allowed)", after.column());
        }
        if (peek().is("^")) {
            Token op = next();
            int exponent = unary();
            return add(Op.POW, op, 0, base, exponent);
        }
        return base;
    }

    /** The source text of the tokens from {@code start} up to the current one, shortened if long. */
    private String source(int start) {
        Token first = tokens.get(start);
        Token last = tokens.get(pos - 1);
        String s = text.substring(first.column() - 1, last.column() - 1 + last.text().length());
        return s.length() <= 16 ? s : last.text();
    }

    private int primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER -> {
                double v = Double.parseDouble(t.text());
                if (Double.isInfinite(v)) {
                    throw new ExpressionException("number " + t.text() + " is too large", t.column());
                }
                return add(Op.CONST, t, v);
            }
            case NAME -> {
                return name(t);
            }
            case LPAREN -> {
                open(t);
                int inner = expr();
                close(t);
                return inner;
            }
            case END -> {
                Token before = tokens.get(pos - 2);
                throw new ExpressionException("unexpected end of expression after " + before.describe()
                        + ": " + OPERAND, t.column());
            }
            default -> throw new ExpressionException("unexpected " + t.describe() + ": " + OPERAND, t.column());
        }
    }

    private int name(Token t) {
        String name = t.text();
        switch (name) {
            case "x" -> {
                if (xNode < 0) {
                    xNode = add(Op.X, t, 0);
                }
                return xNode;
            }
            case "y" -> {
                if (dimension == 1) {
                    throw new ExpressionException("'y' is not allowed in a 1D expression: use x", t.column());
                }
                if (yNode < 0) {
                    yNode = add(Op.Y, t, 0);
                }
                return yNode;
            }
            case "pi" -> {
                return add(Op.CONST, t, StrictMath.PI);
            }
            case "e" -> {
                return add(Op.CONST, t, StrictMath.E);
            }
            default -> {
                Op fn = Op.function(name);
                boolean call = peek().kind() == Token.Kind.LPAREN;
                if (fn == null && call) {
                    throw new ExpressionException("unknown function '" + name + "' (known: "
                            + Op.functionNames() + ")", t.column());
                }
                if (fn == null) {
                    throw new ExpressionException("unknown name '" + name + "': use " + variables(), t.column());
                }
                if (!call) {
                    throw new ExpressionException("function '" + name + "' needs parentheses: write "
                            + name + "(...)", t.column());
                }
                Token paren = next();
                open(paren);
                int argument = expr();
                close(paren);
                return add(fn, t, 0, argument);
            }
        }
    }

    private void open(Token paren) {
        depth++;
        if (depth > limits.maxDepth()) {
            throw new ExpressionException("too deeply nested: more than " + limits.maxDepth()
                    + " levels of parentheses", paren.column());
        }
    }

    private void close(Token open) {
        Token t = peek();
        if (!t.is(")")) {
            throw new ExpressionException("expected ')' to close '(' from column " + open.column()
                    + ", found " + t.describe(), t.column());
        }
        next();
        depth--;
    }

    /** Appends a node; {@code at} is the token it came from, for the size-limit error. */
    private int add(Op op, Token at, double constant, int... in) {
        if (ops.size() >= limits.maxNodes()) {
            throw new ExpressionException("expression is too large: more than " + limits.maxNodes()
                    + " nodes", at.column());
        }
        ops.add(op);
        inputs.add(in);
        constants.add(constant);
        labels.add(at.text()); // the source spelling: "2", "pi", "-", "sin"
        return ops.size() - 1;
    }

    private Expression build(int root) {
        int n = ops.size();
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = constants.get(i);
        }
        return new Expression(text, dimension, ops.toArray(new Op[0]), inputs.toArray(new int[0][]),
                c, labels.toArray(new String[0]), root);
    }
}
