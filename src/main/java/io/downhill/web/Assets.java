package io.downhill.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the browser finds its files. Library versions match pom.xml; our own static files are
 * served under a content hash so they can be cached for a year and still change on upgrade.
 */
public final class Assets {
    public static final String KATEX = "0.18.11";
    public static final String HIGHLIGHTJS = "11.11.1";
    /** Vendored (src/main/vendor/plotly): no WebJar of a minified Plotly bundle resolves. */
    public static final String PLOTLY = "3.7.0";
    public static final String PLOTLY_CARTESIAN = "/vendor/plotly/" + PLOTLY + "/plotly-cartesian.min.js";
    public static final String PLOTLY_3D = "/vendor/plotly/" + PLOTLY + "/plotly-gl3d.min.js";
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final java.util.Set<String> PAGE_WEBJARS = java.util.Set.of(
            PLOTLY_CARTESIAN,
            PLOTLY_3D,
            "/webjars/katex/" + KATEX + "/dist/katex.min.js",
            "/webjars/katex/" + KATEX + "/dist/katex.min.css",
            "/webjars/highlightjs/" + HIGHLIGHTJS + "/highlight.min.js");
    /** KaTeX's fonts, which its style sheet loads by name. */
    static final String KATEX_FONTS = "/webjars/katex/" + KATEX + "/dist/fonts";
    private static final java.util.regex.Pattern KATEX_FONT = java.util.regex.Pattern.compile(
            "/webjars/katex/" + java.util.regex.Pattern.quote(KATEX) + "/dist/fonts/KaTeX_[A-Za-z0-9_-]+\\.(woff2|woff|ttf)");

    private Assets() {}

    /**
     * Whether a request path (as sent, below the base path) is one of the library files our pages
     * load (WebJars and the vendored Plotly). Compared as sent, so no encoded or dotted spelling reaches any other file on the classpath.
     */
    static boolean isPageWebjar(String rawPath) {
        return PAGE_WEBJARS.contains(rawPath) || KATEX_FONT.matcher(rawPath).matches();
    }

    /** The library files our pages load by name (KaTeX's fonts aside). */
    static java.util.Set<String> pageLibraryFiles() {
        return PAGE_WEBJARS;
    }

    /** A short hash of every file under {@code folder}, names and bytes, in a stable order. */
    static String versionOf(Path folder) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            sha.update(folder.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file)) {
                sha.update(in.readAllBytes());
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 10);
    }
}
