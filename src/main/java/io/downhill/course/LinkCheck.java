package io.downhill.course;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds links that would break for a learner: lessons that do not exist, anchors that are not on
 * the page, images and files missing from the content folder, and absolute links that would
 * escape a base path.
 */
final class LinkCheck {
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
    private static final String NEVER_SERVED = "is never served to learners";

    record Source(Lesson lesson, int bodyLine) {}

    private final Path root;
    private final Set<String> slugs;
    private final Map<String, Set<String>> anchors = new HashMap<>();

    LinkCheck(Path root, List<Lesson> lessons, Set<String> allSlugs) {
        this.root = root;
        this.slugs = allSlugs;
        for (Lesson lesson : lessons) {
            Set<String> ids = new HashSet<>();
            Matcher m = ID.matcher(lesson.html());
            while (m.find()) {
                ids.add(m.group(1));
            }
            anchors.put(lesson.slug(), ids);
        }
    }

    void run(List<Source> sources, List<ContentIssue> issues) {
        for (Source source : sources) {
            for (LinkRef link : source.lesson().body().links()) {
                String problem = problem(source.lesson(), link);
                if (problem != null) {
                    ContentIssue.Severity severity = problem.startsWith("absolute") || problem.endsWith(NEVER_SERVED)
                            ? ContentIssue.Severity.WARNING : ContentIssue.Severity.ERROR;
                    issues.add(new ContentIssue(source.lesson().source(), source.bodyLine() + link.bodyLine(),
                            link.column(), severity, problem));
                }
            }
        }
    }

    private String problem(Lesson lesson, LinkRef link) {
        String dest = link.destination();
        if (dest.isEmpty()) {
            return (link.image() ? "image" : "link") + " has no address";
        }
        if (dest.contains("://") || SafeHtml.scheme(dest) != null) {
            return null; // other sites, mailto:, data:, and script URLs (reported by the sanitiser)
        }
        int hash = dest.indexOf('#');
        String path = hash < 0 ? dest : dest.substring(0, hash);
        String anchor = hash < 0 ? null : dest.substring(hash + 1);
        if (path.startsWith("/lessons/")) {
            String slug = path.substring("/lessons/".length());
            String missing = missingPage(slug, anchor);
            return missing != null ? missing
                    : "absolute link '" + dest + "' breaks under --base-path; write '" + dest.substring("/lessons/".length()) + "'";
        }
        if (path.startsWith("/")) {
            return null;
        }
        if (path.isEmpty()) {
            return anchor == null || anchors.get(lesson.slug()).contains(anchor) ? null
                    : "no heading '#" + anchor + "' on this page";
        }
        String written = link.written().contains("#") ? link.written().substring(0, link.written().indexOf('#')) : link.written();
        if (written.endsWith(".md")) {
            return slugs.contains(path) ? missingPage(path, anchor)
                    : "link to '" + written + "': no lesson of this course comes from that file";
        }
        Path target = root.resolve(written).normalize();
        if (!target.startsWith(root.normalize())) {
            return (link.image() ? "image" : "link") + " '" + written + "' points outside the content folder, which is not served"
                    + (link.image() ? "; copy the file into the course" : "; link to its web address instead");
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (link.image() || last.contains(".")) {
            String key = ContentFiles.normalise(path);
            Path file = key == null ? null : root.resolve(key).normalize();
            if (file == null || !file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
                return (link.image() ? "image" : "file") + " '" + path + "' is not in the content folder"
                        + " (paths are relative to the content folder, e.g. img/figure.png; dotfiles are never served)";
            }
            if (ContentFiles.isSource(key)) {
                return "'" + path + "' is a lesson source or settings file and " + NEVER_SERVED;
            }
            if (!insideReally(file)) {
                return (link.image() ? "image" : "file") + " '" + path + "' is a link to a file outside the content folder,"
                        + " which is not served; copy the file into the course";
            }
            return null;
        }
        return missingPage(path, anchor);
    }

    /** Symbolic links are followed when a file is served, so the real file must be inside too. */
    private boolean insideReally(Path file) {
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private String missingPage(String slug, String anchor) {
        if (!slugs.contains(slug)) {
            return "link to a lesson that does not exist: '" + slug + "'"
                    + io.downhill.text.Suggest.didYouMean(slug, slugs);
        }
        Set<String> ids = anchors.get(slug);
        if (anchor != null && ids != null && !ids.contains(anchor)) {
            return "lesson '" + slug + "' has no heading '#" + anchor + "'";
        }
        return null;
    }
}
