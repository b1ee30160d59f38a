package io.downhill;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.downhill.course.ContentIssue;
import io.downhill.course.CourseException;
import io.downhill.course.CourseLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code check}: validates a course without serving it, with the same loader the server uses, and
 * prints {@code file:line:col: error|warning: message} lines (or JSON for tools). With
 * {@code --watch} it checks again each time a file of the course changes, until stopped.
 */
final class Check {
    private Check() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Path content = null;
        String format = "text";
        boolean watch = false;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--watch")) {
                watch = true;
                continue;
            }
            if ((flag.equals("--content") || flag.equals("--format")) && i + 1 >= args.size()) {
                err.println("downhill check: option " + flag + " needs a value. Run with --help for usage.");
                return 2;
            }
            switch (flag) {
                case "--content" -> content = Path.of(args.get(++i)).toAbsolutePath().normalize();
                case "--format" -> format = args.get(++i);
                default -> {
                    err.println("downhill check: unknown option '" + flag + "'. Run with --help for usage.");
                    return 2;
                }
            }
        }
        if (!format.equals("text") && !format.equals("json")) {
            err.println("downhill check: --format must be text or json, got '" + format + "'");
            return 2;
        }
        if (content != null && !Files.isDirectory(content)) {
            err.println("downhill check: --content: no such folder " + content);
            return 2;
        }
        Path root;
        try {
            root = content != null ? content : Bundled.path(Bundled.CONTENT);
        } catch (IOException e) {
            err.println("downhill check: " + e.getMessage());
            return 2;
        }
        if (!watch) {
            return once(root, format, out, err);
        }
        if (content == null) {
            err.println("downhill check: --watch needs --content DIR (the bundled course cannot change)");
            return 2;
        }
        try {
            return watch(root, format, out, err);
        } catch (IOException e) {
            err.println("downhill check: cannot watch " + root + ": " + e.getMessage());
            return 2;
        }
    }

    /** Checks, then waits for a change and checks again, until the thread is interrupted. */
    static int watch(Path root, String format, PrintStream out, PrintStream err) throws IOException {
        try (ContentWatch changes = new ContentWatch(root)) {
            int status = once(root, format, out, err);
            while (true) {
                if (format.equals("text")) {
                    out.println("watching " + root + " for changes (Ctrl-C to stop)");
                }
                out.flush();
                try {
                    changes.awaitChange();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return status;
                }
                if (format.equals("text")) {
                    out.println();
                    out.println("-- " + java.time.LocalTime.now().withNano(0) + " --");
                }
                status = once(root, format, out, err);
            }
        }
    }

    static int once(Path root, String format, PrintStream out, PrintStream err) {
        List<ContentIssue> issues;
        int lessons = 0;
        try {
            var course = new CourseLoader(false).load(root);
            issues = new ArrayList<>(course.warnings());
            lessons = course.lessons().size();
        } catch (CourseException e) {
            issues = new ArrayList<>(e.issues());
        }
        issues.sort(Comparator.comparing(ContentIssue::file).thenComparingInt(ContentIssue::line)
                .thenComparingInt(ContentIssue::column));
        long errors = issues.stream().filter(ContentIssue::isError).count();
        long warnings = issues.size() - errors;
        if (format.equals("json")) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("errors", errors);
            report.put("warnings", warnings);
            report.put("issues", issues.stream().map(i -> Map.of("file", i.file(), "line", i.line(), "column", i.column(),
                    "severity", i.severity().name().toLowerCase(java.util.Locale.ROOT), "message", i.message())).toList());
            try {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } catch (IOException e) {
                err.println("downhill check: " + e.getMessage());
                return 2;
            }
        } else {
            issues.forEach(out::println);
            out.println(errors == 0
                    ? "course OK: " + lessons + " lessons, " + warnings + " warning(s)"
                    : errors + " error(s), " + warnings + " warning(s)");
        }
        return errors == 0 ? 0 : 1;
    }
}
