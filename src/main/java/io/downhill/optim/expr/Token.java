package io.downhill.optim.expr;

/** A lexeme: its kind, source text and 1-based column. */
record Token(Kind kind, String text, int column) {
    enum Kind { NUMBER, NAME, OP, LPAREN, RPAREN, END }

    boolean is(String s) {
        return kind != Kind.END && text.equals(s);
    }

    /** How an error message names this token. */
    String describe() {
        return kind == Kind.END ? "end of expression" : "'" + text + "'";
    }
}
