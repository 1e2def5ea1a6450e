package io.quarkmall.stack;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A simulated card payment service provider (PSP) for local runs and tests, answering
 * deterministically so every path of a payment can be driven. Card data reaches it only through
 * its own hosted field ({@code GET /hosted-fields}, embedded by the storefront as an iframe), which
 * posts the card to {@code POST /v1/tokens} here and hands the storefront a token alone. Card
 * numbers stay in this process's memory; the CVV is checked and dropped; neither is ever logged.
 *
 * <p>Test cards (any future expiry, any CVV), as Stripe's:
 * <ul>
 *   <li>{@value #CARD_SUCCESS}: captured (so is any other Luhn-valid number);</li>
 *   <li>{@value #CARD_DECLINE}: declined, {@code card_declined} (402);</li>
 *   <li>{@value #CARD_INSUFFICIENT_FUNDS}: declined, {@code insufficient_funds} (402);</li>
 *   <li>{@value #CARD_LATE}: pending; it settles (captured) {@link #LATE_SETTLEMENT} later, unless closed
 *       first, then a signed webhook is sent; the charge call itself answers only after {@value #TIMEOUT_SECONDS} s;</li>
 *   <li>{@value #CARD_REFUND_UNAVAILABLE}: captured, but the first refund of the charge answers 503.</li>
 * </ul>
 * The older tokens keep working: {@code tok_sandbox_success}, {@code tok_sandbox_decline},
 * {@code tok_sandbox_timeout} (captured, but no answer for {@value #TIMEOUT_SECONDS} s) and
 * {@code tok_sandbox_refund_unavailable}.
 *
 * <p>The merchant API is idempotent by the merchant's reference (one charge per reference) and
 * by refund reference (one refund per refund reference, never more than is left):
 * {@code POST /v1/charges}, {@code GET /v1/charges/by-reference/{ref}}, {@code POST
 * /v1/charges/by-reference/{ref}/close} (a pending or unknown reference can no longer be paid; a paid
 * one stays paid), {@code POST /v1/charges/by-reference/{ref}/void} (as before: a captured charge is
 * given back), {@code POST /v1/charges/{id}/refunds} and {@code GET /v1/statements/{yyyy-MM-dd}}
 * (JSON lines of the day's captures and refunds, the day in China's time zone).
 *
 * <p>Webhooks: {@code POST} to the charge's {@code notifyUrl}, signed in the header
 * {@code Quarkmall-PSP-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, keyed with the
 * secret's text, which the sandbox makes at its first start and writes, alone, to
 * {@code .stack/card-psp.properties} (git-ignored) for pay's dev, local and test profiles; retried
 * with backoff until answered 2xx (for a day at most).
 *
 * <p>For tests: {@code POST /v1/test/unavailable {"calls": N, "reference": optional}} makes the next N
 * merchant calls (about that reference only, if given) answer 503; {@code POST
 * /v1/test/statement-mismatches {"day", "kind": MISSING|EXTRA|AMOUNT, "reference"}} plants a mismatch
 * in a day's statement.
 */
final class SandboxPaymentGateway implements Server {

    static final int TIMEOUT_SECONDS = 30;
    static final Duration LATE_SETTLEMENT = Duration.ofSeconds(3);
    static final String CARD_SUCCESS = "4242424242424242";
    static final String CARD_DECLINE = "4000000000000002";
    static final String CARD_INSUFFICIENT_FUNDS = "4000000000009995";
    static final String CARD_LATE = "4000000000000119";
    static final String CARD_REFUND_UNAVAILABLE = "4000000000005126";
    static final String SECRET_FILE = "card-psp.properties";
    static final String SECRET_PROPERTY = "quarkmall.pay.card.webhook-secret";
    static final String SIGNATURE_HEADER = "Quarkmall-PSP-Signature";
    private static final ZoneId STATEMENT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration WEBHOOK_RETRY_FOR = Duration.ofDays(1);
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** What a card or a token makes the PSP do. */
    private enum Scenario { SUCCESS, DECLINE, INSUFFICIENT_FUNDS, LATE, REFUND_UNAVAILABLE, LEGACY_TIMEOUT }

    /** A tokenised card: the number stays here, in memory; the CVV was never kept. */
    private record Card(String number, String brand, String last4, Scenario scenario) {
        @Override
        public String toString() {
            return "Card[" + brand + " ****" + last4 + "]";
        }
    }

    private record Refund(String id, String refundReference, long amountMinor, Instant at) {
        JsonObject json(Charge charge) {
            return new JsonObject().put("refundId", id).put("refundReference", refundReference)
                    .put("amountMinor", amountMinor).put("currency", charge.currency).put("status", "SUCCEEDED")
                    .put("chargeId", charge.id).put("reference", charge.reference)
                    .put("refundedMinor", charge.refundedMinor()).put("at", at.toString());
        }
    }

    /** One charge as the PSP remembers it; changed only on the event loop. */
    private static final class Charge {
        final String id;
        final String reference;
        final String token;
        final long amountMinor;
        final String currency;
        final Scenario scenario;
        final String notifyUrl;
        final Map<String, Refund> refunds = new LinkedHashMap<>();
        String status;
        String declineCode;
        Instant paidAt;
        boolean refundRefusedOnce;

        Charge(String id, String reference, String token, long amountMinor, String currency, Scenario scenario,
               String notifyUrl, String status) {
            this.id = id;
            this.reference = reference;
            this.token = token;
            this.amountMinor = amountMinor;
            this.currency = currency;
            this.scenario = scenario;
            this.notifyUrl = notifyUrl;
            this.status = status;
        }

        long refundedMinor() {
            return refunds.values().stream().mapToLong(Refund::amountMinor).sum();
        }

        JsonObject json() {
            return new JsonObject().put("chargeId", id).put("reference", reference).put("status", status)
                    .put("amountMinor", amountMinor).put("currency", currency).put("declineCode", declineCode)
                    .put("paidAt", paidAt == null ? null : paidAt.toString()).put("refundedMinor", refundedMinor());
        }
    }

    /** A statement line changed on purpose, so reconciliation has something to find. */
    private record PlantedMismatch(LocalDate day, String kind, String reference) {}

    private final StackLayout layout;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Card> cards = new ConcurrentHashMap<>();
    private final Map<String, Charge> byReference = new ConcurrentHashMap<>();
    private final Map<String, Charge> byId = new ConcurrentHashMap<>();
    private final List<PlantedMismatch> mismatches = new ArrayList<>();
    private int unavailableCalls;
    private String unavailableReference;
    private String webhookSecret;
    private Vertx vertx;
    private HttpClient webhooks;

    SandboxPaymentGateway(StackLayout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return "sandbox-pay";
    }

    @Override
    public int port() {
        return Ports.SANDBOX_PAY;
    }

    @Override
    public void start() throws Exception {
        loadOrMakeWebhookSecret();
        vertx = Vertx.vertx();
        webhooks = vertx.createHttpClient();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(16_384));
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/hosted-fields").handler(this::hostedFields);
        router.post("/v1/tokens").handler(this::tokenise);
        router.post("/v1/test/unavailable").handler(this::makeUnavailable);
        router.post("/v1/test/statement-mismatches").handler(this::plantMismatch);
        router.route("/v1/charges*").handler(this::unavailableOnRequest);
        router.route("/v1/statements/*").handler(this::unavailableOnRequest);
        router.post("/v1/charges").handler(this::charge);
        router.get("/v1/charges/by-reference/:reference").handler(this::query);
        router.post("/v1/charges/by-reference/:reference/close").handler(this::close);
        router.post("/v1/charges/by-reference/:reference/void").handler(this::voidCharge);
        router.post("/v1/charges/:chargeId/refunds").handler(this::refund);
        router.get("/v1/statements/:day").handler(this::statement);
        HttpServer server = vertx.createHttpServer().requestHandler(router)
                .listen(Ports.SANDBOX_PAY, Readiness.HOST)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (server.actualPort() != Ports.SANDBOX_PAY) {
            throw new IllegalStateException("The sandbox payment gateway could not bind port " + Ports.SANDBOX_PAY);
        }
    }

    /**
     * Made at the first start and kept in {@code .stack/} like the stack's data, readable by its owner
     * only, so that pay, whose dev, local and test profiles load the file, and this sandbox agree
     * across restarts of either.
     */
    private void loadOrMakeWebhookSecret() throws Exception {
        Path file = layout.home().resolve(SECRET_FILE);
        if (Files.isRegularFile(file)) {
            String line = Files.readString(file).strip();
            if (line.startsWith(SECRET_PROPERTY + "=whsec_")) {
                webhookSecret = line.substring(SECRET_PROPERTY.length() + 1);
                return;
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        webhookSecret = "whsec_" + HexFormat.of().formatHex(bytes);
        Files.createDirectories(file.getParent());
        Path fresh = file.resolveSibling(SECRET_FILE + ".tmp");
        Files.deleteIfExists(fresh);
        Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(fresh, SECRET_PROPERTY + "=" + webhookSecret + "\n");
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    // --- The hosted field and tokens: the only place card data goes ---

    private void hostedFields(RoutingContext ctx) {
        String origin = ctx.queryParams().get("origin");
        if (!isOrigin(origin)) {
            error(ctx, 400, "origin_required", "origin must be the embedding page's origin, e.g. http://localhost:8080");
            return;
        }
        String nonce = randomLetters(24);
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; "
                        + "style-src 'nonce-" + nonce + "'; connect-src 'self'; form-action 'none'; base-uri 'none'; "
                        + "frame-ancestors " + origin)
                .putHeader("Cache-Control", "no-store")
                .putHeader("Referrer-Policy", "no-referrer")
                .end(HostedFieldsPage.render(origin, nonce));
    }

    private static boolean isOrigin(String origin) {
        if (origin == null || !origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
            return false;
        }
        return URI.create(origin).getHost() != null;
    }

    private void tokenise(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        String number = body == null ? null : body.getString("number");
        String cvc = body == null ? null : body.getString("cvc");
        Integer month = body == null ? null : intOrNull(body, "expMonth");
        Integer year = body == null ? null : intOrNull(body, "expYear");
        number = number == null ? null : number.replaceAll("[ -]", "");
        if (number == null || !number.matches("[0-9]{13,19}") || !luhnValid(number)) {
            error(ctx, 400, "incorrect_number", "the card number is not a valid card number");
        } else if (month == null || year == null || month < 1 || month > 12
                || YearMonth.of(year < 100 ? 2000 + year : year, month).isBefore(YearMonth.now(STATEMENT_ZONE))) {
            error(ctx, 400, "invalid_expiry", "the expiry date is not a valid future month");
        } else if (cvc == null || !cvc.matches(number.startsWith("34") || number.startsWith("37") ? "[0-9]{4}" : "[0-9]{3}")) {
            error(ctx, 400, "invalid_cvc", "the security code is not valid for this card");
        } else {
            Card card = new Card(number, brandOf(number), number.substring(number.length() - 4), scenarioOf(number));
            String token = "tok_card_" + randomLetters(24);
            cards.put(token, card);
            ctx.json(new JsonObject().put("token", token).put("brand", card.brand()).put("last4", card.last4()));
        }
    }

    private static Integer intOrNull(JsonObject body, String key) {
        Object value = body.getValue(key);
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value instanceof String s && s.matches("[0-9]{1,4}") ? Integer.valueOf(s) : null;
    }

    private static Scenario scenarioOf(String number) {
        return switch (number) {
            case CARD_DECLINE -> Scenario.DECLINE;
            case CARD_INSUFFICIENT_FUNDS -> Scenario.INSUFFICIENT_FUNDS;
            case CARD_LATE -> Scenario.LATE;
            case CARD_REFUND_UNAVAILABLE -> Scenario.REFUND_UNAVAILABLE;
            default -> Scenario.SUCCESS;
        };
    }

    private static String brandOf(String number) {
        if (number.startsWith("4")) {
            return "visa";
        } else if (number.matches("5[1-5].*|2[2-7].*")) {
            return "mastercard";
        } else if (number.matches("3[47].*")) {
            return "amex";
        } else if (number.startsWith("62")) {
            return "unionpay";
        }
        return "unknown";
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, n = 0; i >= 0; i--, n++) {
            int d = digits.charAt(i) - '0';
            sum += n % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }

    private Scenario scenarioOfToken(String token) {
        Card card = cards.get(token);
        if (card != null) {
            return card.scenario();
        }
        return switch (token) {
            case "tok_sandbox_success" -> Scenario.SUCCESS;
            case "tok_sandbox_refund_unavailable" -> Scenario.REFUND_UNAVAILABLE;
            case "tok_sandbox_decline" -> Scenario.DECLINE;
            case "tok_sandbox_timeout" -> Scenario.LEGACY_TIMEOUT;
            default -> null;
        };
    }

    // --- Charges ---

    private void charge(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        String reference = body == null ? null : body.getString("reference");
        String token = body == null ? null : body.getString("token");
        Long amount = body == null ? null : body.getLong("amountMinor");
        if (reference == null || token == null || amount == null || body.getString("currency") == null) {
            error(ctx, 400, "invalid_request", "reference, token, amountMinor and currency are required");
            return;
        }
        Scenario scenario = scenarioOfToken(token);
        if (scenario == null) {
            error(ctx, 400, "unknown_token", "unknown token; tokenise a card through /hosted-fields, or use "
                    + "tok_sandbox_success, tok_sandbox_decline, tok_sandbox_timeout or tok_sandbox_refund_unavailable");
            return;
        }
        Charge fresh = new Charge("ch_" + randomLetters(24), reference, token, amount, body.getString("currency"),
                scenario, body.getString("notifyUrl"), switch (scenario) {
                    case SUCCESS, REFUND_UNAVAILABLE, LEGACY_TIMEOUT -> "CAPTURED";
                    case DECLINE, INSUFFICIENT_FUNDS -> "DECLINED";
                    case LATE -> "PENDING";
                });
        Charge charge = byReference.computeIfAbsent(reference, r -> fresh);
        if (charge == fresh) {
            byId.put(charge.id, charge);
            settleAtOnce(charge);
        }
        if (charge.token != null && (!charge.token.equals(token) || charge.amountMinor != amount)) {
            error(ctx, 409, "reference_reused", "this reference was used for a different charge");
        } else if (charge == fresh && (scenario == Scenario.LATE || scenario == Scenario.LEGACY_TIMEOUT)) {
            vertx.setTimer(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS), t -> answer(ctx, charge));
        } else {
            answer(ctx, charge);
        }
    }

    private void settleAtOnce(Charge charge) {
        switch (charge.scenario) {
            case DECLINE -> charge.declineCode = "card_declined";
            case INSUFFICIENT_FUNDS -> charge.declineCode = "insufficient_funds";
            case LATE -> vertx.setTimer(LATE_SETTLEMENT.toMillis(), t -> settleLate(charge));
            default -> charge.paidAt = Instant.now();
        }
    }

    /** A pending charge goes through, unless it was closed meanwhile; whoever asked is told by webhook. */
    private void settleLate(Charge charge) {
        if (!charge.status.equals("PENDING")) {
            return;
        }
        charge.status = "CAPTURED";
        charge.paidAt = Instant.now();
        if (charge.notifyUrl != null) {
            var event = new JsonObject().put("id", "evt_" + randomLetters(24)).put("type", "charge.succeeded")
                    .put("created", charge.paidAt.getEpochSecond()).put("data", charge.json());
            deliver(charge.notifyUrl, event.encode(), Instant.now().plus(WEBHOOK_RETRY_FOR), 1);
        }
    }

    private static void answer(RoutingContext ctx, Charge charge) {
        if (ctx.response().closed()) {
            return;
        }
        int status = switch (charge.status) {
            case "CAPTURED" -> 200;
            case "PENDING" -> 202;
            case "DECLINED" -> 402;
            default -> 409;
        };
        ctx.response().setStatusCode(status);
        JsonObject json = charge.json();
        if (status == 409) {
            json.put("code", "charge_closed").put("error", "this reference was closed and can no longer be paid");
        }
        ctx.json(json);
    }

    private void query(RoutingContext ctx) {
        Charge charge = byReference.get(ctx.pathParam("reference"));
        if (charge == null) {
            error(ctx, 404, "no_such_charge", "no charge under this reference");
        } else {
            ctx.json(charge.json());
        }
    }

    /** A pending charge, or a reference never charged, is closed for good; a captured one stays captured. */
    private void close(RoutingContext ctx) {
        String reference = ctx.pathParam("reference");
        Charge charge = byReference.computeIfAbsent(reference,
                r -> new Charge("ch_" + randomLetters(24), r, null, 0, null, null, null, "CLOSED"));
        byId.putIfAbsent(charge.id, charge);
        if (charge.status.equals("PENDING")) {
            charge.status = "CLOSED";
        }
        ctx.json(charge.json());
    }

    /** As before the card channel: a timed-out charge is voided, given back if it was captured. */
    private void voidCharge(RoutingContext ctx) {
        Charge charge = byReference.get(ctx.pathParam("reference"));
        if (charge == null) {
            ctx.json(new JsonObject().put("status", "NO_CHARGE"));
            return;
        }
        if (charge.status.equals("CAPTURED") || charge.status.equals("PENDING")) {
            charge.status = "VOIDED";
        }
        ctx.json(charge.json());
    }

    /**
     * Idempotent by refund reference: the same reference answers as the first time did. A refund
     * without one (pay's first gateway) is the charge's one full refund.
     */
    private void refund(RoutingContext ctx) {
        Charge charge = byId.get(ctx.pathParam("chargeId"));
        JsonObject body = jsonBody(ctx);
        Long amount = body == null ? null : body.getLong("amountMinor");
        if (charge == null || charge.token == null) {
            error(ctx, 404, "no_such_charge", "no such charge");
            return;
        }
        if (amount == null || amount <= 0) {
            error(ctx, 400, "invalid_amount", "amountMinor must be a positive whole number");
            return;
        }
        String refundReference = body.getString("refundReference", "full-refund-of-" + charge.id);
        if (charge.scenario == Scenario.REFUND_UNAVAILABLE && !charge.refundRefusedOnce) {
            charge.refundRefusedOnce = true;
            error(ctx, 503, "refunds_unavailable", "refunds are unavailable for a moment");
            return;
        }
        Refund earlier = charge.refunds.get(refundReference);
        if (earlier != null) {
            if (earlier.amountMinor() == amount) {
                ctx.json(earlier.json(charge));
            } else {
                error(ctx, 409, "refund_reference_reused", "this refund reference was used for another amount");
            }
        } else if (!charge.status.equals("CAPTURED")) {
            error(ctx, 409, "charge_not_refundable", "a " + charge.status + " charge cannot be refunded");
        } else if (amount > charge.amountMinor - charge.refundedMinor()) {
            error(ctx, 409, "amount_exceeds_remaining", "only " + (charge.amountMinor - charge.refundedMinor())
                    + " is left to refund");
        } else {
            Refund refund = new Refund("re_" + randomLetters(24), refundReference, amount, Instant.now());
            charge.refunds.put(refundReference, refund);
            ctx.json(refund.json(charge));
        }
    }

    private void statement(RoutingContext ctx) {
        LocalDate day;
        try {
            day = LocalDate.parse(ctx.pathParam("day"));
        } catch (DateTimeParseException e) {
            error(ctx, 400, "invalid_day", "the day is yyyy-MM-dd");
            return;
        }
        var lines = new StringBuilder();
        for (Charge charge : byId.values().stream().sorted((a, b) -> a.id.compareTo(b.id)).toList()) {
            if (charge.paidAt != null && onDay(charge.paidAt, day) && !planted(day, "MISSING", charge.reference)) {
                long amount = charge.amountMinor + (planted(day, "AMOUNT", charge.reference) ? 1 : 0);
                lines.append(line("charge", charge, charge.id, amount, charge.paidAt)).append('\n');
            }
            for (Refund refund : charge.refunds.values()) {
                if (onDay(refund.at(), day)) {
                    lines.append(line("refund", charge, refund.id(), refund.amountMinor(), refund.at())
                            .put("refundReference", refund.refundReference())).append('\n');
                }
            }
        }
        synchronized (mismatches) {
            mismatches.stream().filter(m -> m.day().equals(day) && m.kind().equals("EXTRA")).forEach(m -> lines.append(
                    new JsonObject().put("type", "charge").put("reference", m.reference()).put("id", "ch_planted")
                            .put("amountMinor", 100).put("currency", "CNY")
                            .put("at", day.atTime(12, 0).atZone(STATEMENT_ZONE).toInstant().toString()))
                    .append('\n'));
        }
        ctx.response().putHeader("Content-Type", "application/x-ndjson").end(lines.toString());
    }

    private static JsonObject line(String type, Charge charge, String id, long amount, Instant at) {
        return new JsonObject().put("type", type).put("reference", charge.reference).put("chargeId", charge.id)
                .put("id", id).put("amountMinor", amount).put("currency", charge.currency).put("at", at.toString());
    }

    private static boolean onDay(Instant at, LocalDate day) {
        return at.atZone(STATEMENT_ZONE).toLocalDate().equals(day);
    }

    private boolean planted(LocalDate day, String kind, String reference) {
        synchronized (mismatches) {
            return mismatches.contains(new PlantedMismatch(day, kind, reference));
        }
    }

    // --- Webhooks ---

    private void deliver(String url, String body, Instant giveUpAt, int attempt) {
        long timestamp = Instant.now().getEpochSecond();
        String signature = "t=" + timestamp + ",v1=" + sign(timestamp + "." + body);
        var options = new RequestOptions().setAbsoluteURI(url).setMethod(HttpMethod.POST).setTimeout(10_000)
                .putHeader("Content-Type", "application/json").putHeader(SIGNATURE_HEADER, signature);
        webhooks.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(result -> {
                    boolean delivered = result.succeeded() && result.result() / 100 == 2;
                    if (!delivered && Instant.now().isBefore(giveUpAt)) {
                        long backoff = Math.min(60_000, 500L << Math.min(attempt, 7));
                        vertx.setTimer(backoff, t -> deliver(url, body, giveUpAt, attempt + 1));
                    }
                });
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- Controls for tests ---

    private void makeUnavailable(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        Integer calls = body == null ? null : body.getInteger("calls");
        if (calls == null || calls < 0) {
            error(ctx, 400, "invalid_request", "calls must be 0 or more");
            return;
        }
        synchronized (this) {
            unavailableCalls = calls;
            unavailableReference = body.getString("reference");
        }
        ctx.json(new JsonObject().put("calls", calls).put("reference", body.getString("reference")));
    }

    private void unavailableOnRequest(RoutingContext ctx) {
        boolean refuse;
        synchronized (this) {
            refuse = unavailableCalls > 0 && (unavailableReference == null || concerns(ctx, unavailableReference));
            if (refuse) {
                unavailableCalls--;
            }
        }
        if (refuse) {
            error(ctx, 503, "unavailable", "the PSP is unavailable for a moment");
        } else {
            ctx.next();
        }
    }

    private boolean concerns(RoutingContext ctx, String reference) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/v1/charges/by-reference/")) {
            return path.split("/")[4].equals(reference);
        }
        JsonObject body = jsonBody(ctx);
        if (body != null && reference.equals(body.getString("reference"))) {
            return true;
        }
        Charge charge = byReference.get(reference);
        return charge != null && path.startsWith("/v1/charges/" + charge.id + "/");
    }

    private void plantMismatch(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        try {
            var mismatch = new PlantedMismatch(LocalDate.parse(body.getString("day")), body.getString("kind"),
                    body.getString("reference"));
            if (!List.of("MISSING", "EXTRA", "AMOUNT").contains(mismatch.kind()) || mismatch.reference() == null) {
                throw new IllegalArgumentException();
            }
            synchronized (mismatches) {
                mismatches.add(mismatch);
            }
            ctx.json(body);
        } catch (RuntimeException e) {
            error(ctx, 400, "invalid_request", "day (yyyy-MM-dd), kind (MISSING, EXTRA or AMOUNT) and reference are required");
        }
    }

    // --- Plumbing ---

    private static JsonObject jsonBody(RoutingContext ctx) {
        try {
            return ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Random letters only: an id of digits could look like a card number to the PCI scan. */
    private String randomLetters(int length) {
        var id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return id.toString();
    }

    private static void error(RoutingContext ctx, int status, String code, String message) {
        ctx.response().setStatusCode(status);
        ctx.json(new JsonObject().put("code", code).put("error", message));
    }

    @Override
    public String version() {
        return "Quarkmall sandbox payment gateway on http://" + Readiness.HOST + ":" + Ports.SANDBOX_PAY;
    }

    @Override
    public void close() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The hosted card field: the card goes from this page to the PSP's own /v1/tokens, and only a token leaves it. */
    static final class HostedFieldsPage {

        private HostedFieldsPage() {
        }

        /** @param origin already checked to be scheme, host and port only, so it is safe inside the script's quotes */
        static String render(String origin, String nonce) {
            return PAGE.replace("__ORIGIN__", origin).replace("__NONCE__", nonce);
        }

        private static final String PAGE = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Card</title>
                <style nonce="__NONCE__">body{font:14px system-ui,sans-serif;margin:0}label{display:block;margin:4px 0}
                input{font:inherit;padding:6px;margin-top:2px}#number{width:15em}#exp,#cvc{width:5em}
                #error{color:#b00020;min-height:1.2em}</style></head>
                <body><form id="card" novalidate>
                <label>Card number <input id="number" inputmode="numeric" autocomplete="cc-number" maxlength="23" required></label>
                <label>Expiry (MM/YY) <input id="exp" autocomplete="cc-exp" maxlength="7" placeholder="MM/YY" required></label>
                <label>CVC <input id="cvc" inputmode="numeric" autocomplete="cc-csc" maxlength="4" required></label>
                <button type="submit" id="pay">Use this card</button><p id="error" role="alert"></p></form>
                <script nonce="__NONCE__">
                'use strict';
                const parentOrigin = '__ORIGIN__';
                const form = document.getElementById('card');
                form.addEventListener('submit', async (event) => {
                  event.preventDefault();
                  const exp = document.getElementById('exp').value.split('/');
                  const card = {number: document.getElementById('number').value,
                    expMonth: parseInt(exp[0], 10), expYear: parseInt(exp[1], 10),
                    cvc: document.getElementById('cvc').value};
                  document.getElementById('error').textContent = '';
                  try {
                    const response = await fetch('/v1/tokens', {method: 'POST',
                      headers: {'Content-Type': 'application/json'}, body: JSON.stringify(card)});
                    const answer = await response.json();
                    if (!response.ok) {
                      document.getElementById('error').textContent = answer.error;
                      return;
                    }
                    form.reset();
                    window.parent.postMessage({type: 'quarkmall-card-token', token: answer.token,
                      brand: answer.brand, last4: answer.last4}, parentOrigin);
                  } catch (e) {
                    document.getElementById('error').textContent = 'The card could not be checked; try again.';
                  }
                });
                </script></body></html>
                """;
    }
}
