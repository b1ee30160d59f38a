package io.downhill.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For checking a proxy setup: started with {@code -Ddownhill.proxy-diagnostics=true}, the server
 * names on every response the client address it took the request to come from
 * ({@code X-Downhill-Client}) and the port of the replica that answered ({@code X-Downhill-Replica}),
 * and logs one line per request it receives. Off by default, when it costs nothing and tells a
 * visitor nothing.
 */
final class ProxyDiagnostics {
    static final String PROPERTY = "downhill.proxy-diagnostics";
    private static final Logger LOG = LoggerFactory.getLogger(ProxyDiagnostics.class);

    private ProxyDiagnostics() {}

    /** Whether the diagnostics are on (then every answer goes through the router, which adds them). */
    static boolean on() {
        return Boolean.getBoolean(PROPERTY);
    }

    static void install(JavalinConfig config, Function<Context, String> clientOf) {
        if (!on()) {
            return;
        }
        LOG.info("proxy diagnostics on: responses carry X-Downhill-Client and X-Downhill-Replica");
        config.routes.before(ctx -> {
            String client = clientOf.apply(ctx);
            ctx.header("X-Downhill-Client", client);
            ctx.header("X-Downhill-Replica", Integer.toString(ctx.req().getLocalPort()));
            String query = ctx.req().getQueryString();
            LOG.info("request {} {}{} from {}", ctx.method(), ctx.req().getRequestURI(),
                    query == null ? "" : "?" + query, client);
        });
    }
}
