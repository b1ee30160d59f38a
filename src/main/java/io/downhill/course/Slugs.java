package io.downhill.course;

import java.text.Normalizer;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns file and folder names into URL slugs and reading order. */
public final class Slugs {
    private static final Pattern PREFIX = Pattern.compile("^(\\d+)[-_. ]+(.*)$");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private Slugs() {}

    /** {@code 03-Momentum & Nesterov.md} becomes {@code momentum-nesterov}. */
    public static String slug(String fileName) {
        String base = stripExtension(fileName);
        Matcher m = PREFIX.matcher(base);
        if (m.matches() && !m.group(2).isEmpty()) {
            base = m.group(2);
        }
        String ascii = Normalizer.normalize(base, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        return slug.replaceAll("^-+|-+$", "");
    }

    /** The numeric prefix of a file name, if it has one. */
    public static OptionalInt prefix(String fileName) {
        Matcher m = PREFIX.matcher(stripExtension(fileName));
        if (!m.matches() || m.group(1).length() > 9) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(m.group(1)));
    }

    /** {@code 02-going-further} becomes {@code Going further}. */
    public static String humanize(String folderName) {
        String words = slug(folderName).replace('-', ' ');
        return words.isEmpty() ? folderName : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String stripExtension(String fileName) {
        return fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
    }
}
