package io.downhill.course;

import io.downhill.text.Suggest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;

/**
 * What markdown leaves alone but a learner would see broken: raw HTML images whose file is
 * missing (their {@code src} joins the links the course check follows), maths in an HTML
 * {@code <figcaption>}, and callout markers with a misspelt kind.
 */
final class HtmlParts {
    private static final Pattern IMG_SRC =
            Pattern.compile("<img\\b[^>]*?\\ssrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIGCAPTION =
            Pattern.compile("(<figcaption\\b[^>]*>)(.*?)(</figcaption>)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** The same pairing rules as in paragraphs: no space inside the dollars, no digit after the closing one. */
    private static final Pattern DISPLAY_MATH = Pattern.compile("\\$\\$(.+?)\\$\\$", Pattern.DOTALL);
    private static final Pattern INLINE_MATH = Pattern.compile("(?<![\\\\$])\\$(?=[^\\s$])([^$]*?[^\\s\\\\$])\\$(?![\\d$])");
    private static final Pattern MARKER = Pattern.compile("^\\[!([A-Za-z]+)\\]");

    private HtmlParts() {}

    static void check(Node document, List<LinkRef> links, List<MarkdownIssue> issues) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                block.setLiteral(withMaths(block.getLiteral()));
                images(block, block.getLiteral(), links);
            }

            @Override
            public void visit(HtmlInline inline) {
                images(inline, inline.getLiteral(), links);
            }

            @Override
            public void visit(BlockQuote quote) {
                calloutTypo(quote, issues);
                visitChildren(quote);
            }
        });
    }

    private static void images(Node node, String html, List<LinkRef> links) {
        var spans = node.getSourceSpans();
        int firstLine = spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
        int firstColumn = spans.isEmpty() ? 0 : spans.get(0).getColumnIndex();
        Matcher m = IMG_SRC.matcher(html);
        while (m.find()) {
            String src = m.group(1) != null ? m.group(1) : m.group(2);
            int lineInBlock = 0;
            int lineStart = 0;
            for (int i = 0; i < m.start(); i++) {
                if (html.charAt(i) == '\n') {
                    lineInBlock++;
                    lineStart = i + 1;
                }
            }
            int column = m.start() - lineStart + 1 + (lineInBlock == 0 ? firstColumn : 0);
            links.add(new LinkRef(src, src, firstLine + lineInBlock, column, true));
        }
    }

    /** TeX in a figure caption, wrapped as the renderer wraps it in paragraphs. */
    static String withMaths(String html) {
        Matcher caption = FIGCAPTION.matcher(html);
        StringBuilder out = new StringBuilder();
        while (caption.find()) {
            String text = DISPLAY_MATH.matcher(caption.group(2)).replaceAll("<span class=\"math-display\">$1</span>");
            text = INLINE_MATH.matcher(text).replaceAll("<span class=\"math-inline\">$1</span>");
            caption.appendReplacement(out, Matcher.quoteReplacement(caption.group(1) + text + caption.group(3)));
        }
        caption.appendTail(out);
        return out.toString();
    }

    private static void calloutTypo(BlockQuote quote, List<MarkdownIssue> issues) {
        if (!(quote.getFirstChild() instanceof Paragraph paragraph) || !(paragraph.getFirstChild() instanceof Text text)) {
            return;
        }
        Matcher m = MARKER.matcher(text.getLiteral());
        if (!m.find() || CalloutRenderer.KINDS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            return;
        }
        List<String> known = CalloutRenderer.KINDS.stream().map(k -> k.toUpperCase(Locale.ROOT)).sorted().toList();
        var spans = text.getSourceSpans();
        int line = spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
        int column = spans.isEmpty() ? 1 : spans.get(0).getColumnIndex() + 1;
        String typed = m.group(1).toUpperCase(Locale.ROOT);
        String guess = known.stream().filter(k -> k.startsWith(typed) || typed.startsWith(k)).findFirst()
                .orElseGet(() -> Suggest.didYouMean(typed, known).replaceAll("^ \\(did you mean '(.*)'\\?\\)$", "$1"));
        issues.add(new MarkdownIssue(line, column, "unknown callout '[!" + m.group(1) + "]'"
                + (guess.isEmpty() ? "" : " (did you mean '[!" + guess + "]'?)")
                + "; known: " + String.join(", ", known)));
    }
}
