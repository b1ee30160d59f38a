package io.downhill.course;

import java.util.List;
import java.util.stream.Collectors;

/** The course cannot be served: every error found, not just the first. */
public final class CourseException extends Exception {
    private final List<ContentIssue> issues;

    public CourseException(List<ContentIssue> issues) {
        super(issues.stream().map(ContentIssue::toString).collect(Collectors.joining("\n")));
        this.issues = List.copyOf(issues);
    }

    public List<ContentIssue> issues() {
        return issues;
    }
}
