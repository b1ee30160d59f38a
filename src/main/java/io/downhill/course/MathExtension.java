package io.downhill.course;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Keeps TeX verbatim through markdown and emits it in elements the page script hands to KaTeX:
 * {@code <span class="math-inline">} and {@code <div class="math-display">}.
 */
final class MathExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    static MathExtension create() {
        return new MathExtension();
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineContentParserFactory(new MathInlineParser.Factory());
        builder.customBlockParserFactory(new MathBlockParser.Factory());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(MathRenderer::new);
    }

    private static final class MathRenderer implements NodeRenderer {
        private final HtmlWriter html;

        MathRenderer(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(MathNode.Inline.class, MathNode.Block.class, MathNode.Unclosed.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof MathNode.Block block) {
                html.line();
                html.tag("div", Map.of("class", "math-display"));
                html.text(block.tex.toString().strip());
                html.tag("/div");
                html.line();
            } else if (node instanceof MathNode.Inline inline) {
                // $$…$$ inside a sentence is display maths, but a <div> may not sit in a <p>:
                // a span styled as a block keeps the paragraph whole
                html.tag("span", Map.of("class", inline.display ? "math-display" : "math-inline"));
                html.text(inline.tex);
                html.tag("/span");
            } else if (node instanceof MathNode.Unclosed unclosed) {
                html.text(unclosed.dollars);
            }
        }
    }
}
