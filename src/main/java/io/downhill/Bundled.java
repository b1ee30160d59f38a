package io.downhill;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** The course and assets packed into the jar (or target/classes when run from the build). */
public final class Bundled {
    public static final String CONTENT = "downhill/content";
    public static final String STATIC = "downhill/static";

    private Bundled() {}

    /** A readable Path for a classpath folder or file, opening the jar as a file system when needed. */
    public static Path path(String resourceFolder) throws IOException {
        URL url = Bundled.class.getClassLoader().getResource(resourceFolder);
        if (url == null) {
            throw new IOException("the bundled folder " + resourceFolder + " is missing from the jar");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            return fs.getPath("/" + resourceFolder);
        } catch (URISyntaxException e) {
            throw new IOException("bad resource URL " + url, e);
        }
    }
}
