package io.downhill.optim.expr;

import java.util.ArrayList;
import java.util.List;

/** The operations a graph node can perform, with the symbol {@link Node#op()} reports. */
enum Op {
    CONST("const", 0), X("x", 0), Y("y", 0),
    ADD("+", 2), SUB("-", 2), MUL("*", 2), DIV("/", 2), POW("^", 2), NEG("neg", 1),
    SIN("sin", 1), COS("cos", 1), TAN("tan", 1), EXP("exp", 1), LOG("log", 1), SQRT("sqrt", 1),
    ABS("abs", 1), TANH("tanh", 1), SIGMOID("sigmoid", 1);

    final String symbol;
    final int arity;

    Op(String symbol, int arity) {
        this.symbol = symbol;
        this.arity = arity;
    }

    /** The one-argument functions the parser knows, or null. */
    static Op function(String name) {
        for (Op op : values()) {
            if (op.ordinal() >= SIN.ordinal() && op.symbol.equals(name)) {
                return op;
            }
        }
        return null;
    }

    static String functionNames() {
        List<String> names = new ArrayList<>();
        for (Op op : values()) {
            if (op.ordinal() >= SIN.ordinal()) {
                names.add(op.symbol);
            }
        }
        return String.join(", ", names);
    }
}
