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

    /** A lesson body rendered with its blocks and their problems: the costly part of a load. */
    private record Rendered(String source, int bodyLine, Map<String, String> fileSlugs, RenderedMarkdown body,
                            List<Embed> embeds, List<ContentIssue> issues) {}

    /**
     * Bodies from the previous load, by file. A reload after one saved file renders only that
     * file again, which keeps the save-to-refresh time of a large course short.
     */
    private Map<String, Rendered> previous = Map.of();
    private Map<String, Rendered> current = new HashMap<>();
    private Map<String, String> fileSlugs = Map.of();

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
            fileSlugs = chosenSlugs(folders);
            markdown.useFileSlugs(fileSlugs);
            current = new HashMap<>();
            headers = new HashMap<>();
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
            previous = current;
            previousHeaders = headers;
            if (issues.stream().anyMatch(ContentIssue::isError)) {
                throw new CourseException(issues);
            }
            return new Course(config, parts, issues, ContentFiles.of(root, references(config, all)));
        } catch (IOException | UncheckedIOException e) {
            issues.add(ContentIssue.error(root.toString(), 1, "cannot read the course: " + e.getMessage()));
            throw new CourseException(issues);
        }
    }

    /** Every relative link and image in the loaded lessons and their quizzes, and course.yml's logo and styles. */
    private static List<String> references(CourseConfig config, List<Draft> drafts) {
        List<String> refs = new ArrayList<>();
        if (config.logo() != null) {
            refs.add(config.logo());
        }
        refs.addAll(config.extraCss());
        for (Draft d : drafts) {
            refs.addAll(d.lesson().body().files());
            d.lesson().embeds().stream().filter(e -> e.quiz() != null).forEach(e -> refs.addAll(e.quiz().files()));
        }
        return refs;
    }

    /**
     * Lessons whose front matter sets {@code slug:}, by file name, read before any lesson is
     * rendered so that a link to the file finds the address. Problems are reported later.
     */
    private static Map<String, String> chosenSlugs(List<Path> folders) throws IOException {
        Map<String, String> chosen = new HashMap<>();
        for (Path folder : folders) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(p -> Files.isRegularFile(p) && fileName(p).endsWith(".md")).toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    if (!text.contains("slug:")) {
                        continue;
                    }
                    FrontMatter.Split split = FrontMatter.parse(fileName(file), text, new ArrayList<>());
                    if (split != null && split.frontMatter().slug() != null) {
                        chosen.put(fileName(file), split.frontMatter().slug());
                    }
                }
            }
        }
        return chosen;
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
            String text = Files.readString(file, StandardCharsets.UTF_8);
            FrontMatter.Split split = frontMatter(rel, text, issues);
            if (split == null) {
                continue;
            }
            String slug = split.frontMatter().slug() != null ? split.frontMatter().slug() : Slugs.slug(fileName(file));
            if (slug.isEmpty()) {
                issues.add(ContentIssue.error(rel, 1, "file name gives an empty URL slug; use letters or digits, or set 'slug:'"));
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
            Rendered rendered = render(rel, split);
            issues.addAll(rendered.issues());
            RenderedMarkdown body = rendered.body();
            List<Embed> embeds = rendered.embeds();
            Lesson lesson = new Lesson(slug, fm.title(), fm.description(), fm.tags(), fm.draft(), partSlug, rel,
                    body, embeds);
            OptionalInt prefix = Slugs.prefix(fileName(file));
            int order = fm.order() != null ? fm.order() : prefix.orElse(Integer.MAX_VALUE);
            drafts.add(new Draft(lesson, order, rel, split.bodyLine()));
        }
        drafts.sort(Comparator.comparingInt(Draft::order).thenComparing(Draft::fileName));
        return drafts;
    }

    private record Header(String text, FrontMatter.Split split, List<ContentIssue> issues) {}

    private Map<String, Header> previousHeaders = Map.of();
    private Map<String, Header> headers = new HashMap<>();

    /** The front matter of a file, parsed again only when the file's text changed since the last load. */
    private FrontMatter.Split frontMatter(String rel, String text, List<ContentIssue> issues) {
        Header header = previousHeaders.get(rel);
        if (header == null || !header.text().equals(text)) {
            List<ContentIssue> found = new ArrayList<>();
            header = new Header(text, FrontMatter.parse(rel, text, found), List.copyOf(found));
        }
        headers.put(rel, header);
        issues.addAll(header.issues());
        return header.split();
    }

    private Rendered render(String rel, FrontMatter.Split split) {
        Rendered before = previous.get(rel);
        Rendered rendered = before != null && before.source().equals(split.body()) && before.bodyLine() == split.bodyLine()
                && before.fileSlugs().equals(fileSlugs) ? before : null;
        if (rendered == null) {
            RenderedMarkdown body = markdown.render(split.body());
            List<ContentIssue> found = new ArrayList<>();
            List<Embed> embeds = embeds(rel, split.bodyLine(), body.blocks(), found);
            for (MarkdownIssue issue : body.issues()) {
                found.add(new ContentIssue(rel, split.bodyLine() + issue.bodyLine(), issue.column(),
                        ContentIssue.Severity.ERROR, issue.message()));
            }
            for (SafeHtml.Finding f : body.unsafe()) {
                found.add(new ContentIssue(rel, split.bodyLine() + f.line(), f.column(), ContentIssue.Severity.WARNING,
                        f.message()));
            }
            rendered = new Rendered(split.body(), split.bodyLine(), fileSlugs, body, embeds, List.copyOf(found));
        }
        current.put(rel, rendered);
        return rendered;
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
                    issues.addAll(found);
                    continue;
                }
            } else {
                Widgets.Block widget = EmbeddedBlocks.widget(file, block.yaml(), firstLine, found);
                if (widget != null) {
                    embeds.add(new Embed(i, widget, null, null));
                    issues.addAll(found);
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
