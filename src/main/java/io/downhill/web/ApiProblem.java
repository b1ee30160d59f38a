package io.downhill.web;

/**
 * A client error answered as {@code application/problem+json} (RFC 9457): {@code title},
 * {@code status}, {@code detail}, and the {@code field} that was wrong, so a widget can point at it.
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final String field;
    private final String detail;

    public ApiProblem(int status, String title, String field, String detail) {
        super(field == null ? detail : field + ": " + detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.detail = detail;
    }

    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(400, "Invalid run spec", field, detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}
