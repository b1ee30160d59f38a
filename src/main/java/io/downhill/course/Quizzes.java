package io.downhill.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@code quiz} block: question, 2 to 5 choices, the 1-based answer, an explanation. */
final class Quizzes {
    static final List<String> KEYS = List.of("question", "choices", "answer", "explanation");
    private static final int MAX_TEXT = 2000;

    private Quizzes() {}

    /** The quiz, or null with issues added; {@code firstLine} is the file line of the YAML's first line. */
    static Quiz parse(String file, String yaml, int firstLine, Markdown markdown, List<ContentIssue> issues) {
        Map<String, YamlFields.Located> fields = YamlFields.read(file, yaml, firstLine, issues);
        if (fields == null) {
            return null;
        }
        int before = issues.size();
        int blockLine = firstLine - 1;
        for (var e : fields.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                issues.add(ContentIssue.error(file, e.getValue().line(), "quiz: unknown key '" + e.getKey() + "'"
                        + io.downhill.text.Suggest.didYouMean(e.getKey(), KEYS) + " (known: " + String.join(", ", KEYS) + ")"));
            }
        }
        String question = text(file, fields, "question", blockLine, issues);
        String explanation = text(file, fields, "explanation", blockLine, issues);
        List<String> choices = new ArrayList<>();
        YamlFields.Located c = fields.get("choices");
        if (c == null || !c.value().isArray() || c.value().size() < 2 || c.value().size() > 5) {
            issues.add(ContentIssue.error(file, c == null ? blockLine : c.line(), "quiz: 'choices' must be a list of 2 to 5 answers"));
        } else {
            c.value().forEach(node -> choices.add(node.asText().strip()));
            if (choices.stream().anyMatch(String::isEmpty)) {
                issues.add(ContentIssue.error(file, c.line(), "quiz: every choice needs some text"));
            }
            if (Set.copyOf(choices).size() != choices.size()) {
                issues.add(ContentIssue.error(file, c.line(), "quiz: two choices have the same text"));
            }
        }
        YamlFields.Located a = fields.get("answer");
        int answer = -1;
        if (a == null || !a.value().isIntegralNumber()) {
            issues.add(ContentIssue.error(file, a == null ? blockLine : a.line(), "quiz: 'answer' must be the number of the right choice, from 1"));
        } else {
            answer = a.value().intValue();
            if (!choices.isEmpty() && (answer < 1 || answer > choices.size())) {
                issues.add(ContentIssue.error(file, a.line(), "quiz: 'answer' must be from 1 to " + choices.size() + ", not " + answer));
            }
        }
        if (issues.size() > before) {
            return null;
        }
        List<String> files = new ArrayList<>();
        String questionHtml = inline(rendered(file, fields.get("question"), question, markdown, issues, files));
        List<String> choicesHtml = choices.stream()
                .map(t -> inline(rendered(file, c, t, markdown, issues, files))).toList();
        String explanationHtml = rendered(file, fields.get("explanation"), explanation, markdown, issues, files).html();
        return new Quiz(questionHtml, choicesHtml, answer - 1, explanationHtml, List.copyOf(files));
    }

    /** Renders one author text, warning at its YAML line about anything the sanitiser removes. */
    private static RenderedMarkdown rendered(String file, YamlFields.Located field, String text, Markdown markdown,
                                             List<ContentIssue> issues, List<String> files) {
        RenderedMarkdown r = markdown.render(text);
        for (SafeHtml.Finding f : r.unsafe()) {
            issues.add(ContentIssue.warning(file, field.line(), "quiz: " + f.message()));
        }
        files.addAll(r.files());
        return r;
    }

    private static String text(String file, Map<String, YamlFields.Located> fields, String key, int blockLine,
                               List<ContentIssue> issues) {
        YamlFields.Located v = fields.get(key);
        if (v == null || !v.value().isValueNode() || v.value().asText().isBlank()) {
            issues.add(ContentIssue.error(file, v == null ? blockLine : v.line(), "quiz: '" + key + "' must be a non-empty text"));
            return "";
        }
        String s = v.value().asText().strip();
        if (s.length() > MAX_TEXT) {
            issues.add(ContentIssue.error(file, v.line(), "quiz: '" + key + "' must be at most " + MAX_TEXT + " characters"));
        }
        return s;
    }

    /** One paragraph of markdown without its {@code <p>} wrapper. */
    private static String inline(RenderedMarkdown rendered) {
        String html = rendered.html().strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }
}
