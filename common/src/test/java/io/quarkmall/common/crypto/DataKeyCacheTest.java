package io.quarkmall.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Unwrapped data keys are kept briefly, the newest generation remembered, and forgotten on erasure. */
class DataKeyCacheTest {

    @Test
    void a_key_is_served_until_its_time_is_up_and_the_newest_generation_only_while_its_key_is_cached() throws Exception {
        var cache = new DataKeyCache(Duration.ofMillis(150));
        byte[] key = Aead.newKey();
        cache.put("s", 1, key, true);
        cache.put("s", 2, Aead.newKey(), true);
        cache.put("s", 1, key, true);
        assertEquals(Optional.of(2), cache.newest("s"), "an older generation never replaces the newest");
        assertTrue(cache.get("s", 1).isPresent());
        Thread.sleep(200);
        assertEquals(Optional.empty(), cache.get("s", 1));
        assertEquals(Optional.empty(), cache.newest("s"));
    }

    @Test
    void forgetting_a_subject_drops_all_its_generations_and_no_one_elses() {
        var cache = new DataKeyCache(Duration.ofMinutes(1));
        cache.put("s", 1, Aead.newKey(), true);
        cache.put("s", 2, Aead.newKey(), true);
        cache.put("t", 1, Aead.newKey(), true);
        cache.forget("s");
        assertEquals(Optional.empty(), cache.get("s", 1));
        assertEquals(Optional.empty(), cache.get("s", 2));
        assertEquals(Optional.empty(), cache.newest("s"));
        assertEquals(Optional.of(1), cache.newest("t"));
    }

    @Test
    void the_cache_never_holds_more_than_its_bound() {
        var cache = new DataKeyCache(Duration.ofMinutes(1));
        for (int i = 0; i <= DataKeyCache.MAX_ENTRIES + 10; i++) {
            cache.put("s" + i, 1, Aead.newKey(), true);
        }
        assertTrue(cache.get("s" + (DataKeyCache.MAX_ENTRIES + 10), 1).isPresent());
        assertEquals(Optional.empty(), cache.get("s0", 1));
    }
}
