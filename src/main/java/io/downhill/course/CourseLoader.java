package io.downhill.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Reads a content folder into a {@link Course}. Markdown files at the top are the first, untitled
 * part; each sub-folder is a part (its title from {@code part.yml} or the folder name). Order: the
 * {@code order}/{@code weight} key, else the numeric file prefix, else the file name.
 */
public final class CourseLoader {
    private final Markdown markdown = new Markdown();
    private final boolean includeDrafts;

    public CourseLoader(boolean includeDrafts) {
        this.includeDrafts = includeDrafts;
    }

    private record Draft(Lesson lesson, int order, String fileName) {}

    public Course load(Path root) throws CourseException {
        List<ContentIssue> issues = new ArrayList<>();
        try {
            if (!Files.isDirectory(root)) {
                throw new CourseException(List.of(ContentIssue.error(root.toString(), 1, "content folder not found")));
            }
            CourseConfig config = CourseConfig.read(root, issues);
            List<Path> folders = new ArrayList<>();
            folders.add(root);
            try (Stream<Path> children = Files.list(root)) {
                children.filter(Files::isDirectory)
                        .filter(p -> !fileName(p).startsWith(".") && !fileName(p).startsWith("_"))
                        .sorted(byPrefixThenName())
                        .forEach(folders::add);
            }
            List<Part> parts = new ArrayList<>();
            Map<String, String> slugOwners = new HashMap<>();
            for (Path folder : folders) {
                Part part = loadPart(root, folder, issues, slugOwners);
                if (!part.lessons().isEmpty()) {
                    parts.add(part);
                }
            }
            if (issues.stream().anyMatch(ContentIssue::isError)) {
                throw new CourseException(issues);
            }
            return new Course(config, parts, issues);
        } catch (IOException | UncheckedIOException e) {
            issues.add(ContentIssue.error(root.toString(), 1, "cannot read the course: " + e.getMessage()));
            throw new CourseException(issues);
        }
    }

    private Part loadPart(Path root, Path folder, List<ContentIssue> issues, Map<String, String> slugOwners)
            throws IOException {
        boolean top = folder.equals(root);
        String partSlug = top ? "" : Slugs.slug(fileName(folder));
        String title = top ? "" : Slugs.humanize(fileName(folder));
        String description = null;
        Path partFile = folder.resolve("part.yml");
        if (!top && Files.isRegularFile(partFile)) {
            String rel = relative(root, partFile);
            var fields = FrontMatter.readFields(rel, Files.readString(partFile, StandardCharsets.UTF_8), issues);
            if (fields != null) {
                for (var e : fields.entrySet()) {
                    switch (e.getKey()) {
                        case "title" -> title = e.getValue().value().asText().strip();
                        case "description" -> description = e.getValue().value().asText().strip();
                        default -> issues.add(ContentIssue.warning(rel, e.getValue().line() - 1,
                                "unknown key '" + e.getKey() + "' (known: title, description)"));
                    }
                }
            }
        }
        List<Path> files;
        try (Stream<Path> walk = top ? Files.list(folder) : Files.walk(folder)) {
            files = walk.filter(p -> Files.isRegularFile(p) && fileName(p).endsWith(".md"))
                    .filter(p -> !fileName(p).startsWith("_") && !fileName(p).startsWith("."))
                    .filter(p -> !fileName(p).equalsIgnoreCase("README.md") || !top)
                    .toList();
        }
        List<Draft> drafts = new ArrayList<>();
        for (Path file : files) {
            String rel = relative(root, file);
            String slug = Slugs.slug(fileName(file));
            if (slug.isEmpty()) {
                issues.add(ContentIssue.error(rel, 1, "file name gives an empty URL slug; use letters or digits"));
                continue;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            FrontMatter.Split split = FrontMatter.parse(rel, text, issues);
            if (split == null) {
                continue;
            }
            String owner = slugOwners.putIfAbsent(slug, rel);
            if (owner != null) {
                issues.add(ContentIssue.error(rel, 1, "duplicate slug '" + slug + "': " + owner + " has the same URL"));
                continue;
            }
            FrontMatter fm = split.frontMatter();
            if (fm.draft() && !includeDrafts) {
                continue;
            }
            Lesson lesson = new Lesson(slug, fm.title(), fm.description(), fm.tags(), fm.draft(), partSlug, rel,
                    markdown.render(split.body()));
            OptionalInt prefix = Slugs.prefix(fileName(file));
            int order = fm.order() != null ? fm.order() : prefix.orElse(Integer.MAX_VALUE);
            drafts.add(new Draft(lesson, order, rel));
        }
        drafts.sort(Comparator.comparingInt(Draft::order).thenComparing(Draft::fileName));
        return new Part(partSlug, title, description, drafts.stream().map(Draft::lesson).toList());
    }

    private static Comparator<Path> byPrefixThenName() {
        return Comparator.<Path>comparingInt(p -> Slugs.prefix(fileName(p)).orElse(Integer.MAX_VALUE))
                .thenComparing(CourseLoader::fileName);
    }

    private static String fileName(Path p) {
        Path name = p.getFileName();
        return name == null ? "" : name.toString().replaceAll("/$", "");
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
