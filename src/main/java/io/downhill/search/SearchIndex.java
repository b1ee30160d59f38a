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
    private static final Pattern SECTION = Pattern.compile("<h([23]) id=\"([^\"]+)\">(.*?)</h\\1>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Map<String, Float> WEIGHTS = Map.of("title", 4f, "heading", 2.5f, "text", 1f);

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

    public List<Hit> search(String query, int limit) {
        String q = query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        try {
            SimpleQueryParser parser = new SimpleQueryParser(analyzer, WEIGHTS);
            parser.setDefaultOperator(org.apache.lucene.search.BooleanClause.Occur.MUST);
            Query parsed = parser.parse(prefixLastWord(q));
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
