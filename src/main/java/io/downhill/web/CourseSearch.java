package io.downhill.web;

import io.downhill.course.Course;
import io.downhill.search.SearchIndex;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Search over the published course, shared by the search page and the search box's endpoint: an
 * index built in memory (rebuilt when an edit changes the course) and the bounds of a query.
 */
public final class CourseSearch {
    static final int LIMIT = 8;

    private record Built(Course course, SearchIndex index) {}

    private final CourseState state;
    private final String basePath;
    private final AtomicReference<Built> built = new AtomicReference<>();

    public CourseSearch(CourseState state, String basePath) {
        this.state = state;
        this.basePath = basePath;
        index();
    }

    private SearchIndex index() {
        Course course = state.snapshot().course();
        Built current = built.get();
        if (current == null || current.course() != course) {
            current = new Built(course, course == null ? null : new SearchIndex(course));
            built.set(current);
        }
        return current.index();
    }

    /** At most {@link #LIMIT} hits: lesson, heading, url and snippet (HTML) each. */
    public List<Map<String, String>> results(String query) {
        SearchIndex index = index();
        if (index == null) {
            return List.of();
        }
        List<SearchIndex.Hit> hits;
        try {
            hits = index.search(query, LIMIT);
        } catch (SearchIndex.QueryException e) {
            throw problem(e);
        }
        return hits.stream().map(hit -> {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("lesson", hit.lesson());
            r.put("heading", hit.heading());
            r.put("url", basePath + "/lessons/" + hit.slug() + (hit.anchor() == null ? "" : "#" + hit.anchor()));
            r.put("snippet", hit.snippetHtml());
            return r;
        }).toList();
    }

    /** The {@code q} parameter, within the bounds, or a 400 that names {@code q} and the bound. */
    public static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null) {
            return "";
        }
        try {
            SearchIndex.checkBounds(q.strip());
        } catch (SearchIndex.QueryException e) {
            throw problem(e);
        }
        return q;
    }

    private static ApiProblem problem(SearchIndex.QueryException e) {
        return new ApiProblem(400, "Invalid search query", "q", e.getMessage());
    }
}
