package io.downhill.widget;

import java.util.List;
import java.util.Map;

/**
 * One kind of widget, end to end on the server: it reads and checks its block, lists the controls a
 * learner may move (with the bounds the engine and the widget both allow), and turns a state of
 * those controls into fully explicit run specs. The browser only draws what these runs return.
 *
 * <p>Adding a type: a record for its spec, a class implementing this (usually nested in the
 * record), one line in {@link WidgetTypes}, a template and a draw module.
 *
 * @param <S> the type's spec record
 */
public interface WidgetType<S extends WidgetSpec> {
    /** As written after {@code type:} in markdown; also the template's and the script's name. */
    String name();

    Class<S> specClass();

    /** Which shared keys the type takes and their defaults. */
    Shared.Rules rules();

    /** Reads the type's own keys; a bad value is a {@link WidgetException} naming its key. */
    S read(Fields fields);

    /** Every control the page shows, in order, with the widest ranges any state may have. */
    default List<Control> controls(S spec, Shared shared) {
        return List.of();
    }

    /**
     * The controls as they stand in a state, when a range follows another control's value (the rate
     * map's learning rates follow κ); {@link #controls(WidgetSpec, Shared)} gives the widest, which
     * every state is checked against.
     */
    default List<Control> controls(S spec, Shared shared, WidgetState state) {
        return controls(spec, shared);
    }

    /**
     * The run specs (the JSON the run API takes) for a state already checked against
     * {@link #controls}; empty for a type whose runs are not streamed from the run API.
     */
    default List<Map<String, Object>> runs(S spec, Shared shared, WidgetState state) {
        return List.of();
    }

    /**
     * The other calls a state's page makes to the server, by name (a tuning sweep, a gradient
     * comparison, a training stream): each is a path under the API and its query, written here so
     * the browser only sends them; empty for a type whose runs are all it draws.
     */
    default Map<String, Request> requests(S spec, Shared shared, WidgetState state) {
        return Map.of();
    }

    /** Work (in the engine's units, see {@code Work}) that {@link #runs} does beyond writing specs. */
    default long work(S spec, Shared shared, WidgetState state) {
        return 0;
    }

    /**
     * A call to the API: {@code path} under it (e.g. {@code sweep}) and its query parameters; a
     * value that is not text travels as JSON.
     */
    record Request(String path, Map<String, Object> query) {}
}
