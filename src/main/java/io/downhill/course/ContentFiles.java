package io.downhill.course;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files in a content folder that learners may fetch: exactly those that the published lessons
 * link to or show as images. Everything else in the folder (lesson sources, {@code course.yml},
 * {@code part.yml}, drafts, hidden parts, dotfiles, whatever else an instructor keeps there) is
 * never served. The map is built when the course loads; a request is answered by looking its
 * normalised path up in it, never by turning the URL into a file-system path.
 */
public final class ContentFiles {
    private static final List<String> SOURCE_EXTENSIONS = List.of(".md", ".markdown", ".yml", ".yaml");

    private final Map<String, Path> files;

    private ContentFiles(Map<String, Path> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    static ContentFiles none() {
        return new ContentFiles(new TreeMap<>());
    }

    /** The referenced files under {@code root}, keyed by their path relative to it ({@code img/a.png}). */
    static ContentFiles of(Path root, List<String> references) throws IOException {
        Map<String, Path> found = new TreeMap<>();
        Path base = root.toAbsolutePath().normalize();
        Path realBase = isDefault(base) ? base.toRealPath() : base;
        for (String ref : references) {
            String key = normalise(ref);
            if (key == null || isSource(key) || found.containsKey(key)) {
                continue;
            }
            Path file = base.resolve(key).normalize();
            // a symbolic link anywhere on the way may not lead out of the folder
            if (!file.startsWith(base) || !Files.isRegularFile(file)
                    || isDefault(file) && !file.toRealPath().startsWith(realBase)) {
                continue;
            }
            found.put(key, file);
        }
        return new ContentFiles(found);
    }

    /** The file a lesson links to under this relative path, if it is one that may be served. */
    public Optional<Path> find(String relativePath) {
        String key = normalise(relativePath);
        return key == null ? Optional.empty() : Optional.ofNullable(files.get(key));
    }

    /** Every servable path, relative to the content folder. */
    public java.util.Set<String> paths() {
        return files.keySet();
    }

    /** Whether a reference names a file that is never served (a lesson source or a settings file). */
    static boolean isSource(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SOURCE_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /**
     * A relative path (a link as written, or a request path) decoded and normalised: percent
     * escapes decoded, backslashes read as slashes, empty and {@code .} segments dropped, {@code ..}
     * applied. Null when it is not a plain relative file path: a scheme, an escape from the folder,
     * a dotfile or dot-folder, control characters, a segment ending in a dot or space (aliases on
     * some file systems), or malformed escapes.
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String path = raw;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        path = percentDecode(path);
        if (path == null || path.isEmpty()) {
            return null;
        }
        path = path.replace('\\', '/');
        if (SafeHtml.scheme(path) != null || path.indexOf(':') >= 0) {
            return null;
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
                continue;
            }
            if (segment.startsWith(".") || segment.endsWith(".") || segment.endsWith(" ")
                    || segment.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                return null;
            }
            segments.addLast(segment);
        }
        return segments.isEmpty() ? null : String.join("/", segments);
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(ch).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static boolean isDefault(Path p) {
        return p.getFileSystem().equals(java.nio.file.FileSystems.getDefault());
    }
}
