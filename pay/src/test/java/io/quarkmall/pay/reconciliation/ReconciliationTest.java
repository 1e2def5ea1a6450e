package io.quarkmall.pay.reconciliation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.money.Money;
import io.quarkmall.pay.AtOnce;
import io.quarkmall.pay.channel.PaymentChannel.StatementLine;
import io.quarkmall.pay.domain.reconciliation.LedgerEntry;
import io.quarkmall.pay.domain.reconciliation.ReconciliationReport;
import io.quarkmall.pay.service.ReconciliationService;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A scripted channel's statements against scripted records of ours, through the console's API:
 * each kind of mismatch is found, a clean day has none, an outage gives a FAILED report, and a day
 * has one report per channel however often and however concurrently it is run.
 */
@QuarkusTest
class ReconciliationTest {

    private static final String CHANNEL = ScriptedStatementChannel.NAME;
    /** Each test reconciles days of its own, long past, so tests never share a report. */
    private static final AtomicLong DAYS = new AtomicLong(Math.floorMod(System.nanoTime(), 9_000L));

    @Inject
    ReconciliationService reconciliation;

    private static LocalDate freshDay() {
        return LocalDate.of(2000, 1, 1).plusDays(DAYS.incrementAndGet());
    }

    private static LedgerEntry ours(String reference, LedgerEntry.Kind kind, long fen, LocalDate day) {
        return new LedgerEntry(reference, "trade-" + reference, kind, new Money(fen, "CNY"),
                day.atTime(10, 0).atZone(ReconciliationService.CHINA).toInstant());
    }

    private static StatementLine theirs(String reference, StatementLine.Kind kind, long fen, LocalDate day) {
        return new StatementLine(reference, "trade-" + reference, kind, new Money(fen, "CNY"),
                day.atTime(10, 0, 5).atZone(ReconciliationService.CHINA).toInstant());
    }

    static Response run(String user, String body) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when().post("/admin/reconciliation/runs");
    }

    private static JsonPath runOne(LocalDate day) {
        return run("admin", "{\"day\":\"%s\",\"channel\":\"%s\"}".formatted(day, CHANNEL)).then().statusCode(201)
                .body("size()", equalTo(1)).extract().jsonPath();
    }

    private static long reportsOf(LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> ReconciliationReport.count("from ReconciliationReport r where r.day = ?1 and r.channel = ?2",
                day, CHANNEL));
    }

    @Test
    void a_planted_mismatch_of_every_kind_is_found_and_explained() {
        LocalDate day = freshDay();
        var payment = LedgerEntry.Kind.PAYMENT;
        ScriptedLedger.records(CHANNEL, day, List.of(ours("p1", payment, 1_000, day), ours("p2", payment, 2_000, day),
                ours("p3", payment, 3_000, day), ours("r6", LedgerEntry.Kind.REFUND, 600, day),
                ours("r6", LedgerEntry.Kind.REFUND, 600, day)));
        ScriptedStatementChannel.lists(day, List.of(theirs("p1", StatementLine.Kind.PAYMENT, 1_000, day),
                theirs("p2", StatementLine.Kind.PAYMENT, 1_990, day), theirs("p4", StatementLine.Kind.PAYMENT, 400, day),
                theirs("r6", StatementLine.Kind.REFUND, 600, day), theirs("p7", StatementLine.Kind.PAYMENT, 700, day),
                theirs("p7", StatementLine.Kind.PAYMENT, 700, day)));

        var summary = runOne(day);
        assertEquals("MISMATCHED", summary.getString("[0].status"));
        assertEquals(List.of(5, 6, 1, 6), List.of(summary.getInt("[0].ourLines"), summary.getInt("[0].channelLines"),
                summary.getInt("[0].matched"), summary.getInt("[0].mismatches")));

        var report = given().auth().oauth2(Tokens.of("admin")).when()
                .get("/admin/reconciliation/reports/{id}", summary.getLong("[0].id")).then().statusCode(200)
                .body("summary.day", equalTo(day.toString())).body("summary.channel", equalTo(CHANNEL))
                .extract().jsonPath();
        Map<String, String> found = report.<Map<String, Object>>getList("mismatches").stream()
                .collect(Collectors.toMap(m -> m.get("kind") + " " + m.get("reference"), m -> (String) m.get("detail")));
        assertEquals(Map.of(
                "MISSING_AT_CHANNEL p3", "Payment p3 of CNY 30.00: we recorded it, the channel's statement does not list it.",
                "AMOUNT_DIFFERS p2", "Payment p2: we recorded CNY 20.00, the channel lists CNY 19.90.",
                "MISSING_IN_OURS p4", "Payment p4 of CNY 4.00 (trade trade-p4): the channel lists it, we have no record of it.",
                "DUPLICATE_IN_OURS r6", "Refund r6: we recorded it 2 times.",
                "DUPLICATE_AT_CHANNEL p7", "Payment p7: the channel lists it 2 times.",
                "MISSING_IN_OURS p7", "Payment p7 of CNY 7.00 (trade trade-p7): the channel lists it, we have no record of it."),
                found);
        assertEquals(1_990, report.getInt("mismatches.find { it.kind == 'AMOUNT_DIFFERS' }.channelAmount.amountMinor"));
    }

    @Test
    void a_clean_day_is_balanced_with_no_mismatches() {
        LocalDate day = freshDay();
        ScriptedLedger.records(CHANNEL, day, List.of(ours("p1", LedgerEntry.Kind.PAYMENT, 1_000, day),
                ours("r1", LedgerEntry.Kind.REFUND, 300, day)));
        ScriptedStatementChannel.lists(day, List.of(theirs("r1", StatementLine.Kind.REFUND, 300, day),
                theirs("p1", StatementLine.Kind.PAYMENT, 1_000, day)));
        long id = runOne(day).getLong("[0].id");
        given().auth().oauth2(Tokens.of("admin")).when().get("/admin/reconciliation/reports/{id}", id).then()
                .statusCode(200).body("summary.status", equalTo("BALANCED")).body("summary.matched", equalTo(2))
                .body("mismatches", empty());
    }

    @Test
    void a_channel_that_cannot_be_reached_gives_a_failed_report_with_the_reason() {
        LocalDate day = freshDay();
        ScriptedStatementChannel.downOn(day, "statement download timed out");
        var failed = runOne(day);
        assertEquals("FAILED", failed.getString("[0].status"));
        assertEquals("The channel's statement could not be fetched: recon-test: statement download timed out",
                failed.getString("[0].failureReason"));
        given().auth().oauth2(Tokens.of("admin")).queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("channel", CHANNEL).when().get("/admin/reconciliation/reports").then().statusCode(200)
                .body("status", equalTo(List.of("FAILED")));
    }

    @Test
    void running_a_day_again_replaces_its_report() {
        LocalDate day = freshDay();
        ScriptedStatementChannel.lists(day, List.of(theirs("p1", StatementLine.Kind.PAYMENT, 1_000, day)));
        long first = runOne(day).getLong("[0].id");
        assertEquals("MISMATCHED", QuarkusTransaction.requiringNew().call(() -> reconciliation.report(first).status().name()));
        ScriptedLedger.records(CHANNEL, day, List.of(ours("p1", LedgerEntry.Kind.PAYMENT, 1_000, day)));
        var second = runOne(day);
        assertEquals("BALANCED", second.getString("[0].status"));
        assertEquals(1, reportsOf(day));
        given().auth().oauth2(Tokens.of("admin")).when().get("/admin/reconciliation/reports/{id}", first).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void twelve_concurrent_runs_of_one_day_leave_one_report() throws Exception {
        LocalDate day = freshDay();
        ScriptedLedger.records(CHANNEL, day, List.of(ours("p1", LedgerEntry.Kind.PAYMENT, 1_000, day)));
        ScriptedStatementChannel.lists(day, List.of(theirs("p1", StatementLine.Kind.PAYMENT, 1_000, day)));
        var statuses = AtOnce.run(12, () ->
                run("admin", "{\"day\":\"%s\",\"channel\":\"%s\"}".formatted(day, CHANNEL)).statusCode());
        assertEquals(12, Collections.frequency(statuses, 201), statuses.toString());
        assertEquals(1, reportsOf(day));
    }

    @Test
    void a_run_without_a_channel_reconciles_every_channel() {
        LocalDate day = freshDay();
        int before = ScriptedStatementChannel.fetched();
        var reports = run("admin", "{\"day\":\"%s\"}".formatted(day)).then().statusCode(201).extract().jsonPath();
        assertTrue(reports.getList("channel").contains(CHANNEL));
        assertTrue(ScriptedStatementChannel.fetched() > before);
        assertTrue(reconciliation.channelNames().contains(CHANNEL));
    }

    @Test
    void bad_days_future_days_and_unknown_channels_are_problems() {
        String tomorrow = reconciliation.today().plusDays(1).toString();
        run("admin", "{\"day\":\"%s\",\"channel\":\"%s\"}".formatted(tomorrow, CHANNEL)).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://quarkmall.io/problems/day-in-the-future"));
        run("admin", "{\"day\":\"%s\",\"channel\":\"paypal\"}".formatted(freshDay())).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://quarkmall.io/problems/unknown-channel"))
                .body("detail", containsString(CHANNEL));
        run("admin", "{\"day\":\"2026-13-01\"}").then().statusCode(400).contentType("application/problem+json");
        for (String ancient : List.of("\"1999-12-31\"", "\"-999999999-01-01\"", "-2147483648", "0")) {
            run("admin", "{\"day\":" + ancient + "}").then().statusCode(anyOf(is(400), is(422)))
                    .contentType("application/problem+json");
        }
        run("admin", "{\"day\":\"1999-12-31\"}").then().statusCode(422)
                .body("type", equalTo("https://quarkmall.io/problems/day-too-early"));
        run("admin", "{\"day\":\"yesterday\"}").then().statusCode(400).contentType("application/problem+json");
        run("admin", "{}").then().statusCode(400).body("violations.field", hasItem("day"));
        run("admin", "{\"day\":\"2026-01-01\",\"channel\":\"Not A Channel!\"}").then().statusCode(400)
                .body("violations.field", hasItem("channel"));
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body("{\"day\":\"2026-01-01\"}")
                .when().post("/admin/reconciliation/runs").then().statusCode(400).contentType("application/problem+json");

        String reports = "/admin/reconciliation/reports";
        given().auth().oauth2(Tokens.of("admin")).queryParam("from", "2026-02-30").when().get(reports).then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("admin")).queryParam("from", "2026-03-02").queryParam("to", "2026-03-01")
                .when().get(reports).then().statusCode(400).body("type", equalTo("https://quarkmall.io/problems/invalid-date-range"));
        given().auth().oauth2(Tokens.of("admin")).queryParam("from", "-999999999-01-01").queryParam("to", "+999999999-12-31")
                .when().get(reports).then().statusCode(200);
        given().auth().oauth2(Tokens.of("admin")).queryParam("channel", "paypal").when().get(reports).then()
                .statusCode(422).body("type", equalTo("https://quarkmall.io/problems/unknown-channel"));
        given().auth().oauth2(Tokens.of("admin")).when().get(reports + "/{id}", Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("admin")).when().get(reports + "/nope").then().statusCode(400);
    }

    @Test
    void reports_and_runs_are_for_operators_only() {
        given().when().get("/admin/reconciliation/reports").then().statusCode(401).contentType("application/problem+json");
        given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"day\":\"2026-01-01\"}").when().post("/admin/reconciliation/runs").then().statusCode(401);
        for (String user : List.of("shopper", "merchant")) {
            given().auth().oauth2(Tokens.of(user)).when().get("/admin/reconciliation/reports").then().statusCode(403)
                    .contentType("application/problem+json");
            run(user, "{\"day\":\"2026-01-01\"}").then().statusCode(403);
        }
    }
}
