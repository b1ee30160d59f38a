package io.downhill.widget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A question the learner answers before a widget runs ("which rate diverges?"), then checks against
 * the run. Any widget type may carry one under the key {@code predict}; {@code answer} is the text
 * of the right choice, so a reader of the markdown sees at once which one it is.
 */
public record Predict(String question, List<String> choices, String answer, String why) {
    static final Set<String> KEYS = Set.of("question", "choices", "answer", "why");

    /** Index of the right choice among {@link #choices()}. */
    public int answerIndex() {
        return choices.indexOf(answer);
    }

    /** The {@code predict} mapping of a widget block, or null when the block has none. */
    static Predict from(Fields f) {
        Object raw = f.raw("predict");
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new WidgetException("predict", "'predict' must be a mapping with question, choices, answer and why");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new WidgetException("predict", "unknown key '" + key + "' in 'predict'"
                        + io.downhill.text.Suggest.didYouMean(String.valueOf(key), KEYS)
                        + " (known: answer, choices, question, why)");
            }
        }
        String question = text(map, "question", 300);
        String why = text(map, "why", 600);
        Object rawChoices = map.get("choices");
        if (!(rawChoices instanceof List<?> list) || list.size() < 2 || list.size() > 6) {
            throw new WidgetException("predict", "'predict.choices' must list 2 to 6 answers");
        }
        List<String> choices = new ArrayList<>();
        for (Object item : list) {
            String s = item == null ? "" : String.valueOf(item).strip();
            if (s.isEmpty() || s.length() > 120 || item instanceof Map || item instanceof List) {
                throw new WidgetException("predict", "each of 'predict.choices' must be a text of 1 to 120 characters");
            }
            if (choices.contains(s)) {
                throw new WidgetException("predict", "'predict.choices' lists '" + s + "' twice");
            }
            choices.add(s);
        }
        String answer = text(map, "answer", 120);
        if (!choices.contains(answer)) {
            throw new WidgetException("predict", "'predict.answer' must be one of 'predict.choices', not '" + answer + "'"
                    + io.downhill.text.Suggest.didYouMean(answer, choices));
        }
        return new Predict(question, List.copyOf(choices), answer, why);
    }

    private static String text(Map<?, ?> map, String key, int max) {
        Object v = map.get(key);
        if (v == null || v instanceof Map || v instanceof List || String.valueOf(v).isBlank()) {
            throw new WidgetException("predict", "'predict' needs '" + key + ":' (a text)");
        }
        String s = String.valueOf(v).strip();
        if (s.length() > max) {
            throw new WidgetException("predict", "'predict." + key + "' must be at most " + max + " characters");
        }
        return s;
    }
}
