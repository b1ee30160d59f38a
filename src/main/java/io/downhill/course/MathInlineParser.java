package io.downhill.course;

import java.util.Set;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Finds {@code $…$} and {@code $$…$$} inside paragraphs. The rules follow Pandoc's so that prices
 * stay text: an opening {@code $} must be followed by a non-space, a closing one preceded by a
 * non-space and not followed by a digit ({@code $5 and $10} is not maths). {@code \$} never gets
 * here because the backslash parser turns it into a literal dollar first, and a dollar inside a
 * code span is code, never the end of a formula.
 */
final class MathInlineParser implements InlineContentParser {
    static final class Factory implements InlineContentParserFactory {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('$');
        }

        @Override
        public InlineContentParser create() {
            return new MathInlineParser();
        }
    }

    @Override
    public ParsedInline tryParse(InlineParserState state) {
        Scanner scanner = state.scanner();
        Position start = scanner.position();
        int dollars = scanner.matchMultiple('$');
        if (dollars > 2) {
            return ParsedInline.none();
        }
        boolean display = dollars == 2;
        Position contentStart = scanner.position();
        char first = scanner.peek();
        if (!display && (first == ' ' || first == '\t' || first == '\n' || first == Scanner.END)) {
            return ParsedInline.none();
        }
        while (scanner.hasNext()) {
            char c = scanner.peek();
            if (c == '\\') {
                scanner.next();
                scanner.next();
                continue;
            }
            if (c == '`') {
                // a code span is code: a dollar inside it ("`$HOME`") neither opens nor closes maths
                skipCodeSpan(scanner);
                continue;
            }
            if (c != '$') {
                scanner.next();
                continue;
            }
            Position contentEnd = scanner.position();
            int closing = scanner.matchMultiple('$');
            if (closing == dollars) {
                String tex = scanner.getSource(contentStart, contentEnd).getContent();
                if (isValidClose(tex, display, scanner.peek())) {
                    return ParsedInline.of(new MathNode.Inline(tex.strip(), display), scanner.position());
                }
            }
            if (!display) {
                break;
            }
        }
        // A dollar before a digit with no partner is a price ("$5"); anything else opened maths,
        // and stays in the document as typed, marked for the course check.
        if (display || !Character.isDigit(first)) {
            var spans = scanner.getSource(start, contentStart).getSourceSpans();
            SourcePos at = spans.isEmpty() ? new SourcePos(0, 1)
                    : new SourcePos(spans.get(0).getLineIndex(), spans.get(0).getColumnIndex() + 1);
            return ParsedInline.of(new MathNode.Unclosed(display ? "$$" : "$", at), contentStart);
        }
        scanner.setPosition(start);
        return ParsedInline.none();
    }

    /** Moves past a code span starting here, or past the backticks when they open none. */
    private static void skipCodeSpan(Scanner scanner) {
        int ticks = scanner.matchMultiple('`');
        Position afterOpen = scanner.position();
        while (scanner.hasNext()) {
            if (scanner.peek() == '`') {
                if (scanner.matchMultiple('`') == ticks) {
                    return;
                }
            } else {
                scanner.next();
            }
        }
        scanner.setPosition(afterOpen);
    }

    private static boolean isValidClose(String tex, boolean display, char after) {
        if (tex.isBlank()) {
            return false;
        }
        if (display) {
            return true;
        }
        char last = tex.charAt(tex.length() - 1);
        return !Character.isWhitespace(last) && !Character.isDigit(after);
    }
}
