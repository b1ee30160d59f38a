package io.downhill.web;

import io.downhill.Bundled;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jetty.http.MimeTypes;

/**
 * Every file a page may load (our scripts and styles, the vendored Plotly, KaTeX and highlight.js
 * from their WebJars), read once at start-up and served from memory. They are a few megabytes and
 * never change while the server runs; serving them from memory lets each answer be written without
 * blocking, so readers that stop reading cannot hold the server's few request threads (the
 * library's file handler writes in the request thread and waits for the reader).
 *
 * <p>The table is also the allow-list: a path is served only if it is in it, compared as the client
 * sent it, so no encoded or dotted spelling reaches another file.
 */
final class StaticAssets {
    /** Already compressed formats: gzip would only cost time. */
    private static final Set<String> PACKED = Set.of("woff2", "woff", "png", "jpg", "jpeg", "gif", "webp");

    private final Map<String, ReadyFile> byPath;

    private StaticAssets(Map<String, ReadyFile> byPath) {
        this.byPath = Map.copyOf(byPath);
    }

    /**
     * Reads the files pages load. {@code ourFiles} adds the bundled static folder under
     * /static/{version}/ (in dev mode that folder is served from disk instead, so edits show).
     */
    static StaticAssets load(String assetVersion, boolean ourFiles) throws IOException {
        Map<String, ReadyFile> files = new HashMap<>();
        if (ourFiles) {
            addFolder(files, Bundled.path(Bundled.STATIC), "/static/" + assetVersion + "/");
        }
        addFolder(files, Bundled.path("downhill/vendor"), "/vendor/");
        for (String path : Assets.pageLibraryFiles()) {
            if (path.startsWith("/webjars/")) {
                files.put(path, read(path, resource("META-INF/resources" + path)));
            }
        }
        // found beside a file: a WebJar may list no entries for its folders
        Path fonts = Bundled.path("META-INF/resources" + Assets.KATEX_FONTS + "/KaTeX_Main-Regular.woff2").getParent();
        addFolder(files, fonts, Assets.KATEX_FONTS + "/");
        files.keySet().removeIf(path -> path.startsWith("/webjars/") && !Assets.isPageWebjar(path));
        return new StaticAssets(files);
    }

    /** Answers a request for one of the files, or 404. */
    void serve(Context ctx) {
        String context = ctx.contextPath().equals("/") ? "" : ctx.contextPath();
        ReadyFile file = byPath.get(ctx.req().getRequestURI().substring(context.length()));
        if (file == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", Assets.IMMUTABLE);
        file.send(ctx);
    }

    /** The file at {@code path} exactly as a client spells it, or null. */
    ReadyFile file(String path) {
        return byPath.get(path);
    }

    int size() {
        return byPath.size();
    }

    private static void addFolder(Map<String, ReadyFile> files, Path folder, String prefix) throws IOException {
        List<Path> found;
        try (Stream<Path> walk = Files.walk(folder)) {
            found = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : found) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            files.put(prefix + relative, read(relative, Files.readAllBytes(file)));
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the library file " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        }
    }

    private static ReadyFile read(String name, byte[] bytes) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String type = MimeTypes.DEFAULTS.getMimeByExtension(name);
        return ReadyFile.of(bytes, type == null ? "application/octet-stream" : type, !PACKED.contains(extension));
    }
}
