package io.downhill.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * CommonMark with GFM tables, footnotes, heading anchors, maths kept verbatim and GitHub-style
 * callouts. Raw HTML is allowed for what lessons need (figures, collapsibles, tables), and the
 * result goes through {@link SafeHtml}: a course folder may come from anyone, and nothing in it may
 * run a script in a learner's browser.
 */
public final class Markdown {

    static final List<String> EMBEDDED_KINDS = List.of("widget", "quiz");

    private final List<Extension> extensions;
    private final Parser parser;
    private Map<String, String> fileSlugs = Map.of();

    public Markdown() {
        extensions = List.of(
                TablesExtension.create(),
                FootnotesExtension.create(),
                MathExtension.create());
        parser = Parser.builder().extensions(extensions).includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    }

    /** A renderer for one document: its headings' ids come from that document's tree. */
    private HtmlRenderer renderer(HeadingIds headings) {
        return HtmlRenderer.builder()
                .extensions(extensions)
                .nodeRendererFactory(CalloutRenderer::new)
                .attributeProviderFactory(context -> headings.attributes())
                .build();
    }

    /**
     * The address of each lesson file by file name, for links written to a file
     * ({@code 02-the-learning-rate.md}); a lesson's {@code slug:} key makes it differ from the name.
     */
    void useFileSlugs(Map<String, String> slugsByFileName) {
        this.fileSlugs = Map.copyOf(slugsByFileName);
    }

    public RenderedMarkdown render(String source) {
        MathFences.Result fenced = MathFences.closeOrNeutralise(source);
        List<MarkdownIssue> issues = new ArrayList<>(fenced.issues());
        Node document = parser.parse(fenced.source());
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                if (node instanceof MathNode.Unclosed unclosed) {
                    issues.add(new MarkdownIssue(unclosed.at.bodyLine(), unclosed.at.column(),
                            "maths not closed: a '$' opens maths here but no matching '$' follows (write \\$ for a dollar sign)"));
                }
                visitChildren(node);
            }
        });
        List<EmbeddedBlock> blocks = replaceEmbeddedBlocks(document);
        List<LinkRef> links = rewriteLinks(document);
        HtmlParts.check(document, links, issues);
        Census census = new Census();
        document.accept(census);
        HeadingIds headings = new HeadingIds(document);
        String html = SafeHtml.clean(renderer(headings).render(document));
        issues.sort(java.util.Comparator.comparingInt(MarkdownIssue::bodyLine).thenComparingInt(MarkdownIssue::column));
        return new RenderedMarkdown(html, headings.contents(), census.words, census.math || html.contains("class=\"math-"),
                census.code, blocks, links, List.copyOf(issues), unsafe(document, links),
                List.copyOf(SafeHtml.localReferences(html)));
    }

    /** Raw HTML and links that the sanitiser removes, with their body line, so {@code check} can name them. */
    private static List<SafeHtml.Finding> unsafe(Node document, List<LinkRef> links) {
        List<SafeHtml.Finding> found = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                add(block, block.getLiteral());
            }

            @Override
            public void visit(HtmlInline inline) {
                add(inline, inline.getLiteral());
            }

            private void add(Node node, String literal) {
                var spans = node.getSourceSpans();
                int line = spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
                int column = spans.isEmpty() ? 1 : spans.get(0).getColumnIndex() + 1;
                for (SafeHtml.Finding f : SafeHtml.findUnsafe(literal)) {
                    found.add(new SafeHtml.Finding(line + f.line(), f.line() == 0 ? column + f.column() - 1 : f.column(),
                            f.message()));
                }
            }
        });
        for (LinkRef link : links) {
            if (SafeHtml.isScriptUrl(link.destination())) {
                found.add(new SafeHtml.Finding(link.bodyLine(), link.column(), "script URL in "
                        + (link.image() ? "image" : "link") + " is removed when the page is served"));
            }
        }
        found.sort(java.util.Comparator.comparingInt(SafeHtml.Finding::line).thenComparingInt(SafeHtml.Finding::column));
        return found;
    }

    /**
     * Links to other lesson files ({@code 02-the-learning-rate.md#anchor}) become links to their
     * pages ({@code the-learning-rate#anchor}); relative page links then work under any base path.
     * Returns every link and image with its position, for the course check.
     */
    private List<LinkRef> rewriteLinks(Node document) {
        List<LinkRef> links = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                String written = link.getDestination();
                link.setDestination(pageLink(written));
                links.add(ref(link, link.getDestination(), written, false));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                links.add(ref(image, image.getDestination(), image.getDestination(), true));
                visitChildren(image);
            }
        });
        return links;
    }

    String pageLink(String destination) {
        if (destination.contains("://") || destination.startsWith("mailto:") || destination.startsWith("#")) {
            return destination;
        }
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        String anchor = hash < 0 ? "" : destination.substring(hash);
        if (!path.endsWith(".md")) {
            return destination;
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        return fileSlugs.getOrDefault(file, Slugs.slug(file)) + anchor;
    }

    private static LinkRef ref(Node node, String destination, String written, boolean image) {
        var spans = node.getSourceSpans();
        int line = spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
        int column = spans.isEmpty() ? 1 : spans.get(0).getColumnIndex() + 1;
        return new LinkRef(destination, written, line, column, image);
    }

    /**
     * Swaps each {@code widget} and {@code quiz} fenced block for a placeholder that the page fills in, and returns
     * the blocks in page order with the body line their YAML starts on.
     */
    private static List<EmbeddedBlock> replaceEmbeddedBlocks(Node document) {
        List<FencedCodeBlock> found = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (EMBEDDED_KINDS.contains(block.getInfo().strip())) {
                    found.add(block);
                }
            }
        });
        List<EmbeddedBlock> blocks = new ArrayList<>();
        for (FencedCodeBlock block : found) {
            int line = block.getSourceSpans().isEmpty() ? 0 : block.getSourceSpans().get(0).getLineIndex() + 1;
            blocks.add(new EmbeddedBlock(block.getInfo().strip(), block.getLiteral(), line));
            HtmlBlock placeholder = new HtmlBlock();
            placeholder.setLiteral(Embed.placeholder(blocks.size() - 1));
            block.insertBefore(placeholder);
            block.unlink();
        }
        return blocks;
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
