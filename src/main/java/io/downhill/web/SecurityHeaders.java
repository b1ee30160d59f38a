package io.downhill.web;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The security headers, on every response: pages, assets, the API, and the error pages that Jetty
 * writes itself (a malformed URI, a header too large) before a request reaches Javalin.
 *
 * <p>The policy: scripts only from our own origin plus the theme script by hash (no inline
 * handlers, no eval); styles from our origin and inline, because Plotly injects its own
 * {@code <style>} and KaTeX and Plotly set style attributes; images and fonts from our origin and
 * {@code data:} (KaTeX fonts, Plotly's PNG export); no plugins, no framing, no foreign base or
 * form targets.
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' " + ThemeScript.CSP_HASH,
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * For files from the content folder (images, data files): nothing in them may run or load
     * anything, even when one is opened on its own (an SVG can carry a script).
     */
    public static final String CONTENT_FILE_POLICY =
            "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private SecurityHeaders() {}

    static void install(JavalinConfig config) {
        config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new Customizer()));
        config.jetty.modifyServer(server -> server.setErrorHandler(new ErrorPages()));
    }

    static void addTo(HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", REFERRER_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
    }

    /** Sets the headers on each request's response before any handler runs. */
    private static final class Customizer implements HttpConfiguration.Customizer {
        @Override
        public Request customize(Request request, HttpFields.Mutable responseHeaders) {
            addTo(responseHeaders);
            return request;
        }
    }

    /** Jetty's own error responses, including those for requests it could not parse. */
    private static final class ErrorPages extends ErrorHandler {
        ErrorPages() {
            setShowStacks(false);
            setShowCauses(false);
            setShowOrigin(false);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            addTo(response.getHeaders());
            return super.handle(request, response, callback);
        }

        @Override
        public java.nio.ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            addTo(fields);
            return super.badMessageError(status, reason, fields);
        }
    }
}
