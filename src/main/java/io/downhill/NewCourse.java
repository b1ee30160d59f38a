package io.downhill;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code new DIR}: writes a small course to start from, which passes {@code check} and serves. */
final class NewCourse {
    private static final String FROM = "downhill/new-course/";
    static final List<String> FILES = List.of("course.yml", "01-getting-started/part.yml",
            "01-getting-started/01-first-lesson.md");

    private NewCourse() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            err.println("downhill new: give the folder to create, e.g. 'java -jar downhill.jar new my-course'");
            return 2;
        }
        Path dir = Path.of(args.get(0)).toAbsolutePath().normalize();
        try {
            if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
                err.println("downhill new: " + dir + " already exists and is not an empty folder; choose a new one");
                return 2;
            }
            for (String file : FILES) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = NewCourse.class.getClassLoader().getResourceAsStream(FROM + file)) {
                    if (in == null) {
                        throw new IOException("the jar is missing " + FROM + file);
                    }
                    Files.copy(in, target);
                }
            }
        } catch (IOException e) {
            err.println("downhill new: cannot write " + dir + ": " + e.getMessage());
            return 2;
        }
        out.println("Wrote a new course to " + dir + ":");
        FILES.forEach(f -> out.println("  " + f));
        out.println();
        out.println("Next:");
        out.println("  java -jar downhill.jar --dev --content " + args.get(0) + "    write, and see each save in the browser");
        out.println("  java -jar downhill.jar check --content " + args.get(0) + "    what a learner would find broken");
        return 0;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
