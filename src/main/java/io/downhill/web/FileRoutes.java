package io.downhill.web;

import io.downhill.Bundled;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.Map;

/**
 * The routes that answer with files: our assets under {@code /static/<version>/}, the vendored
 * Plotly and the WebJars the pages load, and the files lessons reference under {@code /lessons/}.
 * They only read: any other method than GET and HEAD is a 405 naming those two, and reaches no file.
 */
final class FileRoutes {
    static final String ALLOW = "GET, HEAD";
    private static final List<String> PATHS = List.of("/static/<file>", "/vendor/<file>", "/webjars/<file>", "/lessons/<file>");

    private FileRoutes() {}

    /**
     * Register after the lesson pages: {@code /lessons/<file>} also matches a lesson's address, and
     * the first route registered answers.
     */
    static void install(JavalinConfig config, boolean dev, Sources sources, String assetVersion, StaticAssets assets,
                        Handler lessonFiles) {
        if (dev) {
            // an author's edits to static/ show on reload, so dev mode reads those files from disk
            if (sources.staticLocation() == Location.EXTERNAL) {
                // a static/ folder on disk overrides the bundled files; what it lacks comes from the jar
                config.staticFiles.add(s -> {
                    s.hostedPath = "/static/" + assetVersion;
                    s.directory = sources.staticFiles().toString();
                    s.location = Location.EXTERNAL;
                    s.headers = Map.of("Cache-Control", "no-cache");
                });
            }
            config.staticFiles.add(s -> {
                s.hostedPath = "/static/" + assetVersion;
                s.directory = Bundled.STATIC;
                s.location = Location.CLASSPATH;
                s.headers = Map.of("Cache-Control", "no-cache");
            });
        } else {
            config.routes.get("/static/<file>", assets::serve);
        }
        config.routes.get("/vendor/<file>", assets::serve);
        config.routes.get("/webjars/<file>", assets::serve);
        config.routes.get("/lessons/<file>", lessonFiles);
        for (String path : PATHS) {
            config.routes.post(path, FileRoutes::refuse);
            config.routes.put(path, FileRoutes::refuse);
            config.routes.patch(path, FileRoutes::refuse);
            config.routes.delete(path, FileRoutes::refuse);
        }
    }

    private static void refuse(Context ctx) {
        ctx.header("Allow", ALLOW);
        ctx.header("Cache-Control", "no-store");
        ctx.status(405).contentType("text/plain; charset=utf-8")
                .result(ctx.method() + " is not allowed here; this address answers " + ALLOW + "\n");
    }
}
