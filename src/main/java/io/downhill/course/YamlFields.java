package io.downhill.course;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML mapping read key by key with a real YAML parser, so that every complaint about a value can
 * name the file line of its key. Used for front matter, course.yml, part.yml and embedded blocks.
 */
final class YamlFields {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlFields() {}

    /**
     * The parser's message without its own positions (they count from the start of the YAML, not
     * of the file, and the issue already carries the right one), with a hint for the usual cause.
     */
    static String plain(String message) {
        List<String> kept = new java.util.ArrayList<>();
        boolean skipping = false;
        for (String line : message.split("\n")) {
            if (line.startsWith(" in 'reader'")) {
                skipping = true;
                continue;
            }
            if (skipping && (line.startsWith("    ") || line.isBlank())) {
                continue;
            }
            skipping = false;
            kept.add(line.strip());
        }
        java.util.Collections.reverse(kept);
        String text = String.join("; ", kept);
        if (text.contains("mapping values are not allowed") || text.contains("expected <block end>")
                || text.contains("did not find expected key")) {
            text += " (is this line indented differently from the lines around it?)";
        }
        return text;
    }

    /** A YAML value with the 1-based file line of its key. */
    record Located(JsonNode value, int line) {
        Object plain() {
            return YAML.convertValue(value, Object.class);
        }
    }

    /**
     * Reads a YAML mapping, remembering the file line of each key; {@code firstLine} is the file
     * line the YAML text starts on. Returns null (with an issue added) when it is not a mapping.
     */
    static Map<String, Located> read(String file, String yaml, int firstLine, List<ContentIssue> issues) {
        Map<String, Located> fields = new LinkedHashMap<>();
        if (yaml.isBlank()) {
            return fields;
        }
        try (JsonParser p = YAML.getFactory().createParser(yaml)) {
            p.setCodec(YAML);
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                issues.add(ContentIssue.error(file, firstLine, "expected a YAML mapping of 'key: value' lines"));
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int line = p.currentLocation().getLineNr() - 1 + firstLine;
                String key = p.currentName();
                p.nextToken();
                JsonNode value = p.readValueAsTree();
                if (fields.containsKey(key)) {
                    issues.add(ContentIssue.error(file, line, "duplicate front matter key '" + key + "'"));
                }
                fields.put(key, new Located(value, line));
            }
            return fields;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? firstLine : where.getLineNr() - 1 + firstLine;
            int column = where == null ? 1 : Math.max(1, where.getColumnNr());
            issues.add(new ContentIssue(file, line, column, ContentIssue.Severity.ERROR, "broken YAML: " + plain(e.getOriginalMessage())));
            return null;
        } catch (IOException e) {
            issues.add(ContentIssue.error(file, firstLine, "cannot read YAML: " + e.getMessage()));
            return null;
        }
    }
}
