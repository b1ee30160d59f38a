package io.downhill.web;

import io.downhill.course.ContentIssue;
import io.downhill.course.Course;
import io.downhill.course.CourseException;
import io.downhill.course.CourseLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The course being served. A reload builds a whole new course and swaps it in at once, so a
 * request sees either the old course or the new one. A broken edit keeps the last good course;
 * its errors are kept too (dev mode shows them on every page, a served course only logs them).
 */
public final class CourseState {
    public record Snapshot(Course course, List<ContentIssue> errors, long version) {}

    private final CourseLoader loader;
    private final Path root;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    CourseState(CourseLoader loader, Path root, boolean tolerateErrors) throws CourseException {
        this.loader = loader;
        this.root = root;
        try {
            current.set(new Snapshot(loader.load(root), List.of(), 1));
        } catch (CourseException e) {
            if (!tolerateErrors) {
                throw e;
            }
            current.set(new Snapshot(null, e.issues(), 1));
        }
    }

    public Snapshot snapshot() {
        return current.get();
    }

    /** Completes when the reload under way (if any) has swapped its course in. */
    private volatile java.util.concurrent.CompletableFuture<Void> reloading =
            java.util.concurrent.CompletableFuture.completedFuture(null);

    /**
     * Marks a reload as started, so that {@link #settled()} waits for it: in dev mode the open
     * pages are told to reload while the course loads, and their requests wait for the new course.
     */
    void reloadStarting() {
        reloading = new java.util.concurrent.CompletableFuture<>();
    }

    /** The current snapshot once any reload under way is done (waiting at most a few seconds). */
    public Snapshot settled() {
        try {
            reloading.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // serve what there is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return current.get();
    }

    /** Loads the course again; returns the new snapshot. */
    Snapshot reload() {
        Snapshot before = current.get();
        Snapshot after;
        try {
            after = new Snapshot(loader.load(root), List.of(), before.version() + 1);
        } catch (CourseException e) {
            after = new Snapshot(before.course(), e.issues(), before.version() + 1);
        }
        current.set(after);
        reloading.complete(null);
        return after;
    }

    Path root() {
        return root;
    }
}
