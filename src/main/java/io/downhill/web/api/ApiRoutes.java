package io.downhill.web.api;

import io.downhill.web.ApiProblem;
import io.downhill.web.Compute;
import io.downhill.web.CourseSearch;
import io.downhill.web.LessonWidgets;
import io.downhill.web.stream.ReadyRuns;
import io.downhill.web.stream.RunCache;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API's routes in one table: every computing route goes through {@link Compute} (its cost known,
 * admitted, run in fair slices), and every method a path does not answer gets a 405 naming the ones
 * it does, with nothing reserved or computed.
 */
public final class ApiRoutes {
    private final JavalinConfig config;
    private final Map<String, Set<String>> allowed = new LinkedHashMap<>();

    private ApiRoutes(JavalinConfig config) {
        this.config = config;
    }

    public static void install(JavalinConfig config, Compute compute, RunCache cache, ReadyRuns ready, CourseSearch search,
                               LessonWidgets widgets) {
        ApiRoutes api = new ApiRoutes(config);
        RunApi runs = new RunApi(compute, cache, ready);
        api.get("/api/search", new SearchApi(search)::search);
        api.post("/api/runs", runs::post);
        api.get("/api/runs", runs::get);
        api.get("/api/runs/stream", runs::stream);
        api.get("/api/train/stream", ctx -> TrainApi.stream(ctx, compute));
        api.get("/api/landscape", ctx -> LandscapeApi.landscape(ctx, compute));
        api.get("/api/gradients", ctx -> GradientsApi.gradients(ctx, compute));
        api.get("/api/expression", ctx -> ExpressionApi.check(ctx, compute));
        api.get("/api/gradient-lab", ctx -> ExpressionApi.lab(ctx, compute));
        api.get("/api/basins", ctx -> BasinsApi.basins(ctx, compute));
        // computed in one piece each, in their client's fair turn
        api.get("/api/rate-map", ctx -> compute.handleFairly(ctx, RateMapApi.plan(ctx)));
        api.get("/api/sweep", ctx -> compute.handleFairly(ctx, SweepApi.plan(ctx)));
        api.get("/api/runs/pytorch", ctx -> compute.handleFairly(ctx, PyTorchApi.plan(ctx)));
        api.get("/api/widgets/runs", ctx -> compute.handleFairly(ctx, WidgetRunsApi.plan(ctx, widgets)));
        api.get("/api/problems", runs::problems);
        api.get("/api/optimizers", runs::optimizers);
        api.get("/api/schedules", runs::schedules);
        api.refuseOtherMethods();
    }

    private void get(String path, Handler handler) {
        config.routes.get(path, handler);
        allowed.computeIfAbsent(path, p -> new TreeSet<>()).add("GET");
    }

    private void post(String path, Handler handler) {
        config.routes.post(path, handler);
        allowed.computeIfAbsent(path, p -> new TreeSet<>()).add("POST");
    }

    private void refuseOtherMethods() {
        allowed.forEach((path, methods) -> {
            Handler refuse = ctx -> {
                String allow = String.join(", ", methods);
                ctx.header("Allow", allow);
                throw new ApiProblem(405, "Method not allowed", "method",
                        ctx.method() + " is not allowed here; this address answers " + allow);
            };
            if (!methods.contains("POST")) {
                config.routes.post(path, refuse);
            }
            config.routes.put(path, refuse);
            config.routes.patch(path, refuse);
            config.routes.delete(path, refuse);
            config.routes.head(path, refuse);
        });
    }
}
