package io.downhill.widget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a learner has set in a widget: the values the browser sent (a control it leaves out keeps
 * what the type picks: the block's value, or one that follows from the others) and the changes made while a run played, each {@code {at: step, path: value}}. Read only
 * through {@link #read}, so every value is one the controls allow.
 */
public record WidgetState(Map<String, Object> values, List<Fork> forks) {
    public static final int MAX_FORKS = 50;

    /** From step {@code at} on, the spec fields in {@code set} (by path, e.g. {@code optimizer.lr}) take new values. */
    public record Fork(int at, Map<String, Object> set) {}

    public Object value(String control) {
        return values.get(control);
    }

    public double number(String control, double fallback) {
        Object v = values.get(control);
        return v == null ? fallback : ((Number) v).doubleValue();
    }

    public String text(String control, String fallback) {
        Object v = values.get(control);
        return v == null ? fallback : (String) v;
    }

    public boolean flag(String control, boolean fallback) {
        Object v = values.get(control);
        return v == null ? fallback : (Boolean) v;
    }

    public double[] point(String control, double[] fallback) {
        Object v = values.get(control);
        return v == null ? fallback : ((List<?>) v).stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }

    /** The block's own state: no values, no forks. */
    public static WidgetState defaults(List<Control> controls) {
        return read(Map.of(), controls, Integer.MAX_VALUE);
    }

    /**
     * Checks a state the browser sent against the controls. Errors are {@link WidgetException}s
     * whose key names the field, e.g. {@code state.lr} or {@code state.forks[2].at}.
     */
    public static WidgetState read(Map<String, Object> json, List<Control> controls, int maxSteps) {
        Map<String, Control> byName = new LinkedHashMap<>();
        controls.forEach(c -> byName.put(c.name(), c));
        for (String key : json.keySet()) {
            if (!key.equals("forks") && !byName.containsKey(key)) {
                throw new WidgetException("state." + key, "is not a control of this widget; its controls are "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Control c : controls) {
            Object given = json.get(c.name());
            if (given != null) {
                values.put(c.name(), value(c, given, "state." + c.name()));
            }
        }
        return new WidgetState(java.util.Collections.unmodifiableMap(values), forks(json.get("forks"), controls, maxSteps));
    }

    private static List<Fork> forks(Object raw, List<Control> controls, int maxSteps) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list) || list.size() > MAX_FORKS) {
            throw new WidgetException("state.forks", "must be a list of at most " + MAX_FORKS + " objects {at, path: value}");
        }
        List<Fork> out = new ArrayList<>();
        int previous = 0;
        for (int i = 0; i < list.size(); i++) {
            String field = "state.forks[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m) || m.size() < 2) {
                throw new WidgetException(field, "must be an object {at, path: value} with at least one path");
            }
            Object at = m.get("at");
            if (!(at instanceof Integer || at instanceof Long) || ((Number) at).longValue() < Math.max(1, previous)
                    || ((Number) at).longValue() > maxSteps) {
                throw new WidgetException(field + ".at", "must be a whole number from " + Math.max(1, previous) + " to " + maxSteps);
            }
            previous = ((Number) at).intValue();
            Map<String, Object> set = new LinkedHashMap<>();
            for (var e : m.entrySet()) {
                String path = String.valueOf(e.getKey());
                if (path.equals("at")) {
                    continue;
                }
                Control c = controls.stream().filter(x -> x.live() && path.equals(x.path())).findFirst()
                        .orElseThrow(() -> new WidgetException(field + "." + path, "is not a path a run may change as it plays; these are "
                                + String.join(", ", controls.stream().filter(Control::live).map(Control::path).toList())));
                set.put(path, value(c, e.getValue(), field + "." + path));
            }
            out.add(new Fork(previous, java.util.Collections.unmodifiableMap(set)));
        }
        return List.copyOf(out);
    }

    private static Object value(Control c, Object v, String field) {
        switch (c.kind()) {
            case "slider" -> {
                return number(v, c.min(), c.max(), field);
            }
            case "select" -> {
                if (!(v instanceof String s) || c.options().stream().noneMatch(o -> o.value().equals(s))) {
                    throw new WidgetException(field, "must be one of " + String.join(", ",
                            c.options().stream().map(Control.Option::value).toList()));
                }
                return s;
            }
            case "text" -> {
                if (!(v instanceof String s) || s.isBlank() || s.length() > c.max()) {
                    throw new WidgetException(field, "must be a text of 1 to " + c.max().intValue() + " characters");
                }
                return s.strip();
            }
            case "toggle", "press" -> {
                if (!(v instanceof Boolean b)) {
                    throw new WidgetException(field, "must be true or false");
                }
                return b;
            }
            case "point" -> {
                if (!(v instanceof List<?> l) || l.size() != c.axes().size()) {
                    throw new WidgetException(field, "must be a list of " + c.axes().size() + " numbers");
                }
                List<Double> out = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) {
                    List<Double> axis = c.axes().get(i);
                    out.add(number(l.get(i), axis.get(0), axis.get(1), field + "[" + i + "]"));
                }
                return List.copyOf(out);
            }
            default -> throw new IllegalStateException("unknown control kind " + c.kind());
        }
    }

    private static double number(Object v, double min, double max, String field) {
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < min || n.doubleValue() > max) {
            throw new WidgetException(field, "must be a number from " + Fields.fmt(min) + " to " + Fields.fmt(max));
        }
        return n.doubleValue();
    }
}
