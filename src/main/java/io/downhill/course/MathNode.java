package io.downhill.course;

import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;

/** TeX source kept verbatim, so that markdown never touches underscores or asterisks in maths. */
final class MathNode {
    private MathNode() {}

    static final class Inline extends CustomNode {
        final String tex;
        final boolean display;

        Inline(String tex, boolean display) {
            this.tex = tex;
            this.display = display;
        }
    }

    /**
     * Dollars that open maths which never closes: shown as they were typed, and found in the
     * document by the course check (with where they are).
     */
    static final class Unclosed extends CustomNode {
        final String dollars;
        final SourcePos at;

        Unclosed(String dollars, SourcePos at) {
            this.dollars = dollars;
            this.at = at;
        }
    }

    static final class Block extends CustomBlock {
        final StringBuilder tex = new StringBuilder();
    }
}
