package io.downhill.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.downhill.optim.RunSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Finished runs, encoded, by their fully explicit spec and the step fields sent. A run is
 * deterministic, so the default run of a widget that a whole class loads is computed once.
 * Bounded by bytes; a run larger than {@link #MAX_ENTRY_BYTES} is streamed but not kept.
 */
final class RunCache {
    static final int MAX_ENTRY_BYTES = 512 * 1024;
    /** Changes whenever the engine's numbers could change, so that no cache anywhere serves old runs. */
    static final String ENGINE_VERSION = "2";

    record Key(RunSpec spec, StepFields fields) {}

    private final Cache<Key, EncodedRun> cache;

    RunCache(long maxBytes) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, EncodedRun v) -> v.weight())
                .build();
    }

    EncodedRun get(Key key) {
        return cache.getIfPresent(key);
    }

    void put(Key key, EncodedRun run) {
        if (run != null) {
            cache.put(key, run);
        }
    }

    long entries() {
        return cache.estimatedSize();
    }

    /**
     * A strong validator of a run response: the same canonical spec, fields, format and resume
     * point always give the same bytes, on any replica.
     */
    static String etag(Key key, String format, long resumeAfter) {
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
