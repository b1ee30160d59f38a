package io.downhill.course;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds display maths opened by a {@code $$} line that no later line closes. Left alone, such a
 * block would swallow the rest of the lesson (callouts, images, widgets) into one broken formula,
 * so the opening {@code $$} is turned into plain text and reported.
 */
final class MathFences {
    /** Block quote markers and indentation before a line's content. */
    private static final Pattern PREFIX = Pattern.compile("^[ \\t]*(?:>[ \\t]?)*[ \\t]*");
    private static final Pattern CODE_FENCE = Pattern.compile("^(`{3,}|~{3,})");

    record Result(String source, List<MarkdownIssue> issues) {}

    private MathFences() {}

    static Result closeOrNeutralise(String source) {
        String[] lines = source.split("\n", -1);
        List<MarkdownIssue> issues = new ArrayList<>();
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher prefix = PREFIX.matcher(lines[i]);
            prefix.find();
            String content = lines[i].substring(prefix.end()).stripTrailing();
            if (fence != null) {
                if (content.startsWith(fence) && content.replace(fence.substring(0, 1), "").isBlank()) {
                    fence = null;
                }
                continue;
            }
            Matcher code = CODE_FENCE.matcher(content);
            if (code.find()) {
                fence = code.group(1);
                continue;
            }
            if (!content.equals("$$")) {
                continue;
            }
            int close = closingLine(lines, i + 1);
            if (close < 0) {
                int column = prefix.end() + 1;
                issues.add(new MarkdownIssue(i, column,
                        "display maths not closed: this '$$' line opens maths but no line ending in '$$' follows"));
                lines[i] = lines[i].substring(0, prefix.end()) + "\\$\\$";
            } else {
                i = close;
            }
        }
        return new Result(issues.isEmpty() ? source : String.join("\n", lines), issues);
    }

    /** The line that ends the formula, or -1 when a code fence or the end of the file comes first. */
    private static int closingLine(String[] lines, int from) {
        for (int j = from; j < lines.length; j++) {
            Matcher prefix = PREFIX.matcher(lines[j]);
            prefix.find();
            String content = lines[j].substring(prefix.end()).strip();
            if (CODE_FENCE.matcher(content).find()) {
                return -1;
            }
            if (content.endsWith("$$")) {
                return j;
            }
        }
        return -1;
    }
}
