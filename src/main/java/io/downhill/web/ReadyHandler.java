package io.downhill.web;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a GET for a page or asset that is ready in memory in Jetty itself, before the request
 * becomes a servlet request and reaches the router. Those answers are the same bytes for everyone
 * (a rendered lesson, a script), and the servlet layer and the router cost a page more than
 * writing it: a lesson page answered about half as many requests as nginx serving the same bytes.
 *
 * <p>Only an exact path as the client spelled it is looked up, so the allow-lists stay what they
 * were; anything else (another method, a page not rendered yet, an unknown path) goes on to the
 * router as before. The security headers are already on the response (see {@link SecurityHeaders}).
 */
final class ReadyHandler extends Handler.Wrapper {
    private static final HttpField IMMUTABLE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, Assets.IMMUTABLE);
    private static final HttpField NO_CACHE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-cache");

    /** What to send for a path: the file and how long it may be kept. */
    record Answer(ReadyFile file, HttpField cacheControl) {
        /** A versioned asset: kept for a year. */
        static Answer asset(ReadyFile file) {
            return file == null ? null : new Answer(file, IMMUTABLE);
        }

        /** A page: asked again each time (cheaply, by its ETag), so a published edit shows. */
        static Answer page(ReadyFile file) {
            return file == null ? null : new Answer(file, NO_CACHE);
        }
    }

    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    private final String basePath;
    private final Function<String, Answer> lookup;

    /** {@code basePath} is the context path ("" at the root); {@code lookup} takes the path after it. */
    ReadyHandler(String basePath, Function<String, Answer> lookup) {
        this.basePath = basePath;
        this.lookup = lookup;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Answer answer = HttpMethod.GET.is(request.getMethod()) ? answerFor(request) : null;
        if (answer == null) {
            return super.handle(request, response, callback);
        }
        ReadyFile file = answer.file();
        HttpFields requestHeaders = request.getHeaders();
        HttpFields.Mutable headers = response.getHeaders();
        boolean gzipped = file.gzip() != null && requestHeaders.contains(HttpHeader.ACCEPT_ENCODING, "gzip");
        headers.put(HttpHeader.CONTENT_TYPE, file.contentType());
        headers.put(HttpHeader.ETAG, file.etag());
        headers.put(answer.cacheControl());
        if (file.gzip() != null) {
            headers.put(VARY);
        }
        if (gzipped) {
            headers.put(GZIP);
        }
        String match = requestHeaders.get(HttpHeader.IF_NONE_MATCH);
        if (match != null && match.contains(file.etag())) {
            response.setStatus(304);
            headers.put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, null, callback);
            return true;
        }
        byte[] body = gzipped ? file.gzip() : file.raw();
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private Answer answerFor(Request request) {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith(basePath)) {
            return null;
        }
        String inContext = path.substring(basePath.length());
        return lookup.apply(inContext.isEmpty() ? "/" : inContext);
    }
}
