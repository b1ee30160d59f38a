package io.downhill.course;

/** A problem found in the course source, reported as {@code file:line:col: severity: message}. */
public record ContentIssue(String file, int line, int column, Severity severity, String message) {
    public enum Severity { ERROR, WARNING }

    public static ContentIssue error(String file, int line, String message) {
        return new ContentIssue(file, line, 1, Severity.ERROR, message);
    }

    public static ContentIssue warning(String file, int line, String message) {
        return new ContentIssue(file, line, 1, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
