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
                    contents.add(new TocEntry(heading.getLevel(), id, shown(heading)));
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
        StringBuilder out = new StringBuilder();
        for (Run run : runs(heading)) {
            if (run.kind() == Kind.WORDS) {
                out.append(run.text());
            }
        }
        return out.toString();
    }

    /** What the heading shows, trimmed: its words and code, and each formula apart (typeset in the page). */
    private static List<TocEntry.Part> shown(Heading heading) {
        List<TocEntry.Part> parts = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        for (Run run : runs(heading)) {
            if (run.kind() == Kind.MATHS) {
                if (!plain.isEmpty()) {
                    parts.add(new TocEntry.Part(plain.toString(), false));
                    plain.setLength(0);
                }
                parts.add(new TocEntry.Part(run.text(), true));
            } else {
                plain.append(run.text());
            }
        }
        if (!plain.isEmpty()) {
            parts.add(new TocEntry.Part(plain.toString(), false));
        }
        if (!parts.isEmpty() && !parts.get(0).maths()) {
            parts.set(0, new TocEntry.Part(parts.get(0).text().stripLeading(), false));
        }
        int last = parts.size() - 1;
        if (last >= 0 && !parts.get(last).maths()) {
            parts.set(last, new TocEntry.Part(parts.get(last).text().stripTrailing(), false));
        }
        parts.removeIf(part -> part.text().isEmpty());
        return parts;
    }

    private enum Kind { WORDS, MATHS, DOLLARS }

    private record Run(String text, Kind kind) {}

    /** The heading's text in order: words and code, each formula's TeX, an unclosed dollar as typed. */
    private static List<Run> runs(Heading heading) {
        List<Run> runs = new ArrayList<>();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                runs.add(new Run(text.getLiteral(), Kind.WORDS));
            }

            @Override
            public void visit(Code code) {
                runs.add(new Run(code.getLiteral(), Kind.WORDS));
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof MathNode.Inline math) {
                    runs.add(new Run(math.tex, Kind.MATHS));
                } else if (node instanceof MathNode.Unclosed dollars) {
                    runs.add(new Run(dollars.dollars, Kind.DOLLARS));
                }
                visitChildren(node);
            }
        });
        return runs;
    }
}
