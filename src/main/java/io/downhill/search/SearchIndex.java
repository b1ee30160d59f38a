package io.downhill.search;

import io.downhill.course.Course;
import io.downhill.course.Lesson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Full-text search over the course, built in memory when the course loads. Each h2/h3 section of a
 * lesson is its own document, so a hit can link straight to the heading; titles and headings count
 * more than body text. English stemming lets "converging" find "convergence".
 */
public final class SearchIndex {
    public static final int MAX_QUERY_CHARS = 200;
    public static final int MAX_QUERY_WORDS = 12;
    /** Fuzzy matching costs most on long words and short ones match everything; outside these, words match exactly. */
    private static final int FUZZY_MIN_CHARS = 3;
    private static final int FUZZY_MAX_CHARS = 16;
    private static final int FUZZY_PREFIX = 1;
    private static final int FUZZY_EXPANSIONS = 16;
    /** A prefix of one letter would expand to most of the index. */
    private static final int PREFIX_MIN_CHARS = 2;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern FUZZINESS = Pattern.compile("~\\d*");
    private static final Pattern SECTION = Pattern.compile("<h([23]) id=\"([^\"]+)\">(.*?)</h\\1>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Map<String, Float> WEIGHTS = Map.of("title", 4f, "heading", 2.5f, "text", 1f);

    /** A query outside the bounds, or too complex to answer; the message says which bound, for a 400. */
    public static final class QueryException extends IllegalArgumentException {
        QueryException(String message) {
            super(message);
        }
    }

    /** One result: the lesson, the section (null for the lesson's start) and a highlighted snippet. */
    public record Hit(String slug, String lesson, String heading, String anchor, String snippetHtml) {}

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexSearcher searcher;

    public SearchIndex(Course course) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Lesson lesson : course.lessons()) {
                for (Section section : sections(lesson)) {
                    Document doc = new Document();
                    doc.add(new StoredField("slug", lesson.slug()));
                    doc.add(new StoredField("anchor", section.anchor() == null ? "" : section.anchor()));
                    doc.add(new TextField("title", lesson.title(), Field.Store.YES));
                    doc.add(new TextField("heading", section.heading() == null ? "" : section.heading(), Field.Store.YES));
                    doc.add(new TextField("text", section.text(), Field.Store.YES));
                    writer.addDocument(doc);
                }
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    record Section(String heading, String anchor, String text) {}

    /** Splits a lesson's HTML at its h2/h3 headings into plain-text sections. */
    static List<Section> sections(Lesson lesson) {
        String html = lesson.html();
        List<Section> sections = new ArrayList<>();
        Matcher m = SECTION.matcher(html);
        int start = 0;
        String heading = null;
        String anchor = null;
        while (m.find()) {
            sections.add(new Section(heading, anchor, plain(html.substring(start, m.start()))));
            heading = plain(m.group(3));
            anchor = m.group(2);
            start = m.end();
        }
        sections.add(new Section(heading, anchor, plain(html.substring(start))));
        String description = lesson.description() == null ? "" : lesson.description() + " ";
        sections.set(0, new Section(null, null, description + sections.get(0).text()));
        return sections;
    }

    private static String plain(String html) {
        String text = TAG.matcher(html).replaceAll(" ");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        return SPACE.matcher(text).replaceAll(" ").strip();
    }

    /** Throws {@link QueryException} when a query is longer than the bounds allow. */
    public static void checkBounds(String query) {
        if (query.length() > MAX_QUERY_CHARS) {
            throw new QueryException("must be at most " + MAX_QUERY_CHARS + " characters, not " + query.length());
        }
        long words = WORD.matcher(FUZZINESS.matcher(query).replaceAll("")).results().count();
        if (words > MAX_QUERY_WORDS) {
            throw new QueryException("must have at most " + MAX_QUERY_WORDS + " words, not " + words);
        }
    }

    public List<Hit> search(String query, int limit) {
        String q = query.strip();
        checkBounds(q);
        if (q.isEmpty()) {
            return List.of();
        }
        try {
            // rewritten once: fuzzy and prefix terms become the concrete words they match, which both the
            // search and the highlighter then use without building automata again
            Query parsed = searcher.rewrite(new BoundedParser(analyzer).parse(prefixLastWord(q)));
            TopDocs top = searcher.search(parsed, limit);
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new MarkFormatter())
                    .withMaxLength(100_000)
                    .build();
            String[] snippets = highlighter.highlight("text", parsed, top, 1);
            List<Hit> hits = new ArrayList<>();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                Document doc = searcher.storedFields().document(sd.doc);
                String anchor = doc.get("anchor");
                String heading = doc.get("heading");
                String snippet = snippets[i] != null ? snippets[i] : MarkFormatter.escape(shorten(doc.get("text")));
                hits.add(new Hit(doc.get("slug"), doc.get("title"), heading.isEmpty() ? null : heading,
                        anchor.isEmpty() ? null : anchor, snippet));
            }
            return hits;
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryException("is too complex to answer; use fewer words or fewer ~ and * operators");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The simple query syntax ({@code "phrase"}, {@code |}, {@code -}, {@code word*}, {@code word~N})
     * with each expanding operator kept cheap: fuzzy terms of 3 to 16 letters allow one edit, share
     * their first letter and expand to at most a few words; prefixes need two letters.
     */
    private static final class BoundedParser extends SimpleQueryParser {
        BoundedParser(Analyzer analyzer) {
            super(analyzer, WEIGHTS);
            setDefaultOperator(org.apache.lucene.search.BooleanClause.Occur.MUST);
        }

        @Override
        public Query newFuzzyQuery(String text, int fuzziness) {
            if (text.length() < FUZZY_MIN_CHARS || text.length() > FUZZY_MAX_CHARS) {
                return newDefaultQuery(text);
            }
            int edits = Math.min(Math.max(fuzziness, 0), 1);
            var any = new org.apache.lucene.search.BooleanQuery.Builder();
            for (var field : WEIGHTS.entrySet()) {
                var term = new org.apache.lucene.index.Term(field.getKey(), getAnalyzer().normalize(field.getKey(), text));
                Query fuzzy = new org.apache.lucene.search.FuzzyQuery(term, edits, FUZZY_PREFIX, FUZZY_EXPANSIONS, true);
                any.add(new org.apache.lucene.search.BoostQuery(fuzzy, field.getValue()),
                        org.apache.lucene.search.BooleanClause.Occur.SHOULD);
            }
            return any.build();
        }

        @Override
        public Query newPrefixQuery(String text) {
            return text.length() < PREFIX_MIN_CHARS ? newDefaultQuery(text) : super.newPrefixQuery(text);
        }
    }

    /** "grad desc" should find "gradient descent" while the learner is still typing. */
    private static String prefixLastWord(String q) {
        if (q.endsWith(" ") || q.endsWith("\"") || q.endsWith("*")) {
            return q;
        }
        int last = Math.max(q.lastIndexOf(' '), 0);
        String word = q.substring(last).strip();
        if (word.length() < 2 || !word.chars().allMatch(Character::isLetterOrDigit)) {
            return q;
        }
        return q.substring(0, last) + " (" + word + " | " + word + "*)";
    }

    private static String shorten(String text) {
        return text.length() <= 180 ? text : text.substring(0, 180).replaceAll("\\s+\\S*$", "") + " …";
    }
}
