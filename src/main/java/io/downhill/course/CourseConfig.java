package io.downhill.course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.downhill.text.Suggest;
import java.util.List;
import java.util.Map;

/**
 * {@code course.yml} at the root of the content folder: how the course presents itself. {@code logo}
 * and {@code extraCss} are files in the content folder; {@code repoUrl} with {@code editUri} makes an
 * "edit this page" link to each lesson's source; {@code language} is the pages' {@code lang}.
 */
public record CourseConfig(String title, String subtitle, String footer, String theme, List<String> hiddenParts,
                           String logo, List<String> extraCss, String repoUrl, String editUri, String language) {
    static final String FILE = "course.yml";
    static final List<String> KEYS = List.of("title", "subtitle", "footer", "theme", "hidden_parts",
            "logo", "extra_css", "repo_url", "edit_uri", "language");
    static final List<String> THEMES = List.of("auto", "light", "dark");
    static final String DEFAULT_EDIT_URI = "edit/main/";
    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    public CourseConfig(String title, String subtitle, String footer, String theme, List<String> hiddenParts) {
        this(title, subtitle, footer, theme, hiddenParts, null, List.of(), null, DEFAULT_EDIT_URI, "en");
    }

    public static CourseConfig defaults() {
        return new CourseConfig("Downhill", "An interactive course on gradient descent", "", "auto", List.of());
    }

    /** Where a lesson's source can be edited, or null without {@code repo_url}. */
    public String editUrl(String lessonSource) {
        if (repoUrl == null) {
            return null;
        }
        String base = repoUrl.endsWith("/") ? repoUrl : repoUrl + "/";
        String uri = editUri.isEmpty() || editUri.endsWith("/") ? editUri : editUri + "/";
        return base + uri + lessonSource;
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
        String logo = value(fields, "logo", null);
        if (logo != null) {
            requireFile(root, logo, fields.get("logo"), "logo", issues);
        }
        List<String> css = new java.util.ArrayList<>();
        YamlFields.Located c = fields.get("extra_css");
        if (c != null && !c.value().isNull()) {
            if (c.value().isTextual()) {
                css.add(c.value().asText().strip());
            } else if (c.value().isArray()) {
                c.value().forEach(f -> css.add(f.asText().strip()));
            } else {
                issues.add(ContentIssue.error(FILE, c.line(), "'extra_css' must be a list of CSS files, e.g. [css/course.css]"));
            }
            css.removeIf(f -> !requireFile(root, f, c, "extra_css", issues));
        }
        String repoUrl = value(fields, "repo_url", null);
        if (repoUrl != null && !repoUrl.matches("https?://\\S+")) {
            issues.add(ContentIssue.error(FILE, fields.get("repo_url").line(),
                    "'repo_url' must be a web address such as https://github.com/me/my-course, not '" + repoUrl + "'"));
            repoUrl = null;
        }
        String editUri = value(fields, "edit_uri", DEFAULT_EDIT_URI);
        if (fields.containsKey("edit_uri") && repoUrl == null) {
            issues.add(ContentIssue.warning(FILE, fields.get("edit_uri").line(), "'edit_uri' has no effect without 'repo_url'"));
        }
        String language = value(fields, "language", "en");
        if (!LANGUAGE.matcher(language).matches()) {
            issues.add(ContentIssue.error(FILE, fields.get("language").line(),
                    "'language' must be a language tag such as en, fr or pt-BR, not '" + language + "'"));
            language = "en";
        }
        return new CourseConfig(value(fields, "title", d.title()), value(fields, "subtitle", d.subtitle()),
                value(fields, "footer", d.footer()), theme, List.copyOf(hidden), logo, List.copyOf(css), repoUrl,
                editUri.replaceAll("^/+", ""), language);
    }

    /** A file the pages link to: it must be in the content folder, where lessons' files are served from. */
    private static boolean requireFile(Path root, String relative, YamlFields.Located at, String key, List<ContentIssue> issues) {
        Path file = root.resolve(relative).normalize();
        boolean inside = file.startsWith(root.normalize()) && Files.isRegularFile(file);
        try {
            inside = inside && file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            inside = false;
        }
        if (!inside || relative.startsWith("/") || relative.contains("://")) {
            issues.add(ContentIssue.error(FILE, at.line(), "'" + key + "': no file '" + relative
                    + "' in the content folder (paths are relative to the folder course.yml is in)"));
            return false;
        }
        return true;
    }

    private static String value(Map<String, YamlFields.Located> fields, String key, String fallback) {
        YamlFields.Located v = fields.get(key);
        return v == null || v.value().isNull() ? fallback : v.value().asText().strip();
    }
}
