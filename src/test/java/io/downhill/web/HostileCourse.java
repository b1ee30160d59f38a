package io.downhill.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A content folder with files that must never be served next to files that lessons reference.
 * Every secret file holds {@link #SECRET}, so a test can tell that none of them leaked.
 */
final class HostileCourse {
    static final String SECRET = "TOP-SECRET-7f3a";
    /** Starts of the referenced files, to check that the right bytes came back. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"><rect width=\"4\" height=\"4\"/></svg>";
    static final String CSV = "x,y\n1,2\n";

    private HostileCourse() {}

    static Path write(Path root) throws IOException {
        write(root, "course.yml", "title: Hostile\nhidden_parts: [secret-part]\n# " + SECRET + "\n");
        write(root, "01-first.md", String.join("\n",
                "---",
                "title: First",
                "---",
                "## Figures",
                "",
                "![A figure](img/figure.png) and ![top](top.png)",
                "",
                "<figure><img src=\"raw/pic.svg\" alt=\"raw\"><figcaption>Raw HTML image</figcaption></figure>",
                "",
                "The [data](data/points.csv) and [a space](img/with%20space.png).",
                "",
                "<!-- " + SECRET + " -->",
                ""));
        write(root, "02-draft.md", "---\ntitle: Draft\ndraft: true\n---\n![d](img/draft-only.png)\n" + SECRET + "\n");
        write(root, "01-part/part.yml", "title: Part\n# " + SECRET + "\n");
        write(root, "01-part/03-inner.md", "---\ntitle: Inner\n---\nInner lesson. " + SECRET + "\n");
        write(root, "secret-part/04-hidden.md", "---\ntitle: Hidden\n---\n![h](secret-part/hidden.png)\n" + SECRET + "\n");
        Files.createDirectories(root.resolve("img"));
        Files.write(root.resolve("img/figure.png"), PNG);
        Files.write(root.resolve("top.png"), PNG);
        Files.write(root.resolve("img/with space.png"), PNG);
        write(root, "raw/pic.svg", SVG);
        write(root, "data/points.csv", CSV);
        write(root, "img/draft-only.png", SECRET);
        write(root, "secret-part/hidden.png", SECRET);
        write(root, ".git/config", "[remote \"origin\"]\n url = https://token:" + SECRET + "@example.com/x.git\n");
        write(root, ".env", SECRET);
        write(root, "notes.txt", SECRET);
        write(root, "img/unreferenced.png", SECRET);
        return root;
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
