package io.quarkmall.shipping.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkmall.shipping.config.ShippingConfig;
import io.quarkmall.shipping.domain.DeliveryService;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The Kuaidi100-like aggregator: it books our parcel with one of the carriers it aggregates (SF for express,
 * YTO for standard delivery: {@code POST /order/borderapi.do}, {@code method=bOrder}), we subscribe to the
 * tracking number it returns ({@code POST /poll}), and it pushes the parcel's whole history at every scan
 * ({@link Kd100Tracking}). Each call is a form signed with MD5 over {@code param + t + key + secret}, as
 * Kuaidi100 signs. It answers HTTP 200 with a {@code returnCode}; a 429 (with its Retry-After), a 5xx, a
 * timeout or a refused connection is an aggregator unavailable for now, another returnCode a refusal.
 */
@ApplicationScoped
class Kuaidi100 implements CarrierApi {

    static final String CODE = "kd100";

    private final ShippingConfig.Kd100 config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Kuaidi100(ShippingConfig config, ObjectMapper json) {
        this.config = config.kd100();
        this.json = json;
    }

    @Override
    public String code() {
        return CODE;
    }

    /** Books (the same number again if booked before), then subscribes the number (a repeated subscription is fine). */
    @Override
    public Booked book(long orderId, DeliveryService service, Optional<Integer> weightGrams) {
        String carrier = service == DeliveryService.EXPRESS ? "shunfeng" : "yuantong";
        ObjectNode order = json.createObjectNode().put("partnerOrderId", CarrierApi.reference(orderId))
                .put("kuaidicom", carrier).put("cargo", "Quarkmall order " + orderId);
        weightGrams.ifPresent(grams -> order.put("weight", grams / 1000.0));
        JsonNode booked = call("/order/borderapi.do", "bOrder", order);
        String number = booked.path("data").path("kuaidinum").asText("");
        if (!returned(booked, "200") || number.isBlank()) {
            throw refusal("booking", booked);
        }
        ObjectNode subscription = json.createObjectNode().put("company", booked.path("data").path("kuaidicom").asText(carrier))
                .put("number", number);
        subscription.putObject("parameters").put("callbackurl", config.callbackUrl()).put("salt", salt());
        JsonNode subscribed = call("/poll", null, subscription);
        if (!returned(subscribed, "200") && !returned(subscribed, "501")) { // 501: subscribed already
            throw refusal("subscription", subscribed);
        }
        return new Booked(number, null);
    }

    @Override
    public boolean callOff(long orderId) {
        JsonNode answer = call("/order/borderapi.do", "cancel",
                json.createObjectNode().put("partnerOrderId", CarrierApi.reference(orderId)));
        if (returned(answer, "200") || returned(answer, "404")) {
            return true; // called off, or never booked there: nothing to collect either way
        }
        if (returned(answer, "409")) {
            return false;
        }
        throw refusal("cancellation", answer);
    }

    @Override
    public CarrierPush read(Map<String, String> headers, byte[] body, Instant now) {
        return Kd100Tracking.read(json, salt(), config.tolerance(), body, now);
    }

    /** Posts a signed form; the aggregator's JSON answer to it, once it answered HTTP 200. */
    private JsonNode call(String path, String method, ObjectNode param) {
        String secret = config.secret().orElseThrow(() -> new CarrierRefused("no secret for the kd100 aggregator "
                + "(QUARKMALL_SHIPPING_KD100_SECRET)"));
        String text = param.toString();
        String t = Long.toString(System.currentTimeMillis());
        var form = new StringBuilder();
        if (method != null) {
            form.append("method=").append(method).append('&');
        }
        form.append("key=").append(encoded(config.key())).append("&t=").append(t).append("&param=").append(encoded(text))
                .append("&sign=").append(Kd100Signature.apiCall(text, t, config.key(), secret));
        var request = HttpRequest.newBuilder(config.url().resolve(path)).timeout(Duration.ofSeconds(3))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        HttpResponse<String> answer = CarrierHttp.send(http, request, "the aggregator");
        Optional<JsonNode> body = CarrierHttp.object(json, answer.body().getBytes(StandardCharsets.UTF_8));
        if (answer.statusCode() == 200 && body.isPresent()) {
            return body.get();
        }
        throw new CarrierRefused("the aggregator answered " + answer.statusCode() + " " + answer.body());
    }

    private static boolean returned(JsonNode answer, String returnCode) {
        return returnCode.equals(answer.path("returnCode").asText());
    }

    private static CarrierRefused refusal(String what, JsonNode answer) {
        return new CarrierRefused("the aggregator refused the " + what + ": " + answer.path("returnCode").asText()
                + " " + answer.path("message").asText());
    }

    private String salt() {
        return config.salt().orElseThrow(() -> InvalidPush.unauthenticated("no push salt is configured for kd100"));
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Kuaidi100 pushes again unless it is told so. */
    @Override
    public Map<String, Object> acknowledgement() {
        return Map.of("result", true, "returnCode", "200", "message", "成功");
    }

    @Override
    public Optional<String> unusableBecause() {
        if (config.secret().isEmpty()) {
            return Optional.of("no secret (QUARKMALL_SHIPPING_KD100_SECRET)");
        }
        return config.salt().filter(salt -> salt.matches("[\\x21-\\x7e]{8,64}")).isPresent() ? Optional.empty()
                : Optional.of("no push salt of 8-64 printable characters (QUARKMALL_SHIPPING_KD100_SALT)");
    }
}
