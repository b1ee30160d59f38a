package io.downhill.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every widget type's block checking, driven by what each type itself reads: a block of only its
 * type is good; a wrong value under any key it knows is an error naming that key; every number
 * is accepted at its bounds and refused just outside them.
 */
class WidgetValidationTest {

    private static Map<String, Object> block(String type, Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** The keys a type reads and the bounds of its single numbers, as its reader reports them. */
    private static Fields readAll(String type) {
        Fields f = new Fields(block(type));
        WidgetType<?> t = WidgetTypes.byName(List.of()).get(type);
        t.read(f);
        Shared.read(f, t.rules());
        return f;
    }

    static Stream<String> types() {
        return WidgetTypes.names().stream();
    }

    static Stream<Arguments> keys() {
        List<Arguments> out = new ArrayList<>();
        for (String type : WidgetTypes.names()) {
            readAll(type).known().stream().sorted().forEach(key -> out.add(Arguments.of(type, key)));
        }
        return out.stream();
    }

    static Stream<Arguments> bounds() {
        List<Arguments> out = new ArrayList<>();
        for (String type : WidgetTypes.names()) {
            readAll(type).bounds().forEach((key, b) -> out.add(Arguments.of(type, key, b[0], b[1])));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void aBlockOfOnlyItsTypeIsGood(String type) {
        Widgets.Block b = Widgets.read(block(type));
        assertThat(b.spec().type()).isEqualTo(type);
        assertThat(b.shared().caption()).isEmpty();
        assertThat(b.predict()).isNull();
        // the block's own state is within its controls, and its runs are the defaults
        assertThat(b.runs(Map.of())).isEqualTo(b.defaultRuns());
    }

    @ParameterizedTest
    @MethodSource("types")
    void anUnknownKeyIsNamedWithTheKnownOnes(String type) {
        assertThatThrownBy(() -> Widgets.read(block(type, "captoin", "x")))
                .isInstanceOf(WidgetException.class)
                .hasMessageContaining("unknown key 'captoin' for a " + type + " widget")
                .hasMessageContaining("did you mean 'caption'")
                .extracting(e -> ((WidgetException) e).key()).isEqualTo("captoin");
    }

    @ParameterizedTest
    @MethodSource("keys")
    void aWrongValueUnderAnyKeyIsAnErrorNamingThatKey(String type, String key) {
        if (key.equals("type")) {
            return;
        }
        Map<String, Object> yaml = block(type, key, Map.of("nested", 1));
        assertThatThrownBy(() -> Widgets.read(yaml))
                .as(type + "." + key)
                .isInstanceOf(WidgetException.class)
                .extracting(e -> ((WidgetException) e).key()).isEqualTo(key);
    }

    @ParameterizedTest
    @MethodSource("bounds")
    void everyNumberIsTakenAtItsBoundsAndRefusedOutside(String type, String key, double min, double max) {
        boolean integer = readAll(type).bounds().get(key)[0] == Math.rint(min) && isIntegerKey(type, key);
        Object low = integer ? (Object) (int) min : (Object) min;
        Object high = integer ? (Object) (int) max : (Object) max;
        Object below = integer ? (Object) ((int) min - 1) : (Object) Math.nextDown(min);
        Object above = integer ? (Object) ((int) max + 1) : (Object) Math.nextUp(max);
        assertThat(Widgets.read(block(type, key, low)).spec().type()).isEqualTo(type);
        assertThat(Widgets.read(block(type, key, high)).spec().type()).isEqualTo(type);
        for (Object bad : List.of(below, above)) {
            assertThatThrownBy(() -> Widgets.read(block(type, key, bad)))
                    .as(type + "." + key + " = " + bad)
                    .isInstanceOf(WidgetException.class)
                    .hasMessageContaining("'" + key + "' must be from")
                    .extracting(e -> ((WidgetException) e).key()).isEqualTo(key);
        }
    }

    /** Integer keys refuse 1.5; number keys take it when it is in range. */
    private static boolean isIntegerKey(String type, String key) {
        try {
            Widgets.read(block(type, key, 1.5));
            return false;
        } catch (WidgetException e) {
            return e.getMessage().contains("whole number");
        }
    }

    @Test
    void theCountOfCheckedKeysCoversEveryType() {
        Map<String, Integer> perType = new HashMap<>();
        keys().forEach(a -> perType.merge((String) a.get()[0], 1, Integer::sum));
        // type, caption and predict at least, for all twelve
        assertThat(perType).hasSize(12).allSatisfy((type, n) -> assertThat(n).as(type).isGreaterThanOrEqualTo(3));
        assertThat(bounds().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void aYesNoKeyTakesOnlyTrueOrFalse() {
        assertThat(((Descent2d) Widgets.parse(block("descent-2d", "surface", true))).surface()).isTrue();
        assertThatThrownBy(() -> Widgets.parse(block("descent-2d", "surface", "yes please")))
                .hasMessage("'surface' must be true or false");
    }

    @Test
    void sharedKeysAreReadOnceForEveryType() {
        Widgets.Block b = Widgets.read(block("descent-1d", "caption", "A ball", "speed", 12, "controls", List.of("lr")));
        assertThat(b.shared()).isEqualTo(new Shared("A ball", 12, List.of("lr"), null));
        assertThat(Widgets.read(block("gradient-lab")).shared().speed()).isEqualTo(Shared.FIXED_SPEED);
        assertThatThrownBy(() -> Widgets.read(block("gradient-lab", "speed", 10)))
                .hasMessageContaining("unknown key 'speed' for a gradient-lab widget");
        assertThatThrownBy(() -> Widgets.read(block("lr-compare", "controls", List.of("lr"))))
                .hasMessageContaining("unknown key 'controls' for a lr-compare widget");
    }

    @Test
    void aLongDefaultRunPlaysInTenSecondsAtMost() {
        // 2,000 steps at the block's 30 a second would take 67 s: the page opens at 200 a second
        assertThat(Widgets.read(block("descent-1d", "speed", 30, "max_steps", 2000)).playbackSpeed()).isEqualTo(200);
        // 200 steps at 30 a second take under 7 s: the author's speed stands
        assertThat(Widgets.read(block("descent-1d", "speed", 30, "max_steps", 200)).playbackSpeed()).isEqualTo(30);
        // 201 steps need 21 a second to end within 10 s, more than the author asked for
        assertThat(Widgets.read(block("descent-1d", "speed", 12, "max_steps", 201)).playbackSpeed()).isEqualTo(21);
    }
}
