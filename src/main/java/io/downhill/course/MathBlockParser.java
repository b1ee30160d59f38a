package io.downhill.course;

import org.commonmark.node.Block;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * Display maths written as a block: a line {@code $$}, the TeX, a line ending in {@code $$}.
 * As a block it is safe from list markers or blank lines inside the formula.
 */
final class MathBlockParser extends AbstractBlockParser {
    private final MathNode.Block block = new MathNode.Block();
    private boolean closed;

    static final class Factory extends AbstractBlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            CharSequence line = state.getLine().getContent();
            String rest = line.subSequence(state.getNextNonSpaceIndex(), line.length()).toString().strip();
            if (!rest.equals("$$")) {
                return BlockStart.none();
            }
            return BlockStart.of(new MathBlockParser()).atIndex(line.length());
        }
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        return closed ? BlockContinue.finished() : BlockContinue.atIndex(state.getIndex());
    }

    @Override
    public void addLine(SourceLine line) {
        String text = line.getContent().toString();
        String stripped = text.strip();
        if (stripped.endsWith("$$")) {
            closed = true;
            text = stripped.substring(0, stripped.length() - 2);
            if (text.isBlank()) {
                return;
            }
        }
        if (block.tex.length() > 0) {
            block.tex.append('\n');
        }
        block.tex.append(text);
    }
}
