package io.downhill.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/** Snippets as escaped HTML with the matched words in {@code <mark>}. */
final class MarkFormatter extends PassageFormatter {
    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder sb = new StringBuilder();
        for (Passage passage : passages) {
            if (sb.length() > 0) {
                sb.append(" … ");
            }
            int pos = passage.getStartOffset();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = passage.getMatchStarts()[i];
                int end = passage.getMatchEnds()[i];
                if (start < pos) {
                    continue;
                }
                sb.append(escape(content.substring(pos, start)));
                sb.append("<mark>").append(escape(content.substring(start, end))).append("</mark>");
                pos = end;
            }
            sb.append(escape(content.substring(pos, Math.max(pos, passage.getEndOffset()))));
        }
        return sb.toString().strip();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
