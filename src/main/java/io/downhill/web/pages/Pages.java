package io.downhill.web.pages;

import io.downhill.course.Course;
import io.downhill.course.Embed;
import io.downhill.course.Lesson;
import io.downhill.web.ApiProblem;
import io.downhill.web.CourseSearch;
import io.downhill.web.CourseState;
import io.downhill.web.LessonWidgets;
import io.downhill.web.ReadyFile;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTML pages. Outside dev mode each page is rendered once per published course and kept, so a
 * request costs a map lookup; publishing an edit starts a fresh set.
 */
public final class Pages {
    private final CourseState state;
    private final Templates templates;
    private final String basePath;
    private final String assetVersion;
    private final boolean dev;
    private record Rendered(Course course, Map<String, ReadyFile> pages) {}

    private final java.util.concurrent.atomic.AtomicReference<Rendered> rendered = new java.util.concurrent.atomic.AtomicReference<>();
    private CourseSearch search;
    private LessonFiles files;

    public Pages(CourseState state, Templates templates, String basePath, String assetVersion, boolean dev) {
        this.state = state;
        this.templates = templates;
        this.basePath = basePath;
        this.assetVersion = assetVersion;
        this.dev = dev;
    }

    public void index(Context ctx) {
        send(ctx, "/", () -> {
            Course course = course();
            return templates.render("index.jte", new IndexPage(site(course), course));
        });
    }

    public void lesson(Context ctx) {
        String slug = ctx.pathParam("slug");
        Course course = course();
        if (course == null || course.lesson(slug).isEmpty()) {
            // a file at the top of the content folder has the same URL shape as a lesson
            if (files != null && files.send(ctx)) {
                return;
            }
            throw new NotFoundResponse();
        }
        send(ctx, "/lessons/" + slug, () -> {
            Lesson lesson = course.lesson(slug).orElseThrow();
            return templates.render("lesson.jte", new LessonPage(site(course), course, lesson,
                    course.part(lesson).orElse(null),
                    course.previous(lesson).orElse(null), course.next(lesson).orElse(null),
                    withEmbeds(lesson)));
        });
    }

    /** The lesson's HTML with each widget placeholder replaced by that widget's rendered shell. */
    private String withEmbeds(Lesson lesson) {
        String html = lesson.html();
        int quizzes = 0;
        for (Embed embed : lesson.embeds()) {
            String shell = embed.isError()
                    ? templates.render("widgets/error.jte", embed.error())
                    : embed.quiz() != null
                    ? templates.render("quiz.jte", Map.<String, Object>of("id", lesson.slug() + "-q" + ++quizzes, "quiz", embed.quiz()))
                    : templates.render("widgets/" + embed.widget().type() + ".jte", Map.<String, Object>of(
                            "view", widgetView(lesson, embed),
                            "spec", embed.widget()));
            html = html.replace(Embed.placeholder(embed.index()), shell);
        }
        return html;
    }

    private WidgetView widgetView(Lesson lesson, Embed embed) {
        String id = LessonWidgets.id(embed);
        return new WidgetView(id, basePath + "/api", embed.block(),
                basePath + "/api/widgets/runs?lesson=" + lesson.slug() + "&widget=" + id);
    }

    public void useSearch(CourseSearch courseSearch) {
        this.search = courseSearch;
    }

    public void useFiles(LessonFiles lessonFiles) {
        this.files = lessonFiles;
    }

    public LessonFiles files() {
        return files;
    }

    /** The search page: results without JavaScript, and where the search box's Enter goes. */
    public void search(Context ctx) {
        Course course = course();
        ctx.header("Cache-Control", "no-cache");
        try {
            String q = CourseSearch.query(ctx).strip();
            // sent like a lesson, without blocking: results for a common word make a long page
            ReadyFile.page(templates.render("search.jte", new SearchPage(site(course), course, q, q.isEmpty() ? List.of() : search.results(q))))
                    .send(ctx);
        } catch (ApiProblem p) {
            ctx.status(400).html(templates.render("message.jte", new MessagePage(site(course), course, 400,
                    "Search too long or too complex",
                    "The search " + p.detail() + ". Try a few key words, at most " + io.downhill.search.SearchIndex.MAX_QUERY_WORDS
                            + " words and " + io.downhill.search.SearchIndex.MAX_QUERY_CHARS + " characters.", List.of())));
        }
    }

    /** The whole course on one page, in order, for printing or saving as PDF. */
    public void print(Context ctx) {
        send(ctx, "/print", () -> {
            Course course = course();
            List<PrintPage.Chapter> chapters = new java.util.ArrayList<>();
            String lastPart = null;
            for (Lesson lesson : course.lessons()) {
                var part = course.part(lesson).orElse(null);
                boolean firstOfPart = part != null && part.hasTitle() && !part.slug().equals(lastPart);
                lastPart = part == null ? null : part.slug();
                chapters.add(new PrintPage.Chapter(lesson, firstOfPart ? part : null, printable(lesson)));
            }
            return templates.render("print.jte", new PrintPage(site(course), course, chapters));
        });
    }

    /** A lesson's HTML for paper: each widget becomes its caption and a note, quizzes stay as text. */
    private String printable(Lesson lesson) {
        String html = lesson.html();
        int quizzes = 0;
        for (Embed embed : lesson.embeds()) {
            String replacement;
            if (embed.quiz() != null) {
                replacement = templates.render("quiz.jte", Map.<String, Object>of("id", lesson.slug() + "-print-q" + ++quizzes, "quiz", embed.quiz()));
            } else if (embed.widget() != null) {
                replacement = templates.render("widgets/printed.jte", Map.<String, Object>of(
                        "spec", embed.widget(), "caption", embed.shared().caption(), "url", basePath + "/lessons/" + lesson.slug()));
            } else {
                replacement = "";
            }
            html = html.replace(Embed.placeholder(embed.index()), replacement);
        }
        return fromPrintPage(html).replaceAll("id=\"([^\"]+)\"", "id=\"" + lesson.slug() + "--$1\"");
    }

    private static final java.util.regex.Pattern RELATIVE_URL =
            java.util.regex.Pattern.compile("(\\s(?:src|href)=\")(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^\"]+)\"");

    /**
     * A lesson's relative addresses ({@code img/x.png}, {@code the-learning-rate}) resolve against
     * {@code /lessons/}; on {@code /print} they would not, so they are made absolute to the same place.
     */
    private String fromPrintPage(String html) {
        String lessons = java.util.regex.Matcher.quoteReplacement(basePath + "/lessons/");
        return RELATIVE_URL.matcher(html).replaceAll("$1" + lessons + "$2\"");
    }

    public String notFound() {
        Course course = course();
        return templates.render("message.jte", new MessagePage(site(course), course, 404, "Page not found",
                "There is no page at this address. It may have moved when the course was updated.", List.of()));
    }

    public String serverError() {
        Course course = course();
        return templates.render("message.jte", new MessagePage(site(course), course, 500, "Something went wrong",
                "The server could not build this page. The error has been logged.", List.of()));
    }

    private Course course() {
        return (dev ? state.settled() : state.snapshot()).course();
    }

    private Site site(Course course) {
        var config = course == null ? io.downhill.course.CourseConfig.defaults() : course.config();
        return new Site(basePath, assetVersion, dev, config);
    }

    private void send(Context ctx, String key, java.util.function.Supplier<String> render) {
        ctx.header("Cache-Control", "no-cache");
        if (dev) {
            var snapshot = state.settled();
            if (!snapshot.errors().isEmpty()) {
                ctx.status(500).html(templates.render("message.jte", new MessagePage(site(snapshot.course()),
                        snapshot.course(), 500, "The course has errors",
                        "Fix these and the page reloads by itself.", snapshot.errors())));
                return;
            }
            ctx.html(render.get());
            return;
        }
        Course course = course();
        Rendered cache = rendered.updateAndGet(r -> r != null && r.course() == course ? r
                : new Rendered(course, new ConcurrentHashMap<>()));
        cache.pages().computeIfAbsent(key, k -> ReadyFile.page(render.get())).send(ctx);
    }

    /**
     * The page at {@code path} ("/", "/lessons/{slug}", "/print") as it was rendered for the course
     * being served, or null: in dev mode, and before the page's first request renders it.
     */
    public ReadyFile ready(String path) {
        if (dev) {
            return null;
        }
        Rendered cache = rendered.get();
        return cache == null || cache.course() != course() ? null : cache.pages().get(path);
    }

    /** Whether {@code slug} is a lesson of the course being served. */
    public boolean hasLesson(String slug) {
        var course = state.snapshot().course();
        return course != null && course.lesson(slug).isPresent();
    }
}
