package io.quarkmall.pay.channel.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.common.money.Money;
import io.quarkmall.pay.channel.ChannelUnavailable;
import io.quarkmall.pay.channel.InvalidNotification;
import io.quarkmall.pay.channel.PaymentChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cards through the PSP: the storefront's hosted field (the PSP's own page) turns a card into a
 * token, and pay charges the token; a card number never reaches pay, and one given where a token
 * belongs is refused here, before anything is sent. Authorisation and capture are one call, so a
 * charge is settled at once, or pending when the PSP did not answer in time (the query or the
 * PSP's signed webhook then says how it ended).
 */
@ApplicationScoped
public class CardChannel implements PaymentChannel {

    public static final String NAME = "card";
    /** A PSP token. A card number is digits only, so it never matches. */
    static final Pattern TOKEN = Pattern.compile("tok_[A-Za-z0-9_]{1,100}");
    static final String SIGNATURE_HEADER = "quarkmall-psp-signature";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json;
    private final CardConfig config;
    private final Clock clock;

    CardChannel(ObjectMapper json, CardConfig config, Clock clock) {
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Started start(ChargeRequest request) {
        if (request.presentation() != Presentation.TOKEN) {
            throw new IllegalArgumentException("The card channel charges PSP tokens only");
        }
        if (request.token() == null || !TOKEN.matcher(request.token()).matches()) {
            throw new IllegalArgumentException("A card is charged by its PSP token (tok_...); a card number is never sent");
        }
        var body = new LinkedHashMap<String, Object>(Map.of("reference", request.reference(), "token", request.token(),
                "amountMinor", request.amount().amountMinor(), "currency", request.amount().currency(),
                "description", request.subject() == null ? "" : request.subject()));
        config.notifyUrl().ifPresent(url -> body.put("notifyUrl", url.toString()));
        Answer answer;
        try {
            answer = call(HttpRequest.newBuilder(uri("/v1/charges")).POST(jsonBody(body)));
        } catch (HttpTimeoutException e) {
            return new Started.Settled(new ChannelState.Pending(request.reference()));
        }
        return switch (answer.status()) {
            case 200, 202, 402 -> new Started.Settled(state(answer.body()));
            case 409 -> {
                if (answer.code().equals("charge_closed")) {
                    yield new Started.Settled(new ChannelState.Closed(request.reference()));
                }
                throw new IllegalStateException("Reference " + request.reference() + " was charged with another token or amount");
            }
            case 400 -> new Started.Settled(new ChannelState.Failed(request.reference(), "invalid_token"));
            default -> throw unavailable("charge", answer);
        };
    }

    @Override
    public ChannelState query(String reference) {
        Answer answer = callOrUnavailable(HttpRequest.newBuilder(uri("/v1/charges/by-reference/" + encode(reference))).GET());
        return switch (answer.status()) {
            case 200 -> state(answer.body());
            case 404 -> new ChannelState.NotFound(reference);
            default -> throw unavailable("query", answer);
        };
    }

    @Override
    public ChannelState close(String reference) {
        Answer answer = callOrUnavailable(HttpRequest.newBuilder(
                uri("/v1/charges/by-reference/" + encode(reference) + "/close")).POST(jsonBody(Map.of())));
        if (answer.status() != 200) {
            throw unavailable("close", answer);
        }
        return state(answer.body());
    }

    @Override
    public RefundState refund(String reference, String refundReference, Money amount, Money total) {
        Answer charge = callOrUnavailable(HttpRequest.newBuilder(uri("/v1/charges/by-reference/" + encode(reference))).GET());
        if (charge.status() == 404) {
            return new RefundState.Refused(refundReference, "no_such_charge");
        } else if (charge.status() != 200) {
            throw unavailable("refund", charge);
        } else if (charge.body().path("amountMinor").asLong() != total.amountMinor()
                || !charge.body().path("currency").asText().equals(total.currency())) {
            return new RefundState.Refused(refundReference, "total_mismatch");
        }
        Answer answer = callOrUnavailable(HttpRequest.newBuilder(uri("/v1/charges/"
                + encode(charge.body().path("chargeId").asText()) + "/refunds")).POST(jsonBody(Map.of(
                "amountMinor", amount.amountMinor(), "refundReference", refundReference))));
        return switch (answer.status()) {
            case 200 -> new RefundState.Refunded(refundReference, answer.body().path("refundId").asText(),
                    new Money(answer.body().path("amountMinor").asLong(), answer.body().path("currency").asText()));
            case 400, 404, 409 -> new RefundState.Refused(refundReference, answer.code());
            default -> throw unavailable("refund", answer);
        };
    }

    @Override
    public ChannelState verifyNotification(Map<String, String> headers, String body) {
        String secret = config.webhookSecret().filter(s -> !s.isBlank())
                .orElseThrow(() -> new InvalidNotification("no card webhook secret is configured"));
        CardWebhookSignature.verify(secret, headers.get(SIGNATURE_HEADER), body, clock.instant());
        try {
            JsonNode data = json.readTree(body).path("data");
            if (!data.path("reference").isTextual()) {
                throw new InvalidNotification("card webhook without a charge");
            }
            return state(data);
        } catch (JsonProcessingException | RuntimeException e) {
            throw e instanceof InvalidNotification invalid ? invalid : new InvalidNotification("unreadable card webhook", e);
        }
    }

    @Override
    public Acknowledgement acknowledgement() {
        return new Acknowledgement(200, "application/json", "{\"received\":true}");
    }

    /** The PSP's JSON lines of the day: captures (their charge id) and refunds (their refund id). */
    @Override
    public List<StatementLine> statement(LocalDate day) {
        Answer answer = callOrUnavailable(HttpRequest.newBuilder(uri("/v1/statements/" + day)).GET());
        if (answer.status() != 200) {
            throw unavailable("statement", answer);
        }
        var lines = new ArrayList<StatementLine>();
        for (String text : answer.text().split("\n")) {
            if (!text.isBlank()) {
                JsonNode line = readJson(text);
                lines.add(new StatementLine(line.path("reference").asText(), line.path("id").asText(),
                        line.path("type").asText().equals("refund") ? StatementLine.Kind.REFUND : StatementLine.Kind.PAYMENT,
                        new Money(line.path("amountMinor").asLong(), line.path("currency").asText()),
                        Instant.parse(line.path("at").asText())));
            }
        }
        return lines;
    }

    /** A charge as the PSP describes it (answers and webhooks alike). */
    private ChannelState state(JsonNode charge) {
        String reference = charge.path("reference").asText();
        return switch (charge.path("status").asText()) {
            case "PENDING" -> new ChannelState.Pending(reference);
            case "CAPTURED" -> new ChannelState.Paid(reference, charge.path("chargeId").asText(),
                    new Money(charge.path("amountMinor").asLong(), charge.path("currency").asText()), null,
                    Instant.parse(charge.path("paidAt").asText()));
            case "DECLINED" -> new ChannelState.Failed(reference, charge.path("declineCode").asText("card_declined"));
            case "CLOSED", "VOIDED" -> new ChannelState.Closed(reference);
            default -> throw new ChannelUnavailable(NAME, "the PSP named an unknown charge status");
        };
    }

    private record Answer(int status, String text, JsonNode body) {
        String code() {
            return body.path("code").asText("unknown");
        }
    }

    private Answer callOrUnavailable(HttpRequest.Builder request) {
        try {
            return call(request);
        } catch (HttpTimeoutException e) {
            throw new ChannelUnavailable(NAME, "the PSP did not answer in " + config.timeout().toMillis() + " ms", e);
        }
    }

    private Answer call(HttpRequest.Builder request) throws HttpTimeoutException {
        try {
            HttpResponse<String> response = http.send(request.timeout(config.timeout())
                    .header("Content-Type", "application/json").header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            return new Answer(response.statusCode(), text, isJson ? readJson(text) : json.createObjectNode());
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw new ChannelUnavailable(NAME, "the PSP could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailable(NAME, "interrupted", e);
        }
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ChannelUnavailable(NAME, "the PSP answered something other than JSON", e);
        }
    }

    private HttpRequest.BodyPublisher jsonBody(Map<String, Object> body) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(config.url() + path);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ChannelUnavailable unavailable(String call, Answer answer) {
        return new ChannelUnavailable(NAME, call + " answered " + answer.status() + " (" + answer.code() + ")");
    }
}
