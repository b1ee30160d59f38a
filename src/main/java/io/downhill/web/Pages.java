package io.downhill.web;

import io.downhill.course.Course;
import io.downhill.course.Embed;
import io.downhill.course.Lesson;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTML pages. Outside dev mode each page is rendered once and kept: the course cannot change
 * while the server runs, so a request costs a map lookup.
 */
final class Pages {
    private final CourseState state;
    private final Templates templates;
    private final String basePath;
    private final String assetVersion;
    private final boolean dev;
    private final Map<String, RenderedPage> rendered = new ConcurrentHashMap<>();
    private SearchApi search;

    Pages(CourseState state, Templates templates, String basePath, String assetVersion, boolean dev) {
        this.state = state;
        this.templates = templates;
        this.basePath = basePath;
        this.assetVersion = assetVersion;
        this.dev = dev;
    }

    void index(Context ctx) {
        send(ctx, "/", () -> {
            Course course = course();
            return templates.render("index.jte", new IndexPage(site(course), course));
        });
    }

    void lesson(Context ctx) {
        String slug = ctx.pathParam("slug");
        Course course = course();
        if (course == null || course.lesson(slug).isEmpty()) {
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
                            "view", new WidgetView("w" + (embed.index() + 1), basePath + "/api", embed.widget(), embed.predict()),
                            "spec", embed.widget()));
            html = html.replace(Embed.placeholder(embed.index()), shell);
        }
        return html;
    }

    void useSearch(SearchApi searchApi) {
        this.search = searchApi;
    }

    SearchApi searchApi() {
        return search;
    }

    /** The search page: results without JavaScript, and where the search box's Enter goes. */
    void search(Context ctx) {
        String q = SearchApi.query(ctx).strip();
        Course course = course();
        ctx.header("Cache-Control", "no-cache");
        ctx.html(templates.render("search.jte", new SearchPage(site(course), course, q, q.isEmpty() ? List.of() : search.results(q))));
    }

    /** The whole course on one page, in order, for printing or saving as PDF. */
    void print(Context ctx) {
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
                        "spec", embed.widget(), "url", basePath + "/lessons/" + lesson.slug()));
            } else {
                replacement = "";
            }
            html = html.replace(Embed.placeholder(embed.index()), replacement);
        }
        return html.replaceAll("id=\"([^\"]+)\"", "id=\"" + lesson.slug() + "--$1\"");
    }

    String notFound() {
        Course course = course();
        return templates.render("message.jte", new MessagePage(site(course), course, 404, "Page not found",
                "There is no page at this address. It may have moved when the course was updated.", List.of()));
    }

    String serverError() {
        Course course = course();
        return templates.render("message.jte", new MessagePage(site(course), course, 500, "Something went wrong",
                "The server could not build this page. The error has been logged.", List.of()));
    }

    private Course course() {
        return state.snapshot().course();
    }

    private Site site(Course course) {
        var config = course == null ? io.downhill.course.CourseConfig.defaults() : course.config();
        return new Site(basePath, assetVersion, dev, config);
    }

    private void send(Context ctx, String key, java.util.function.Supplier<String> render) {
        ctx.header("Cache-Control", "no-cache");
        if (dev) {
            var snapshot = state.snapshot();
            if (!snapshot.errors().isEmpty()) {
                ctx.status(500).html(templates.render("message.jte", new MessagePage(site(snapshot.course()),
                        snapshot.course(), 500, "The course has errors",
                        "Fix these and the page reloads by itself.", snapshot.errors())));
                return;
            }
            ctx.html(render.get());
            return;
        }
        rendered.computeIfAbsent(key, k -> RenderedPage.of(render.get())).send(ctx);
    }
}
