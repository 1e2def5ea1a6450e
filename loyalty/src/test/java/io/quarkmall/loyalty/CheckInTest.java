package io.quarkmall.loyalty;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.loyalty.domain.CheckIn;
import io.quarkmall.loyalty.domain.CheckInPolicy.Reward;
import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkmall.loyalty.service.CheckInService;
import io.quarkmall.loyalty.service.PointsLedger;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckInTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    CheckInService checkIns;
    @Inject
    PointsLedger ledger;
    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Moves the clock to this time of day, in the check-in time zone. */
    private void moveTo(LocalDate day, LocalTime time) {
        clock.reset();
        clock.moveBy(Duration.between(Instant.now(), day.atTime(time).atZone(SHANGHAI).toInstant()));
    }

    /**
     * A past day on which the demo user, who keeps their check-ins from run to run, has no
     * check-in, nor on the days around it; the clock is moved to its noon.
     */
    private LocalDate aFreshDayFor(String user) {
        String shopper = Tokens.subjectOf(user);
        while (true) {
            LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(8_000));
            long taken = QuarkusTransaction.requiringNew().call(() -> CheckIn.countOf(shopper, day.minusDays(1))
                    + CheckIn.countOf(shopper, day) + CheckIn.countOf(shopper, day.plusDays(1)));
            if (taken == 0) {
                moveTo(day, LocalTime.NOON);
                return day;
            }
        }
    }

    private static String newShopper() {
        return "check-in-" + UUID.randomUUID();
    }

    private long balanceThroughTheApi(String user) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/accounts/me").then().statusCode(200)
                .extract().jsonPath().getLong("balance");
    }

    private long checkInEntries(String shopper, LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> PointsLedgerEntry.count(
                "shopperId = ?1 and reason = ?2 and reference = ?3", shopper, CheckInService.CHECKED_IN, day.toString()));
    }

    @Test
    void a_shopper_checks_in_once_a_day_and_a_second_check_in_is_a_409_that_changes_nothing() {
        LocalDate day = aFreshDayFor("shopper2");
        long before = balanceThroughTheApi("shopper2");
        given().auth().oauth2(Tokens.of("shopper2")).when().get("/check-ins/me").then().statusCode(200)
                .body("today", equalTo(day.toString())).body("checkedInToday", equalTo(false)).body("streak", equalTo(0))
                .body("next.day", equalTo(day.toString())).body("next.streak", equalTo(1)).body("next.points", equalTo(5));
        String key = UUID.randomUUID().toString();

        for (int attempt = 0; attempt < 2; attempt++) { // the second is a replay of the same key: the same answer
            given().auth().oauth2(Tokens.of("shopper2")).header("Idempotency-Key", key).when().post("/check-ins").then()
                    .statusCode(201).body("day", equalTo(day.toString())).body("streak", equalTo(1)).body("points", equalTo(5));
        }
        given().auth().oauth2(Tokens.of("shopper2")).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/check-ins").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/already-checked-in"));

        assertEquals(before + 5, balanceThroughTheApi("shopper2"));
        assertEquals(1, checkInEntries(Tokens.subjectOf("shopper2"), day));
        given().auth().oauth2(Tokens.of("shopper2")).when().get("/check-ins/me").then().statusCode(200)
                .body("checkedInToday", equalTo(true)).body("streak", equalTo(1))
                .body("next.day", equalTo(day.plusDays(1).toString())).body("next.streak", equalTo(2))
                .body("next.points", equalTo(5));
    }

    @Test
    void ten_concurrent_check_ins_of_one_shopper_through_the_api_make_one_201_and_nine_409s() throws Exception {
        LocalDate day = aFreshDayFor("shopper");
        String token = Tokens.of("shopper");
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(() -> given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                    .when().post("/check-ins").then().extract().statusCode());
        }

        List<Integer> statuses = runTogether(attempts, 10);

        assertEquals(1, Collections.frequency(statuses, 201), () -> "statuses: " + statuses);
        assertEquals(9, Collections.frequency(statuses, 409), () -> "statuses: " + statuses);
        assertEquals(1, checkInEntries(Tokens.subjectOf("shopper"), day));
    }

    @Test
    void consecutive_days_make_a_streak_with_its_bonus_and_a_missed_day_starts_again() {
        String shopper = newShopper();
        LocalDate first = LocalDate.of(2026, 3, 1);
        List<Reward> rewards = new ArrayList<>();
        for (LocalDate day : List.of(first, first.plusDays(1), first.plusDays(2), first.plusDays(4))) {
            moveTo(day, LocalTime.of(9, 0));
            rewards.add(checkIns.checkIn(shopper));
        }

        assertEquals(List.of(1, 2, 3, 1), rewards.stream().map(Reward::streak).toList());
        assertEquals(List.of(5L, 5L, 10L, 5L), rewards.stream().map(Reward::points).toList());
        assertEquals(25, QuarkusTransaction.requiringNew().call(() -> ledger.balanceOf(shopper)));
        assertEquals(25, LedgerFacts.sum(shopper));
    }

    @Test
    void the_calendar_day_is_the_check_in_time_zones_not_utcs() {
        String shopper = newShopper();
        LocalDate day = LocalDate.of(2026, 5, 20);
        moveTo(day, LocalTime.of(23, 30));
        Reward lateEvening = checkIns.checkIn(shopper);
        moveTo(day.plusDays(1), LocalTime.of(0, 30)); // an hour later: the same UTC day (16:30 Z), the next day in Shanghai
        Reward pastMidnight = checkIns.checkIn(shopper);

        assertEquals(day, lateEvening.day());
        assertEquals(day.plusDays(1), pastMidnight.day());
        assertEquals(2, pastMidnight.streak());
    }

    @Test
    void a_thousand_concurrent_check_ins_by_a_hundred_shoppers_reward_each_shopper_once() throws Exception {
        String run = "crowd-" + UUID.randomUUID() + "-";
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int shopper = 0; shopper < 100; shopper++) {
            for (int attempt = 0; attempt < 10; attempt++) {
                String id = run + shopper;
                attempts.add(() -> {
                    try {
                        checkIns.checkIn(id);
                        return 201;
                    } catch (RuleViolation refused) {
                        assertEquals("already-checked-in", refused.type());
                        return 409;
                    }
                });
            }
        }
        Collections.shuffle(attempts);

        long started = System.nanoTime();
        List<Integer> outcomes = runTogether(attempts, 32);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertEquals(100, Collections.frequency(outcomes, 201));
        assertEquals(900, Collections.frequency(outcomes, 409));
        assertEquals(100, QuarkusTransaction.requiringNew().call(() -> PointsLedgerEntry.count(
                "shopperId like ?1 and reason = ?2", run + "%", CheckInService.CHECKED_IN)));
        assertEquals(100, QuarkusTransaction.requiringNew().call(() -> CheckIn.count("shopperId like ?1", run + "%")));
        for (int shopper = 0; shopper < 100; shopper++) {
            String id = run + shopper;
            assertEquals(5, QuarkusTransaction.requiringNew().call(() -> ledger.balanceOf(id)), id);
            assertEquals(5, LedgerFacts.sum(id), id);
        }
        System.out.printf("1000 concurrent check-ins by 100 shoppers: %d ms%n", millis);
    }

    @Test
    void a_check_in_needs_a_key_and_a_token() {
        given().auth().oauth2(Tokens.of("shopper")).when().post("/check-ins").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://quarkmall.io/problems/idempotency-key-required"));
        given().header("Idempotency-Key", UUID.randomUUID().toString()).when().post("/check-ins").then().statusCode(401)
                .contentType("application/problem+json");
        given().when().get("/check-ins/me").then().statusCode(401).contentType("application/problem+json");
    }

    /** Runs the calls on {@code threads} threads, released together; their results in call order. */
    static <T> List<T> runTogether(List<Callable<T>> calls, int threads) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new AssertionError("a concurrent call failed", e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
