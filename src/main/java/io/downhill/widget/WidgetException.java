package io.downhill.widget;

/** A widget block is wrong; {@code key} is the YAML key at fault (null: the block as a whole). */
public final class WidgetException extends RuntimeException {
    private final String key;

    public WidgetException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
