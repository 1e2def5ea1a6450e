package io.quarkmall.shipping.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkmall.shipping.config.ShippingConfig;
import io.quarkmall.shipping.domain.DeliveryService;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The EasyPost-like international label API: we register our webhook, create a shipment for the parcel (by our
 * reference, its weight in ounces), buy the rate of the service the order chose (DHL Express for express, USPS
 * First-Class International for standard) and get its tracking code and label; it sends each scan as a
 * {@code tracker.updated} event with the tracker's whole history ({@link EasyPostTracking}). Calls carry our API key
 * as the HTTP Basic user. A 429 (with its Retry-After), a 5xx, a timeout or a refused connection is an API that is
 * unavailable for now; another 4xx a refusal.
 */
@ApplicationScoped
class EasyPost implements CarrierApi {

    static final String CODE = "easypost";
    /** A parcel without a weight is priced as the mall's rate card counts it: 500 g. */
    private static final int DEFAULT_GRAMS = 500;
    private static final double GRAMS_PER_OUNCE = 28.349523125;

    private final ShippingConfig.EasyPost config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    EasyPost(ShippingConfig config, ObjectMapper json) {
        this.config = config.easypost();
        this.json = json;
    }

    @Override
    public String code() {
        return CODE;
    }

    /** Creates (the same shipment again, for our reference) and buys; a shipment bought before keeps its tracking code. */
    @Override
    public Booked book(long orderId, DeliveryService service, Optional<Integer> weightGrams) {
        ObjectNode webhook = json.createObjectNode();
        webhook.putObject("webhook").put("url", config.webhookUrl()).put("webhook_secret", webhookSecret());
        expect(call("POST", "/v2/webhooks", webhook), "webhook registration");
        ObjectNode create = json.createObjectNode();
        ObjectNode shipment = create.putObject("shipment").put("reference", CarrierApi.reference(orderId));
        shipment.putObject("parcel").put("weight", ounces(weightGrams.orElse(DEFAULT_GRAMS)));
        shipment.putObject("options").put("label_format", "PDF");
        JsonNode created = expect(call("POST", "/v2/shipments", create), "shipment");
        if (!created.path("tracking_code").asText("").isBlank()) {
            return booked(created);
        }
        String carrier = service == DeliveryService.EXPRESS ? "DHLExpress" : "USPS";
        String rateId = null;
        for (JsonNode rate : created.path("rates")) {
            if (carrier.equals(rate.path("carrier").asText())) {
                rateId = rate.path("id").asText();
            }
        }
        if (rateId == null) {
            throw new CarrierRefused("the label API offered no " + carrier + " rate for order " + orderId);
        }
        ObjectNode buy = json.createObjectNode();
        buy.putObject("rate").put("id", rateId);
        String shipmentId = created.path("id").asText();
        HttpResponse<String> bought = call("POST", "/v2/shipments/" + shipmentId + "/buy", buy);
        JsonNode answer = bought.statusCode() == 422 && errorCode(bought).equals("SHIPMENT.POSTAGE.EXISTS")
                ? expect(call("GET", "/v2/shipments/" + shipmentId, null), "shipment")
                : expect(bought, "purchase");
        if (answer.path("tracking_code").asText("").isBlank()) {
            throw new CarrierUnavailable("the label API answered a purchase without a tracking code", null);
        }
        return booked(answer);
    }

    /** A bought shipment's tracking code, and its label's URL (an http(s) one, or none). */
    private static Booked booked(JsonNode shipment) {
        String label = shipment.path("postage_label").path("label_url").asText("");
        return new Booked(shipment.path("tracking_code").asText(),
                label.matches("https?://\\S{1,500}") ? label : null);
    }

    /** Voids the label; a shipment never created there has nothing to collect. */
    @Override
    public boolean callOff(long orderId) {
        HttpResponse<String> answer = call("POST", "/v2/shipments/" + CarrierApi.reference(orderId) + "/refund",
                json.createObjectNode());
        if (answer.statusCode() == 200 || answer.statusCode() == 404) {
            return true;
        }
        if (answer.statusCode() == 422 && errorCode(answer).equals("SHIPMENT.REFUND.UNAVAILABLE")) {
            return false;
        }
        throw new CarrierRefused("the label API refused to void the label: " + answer.statusCode() + " " + answer.body());
    }

    @Override
    public CarrierPush read(Map<String, String> headers, byte[] body, Instant now) {
        return EasyPostTracking.read(json, webhookSecret(), config.tolerance(), headers, body, now);
    }

    @Override
    public Map<String, Object> acknowledgement() {
        return Map.of("received", true);
    }

    private HttpResponse<String> call(String method, String path, ObjectNode body) {
        String key = config.apiKey().orElseThrow(() -> new CarrierRefused("no API key for the easypost label API "
                + "(QUARKMALL_SHIPPING_EASYPOST_API_KEY)"));
        var request = HttpRequest.newBuilder(config.url().resolve(path)).timeout(Duration.ofSeconds(3))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return CarrierHttp.send(http, request, "the label API");
    }

    /** The JSON of a 2xx answer; a refusal otherwise. */
    private JsonNode expect(HttpResponse<String> answer, String what) {
        return CarrierHttp.object(json, answer.body().getBytes(StandardCharsets.UTF_8))
                .filter(body -> answer.statusCode() / 100 == 2)
                .orElseThrow(() -> new CarrierRefused("the label API refused the " + what + ": " + answer.statusCode() + " "
                        + answer.body()));
    }

    private String errorCode(HttpResponse<String> answer) {
        return CarrierHttp.object(json, answer.body().getBytes(StandardCharsets.UTF_8))
                .map(body -> body.path("error").path("code").asText("")).orElse("");
    }

    /** Ounces, rounded up to the tenth, as the label API weighs. */
    static double ounces(int grams) {
        return Math.ceil(grams / GRAMS_PER_OUNCE * 10) / 10;
    }

    private String webhookSecret() {
        return config.webhookSecret().orElseThrow(() -> InvalidPush.unauthenticated("no webhook secret is configured for easypost"));
    }

    @Override
    public Optional<String> unusableBecause() {
        if (config.apiKey().isEmpty()) {
            return Optional.of("no API key (QUARKMALL_SHIPPING_EASYPOST_API_KEY)");
        }
        return config.webhookSecret().filter(secret -> secret.length() >= 16).isPresent() ? Optional.empty()
                : Optional.of("no webhook secret of 16 characters or more (QUARKMALL_SHIPPING_EASYPOST_WEBHOOK_SECRET)");
    }
}
