package io.downhill.web;

import io.downhill.course.Course;
import io.downhill.course.CourseException;
import io.downhill.course.CourseLoader;
import io.downhill.web.api.ApiRoutes;
import io.downhill.web.pages.LessonFiles;
import io.downhill.web.pages.Pages;
import io.downhill.web.pages.Templates;
import io.downhill.web.stream.ReadyRuns;
import io.downhill.web.stream.RunCache;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the course, the pages, the assets and the API into one Javalin server. */
public final class Server {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    private static final int ACCEPT_QUEUE = 2048;
    /** Request threads per core; see {@link #requestThreads()}. */
    private static final int THREADS_PER_CORE = 8;
    private static final int MIN_THREADS = 24;
    /** Encoded runs kept for the next learner: every widget's default runs fit many times over. */
    private static final long RUN_CACHE_BYTES = 64L * 1024 * 1024;

    /** The server cannot start for a reason the user can fix (port taken, folders missing). */
    public static final class StartupException extends Exception {
        StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Javalin app;
    private final CourseState state;
    private final ServerOptions options;
    private final DevReload devReload;
    private final Compute compute;
    private final RunCache runs;

    private Server(Javalin app, CourseState state, ServerOptions options, DevReload devReload, Compute compute, RunCache runs) {
        this.app = app;
        this.compute = compute;
        this.runs = runs;
        this.state = state;
        this.options = options;
        this.devReload = devReload;
    }

    public static Server start(ServerOptions options) throws CourseException, StartupException {
        try {
            Sources sources = Sources.resolve(options);
            CourseState state = new CourseState(new CourseLoader(options.dev()), sources.content(), options.dev());
            Course course = state.snapshot().course();
            if (course != null) {
                course.warnings().forEach(w -> LOG.warn("{}", w));
            }
            Templates templates = sources.templates() != null
                    ? Templates.fromSource(sources.templates()) : Templates.precompiled();
            String assetVersion = options.dev() ? "dev" : Assets.versionOf(sources.staticFiles());
            Pages pages = new Pages(state, templates, options.basePath(), assetVersion, options.dev());
            Compute compute = new Compute(options);
            RunCache runs = new RunCache(options.runCacheMb() * 1024L * 1024L);
            ReadyRuns ready = new ReadyRuns(options.runCacheMb() * 1024L * 1024L / 4);
            CourseSearch search = new CourseSearch(state, options.basePath());
            pages.useSearch(search);
            LessonWidgets widgets = new LessonWidgets(state, options.dev());
            pages.useFiles(new LessonFiles(state));
            // dev mode reloads open pages; a served course publishes content edits as they land
            List<Path> watched = options.dev() ? sources.watched()
                    : sources.watched().stream().filter(p -> p.equals(sources.content())).toList();
            DevReload devReload = watched.isEmpty() && !options.dev() ? null : new DevReload(state, watched);
            StaticAssets assets = StaticAssets.load(assetVersion, !options.dev());
            Javalin app = Javalin.create(config -> configure(config, options, sources, assetVersion, assets, pages, search, widgets, runs, ready, compute, devReload));
            try {
                app.start(options.host(), options.port());
            } catch (RuntimeException e) {
                throw new StartupException("cannot listen on " + options.host() + ":" + options.port()
                        + " (" + rootMessage(e) + "). Is another server using the port? Try --port.", e);
            }
            return new Server(app, state, options, devReload, compute, runs);
        } catch (IOException | UncheckedIOException e) {
            throw new StartupException("cannot read the course files: " + e.getMessage(), e);
        }
    }

    private static void configure(JavalinConfig config, ServerOptions options, Sources sources, String assetVersion, StaticAssets assets,
                                  Pages pages, CourseSearch search, LessonWidgets widgets, RunCache runs, ReadyRuns ready,
                                  Compute compute, DevReload devReload) {
        config.startup.showJavalinBanner = false;
        config.router.contextPath = options.basePath().isEmpty() ? "/" : options.basePath();
        config.router.ignoreTrailingSlashes = true;
        // pages carry their own precomputed ETag (see ReadyFile); hashing every body costs more than it saves
        config.http.generateEtags = false;
        config.http.maxRequestSize = RunRequests.MAX_BODY_BYTES;
        // a run spec travels in the stream URL; leave room for it (the stream caps it at 12 KB)
        // a class pressing Play at once opens hundreds of connections in the same instant: the
        // default backlog of 50 would drop the rest for a second-long SYN retry
        config.jetty.threadPool = requestThreads();
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(options.host());
            connector.setPort(options.port());
            connector.setAcceptQueueSize(ACCEPT_QUEUE);
            return connector;
        });
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(32 * 1024);
            // thousands of open streams each hold at most this while their reader is slow
            http.setOutputBufferSize(8 * 1024);
        });

        SecurityHeaders.install(config);
        ApiCompression.install(config);
        ProxyDiagnostics.install(config, compute::client);
        if (!ProxyDiagnostics.on()) {
            ReadyHandler readyFiles = new ReadyHandler(options.basePath(), path -> {
                ReadyHandler.Answer asset = ReadyHandler.Answer.asset(assets.file(path));
                return asset != null ? asset : ReadyHandler.Answer.page(pages.ready(path));
            });
            // in front of the router once Javalin has set up its handlers, just before they start
            config.jetty.modifyServer(server -> server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    server.insertHandler(readyFiles);
                }
            }));
        }
        config.routes.before(ctx -> dropTrailingSlash(ctx, pages));
        config.routes.get("/", pages::index);
        // for load balancers and uptime checks: answers without touching the course
        config.routes.get("/healthz", ctx -> ctx.header("Cache-Control", "no-store").result("ok"));
        config.routes.get("/lessons/{slug}", pages::lesson);
        FileRoutes.install(config, options.dev(), sources, assetVersion, assets, pages.files()::serve);
        config.routes.get("/search", pages::search);
        config.routes.get("/print", pages::print);
        ApiRoutes.install(config, compute, runs, ready, search, widgets);
        if (devReload != null && options.dev()) {
            config.routes.sse("/_dev/reload", devReload::connect);
        }
        config.routes.error(404, ctx -> notFound(ctx, pages));
        config.routes.exception(ApiProblem.class, (e, ctx) -> unlessGone(() -> problem(ctx, e)));
        config.routes.exception(Exception.class, (e, ctx) -> unlessGone(() -> {
            if (ClientAbort.is(e)) {
                // a learner closing a tab mid-answer is routine: one line, no stack trace
                LOG.debug("client left during {} {}: {}", ctx.method(), ctx.path(), ClientAbort.describe(e));
                return;
            }
            LOG.error("request {} failed", ctx.path(), e);
            if (isApi(ctx)) {
                problem(ctx, new ApiProblem(500, "Internal error", null, "the server failed; the error has been logged"));
            } else {
                ctx.status(500).html(pages.serverError());
            }
        }));
    }

    /**
     * Answers a failure unless the response is already gone. An answer that ends just as its
     * client leaves reaches the handlers with a recycled request, where every look at the request
     * throws; a handler that threw then had Javalin handle its error again, endlessly, on the
     * scheduler's thread (millions of log lines). Nothing can be sent then, so nothing is.
     */
    private static void unlessGone(Runnable answer) {
        try {
            answer.run();
        } catch (RuntimeException gone) {
            LOG.debug("a failed request had no response left: {}", gone.toString());
        }
    }

    /**
     * {@code /lessons/x/} would resolve a lesson's relative images and links one folder too deep,
     * so every address with a trailing slash (except the site root) redirects to the one without.
     */
    private static final java.util.regex.Pattern PAGE = java.util.regex.Pattern.compile("/(lessons/([^/]+)|search|print)");

    private static void dropTrailingSlash(Context ctx, Pages pages) {
        String path = ctx.path();
        String root = ctx.contextPath().replaceAll("/$", "") + "/";
        if (!path.endsWith("/") || path.equals(root)) {
            return;
        }
        String target = path.replaceAll("/+$", "");
        if (target.isEmpty() || target.length() < root.length() - 1) {
            return;
        }
        java.util.regex.Matcher page = PAGE.matcher(target.substring(root.length() - 1));
        if (!page.matches() || (page.group(2) != null && !pages.hasLesson(page.group(2)))) {
            return; // only pages move; a folder-like path to files stays a 404
        }
        String query = ctx.queryString();
        ctx.redirect(query == null ? target : target + "?" + query, io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
        ctx.skipRemainingHandlers();
    }

    private static void notFound(Context ctx, Pages pages) {
        if (isApi(ctx)) {
            if (!"application/problem+json".equals(ctx.res().getContentType())) {
                problem(ctx, new ApiProblem(404, "Not found", null, "no API endpoint at " + ctx.path()));
            }
            return;
        }
        ctx.html(pages.notFound());
    }

    private static boolean isApi(Context ctx) {
        return ctx.path().startsWith(ctx.contextPath().replaceAll("/$", "") + "/api/");
    }

    static void problem(Context ctx, ApiProblem p) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.detail());
        if (p.field() != null) {
            body.put("field", p.field());
        }
        // a refusal or an error is about this moment: never let a browser or proxy keep it
        ctx.res().setHeader("ETag", null);
        ctx.header("Cache-Control", "no-store");
        try {
            ctx.status(p.status()).contentType("application/problem+json").result(Json.MAPPER.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.status(p.status()).result(p.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public Course course() {
        return state.snapshot().course();
    }

    /** Errors of the last edit that could not be published (empty when the newest content is served). */
    public List<io.downhill.course.ContentIssue> contentErrors() {
        return state.snapshot().errors();
    }

    public int port() {
        return app.port();
    }

    public String url() {
        String host = options.host().equals("0.0.0.0") ? "localhost" : options.host();
        return "http://" + host + ":" + port() + options.basePath() + "/";
    }

    /** Computing responses open right now, run streams among them (for tests and monitoring). */
    public int activeStreams() {
        return compute.admission().openTotal();
    }

    /** Slices of work run so far by the fair scheduler (for tests: work stops when a client leaves). */
    public long slicesRun() {
        return compute.scheduler().slicesRun();
    }

    /** Runs kept in the run cache (for tests and monitoring). */
    public long cachedRuns() {
        return runs.entries();
    }

    /** Runs computed so far rather than read from the cache (for tests: a class computes a run once). */
    public long runsComputed() {
        return runs.computed();
    }

    int devClients() {
        return devReload == null ? 0 : devReload.clientCount();
    }

    public void join() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        app.stop();
        compute.close();
        if (devReload != null) {
            try {
                devReload.close();
            } catch (IOException e) {
                LOG.debug("closing the file watcher", e);
            }
        }
    }

    /**
     * A small, fixed set of request threads. Nothing on a request thread waits for a client: pages,
     * runs and streams write without blocking and computation runs on the fair scheduler. So a class
     * opening a lesson at once needs no more threads than a few per core; with Jetty's default of
     * 250, the burst ran on hundreds of threads switching over two cores and its first frames came
     * later (see the classroom benchmark in the README).
     */
    private static QueuedThreadPool requestThreads() {
        int threads = Math.max(MIN_THREADS, THREADS_PER_CORE * Runtime.getRuntime().availableProcessors());
        QueuedThreadPool pool = new QueuedThreadPool(threads, threads);
        pool.setName("requests");
        return pool;
    }
}
