package io.downhill.optim;

/**
 * A run spec value that cannot be accepted. {@code field} is the dotted JSON path of the offending
 * value ({@code "optimizer.lr"}, {@code "start"}, {@code "changes[1].at"}) and {@code detail} says
 * what is allowed ({@code "must be > 0 and <= 10"}), so a form can put the message next to the input.
 */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String detail;

    public SpecException(String field, String detail) {
        super(field + ": " + detail);
        this.field = field;
        this.detail = detail;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}
