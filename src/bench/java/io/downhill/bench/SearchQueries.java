package io.downhill.bench;

import io.downhill.course.Course;
import io.downhill.course.CourseLoader;
import io.downhill.search.SearchIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The slowest search queries we know of, each timed over a few runs against the bundled course:
 * prints the worst time per query and overall. {@code java -cp … io.downhill.bench.SearchQueries [content]}
 */
public final class SearchQueries {
    private SearchQueries() {}

    static List<String> hostile() {
        List<String> q = new ArrayList<>();
        String[] words = {"gradient", "descent", "momentum", "learning", "rate", "adaptive", "schedule", "batch",
                "noise", "saddle", "plateau", "converge", "diverge", "stochastic", "nesterov", "adam", "warmup",
                "cosine", "decay", "minimum"};
        StringBuilder fuzzy2 = new StringBuilder();
        StringBuilder fuzzyShort = new StringBuilder();
        StringBuilder prefix = new StringBuilder();
        StringBuilder or = new StringBuilder();
        for (String w : words) {
            fuzzy2.append(w).append("~2 ");
            prefix.append(w, 0, 1).append("* ");
            or.append(w).append("~2|");
        }
        for (char c = 'a'; c <= 'z'; c++) {
            fuzzyShort.append(c).append(c).append("~2 ");
        }
        q.add(cap(fuzzy2.toString()));
        q.add(cap(fuzzyShort.toString()));
        q.add(cap(prefix.toString() + prefix));
        q.add(cap(or.toString()));
        q.add(cap(("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrst~2 ").repeat(4)));
        q.add(cap("\"gradient descent momentum learning rate\"~100 " + fuzzy2));
        q.add(cap("a* | b* | c* | d* | e* | f* | g* | h* | i* | j* | k* | l* | m* | n* | o* | p* | r* | s* | t* | w*"));
        q.add(cap("(((((((((((((((((((((((((((gradient~2)))))))))))))))))))))))))) " + "x~2 ".repeat(30)));
        q.add("gradient descent");
        // the same shapes within the bounds (12 words)
        String[] twelve = java.util.Arrays.copyOf(words, 12);
        q.add(String.join("~2 ", twelve) + "~2");
        q.add(String.join("~2|", twelve) + "~2");
        q.add(String.join(" ", java.util.Arrays.stream(twelve).map(w -> w.substring(0, 2) + "*").toArray(String[]::new)));
        q.add(String.join("|", java.util.Arrays.stream(twelve).map(w -> w.substring(0, 1) + "*").toArray(String[]::new)));
        q.add(cap("abcdefghijklmnopqrs~2 ".repeat(12)));
        q.add("\"gradient descent momentum learning rate\"~100 " + String.join("~2 ", java.util.Arrays.copyOf(words, 7)) + "~2");
        q.add(cap("ee~2 aa~2 ii~2 oo~2 uu~2 rr~2 ss~2 tt~2 nn~2 ll~2 mm~2 dd~2"));
        q.add(cap("e~2 ".repeat(60)));
        return q;
    }

    private static String cap(String s) {
        return s.length() <= SearchIndex.MAX_QUERY_CHARS ? s : s.substring(0, SearchIndex.MAX_QUERY_CHARS);
    }

    public static void main(String[] args) throws Exception {
        Course course = new CourseLoader(false).load(Path.of(args.length > 0 ? args[0] : "content"));
        SearchIndex index = new SearchIndex(course);
        for (int i = 0; i < 50; i++) {
            index.search("gradient desc", 8);
            index.search("momentum~1 adaptive", 8);
        }
        double worst = 0;
        for (String query : hostile()) {
            double max = 0;
            String outcome = "";
            for (int i = 0; i < 4; i++) {
                long t0 = System.nanoTime();
                try {
                    outcome = index.search(query, 8).size() + " hits";
                } catch (RuntimeException e) {
                    outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                max = Math.max(max, (System.nanoTime() - t0) / 1e6);
            }
            worst = Math.max(worst, max);
            System.out.printf("%8.1f ms  %-60.60s  %s%n", max, query, outcome.length() > 90 ? outcome.substring(0, 90) : outcome);
        }
        System.out.printf("worst: %.1f ms%n", worst);
    }
}
