package io.downhill.web.stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.downhill.optim.RunSpec;
import io.downhill.web.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Finished runs, encoded, by their fully explicit spec and the step fields sent. A run is
 * deterministic, so the default run of a widget that a whole class loads is computed once.
 * Bounded by bytes; a run larger than {@link #MAX_ENTRY_BYTES} is streamed but not kept.
 */
public final class RunCache {
    static final int MAX_ENTRY_BYTES = 512 * 1024;
    /** Runs being gathered for the cache at once, in bytes: bounds the memory of many large runs in flight. */
    static final long MAX_GATHERING_BYTES = 8L * 1024 * 1024;
    /** Changes whenever the engine's numbers could change, so that no cache anywhere serves old runs. */
    static final String ENGINE_VERSION = "2";

    public record Key(RunSpec spec, StepFields fields) {}

    private final Cache<Key, EncodedRun> cache;
    private final java.util.concurrent.atomic.AtomicLong gathering = new java.util.concurrent.atomic.AtomicLong();
    private final boolean enabled;
    private final java.util.concurrent.atomic.LongAdder computed = new java.util.concurrent.atomic.LongAdder();

    public RunCache(long maxBytes) {
        this.enabled = maxBytes > 0;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, EncodedRun v) -> v.weight())
                .build();
    }

    /**
     * Room to gather a run of about {@code expectedBytes} for the cache, or null when it would not
     * fit in an entry or too much is being gathered already (the run is then streamed, not kept).
     */
    EncodedRun.Builder gather(long expectedBytes) {
        if (!enabled || expectedBytes > MAX_ENTRY_BYTES) {
            return null;
        }
        long after = gathering.addAndGet(expectedBytes);
        if (after > MAX_GATHERING_BYTES) {
            gathering.addAndGet(-expectedBytes);
            return null;
        }
        return new EncodedRun.Builder(MAX_ENTRY_BYTES, () -> gathering.addAndGet(-expectedBytes));
    }

    EncodedRun get(Key key) {
        return cache.getIfPresent(key);
    }

    void put(Key key, EncodedRun run) {
        if (run != null) {
            cache.put(key, run);
        }
    }

    /** Counts a run that is being computed rather than read from the cache. */
    void countComputed() {
        computed.increment();
    }

    public long computed() {
        return computed.sum();
    }

    public long entries() {
        return cache.estimatedSize();
    }

    /**
     * A strong validator of a run response: the same canonical spec, fields, format and resume
     * point always give the same bytes, on any replica.
     */
    public static String etag(Key key, String format, long resumeAfter) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String text = ENGINE_VERSION + '|' + format + '|' + key.fields().mask() + '|' + resumeAfter + '|'
                    + Json.MAPPER.writeValueAsString(key.spec().toJson());
            byte[] hash = sha.digest(text.getBytes(StandardCharsets.UTF_8));
            return "\"r" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
