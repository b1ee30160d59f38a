package io.downhill.course;

import java.util.ArrayList;
import io.downhill.text.Suggest;
import java.util.List;
import java.util.Map;

/**
 * The YAML header of a lesson. Parsed with a real YAML parser, field by field, so that every
 * complaint can name the line of the key it is about. It is optional, as in files written for
 * other tools: without it (or without {@code title:}) the first {@code # heading} is the title,
 * and that heading leaves the body so the page does not show it twice.
 */
public record FrontMatter(String title, Integer order, String description, boolean draft, List<String> tags, String slug) {

    private static final String UNKNOWN_KEY = "unknown front matter key ";
    static final List<String> KEYS = List.of("title", "order", "weight", "description", "draft", "tags", "slug");
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final java.util.regex.Pattern H1 = java.util.regex.Pattern.compile("^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$");
    private static final java.util.regex.Pattern FENCE = java.util.regex.Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    /** The front matter and the markdown after it; {@code bodyLine} is the 1-based line the body starts on. */
    public record Split(FrontMatter frontMatter, String body, int bodyLine) {}

    /**
     * Splits a lesson file into front matter and body. Issues are added to {@code issues}; the
     * result is null when the file cannot be used as a lesson.
     */
    public static Split parse(String file, String text, List<ContentIssue> issues) {
        String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = source.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            return withHeadingTitle(file, new FrontMatter(null, null, null, false, List.of(), null), lines, 0, issues);
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---") || lines[i].strip().equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            issues.add(ContentIssue.error(file, 1, "front matter is not closed: add a '---' line after the YAML"));
            return null;
        }
        String yaml = String.join("\n", java.util.Arrays.asList(lines).subList(1, close));
        Map<String, YamlFields.Located> fields = YamlFields.read(file, yaml, 2, issues);
        if (fields == null) {
            return null;
        }
        FrontMatter fm = fromFields(file, fields, issues);
        return fm == null ? null : withHeadingTitle(file, fm, lines, close + 1, issues);
    }

    /** The body from line {@code from}; without a title, the first {@code #} heading becomes it. */
    private static Split withHeadingTitle(String file, FrontMatter fm, String[] lines, int from, List<ContentIssue> issues) {
        String[] body = java.util.Arrays.copyOfRange(lines, from, lines.length);
        FrontMatter result = fm;
        if (fm.title() == null) {
            int heading = firstHeading(body);
            if (heading < 0) {
                issues.add(ContentIssue.error(file, 1, from == 0
                        ? "no title: start the file with a '# Title' heading, or with front matter ('---', 'title: …', '---')"
                        : "front matter needs a 'title' (or the body a '# Title' heading)"));
                return null;
            }
            var m = H1.matcher(body[heading]);
            m.matches();
            // the line stays, empty, so that every later line keeps its number in messages
            body[heading] = "";
            result = new FrontMatter(m.group(1).strip(), fm.order(), fm.description(), fm.draft(), fm.tags(), fm.slug());
        }
        return new Split(result, String.join("\n", body), from + 1);
    }

    private static int firstHeading(String[] body) {
        String fence = null;
        for (int i = 0; i < body.length; i++) {
            var f = FENCE.matcher(body[i]);
            if (f.find()) {
                String mark = f.group(1);
                if (fence == null) {
                    fence = mark;
                } else if (mark.charAt(0) == fence.charAt(0) && mark.length() >= fence.length()) {
                    fence = null;
                }
                continue;
            }
            if (fence == null && H1.matcher(body[i]).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static FrontMatter fromFields(String file, Map<String, YamlFields.Located> fields, List<ContentIssue> issues) {
        int before = issues.size();
        for (var entry : fields.entrySet()) {
            if (!KEYS.contains(entry.getKey())) {
                issues.add(ContentIssue.error(file, entry.getValue().line(),
                        UNKNOWN_KEY + "'" + entry.getKey() + "'" + Suggest.didYouMean(entry.getKey(), KEYS)
                                + " (known: " + String.join(", ", KEYS) + ")"));
            }
        }
        YamlFields.Located title = fields.get("title");
        String titleText = null;
        if (title == null || title.value().isNull()) {
            titleText = null;
        } else if (!title.value().isTextual() || title.value().asText().isBlank()) {
            issues.add(ContentIssue.error(file, title.line(), "'title' must be a non-empty text"));
        } else {
            titleText = title.value().asText().strip();
        }
        Integer order = integer(file, fields, "order", issues);
        Integer weight = integer(file, fields, "weight", issues);
        if (order != null && weight != null) {
            issues.add(ContentIssue.error(file, fields.get("weight").line(), "give either 'order' or 'weight', not both"));
        }
        String description = text(file, fields, "description", issues);
        boolean draft = false;
        YamlFields.Located d = fields.get("draft");
        if (d != null) {
            if (d.value().isBoolean()) {
                draft = d.value().booleanValue();
            } else {
                issues.add(ContentIssue.error(file, d.line(), "'draft' must be true or false"));
            }
        }
        List<String> tags = new ArrayList<>();
        YamlFields.Located t = fields.get("tags");
        if (t != null) {
            if (t.value().isArray()) {
                t.value().forEach(tag -> tags.add(tag.asText()));
            } else if (t.value().isTextual()) {
                tags.add(t.value().asText());
            } else {
                issues.add(ContentIssue.error(file, t.line(), "'tags' must be a list such as [momentum, adam]"));
            }
        }
        String slug = text(file, fields, "slug", issues);
        if (slug != null && !SLUG.matcher(slug).matches()) {
            issues.add(ContentIssue.error(file, fields.get("slug").line(),
                    "'slug' is the lesson's address: lower-case letters, digits and single hyphens, such as 'my-lesson', not '" + slug + "'"));
        }
        // a misspelt key fails the check, but the lesson still loads so its other problems are found too
        boolean failed = issues.subList(before, issues.size()).stream()
                .anyMatch(i -> i.isError() && !i.message().startsWith(UNKNOWN_KEY));
        return failed ? null : new FrontMatter(titleText, order != null ? order : weight, description, draft, List.copyOf(tags), slug);
    }

    private static Integer integer(String file, Map<String, YamlFields.Located> fields, String key, List<ContentIssue> issues) {
        YamlFields.Located v = fields.get(key);
        if (v == null || v.value().isNull()) {
            return null;
        }
        if (!v.value().canConvertToInt() || !v.value().isIntegralNumber()) {
            issues.add(ContentIssue.error(file, v.line(), "'" + key + "' must be a whole number"));
            return null;
        }
        return v.value().intValue();
    }

    private static String text(String file, Map<String, YamlFields.Located> fields, String key, List<ContentIssue> issues) {
        YamlFields.Located v = fields.get(key);
        if (v == null || v.value().isNull()) {
            return null;
        }
        if (!v.value().isValueNode() || v.value().isBoolean()) {
            issues.add(ContentIssue.error(file, v.line(), "'" + key + "' must be a text"));
            return null;
        }
        return v.value().asText().strip();
    }
}
