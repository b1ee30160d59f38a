package io.downhill.optim.expr;

/**
 * An expression that cannot be parsed. {@link #column()} is the 1-based column of the offending
 * character (one past the last character when the text ends too early), so an editor can put a
 * caret under it; {@link #reason()} is the message without the column.
 */
public final class ExpressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int column;
    private final String reason;

    public ExpressionException(String reason, int column) {
        super("column " + column + ": " + reason);
        this.column = column;
        this.reason = reason;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
