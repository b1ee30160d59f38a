package io.downhill.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.downhill.optim.Work;
import io.downhill.web.ApiProblem;
import io.downhill.web.Compute;
import io.downhill.web.Json;
import io.downhill.web.LessonWidgets;
import io.downhill.web.RunRequests;
import io.downhill.widget.WidgetException;
import io.downhill.widget.WidgetState;
import io.downhill.widget.Widgets;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/widgets/runs?lesson=slug&widget=w2&state={…}}: the run specs of one widget of a
 * lesson for a state of its controls, built by the widget's type on the server, so the browser
 * never assembles a spec or checks a bound. A GET, so browsers and proxies cache it; it computes no
 * run, only specs (a tuned race's sweep aside, admitted by its cost), and answers with a 400 naming
 * the field for any state the controls do not allow. Besides {@code runs} it answers
 * {@code requests}, the other calls the widget makes for the state, {@code answers} for those of
 * them small enough to come along ({@link InlineAnswers}), and {@code controls} when a range has
 * moved with the state.
 */
final class WidgetRunsApi {
    static final int MAX_STATE_CHARS = 4 * 1024;
    /** Specs only: about as much work as a few steps, whatever the state. */
    static final long COST = Work.steps(WidgetState.MAX_FORKS);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private WidgetRunsApi() {}

    static Compute.Planned plan(Context ctx, LessonWidgets widgets) {
        String lesson = ctx.queryParam("lesson");
        String id = ctx.queryParam("widget");
        if (lesson == null || lesson.isBlank()) {
            throw ApiProblem.badRequest("lesson", "is required: the lesson's address, e.g. first-steps");
        }
        if (id == null || !id.matches("w[1-9][0-9]{0,3}")) {
            throw ApiProblem.badRequest("widget", "is required: the widget's id on its page, w1, w2, …");
        }
        Widgets.Block block = widgets.find(lesson, id).orElseThrow(() ->
                ApiProblem.badRequest("widget", "lesson '" + lesson + "' has no widget " + id));
        Map<String, Object> state = state(ctx.queryParam("state"));
        Widgets.Prepared prepared;
        Widgets.Answer ready = null;
        try {
            prepared = block.prepare(state);
            if (prepared.work() == 0) {
                // specs alone: written now, so a refused value is a 400 like any other
                ready = prepared.answer();
            }
        } catch (WidgetException e) {
            throw ApiProblem.badRequest(e.key(), e.getMessage());
        }
        Widgets.Answer answered = ready;
        // a state answered now has its calls known: the small ones come with it
        InlineAnswers inline = InlineAnswers.plan(ready == null ? Map.of() : ready.requests());
        return new Compute.Planned(COST + prepared.work() + inline.cost(), c -> {
            Widgets.Answer answer = answered != null ? answered : prepared.answer();
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("runs", answer.runs());
            body.put("requests", answer.requests());
            if (!inline.isEmpty()) {
                body.put("answers", inline.answers());
            }
            List<io.downhill.widget.Control> controls = answer.controls();
            if (!controls.equals(block.shownControls())) {
                // a range that follows another control moved: the page redraws its sliders
                body.put("controls", controls);
            }
            c.header("Cache-Control", RunRequests.CACHE_CONTROL);
            c.json(body);
        });
    }

    private static Map<String, Object> state(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        if (json.length() > MAX_STATE_CHARS) {
            throw ApiProblem.badRequest("state", "must be at most " + MAX_STATE_CHARS + " characters");
        }
        try {
            Map<String, Object> state = Json.MAPPER.readValue(json, OBJECT);
            if (state == null) {
                throw ApiProblem.badRequest("state", "must be a JSON object, not null");
            }
            return state;
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("state", "must be a JSON object of control values, e.g. {\"lr\":0.1}");
        }
    }
}
