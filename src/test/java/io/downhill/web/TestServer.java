package io.downhill.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real server on a free loopback port, and a plain HTTP client for it. */
public final class TestServer implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final Server server;
    private final String basePath;

    private TestServer(Server server, String basePath) {
        this.server = server;
        this.basePath = basePath;
    }

    public static TestServer start(ServerOptions options) {
        try {
            return new TestServer(Server.start(options.withPort(0)), options.basePath());
        } catch (Exception e) {
            throw new IllegalStateException("test server did not start", e);
        }
    }

    public static TestServer start(String basePath) {
        return start(new ServerOptions("127.0.0.1", 0, null, basePath, false, false));
    }

    public Server server() {
        return server;
    }

    /** Absolute URL of a path below the base path, e.g. {@code /lessons/x}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + basePath + path;
    }

    public String root() {
        return "http://127.0.0.1:" + server.port();
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
    }

    /** GET of a raw path (not below the base path, not normalised by URI building). */
    public HttpResponse<String> getRaw(String rawPath, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(root() + rawPath)).GET(), headers);
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET().timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public static HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        if (headers.length > 0) {
            builder.headers(headers);
        }
        try {
            return CLIENT.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
