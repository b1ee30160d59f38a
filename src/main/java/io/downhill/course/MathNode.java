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

    static final class Block extends CustomBlock {
        final StringBuilder tex = new StringBuilder();
    }
}
