package io.quarkmall.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkmall.common.lock.AdvisoryLocks;
import io.quarkmall.common.lock.AdvisoryLocks.LockSpace;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Idempotency-Key for state-changing requests. The key, a hash of the request and the first
 * response are stored in the same transaction as the request's effect, so either both exist or
 * neither does. A replay gets the first response again (with {@code Idempotent-Replayed: true});
 * the same key with a different request is 422; the same key while the first request is still
 * running is 409. Keys belong to the caller: two users may use the same key independently.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /** A transaction-scoped lock per key: a concurrent duplicate is told 409 at once, never queued. */
    private static final LockSpace KEYS = new LockSpace("idempotency-key");

    private final AdvisoryLocks locks;
    private final ObjectMapper json;
    private final Clock clock;

    Idempotency(AdvisoryLocks locks, ObjectMapper json, Clock clock) {
        this.locks = locks;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code effect} at most once per (principal, key). {@code operation} names the endpoint
     * ("POST /checkout") so one key cannot be replayed against another endpoint. This is the one
     * transaction that does not begin in an application service: the key must commit with the
     * effect, so the service's transaction joins this one.
     */
    @Transactional
    Response once(String key, String principal, String operation, Object request, Supplier<Response> effect) {
        if (key == null || !VALID_KEY.matcher(key).matches()) {
            throw new ProblemException(Problem.of("idempotency-key-required", "Idempotency-Key required", 400,
                    "State-changing requests need an Idempotency-Key header of 1 to 200 visible ASCII characters."));
        }
        if (!locks.tryLock(KEYS, principal + '\n' + key)) {
            throw ProblemException.conflict("idempotency-key-in-use",
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        String hash = hash(operation, request);
        var first = IdempotencyRecord.of(principal, key);
        if (first.isPresent()) {
            if (!first.get().requestHash().equals(hash)) {
                throw new ProblemException(Problem.of("idempotency-key-reused", "Idempotency-Key reused", 422,
                        "This Idempotency-Key was used for a different request; use a new key for a new request."));
            }
            return Response.status(first.get().status()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(first.get().responseBody()).header("Idempotent-Replayed", "true").build();
        }
        Response response = effect.get();
        new IdempotencyRecord(principal, key, hash, response.getStatus(), write(response.getEntity()), clock.instant())
                .persist();
        return response;
    }

    private String hash(String operation, Object request) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private String write(Object entity) {
        try {
            return entity == null ? null : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the response", e);
        }
    }
}
