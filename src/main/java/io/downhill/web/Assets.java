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
    public static final String PLOTLY = "3.3.1";
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private Assets() {}

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
