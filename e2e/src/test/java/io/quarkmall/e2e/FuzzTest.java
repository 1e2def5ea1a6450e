package io.quarkmall.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stack.testing.Tokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * For every operation in the services' OpenAPI documents, at least {@value #PER_OPERATION}
 * generated hostile requests through the edge: no answer may be a 5xx, every error must be
 * problem+json, and no body may name a class, a stack frame or SQL. Writes go to accounts of their
 * own (fuzz-*), so no other test's data is touched.
 */
@ExtendWith(Mall.class)
@Order(Integer.MAX_VALUE - 20)
class FuzzTest {

    static final int PER_OPERATION = Integer.getInteger("fuzz.requests", 1000);
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bjava\\.|jakarta\\.|org\\.hibernate|io\\.quarkus|io\\.quarkmall|PSQL|SQLState|"
                    + "\\bat [a-z]+\\.[a-z]+\\.|\\b(SELECT|INSERT|UPDATE) .* (FROM|INTO|SET)\\b");
    /** HTTP/1.1, as browsers speak to a plain-http origin. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, AtomicInteger> STATUSES = new ConcurrentHashMap<>();
    private static final List<String> VIOLATIONS = Collections.synchronizedList(new ArrayList<>());
    private static List<String> identities;

    @BeforeAll
    static void accounts() throws Exception {
        identities = new ArrayList<>();
        identities.add(null); // anonymous
        identities.add("Bearer " + Tokens.of(Shoppers.ensureWithRoles("fuzz-shopper")));
        identities.add("Bearer " + Tokens.of(Shoppers.ensureWithRoles("fuzz-merchant", "merchant")));
        identities.add("Bearer " + Tokens.of(Shoppers.ensureWithRoles("fuzz-admin", "admin", "merchant")));
        identities.add("Bearer " + Tokens.withoutMallAudience("fuzz-shopper"));
        identities.add("Bearer not.a.token");
    }

    @TestFactory
    Stream<DynamicTest> every_operation_answers_hostile_input_with_a_problem_never_a_5xx() throws Exception {
        List<ApiOperations.Operation> operations = ApiOperations.load().all();
        assertTrue(operations.size() >= 25, "the services publish " + operations.size() + " operations");
        var tests = new ArrayList<DynamicTest>(operations.stream()
                .map(op -> DynamicTest.dynamicTest(op.toString(), () -> fuzz(op))).toList());
        tests.add(DynamicTest.dynamicTest("summary", () -> summary(operations.size())));
        return tests.stream();
    }

    private static void fuzz(ApiOperations.Operation op) throws Exception {
        int before = VIOLATIONS.size();
        Arbitrary<String> values = FuzzInputs.parameter();
        Arbitrary<String> bodies = FuzzInputs.body(op.bodySchema());
        var random = new Random(op.toString().hashCode());
        var inFlight = new Semaphore(12);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < PER_OPERATION; i++) {
                HttpRequest request = request(op, i, values, bodies, random);
                inFlight.acquire();
                pool.submit(() -> {
                    try {
                        check(op, request, HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
                    } catch (Exception e) {
                        VIOLATIONS.add(op + ": no answer to " + request.uri() + ": " + e);
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
        assertEquals(List.of(), VIOLATIONS.subList(before, VIOLATIONS.size()).stream().limit(20).toList());
    }

    private static HttpRequest request(ApiOperations.Operation op, int i, Arbitrary<String> values, Arbitrary<String> bodies,
                                       Random random) {
        String path = op.path();
        var query = new StringBuilder();
        for (ApiOperations.Parameter p : op.parameters()) {
            String value = random.nextInt(4) == 0 ? "1" : values.sample();
            if (p.in().equals("path")) {
                path = path.replace("{" + p.name() + "}", encode(value));
            } else if (p.in().equals("query") && random.nextInt(10) < 7) {
                query.append(query.isEmpty() ? '?' : '&').append(encode(p.name())).append('=').append(encode(value));
            }
        }
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:8080" + path + query))
                .timeout(Duration.ofSeconds(30));
        String identity = identities.get(random.nextInt(identities.size()));
        if (identity != null) {
            builder.header("Authorization", identity);
        }
        if (random.nextInt(10) < 8) {
            builder.header("Idempotency-Key", random.nextBoolean() ? UUID.randomUUID().toString() : "k" + random.nextInt(50));
        }
        boolean sendsBody = op.bodySchema() != null || random.nextInt(10) == 0;
        if (!sendsBody) {
            return builder.method(op.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        String body = i % 250 == 249 ? "{\"x\":\"" + "y".repeat(1_100_000) + "\"}" : bodies.sample();
        builder.header("Content-Type", switch (random.nextInt(12)) {
            case 0 -> "text/plain";
            case 1 -> "application/xml";
            case 2 -> "application/json; charset=ISO-8859-1";
            default -> "application/json";
        });
        return builder.expectContinue(body.length() > 1_000_000)
                .method(op.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static void check(ApiOperations.Operation op, HttpRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        STATUSES.computeIfAbsent(Integer.toString(status), s -> new AtomicInteger()).incrementAndGet();
        String what = op + " answered " + status + " to " + abbreviate(request.uri().toString()) + ": "
                + abbreviate(response.body());
        if (status >= 500) {
            VIOLATIONS.add(what);
        } else if (status >= 400) {
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                VIOLATIONS.add("not problem+json: " + what);
            }
            if (LEAK.matcher(response.body()).find()) {
                VIOLATIONS.add("leaks internals: " + what);
            }
        }
    }

    private static void summary(int operations) {
        int requests = STATUSES.values().stream().mapToInt(AtomicInteger::get).sum();
        long serverErrors = STATUSES.entrySet().stream().filter(e -> e.getKey().startsWith("5"))
                .mapToInt(e -> e.getValue().get()).sum();
        System.out.printf("fuzz: %d operations, %d requests, %d answers 5xx, %d violations; statuses %s%n",
                operations, requests, serverErrors, VIOLATIONS.size(), new TreeMap<>(Map.copyOf(STATUSES)));
        assertTrue(requests >= operations * PER_OPERATION, "every request was answered");
        assertEquals(0, serverErrors);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
