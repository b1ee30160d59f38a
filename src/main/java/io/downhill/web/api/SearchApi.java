package io.downhill.web.api;

import io.downhill.web.CourseSearch;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/search?q=…}: the search box's results as JSON. */
final class SearchApi {
    private final CourseSearch search;

    SearchApi(CourseSearch search) {
        this.search = search;
    }

    void search(Context ctx) {
        String q = CourseSearch.query(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", q);
        body.put("results", search.results(q));
        ctx.header("Cache-Control", "no-cache");
        ctx.json(body);
    }
}
