package io.downhill.web.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs being computed right now. When a class opens a lesson at once, hundreds of requests for the
 * same default run arrive before the first has finished: the first computes it, the others wait
 * for it and are answered from the run cache, so the run is computed once, not once per learner.
 */
public final class InFlightRuns {
    /** Longer runs may not fit the cache, so waiting for them could be for nothing. */
    static final int MAX_STEPS = 3000;
    /** A follower waits no longer than this for the first learner's run, then computes its own. */
    static final long MAX_WAIT_SECONDS = 10;

    private final ConcurrentHashMap<RunCache.Key, CompletableFuture<EncodedRun>> running = new ConcurrentHashMap<>();

    /**
     * Makes {@code job} the one that computes its run, or says which computation to wait for.
     *
     * @return null when {@code job} computes (alone, or for everyone who asks while it runs); else
     *     a future completed with the kept run, or with null when it could not be kept or took too long
     */
    public CompletableFuture<EncodedRun> lead(RunCache.Key key, RunJob job, RunCache cache) {
        if (key.spec().stop().maxSteps() > MAX_STEPS) {
            return null;
        }
        CompletableFuture<EncodedRun> mine = new CompletableFuture<>();
        CompletableFuture<EncodedRun> first = running.putIfAbsent(key, mine);
        if (first != null) {
            job.close();
            return first.copy().completeOnTimeout(null, MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        EncodedRun justKept = cache.get(key);
        if (justKept != null) {
            // the run finished between the caller's look into the cache and now
            running.remove(key, mine);
            job.close();
            return CompletableFuture.completedFuture(justKept);
        }
        job.whenKept(run -> {
            running.remove(key, mine);
            mine.complete(run);
        });
        return null;
    }

    int size() {
        return running.size();
    }
}
