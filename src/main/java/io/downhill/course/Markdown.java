package io.downhill.course;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * CommonMark with GFM tables, footnotes, heading anchors, maths kept verbatim and GitHub-style
 * callouts. Raw HTML is allowed: lessons are written by the course's instructors, not by learners.
 */
public final class Markdown {
    private static final Pattern HEADING =
            Pattern.compile("<h([23]) id=\"([^\"]+)\">(.*?)</h\\1>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private final Parser parser;
    private final HtmlRenderer renderer;

    public Markdown() {
        List<Extension> extensions = List.of(
                TablesExtension.create(),
                FootnotesExtension.create(),
                HeadingAnchorExtension.create(),
                MathExtension.create());
        parser = Parser.builder().extensions(extensions).build();
        renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .nodeRendererFactory(CalloutRenderer::new)
                .build();
    }

    public RenderedMarkdown render(String source) {
        Node document = parser.parse(source);
        Census census = new Census();
        document.accept(census);
        String html = renderer.render(document);
        return new RenderedMarkdown(html, tableOfContents(html), census.words, census.math, census.code);
    }

    private static List<TocEntry> tableOfContents(String html) {
        List<TocEntry> toc = new ArrayList<>();
        Matcher m = HEADING.matcher(html);
        while (m.find()) {
            String text = TAG.matcher(m.group(3)).replaceAll("").strip();
            toc.add(new TocEntry(Integer.parseInt(m.group(1)), m.group(2), unescape(text)));
        }
        return toc;
    }

    /** The TOC text goes back through the template's own escaping, so undo the renderer's. */
    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** Counts words for the reading time and notes which page scripts are needed. */
    private static final class Census extends AbstractVisitor {
        int words;
        boolean math;
        boolean code;

        @Override
        public void visit(Text text) {
            words += countWords(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            words += countWords(code.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock block) {
            code = true;
            words += countWords(block.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            code = true;
            words += countWords(block.getLiteral());
        }

        @Override
        public void visit(org.commonmark.node.CustomNode node) {
            if (node instanceof MathNode.Inline) {
                math = true;
                words += 1;
            }
            visitChildren(node);
        }

        @Override
        public void visit(org.commonmark.node.CustomBlock block) {
            if (block instanceof MathNode.Block) {
                math = true;
                words += 3;
            }
            visitChildren(block);
        }

        private static int countWords(String s) {
            int n = 0;
            boolean inWord = false;
            for (int i = 0; i < s.length(); i++) {
                boolean letter = !Character.isWhitespace(s.charAt(i));
                if (letter && !inWord) {
                    n++;
                }
                inWord = letter;
            }
            return n;
        }
    }
}
