package io.downhill.course;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Keeps the HTML of a lesson to what lessons need (text, tables, figures, collapsibles, images,
 * links) so that nothing in a course folder can run a script in a learner's browser: no
 * {@code <script>}, {@code <iframe>} or {@code <style>}, no {@code on*} attributes, no
 * {@code javascript:} links. {@link #findUnsafe} names what would be removed, for {@code check}.
 */
public final class SafeHtml {
    /** Relative links are checked against this made-up origin and then kept relative. */
    private static final String BASE = "https://downhill.invalid/lessons/";
    private static final Pattern INVISIBLE = Pattern.compile("[\\u0000-\\u0020\\u007f-\\u00a0\\u00ad\\u200b-\\u200f\\u2028\\u2029\\ufeff]");
    private static final Set<String> SCRIPT_SCHEMES = Set.of("javascript", "vbscript", "livescript");
    private static final Set<String> DANGEROUS_TAGS = Set.of("script", "iframe", "frame", "frameset", "object", "embed",
            "style", "link", "meta", "base", "form", "applet", "svg", "math", "template");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "poster", "data", "background", "srcset", "cite");

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("details", "summary", "figure", "figcaption", "kbd", "samp", "var", "mark", "abbr", "del", "ins",
                    "s", "hr", "section", "aside", "small", "dfn", "time")
            .addAttributes(":all", "id", "class", "title", "lang", "dir", "role", "aria-label", "aria-hidden",
                    "aria-describedby", "data-footnotes", "data-footnote-ref", "data-footnote-backref",
                    "data-footnote-backref-idx")
            .addAttributes("details", "open")
            .addAttributes("td", "align")
            .addAttributes("th", "align")
            .addAttributes("img", "loading")
            .addAttributes("div", "data-embed-slot")
            .addAttributes("time", "datetime")
            .addProtocols("img", "src", "data")
            .removeProtocols("a", "href", "ftp")
            .preserveRelativeLinks(true);

    /** Something in raw HTML or a link that {@link #clean} removes, at a 0-based line and 1-based column. */
    public record Finding(int line, int column, String message) {}

    private SafeHtml() {}

    /** The HTML with everything outside the safe list removed; relative links stay relative. */
    public static String clean(String html) {
        Document dirty = org.jsoup.Jsoup.parseBodyFragment(html, BASE);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        // display maths written inside a paragraph is a <div> in a <p>, which HTML cannot nest: the parser
        // splits it as a browser would, and the empty paragraphs that leaves are dropped
        clean.select("p:empty").remove();
        // browsers drop tabs and newlines inside a scheme ("java\tscript:"); check what they will see
        for (Element e : clean.select("a[href], img[src]")) {
            String key = e.hasAttr("src") ? "src" : "href";
            String url = e.attr(key);
            String scheme = scheme(url);
            if (isScriptUrl(url) || "data".equals(scheme) && !(key.equals("src") && isImageData(url))) {
                e.removeAttr(key);
            }
        }
        return clean.body().html();
    }

    /**
     * The links and image sources in (already cleaned) HTML that point at files next to the lesson:
     * no scheme, not absolute, not an anchor on the page.
     */
    public static Set<String> localReferences(String html) {
        Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        Set<String> refs = new LinkedHashSet<>();
        for (Element e : doc.select("img[src], a[href]")) {
            String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            if (!url.isEmpty() && !url.startsWith("#") && !url.startsWith("/") && scheme(url) == null) {
                refs.add(url);
            }
        }
        return refs;
    }

    /** What {@link #clean} would remove from a piece of raw HTML written in a lesson. */
    public static List<Finding> findUnsafe(String rawHtml) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document doc = parser.parseInput(rawHtml, BASE);
        List<Finding> found = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            var at = e.sourceRange().start();
            if (!at.isTracked()) {
                continue;
            }
            int line = at.lineNumber() - 1;
            int column = at.columnNumber();
            if (DANGEROUS_TAGS.contains(e.normalName())) {
                found.add(new Finding(line, column, "raw <" + e.normalName() + "> is removed when the page is served"
                        + " (lessons cannot run scripts, embed frames or add styles)"));
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    found.add(new Finding(line, column, "'" + name + "' attribute on <" + e.normalName()
                            + "> is removed when the page is served (event handlers in lessons never run)"));
                } else if (URL_ATTRIBUTES.contains(name) && isScriptUrl(a.getValue())) {
                    found.add(new Finding(line, column, "script URL in " + name + "=\"…\" on <" + e.normalName()
                            + "> is removed when the page is served"));
                }
            }
        }
        return found;
    }

    private static boolean isImageData(String url) {
        return INVISIBLE.matcher(url).replaceAll("").toLowerCase(Locale.ROOT).startsWith("data:image/");
    }

    /** Whether a URL, however it is spelled, would run script when followed. */
    public static boolean isScriptUrl(String url) {
        String s = scheme(Parser.unescapeEntities(url, true));
        return s != null && SCRIPT_SCHEMES.contains(s);
    }

    /** The URL's scheme in lower case, ignoring the characters browsers ignore; null for a relative URL. */
    static String scheme(String url) {
        String s = INVISIBLE.matcher(url).replaceAll("");
        int colon = s.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String head = s.substring(0, colon);
        if (!head.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return null;
        }
        return head.toLowerCase(Locale.ROOT);
    }
}
