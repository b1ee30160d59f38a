package io.downhill.course;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * Every heading's id, read from the markdown tree once: the page's anchors and the lesson's
 * contents both come from here, so they cannot disagree. Ids follow GitHub's rule (lower case,
 * spaces to dashes, a number added to repeats) over the heading's words and code.
 */
final class HeadingIds {
    private final Map<Heading, String> ids = new IdentityHashMap<>();
    private final List<TocEntry> contents = new ArrayList<>();

    HeadingIds(Node document) {
        IdGenerator generator = IdGenerator.builder().defaultId("id").prefix("").suffix("").build();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String id = generator.generateId(words(heading).trim().toLowerCase(Locale.ROOT));
                ids.put(heading, id);
                if (heading.getLevel() == 2 || heading.getLevel() == 3) {
                    contents.add(new TocEntry(heading.getLevel(), id, shown(heading).strip()));
                }
            }
        });
    }

    /** The h2 and h3 headings in order, with the text a reader sees. */
    List<TocEntry> contents() {
        return List.copyOf(contents);
    }

    /** Gives each heading its id when the page is rendered. */
    AttributeProvider attributes() {
        return (node, tagName, attributes) -> {
            String id = node instanceof Heading h ? ids.get(h) : null;
            if (id != null) {
                attributes.put("id", id);
            }
        };
    }

    /** The words an id is made of: text and code, as GitHub takes them. */
    private static String words(Heading heading) {
        return text(heading, false);
    }

    /** What the heading shows: its text, code and maths source (typeset later in the page). */
    private static String shown(Heading heading) {
        return text(heading, true);
    }

    private static String text(Heading heading, boolean withMaths) {
        StringBuilder out = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(CustomNode node) {
                if (withMaths && node instanceof MathNode.Inline math) {
                    out.append(math.tex);
                } else if (withMaths && node instanceof MathNode.Unclosed dollars) {
                    out.append(dollars.dollars);
                }
                visitChildren(node);
            }
        });
        return out.toString();
    }
}
