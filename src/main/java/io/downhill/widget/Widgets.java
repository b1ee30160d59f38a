package io.downhill.widget;

import java.util.List;
import java.util.Map;

/** Reads a {@code widget} block's YAML mapping into the spec record of its type. */
public final class Widgets {
    public static final List<String> TYPES = WidgetTypes.names();
    private static final Map<String, WidgetType<?>> BUILT_IN = WidgetTypes.byName(List.of());

    private Widgets() {}

    /**
     * A widget block read: its type, its type's spec and the shared keys. Its controls and runs come
     * from the type, so nothing else needs to know which type it is.
     */
    public record Block(WidgetType<?> type, WidgetSpec spec, Shared shared) {
        public Predict predict() {
            return shared.predict();
        }

        /** The controls every state is checked against. */
        public List<Control> controls() {
            return controlsOf(type, spec, shared);
        }

        /** The controls as the page opens with them: the block's own state. */
        public List<Control> shownControls() {
            return answer(WidgetState.defaults(controls())).controls();
        }

        /** The runs of a state the browser sent; see {@link WidgetState#read}. */
        public List<Map<String, Object>> runs(Map<String, Object> state) {
            return answer(state).runs();
        }

        /** The runs the block opens with. */
        public List<Map<String, Object>> defaultRuns() {
            return answer(WidgetState.defaults(controls())).runs();
        }

        /**
         * Steps shown per second as the page opens: the block's speed, or faster when its longest
         * default run would take more than {@link Shared#LONGEST_PLAY_SECONDS} to play (a learner
         * who presses Play sees the whole run in that time; the speed slider can still slow it).
         */
        public int playbackSpeed() {
            long longest = defaultRuns().stream().mapToLong(Widgets::maxSteps).max().orElse(0);
            long fitting = (long) Math.ceil(longest / Shared.LONGEST_PLAY_SECONDS);
            return (int) Math.min(Shared.MAX_SPEED, Math.max(shared.speed(), fitting));
        }

        /** The other calls the block's page makes as it opens. */
        public Map<String, WidgetType.Request> defaultRequests() {
            return answer(WidgetState.defaults(controls())).requests();
        }

        /** Everything the page needs for a state the browser sent: its runs and its other calls. */
        public Answer answer(Map<String, Object> state) {
            return prepare(state).answer();
        }

        /** A state the browser sent, checked, with the work its runs take to find, before any is done. */
        public Prepared prepare(Map<String, Object> json) {
            WidgetState state = WidgetState.read(json, controls(), maxSteps());
            return new Prepared(workOf(type, spec, shared, state), () -> answer(state));
        }

        private Answer answer(WidgetState state) {
            return answerOf(type, spec, shared, state);
        }

        /** The longest run the widget asks for, the bound of a fork's step. */
        public int maxSteps() {
            return spec instanceof WidgetSpec.Stepped s ? s.maxSteps() : 0;
        }
    }

    public static WidgetSpec parse(Map<String, Object> yaml) {
        return read(yaml).spec();
    }

    public static Block read(Map<String, Object> yaml) {
        return read(yaml, BUILT_IN);
    }

    /** Reads a block with the given registry (a test adds its own type through here). */
    static Block read(Map<String, Object> yaml, Map<String, WidgetType<?>> types) {
        Fields f = new Fields(yaml);
        List<String> names = List.copyOf(types.keySet());
        if (yaml.get("type") == null) {
            throw new WidgetException(null, "a widget block needs 'type:', one of " + String.join(", ", names));
        }
        WidgetType<?> type = types.get(f.choice("type", "", names));
        WidgetSpec spec = type.read(f);
        Shared shared = Shared.read(f, type.rules());
        f.rejectUnknown(type.name());
        return new Block(type, spec, shared);
    }

    private static <S extends WidgetSpec> List<Control> controlsOf(WidgetType<S> type, WidgetSpec spec, Shared shared) {
        return type.controls(type.specClass().cast(spec), shared);
    }

    /** A state's runs, the page's other calls, and the controls as they stand in it. */
    public record Answer(List<Map<String, Object>> runs, Map<String, WidgetType.Request> requests, List<Control> controls) {}

    /** A checked state: the work finding its runs takes (a tuning sweep, say; 0 for specs alone), and how to find them. */
    public record Prepared(long work, java.util.function.Supplier<Answer> finder) {
        public Answer answer() {
            return finder.get();
        }
    }

    private static <S extends WidgetSpec> Answer answerOf(WidgetType<S> type, WidgetSpec spec, Shared shared, WidgetState state) {
        S s = type.specClass().cast(spec);
        return new Answer(type.runs(s, shared, state), type.requests(s, shared, state), type.controls(s, shared, state));
    }

    private static <S extends WidgetSpec> long workOf(WidgetType<S> type, WidgetSpec spec, Shared shared, WidgetState state) {
        return type.work(type.specClass().cast(spec), shared, state);
    }

    private static long maxSteps(Map<String, Object> run) {
        return run.get("stop") instanceof Map<?, ?> stop && stop.get("max_steps") instanceof Number n ? n.longValue() : 0;
    }
}
