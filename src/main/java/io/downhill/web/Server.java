package io.downhill.web;

import io.downhill.course.Course;
import io.downhill.course.CourseException;
import io.downhill.course.CourseLoader;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the course, the pages, the assets and the API into one Javalin server. */
public final class Server {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    private static final int WEBJAR_PRECOMPRESS_LIMIT = 16 * 1024 * 1024;

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
    private final RunStreams streams;

    private Server(Javalin app, CourseState state, ServerOptions options, DevReload devReload, RunStreams streams) {
        this.app = app;
        this.streams = streams;
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
            RunApi runApi = new RunApi();
            SearchApi search = new SearchApi(state, options.basePath());
            pages.useSearch(search);
            RunStreams streams = new RunStreams(options.maxStreams(), options.maxStreamsPerClient(), options.trustProxy());
            DevReload devReload = options.dev() ? new DevReload(state, sources.watched()) : null;
            Javalin app = Javalin.create(config -> configure(config, options, sources, assetVersion, pages, runApi, streams, devReload));
            try {
                app.start(options.host(), options.port());
            } catch (RuntimeException e) {
                throw new StartupException("cannot listen on " + options.host() + ":" + options.port()
                        + " (" + rootMessage(e) + "). Is another server using the port? Try --port.", e);
            }
            return new Server(app, state, options, devReload, streams);
        } catch (IOException | UncheckedIOException e) {
            throw new StartupException("cannot read the course files: " + e.getMessage(), e);
        }
    }

    private static void configure(JavalinConfig config, ServerOptions options, Sources sources, String assetVersion,
                                  Pages pages, RunApi runApi, RunStreams streams, DevReload devReload) {
        config.startup.showJavalinBanner = false;
        config.router.contextPath = options.basePath().isEmpty() ? "/" : options.basePath();
        config.router.ignoreTrailingSlashes = true;
        // pages carry their own precomputed ETag (see RenderedPage); hashing every body costs more than it saves
        config.http.generateEtags = false;
        config.http.maxRequestSize = 1024 * 1024;
        // a run spec travels in the stream URL; leave room for it (the stream caps it at 12 KB)
        config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(32 * 1024));

        config.staticFiles.add(s -> {
            s.hostedPath = "/static/" + assetVersion;
            s.directory = sources.staticLocation() == Location.CLASSPATH
                    ? Bundled.STATIC : sources.staticFiles().toString();
            s.location = sources.staticLocation();
            s.headers = Map.of("Cache-Control", options.dev() ? "no-cache" : Assets.IMMUTABLE);
        });
        config.staticFiles.add(s -> {
            s.hostedPath = "/webjars";
            s.directory = "META-INF/resources/webjars";
            s.location = Location.CLASSPATH;
            s.precompressMaxSize = WEBJAR_PRECOMPRESS_LIMIT;
            s.headers = Map.of("Cache-Control", Assets.IMMUTABLE);
        });
        // Images and other files next to the lessons, at the URL a relative link in a lesson resolves to.
        config.staticFiles.add(s -> {
            s.hostedPath = "/lessons";
            s.directory = sources.contentLocation() == Location.CLASSPATH
                    ? Bundled.CONTENT : sources.content().toString();
            s.location = sources.contentLocation();
            s.headers = Map.of("Cache-Control", "no-cache");
            s.skipFileFunction = request -> isSourceFile(request.getRequestURI());
        });

        config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
        config.routes.get("/", pages::index);
        // for load balancers and uptime checks: answers without touching the course
        config.routes.get("/healthz", ctx -> ctx.header("Cache-Control", "no-store").result("ok"));
        config.routes.get("/lessons/{slug}", pages::lesson);
        config.routes.get("/search", pages::search);
        config.routes.get("/print", pages::print);
        config.routes.get("/api/search", pages.searchApi()::search);
        config.routes.post("/api/runs", runApi::run);
        config.routes.before("/api/runs/stream", streams::admit);
        config.routes.sse("/api/runs/stream", streams::stream);
        config.routes.before("/api/train/stream", streams::admitTraining);
        config.routes.sse("/api/train/stream", streams::stream);
        config.routes.get("/api/landscape", LandscapeApi::landscape);
        config.routes.get("/api/gradients", GradientsApi::gradients);
        config.routes.get("/api/expression", ExpressionApi::check);
        config.routes.get("/api/gradient-lab", ExpressionApi::lab);
        config.routes.get("/api/basins", BasinsApi::basins);
        config.routes.get("/api/rate-map", RateMapApi::rateMap);
        config.routes.get("/api/sweep", SweepApi::sweep);
        config.routes.get("/api/runs/pytorch", PyTorchApi::script);
        config.routes.get("/api/problems", runApi::problems);
        config.routes.get("/api/optimizers", runApi::optimizers);
        config.routes.get("/api/schedules", runApi::schedules);
        if (devReload != null) {
            config.routes.sse("/_dev/reload", devReload::connect);
        }
        config.routes.error(404, ctx -> notFound(ctx, pages));
        config.routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} failed", ctx.path(), e);
            if (isApi(ctx)) {
                problem(ctx, new ApiProblem(500, "Internal error", null, "the server failed; the error has been logged"));
            } else {
                ctx.status(500).html(pages.serverError());
            }
        });
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
        try {
            ctx.status(p.status()).contentType("application/problem+json").result(Json.MAPPER.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.status(p.status()).result(p.getMessage());
        }
    }

    private static boolean isSourceFile(String uri) {
        String lower = uri.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".yml") || lower.endsWith(".yaml") || !lower.contains(".");
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

    public int port() {
        return app.port();
    }

    public String url() {
        String host = options.host().equals("0.0.0.0") ? "localhost" : options.host();
        return "http://" + host + ":" + port() + options.basePath() + "/";
    }

    /** Run streams open right now (for tests and monitoring). */
    public int activeStreams() {
        return streams.activeStreams();
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
        streams.close();
        if (devReload != null) {
            try {
                devReload.close();
            } catch (IOException e) {
                LOG.debug("closing the file watcher", e);
            }
        }
    }

    /** Where the course, templates and static files come from in this mode. */
    record Sources(Path content, Location contentLocation, Path templates, Path staticFiles, Location staticLocation) {
        static Sources resolve(ServerOptions options) throws IOException, StartupException {
            Path cwd = Path.of("").toAbsolutePath();
            Path content;
            Location contentLocation = Location.EXTERNAL;
            if (options.content() != null) {
                content = options.content();
            } else if (options.dev()) {
                content = require(cwd.resolve("content"), "--dev without --content");
            } else {
                content = Bundled.path(Bundled.CONTENT);
                contentLocation = isOnDisk(content) ? Location.EXTERNAL : Location.CLASSPATH;
            }
            if (!options.dev()) {
                Path bundledStatic = Bundled.path(Bundled.STATIC);
                return new Sources(content, contentLocation, null, bundledStatic, Location.CLASSPATH);
            }
            Path templates = require(cwd.resolve("templates"), "--dev");
            Path staticFiles = require(cwd.resolve("static"), "--dev");
            return new Sources(content, contentLocation, templates, staticFiles, Location.EXTERNAL);
        }

        List<Path> watched() {
            List<Path> folders = new ArrayList<>(List.of(content));
            if (templates != null) {
                folders.add(templates);
            }
            if (staticLocation == Location.EXTERNAL) {
                folders.add(staticFiles);
            }
            return folders;
        }

        private static boolean isOnDisk(Path p) {
            return p.getFileSystem().equals(java.nio.file.FileSystems.getDefault());
        }

        private static Path require(Path folder, String why) throws StartupException {
            if (!Files.isDirectory(folder)) {
                throw new StartupException(why + " serves the source folders, but there is no " + folder
                        + ". Run it from the project folder (next to pom.xml).", null);
            }
            return folder;
        }
    }
}
