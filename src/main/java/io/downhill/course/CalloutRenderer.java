package io.downhill.course;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * GitHub-style alerts: a block quote whose first line is {@code [!NOTE]}, {@code [!TIP]},
 * {@code [!IMPORTANT]}, {@code [!WARNING]} or {@code [!CAUTION]} becomes a titled callout. Any
 * other block quote renders as usual.
 */
final class CalloutRenderer implements NodeRenderer {
    static final Set<String> KINDS = Set.of("note", "tip", "important", "warning", "caution");
    private static final Pattern MARKER = Pattern.compile("^\\[!([A-Za-z]+)\\][ \\t]*(.*)$");

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    CalloutRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(BlockQuote.class);
    }

    @Override
    public void render(Node node) {
        String kind = calloutKind(node);
        html.line();
        if (kind == null) {
            html.tag("blockquote");
            renderChildren(node);
            html.tag("/blockquote");
        } else {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("class", "callout callout-" + kind);
            attributes.put("role", "note");
            html.tag("div", attributes);
            html.tag("p", Map.of("class", "callout-title"));
            html.text(kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1));
            html.tag("/p");
            renderChildren(node);
            html.tag("/div");
        }
        html.line();
    }

    /** Returns the callout kind and strips the marker from the tree, or null for a plain quote. */
    private static String calloutKind(Node quote) {
        if (!(quote.getFirstChild() instanceof Paragraph paragraph)
                || !(paragraph.getFirstChild() instanceof Text text)) {
            return null;
        }
        Matcher m = MARKER.matcher(text.getLiteral());
        if (!m.matches() || !KINDS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            return null;
        }
        String rest = m.group(2);
        if (rest.isEmpty()) {
            text.unlink();
            if (paragraph.getFirstChild() instanceof SoftLineBreak br) {
                br.unlink();
            }
            if (paragraph.getFirstChild() == null) {
                paragraph.unlink();
            }
        } else {
            text.setLiteral(rest);
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    private void renderChildren(Node parent) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            context.render(child);
            child = next;
        }
    }
}
