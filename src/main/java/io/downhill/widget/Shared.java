package io.downhill.widget;

import java.util.List;

/**
 * The keys every widget type shares, read once for all of them: the caption under the figure,
 * the animation speed, which controls the page offers, and the optional prediction. The number of
 * steps stays with each type: it is part of the run and its bounds differ from type to type.
 */
public record Shared(String caption, int speed, List<String> controls, Predict predict) {
    /** Steps per second at most, for the speed key and the speed slider. */
    public static final int MAX_SPEED = 600;
    /**
     * The steps of all runs of one state at most that the page fetches whole while a slider is
     * dragged (a preview); a larger state is drawn once its streams are in.
     */
    public static final int PREVIEW_STEPS = 6000;
    /** The longest a widget's default runs take to play at the speed the page opens with. */
    public static final double LONGEST_PLAY_SECONDS = 10;
    static final int FIXED_SPEED = 30;

    /**
     * What a type takes of the shared keys. {@code speed} 0: the type has no speed slider and no
     * {@code speed:} key. {@code controls} empty: no {@code controls:} key.
     */
    public record Rules(int speed, List<String> controls, List<String> defaultControls) {
        public static Rules speed(int speed) {
            return new Rules(speed, List.of(), List.of());
        }

        public static Rules noSpeed() {
            return new Rules(0, List.of(), List.of());
        }

        public Rules withControls(List<String> allowed, List<String> byDefault) {
            return new Rules(speed, allowed, byDefault);
        }
    }

    static Shared read(Fields f, Rules rules) {
        int speed = rules.speed() > 0 ? f.integer("speed", rules.speed(), 1, MAX_SPEED) : FIXED_SPEED;
        List<String> controls = rules.controls().isEmpty()
                ? List.of()
                : f.choices("controls", rules.defaultControls(), rules.controls(), 0, rules.controls().size());
        String caption = f.text("caption", "", 500);
        return new Shared(caption, speed, controls, Predict.from(f));
    }

    /** Whether the block lets the learner use control {@code name} (types without the key offer all theirs). */
    public boolean offers(String name) {
        return controls.contains(name);
    }
}
