package io.downhill.course;

import io.downhill.widget.WidgetException;
import io.downhill.widget.Widgets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the YAML of an embedded block into its spec, with problems at the right file line. */
final class EmbeddedBlocks {
    private EmbeddedBlocks() {}

    /** The widget, or null with issues added. {@code firstLine} is the file line of the YAML's first line. */
    static Widgets.Block widget(String file, String yaml, int firstLine, List<ContentIssue> issues) {
        Map<String, YamlFields.Located> fields = YamlFields.read(file, yaml, firstLine, issues);
        if (fields == null) {
            return null;
        }
        if (fields.isEmpty()) {
            issues.add(ContentIssue.error(file, firstLine - 1, "empty widget block: give at least 'type:'"));
            return null;
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        fields.forEach((key, located) -> plain.put(key, located.plain()));
        try {
            return Widgets.read(plain);
        } catch (WidgetException e) {
            YamlFields.Located at = e.key() == null ? null : fields.get(e.key());
            int line = at == null ? firstLine - 1 : at.line();
            issues.add(ContentIssue.error(file, line, "widget: " + e.getMessage()));
            return null;
        }
    }
}
