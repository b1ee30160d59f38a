package io.downhill.web;

import io.downhill.Bundled;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the course, templates and static files come from in this mode. Everything is in the
 * jar; in dev mode a {@code templates/} or {@code static/} folder in the working directory
 * overrides the bundled files of the same name, so an author needs nothing but the jar.
 */
record Sources(Path content, Location contentLocation, Path templates, Path staticFiles, Location staticLocation) {
    static Sources resolve(ServerOptions options) throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Path content;
        Location contentLocation = Location.EXTERNAL;
        if (options.content() != null) {
            content = options.content();
        } else if (options.dev() && Files.isDirectory(cwd.resolve("content"))) {
            content = cwd.resolve("content");
        } else {
            content = Bundled.path(Bundled.CONTENT);
            contentLocation = isOnDisk(content) ? Location.EXTERNAL : Location.CLASSPATH;
        }
        Path bundledStatic = Bundled.path(Bundled.STATIC);
        if (!options.dev()) {
            return new Sources(content, contentLocation, null, bundledStatic, Location.CLASSPATH);
        }
        Path templates = Files.isDirectory(cwd.resolve("templates")) ? cwd.resolve("templates") : null;
        Path staticFiles = Files.isDirectory(cwd.resolve("static")) ? cwd.resolve("static") : null;
        return staticFiles == null
                ? new Sources(content, contentLocation, templates, bundledStatic, Location.CLASSPATH)
                : new Sources(content, contentLocation, templates, staticFiles, Location.EXTERNAL);
    }

    /** The folders whose changes matter: the course, and in dev mode the overriding folders. */
    List<Path> watched() {
        List<Path> folders = new ArrayList<>();
        if (contentLocation == Location.EXTERNAL && isOnDisk(content)) {
            folders.add(content);
        }
        if (templates != null) {
            folders.add(templates);
        }
        if (staticLocation == Location.EXTERNAL) {
            folders.add(staticFiles);
        }
        return folders;
    }

    private static boolean isOnDisk(Path p) {
        return p.getFileSystem().equals(java.nio.file.FileSystems.getDefault());
    }
}
