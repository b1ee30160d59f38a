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
import io.downhill.widget.Widgets;

/**
 * Reads a content folder into a {@link Course}. Markdown files at the top are the first, untitled
 * part; each sub-folder is a part (its title from {@code part.yml} or the folder name). Order: the
 * {@code order}/{@code weight} key, else the numeric file prefix, else the file name.
 */
public final class CourseLoader {
    private final Markdown markdown = new Markdown();
    private final boolean dev;

    /** {@code dev}: include drafts, and show a bad widget as an error box instead of failing. */
    public CourseLoader(boolean dev) {
        this.dev = dev;
    }

    private record Draft(Lesson lesson, int order, String fileName, int bodyLine) {}

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
            List<Draft> all = new ArrayList<>();
            java.util.Set<String> hiddenFound = new java.util.HashSet<>();
            for (Path folder : folders) {
                if (!folder.equals(root) && config.hiddenParts().contains(Slugs.slug(fileName(folder)))) {
                    hiddenFound.add(Slugs.slug(fileName(folder)));
                    continue;
                }
                List<Draft> drafts = loadPart(root, folder, issues, slugOwners);
                if (!drafts.isEmpty()) {
                    parts.add(part(root, folder, drafts, issues));
                    all.addAll(drafts);
                }
            }
            for (String hidden : config.hiddenParts()) {
                if (!hiddenFound.contains(hidden)) {
                    issues.add(ContentIssue.warning(CourseConfig.FILE, 1, "hidden_parts names '" + hidden + "', but no part has that slug"));
                }
            }
            new LinkCheck(root, all.stream().map(Draft::lesson).toList(), slugOwners.keySet())
                    .run(all.stream().map(d -> new LinkCheck.Source(d.lesson(), d.bodyLine())).toList(), issues);
            if (issues.stream().anyMatch(ContentIssue::isError)) {
                throw new CourseException(issues);
            }
            return new Course(config, parts, issues);
        } catch (IOException | UncheckedIOException e) {
            issues.add(ContentIssue.error(root.toString(), 1, "cannot read the course: " + e.getMessage()));
            throw new CourseException(issues);
        }
    }

    /** The part around a folder's lessons: title and description from part.yml or the folder name. */
    private static Part part(Path root, Path folder, List<Draft> drafts, List<ContentIssue> issues) throws IOException {
        boolean top = folder.equals(root);
        String partSlug = top ? "" : Slugs.slug(fileName(folder));
        String title = top ? "" : Slugs.humanize(fileName(folder));
        String description = null;
        Path partFile = folder.resolve("part.yml");
        if (!top && Files.isRegularFile(partFile)) {
            String rel = relative(root, partFile);
            var fields = YamlFields.read(rel, Files.readString(partFile, StandardCharsets.UTF_8), 1, issues);
            if (fields != null) {
                for (var e : fields.entrySet()) {
                    switch (e.getKey()) {
                        case "title" -> title = e.getValue().value().asText().strip();
                        case "description" -> description = e.getValue().value().asText().strip();
                        default -> issues.add(ContentIssue.warning(rel, e.getValue().line(),
                                "unknown key '" + e.getKey() + "' (known: title, description)"));
                    }
                }
            }
        }
        return new Part(partSlug, title, description, drafts.stream().map(Draft::lesson).toList());
    }

    private List<Draft> loadPart(Path root, Path folder, List<ContentIssue> issues, Map<String, String> slugOwners)
            throws IOException {
        boolean top = folder.equals(root);
        String partSlug = top ? "" : Slugs.slug(fileName(folder));
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
            if (fm.draft() && !dev) {
                continue;
            }
            RenderedMarkdown body = markdown.render(split.body());
            List<Embed> embeds = embeds(rel, split.bodyLine(), body.blocks(), issues);
            Lesson lesson = new Lesson(slug, fm.title(), fm.description(), fm.tags(), fm.draft(), partSlug, rel,
                    body, embeds);
            OptionalInt prefix = Slugs.prefix(fileName(file));
            int order = fm.order() != null ? fm.order() : prefix.orElse(Integer.MAX_VALUE);
            drafts.add(new Draft(lesson, order, rel, split.bodyLine()));
            for (SourcePos at : body.unclosedMath()) {
                issues.add(new ContentIssue(rel, split.bodyLine() + at.bodyLine(), at.column(), ContentIssue.Severity.ERROR,
                        "maths not closed: a '$' opens maths here but no matching '$' follows (write \\$ for a dollar sign)"));
            }
        }
        drafts.sort(Comparator.comparingInt(Draft::order).thenComparing(Draft::fileName));
        return drafts;
    }

    /**
     * Validates each embedded block. Outside dev mode a bad block is an error that stops the
     * course; in dev mode it becomes an error box in place of the widget, and a warning.
     */
    private List<Embed> embeds(String file, int bodyLine, List<EmbeddedBlock> blocks, List<ContentIssue> issues) {
        List<Embed> embeds = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            EmbeddedBlock block = blocks.get(i);
            int firstLine = bodyLine + block.bodyLine();
            List<ContentIssue> found = new ArrayList<>();
            if (block.kind().equals("quiz")) {
                Quiz quiz = Quizzes.parse(file, block.yaml(), firstLine, markdown, found);
                if (quiz != null) {
                    embeds.add(new Embed(i, null, quiz, null));
                    continue;
                }
            } else {
                Widgets.Block widget = EmbeddedBlocks.widget(file, block.yaml(), firstLine, found);
                if (widget != null) {
                    embeds.add(new Embed(i, widget.spec(), null, null, widget.predict()));
                    continue;
                }
            }
            if (dev) {
                found.replaceAll(issue -> new ContentIssue(issue.file(), issue.line(), issue.column(),
                        ContentIssue.Severity.WARNING, issue.message()));
                embeds.add(new Embed(i, null, null, found.isEmpty() ? "invalid " + block.kind() : found.get(0).toString()));
            }
            issues.addAll(found);
        }
        return List.copyOf(embeds);
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
