package io.downhill.course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.downhill.text.Suggest;
import java.util.List;
import java.util.Map;

/** {@code course.yml} at the root of the content folder: how the course presents itself. */
public record CourseConfig(String title, String subtitle, String footer, String theme, List<String> hiddenParts) {
    static final String FILE = "course.yml";
    static final List<String> KEYS = List.of("title", "subtitle", "footer", "theme", "hidden_parts");
    static final List<String> THEMES = List.of("auto", "light", "dark");

    public static CourseConfig defaults() {
        return new CourseConfig("Downhill", "An interactive course on gradient descent", "", "auto", List.of());
    }

    static CourseConfig read(Path root, List<ContentIssue> issues) throws IOException {
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        Map<String, YamlFields.Located> fields =
                YamlFields.read(FILE, Files.readString(file, StandardCharsets.UTF_8), 1, issues);
        if (fields == null) {
            return defaults();
        }
        CourseConfig d = defaults();
        for (var e : fields.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                issues.add(ContentIssue.warning(FILE, e.getValue().line(), "unknown key '" + e.getKey() + "'"
                        + Suggest.didYouMean(e.getKey(), KEYS) + " (known: " + String.join(", ", KEYS) + ")"));
            }
        }
        String theme = value(fields, "theme", d.theme());
        if (!THEMES.contains(theme)) {
            issues.add(ContentIssue.error(FILE, fields.get("theme").line(),
                    "'theme' must be one of " + String.join(", ", THEMES) + ", not '" + theme + "'"));
            theme = d.theme();
        }
        List<String> hidden = new java.util.ArrayList<>();
        YamlFields.Located h = fields.get("hidden_parts");
        if (h != null && !h.value().isNull()) {
            if (!h.value().isArray()) {
                issues.add(ContentIssue.error(FILE, h.line(), "'hidden_parts' must be a list of part slugs, e.g. [for-instructors]"));
            } else {
                h.value().forEach(slug -> hidden.add(slug.asText().strip()));
            }
        }
        return new CourseConfig(value(fields, "title", d.title()), value(fields, "subtitle", d.subtitle()),
                value(fields, "footer", d.footer()), theme, List.copyOf(hidden));
    }

    private static String value(Map<String, YamlFields.Located> fields, String key, String fallback) {
        YamlFields.Located v = fields.get(key);
        return v == null || v.value().isNull() ? fallback : v.value().asText().strip();
    }
}
