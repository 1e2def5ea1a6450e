package io.quarkmall.stack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A shipment of the EasyPost-like label API's sandbox, by the merchant's reference: its parcel and two rates once
 * created, and once a rate is bought its tracking code, label and tracker, whose journey starts then. Each scan is
 * pushed as a {@code tracker.updated} event carrying every tracking detail so far, oldest first, as EasyPost does.
 */
final class SandboxEasyPostShipment implements SandboxPush.Source {

    /** The webhook events go to, as the account registered it last. */
    record Webhook(String url, String secret) {}

    /** A rate the sandbox offers: express by DHL, standard by USPS. */
    record Rate(String id, String carrier, String service, String amount, int deliveryDays) {
        JsonObject json() {
            return new JsonObject().put("id", id).put("object", "Rate").put("carrier", carrier).put("service", service)
                    .put("rate", amount).put("currency", "USD").put("delivery_days", deliveryDays);
        }
    }

    /**
     * One {@code tracker.updated} event: JSON with {@code X-Timestamp} (epoch ms of the attempt) and
     * {@code X-Hmac-Signature: hmac-sha256-hex=}HMAC-SHA256 under the webhook secret of {@code timestamp + "." + body}.
     */
    final class Push extends SandboxPush {
        private final JsonObject event;
        private final Supplier<Optional<Webhook>> webhook;

        private Push(JsonObject event, Supplier<Optional<Webhook>> webhook) {
            this.event = event;
            this.webhook = webhook;
        }

        @Override
        HttpRequest request() {
            Webhook to = webhook.get().orElseThrow(() -> new IllegalArgumentException("no webhook is registered"));
            String body = event.encode();
            String timestamp = Long.toString(System.currentTimeMillis());
            return HttpRequest.newBuilder(URI.create(to.url())).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").header("X-Timestamp", timestamp)
                    .header("X-Hmac-Signature", "hmac-sha256-hex=" + hmac(to.secret(), timestamp + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        JsonObject json() {
            return new JsonObject().put("scans", event.getJsonObject("result").getJsonArray("tracking_details").size())
                    .put("attempts", attempts()).put("acknowledged", acknowledged());
        }
    }

    final String reference;
    final String id = "shp_" + UUID.randomUUID().toString().replace("-", "");
    private final SandboxParcelJourney journey = new SandboxParcelJourney();
    private final List<Push> pushes = new ArrayList<>();
    private final Supplier<Optional<Webhook>> webhook;
    private Double weightOunces;
    private List<Rate> rates;
    private Rate bought;
    private String trackingCode;
    private boolean refunded;

    SandboxEasyPostShipment(String reference, Supplier<Optional<Webhook>> webhook) {
        this.reference = reference;
        this.webhook = webhook;
    }

    @Override
    public SandboxParcelJourney journey() {
        return journey;
    }

    /** Creates it with its parcel and rates; false (and nothing changes) when it was created before. */
    synchronized boolean create(double weightOunces) {
        if (rates != null) {
            return false;
        }
        this.weightOunces = weightOunces;
        double pounds = Math.max(1, Math.ceil(weightOunces / 16));
        rates = List.of(new Rate("rate_" + id.substring(4, 16) + "dhl", "DHLExpress", "ExpressWorldwide",
                        String.format(Locale.ROOT, "%.2f", 38 + 9.5 * pounds), 3),
                new Rate("rate_" + id.substring(4, 16) + "usps", "USPS", "FirstClassPackageInternationalService",
                        String.format(Locale.ROOT, "%.2f", 14 + 4.25 * pounds), 12));
        return true;
    }

    synchronized boolean created() {
        return rates != null;
    }

    /** What buying {@code rateId} did. */
    enum Purchase { BOUGHT, ALREADY_BOUGHT, NO_SUCH_RATE }

    /** Buys one of its rates: the tracking code (from {@code newCode}, by the rate's carrier) and the label; the journey starts. */
    synchronized Purchase buy(String rateId, java.util.function.Function<String, String> newCode, Instant now) {
        if (bought != null) {
            return Purchase.ALREADY_BOUGHT;
        }
        Optional<Rate> rate = rates.stream().filter(offered -> offered.id().equals(rateId)).findFirst();
        if (rate.isEmpty()) {
            return Purchase.NO_SUCH_RATE;
        }
        bought = rate.get();
        trackingCode = newCode.apply(bought.carrier());
        journey.start(now);
        return Purchase.BOUGHT;
    }

    /** Voids its label: until the carrier scanned the parcel (a label never bought voids too); false once scanned. */
    synchronized boolean refund() {
        if (journey.cancel() == SandboxParcelJourney.Cancellation.ALREADY_COLLECTED) {
            return false;
        }
        refunded = true;
        return true;
    }

    @Override
    public synchronized Push happen(long timer, Instant now) {
        List<SandboxParcelJourney.Scan> scans = journey.happen(timer, now);
        if (scans == null) {
            return null;
        }
        var push = new Push(event(scans, now), webhook);
        pushes.add(push);
        return push;
    }

    /** EasyPost's {@code tracker.updated} event: the newest scan's status, and every tracking detail so far, oldest first. */
    private JsonObject event(List<SandboxParcelJourney.Scan> scans, Instant now) {
        var details = new JsonArray();
        scans.forEach(scan -> {
            var status = SandboxEasyPostStatus.of(scan.op());
            details.add(new JsonObject().put("object", "TrackingDetail").put("message", status.message)
                    .put("status", status.status).put("status_detail", status.statusDetail)
                    .put("datetime", scan.time().toString()).put("source", bought.carrier())
                    .put("tracking_location", new JsonObject().put("city", status.city).put("country", "CN")));
        });
        SandboxParcelJourney.Scan newest = scans.get(scans.size() - 1);
        var newestStatus = SandboxEasyPostStatus.of(newest.op());
        var tracker = new JsonObject().put("object", "Tracker").put("id", trackerId()).put("tracking_code", trackingCode)
                .put("carrier", bought.carrier()).put("shipment_id", id).put("status", newestStatus.status)
                .put("status_detail", newestStatus.statusDetail)
                .put("est_delivery_date", newest.eta() == null ? null : newest.eta().toString()).put("tracking_details", details);
        return new JsonObject().put("id", "evt_" + UUID.randomUUID().toString().replace("-", "")).put("object", "Event")
                .put("description", "tracker.updated").put("mode", "test").put("created_at", now.toString())
                .put("result", tracker);
    }

    private String trackerId() {
        return "trk_" + id.substring(4);
    }

    synchronized Optional<String> trackingCode() {
        return Optional.ofNullable(trackingCode);
    }

    /** The shipment as the API answers it; {@code labelUrl} where its label is served. */
    synchronized JsonObject json(String labelUrl) {
        var offered = new JsonArray();
        rates.forEach(rate -> offered.add(rate.json()));
        return new JsonObject().put("id", id).put("object", "Shipment").put("mode", "test").put("reference", reference)
                .put("parcel", new JsonObject().put("weight", weightOunces)).put("rates", offered)
                .put("selected_rate", bought == null ? null : bought.json()).put("tracking_code", trackingCode)
                .put("postage_label", bought == null ? null : new JsonObject().put("label_url", labelUrl)
                        .put("label_file_type", "application/pdf"))
                .put("tracker", bought == null ? null : new JsonObject().put("id", trackerId()))
                .put("refund_status", refunded ? "submitted" : null);
    }

    /** The label's lines, once bought. */
    synchronized Optional<List<String>> labelLines() {
        return bought == null ? Optional.empty() : Optional.of(List.of(bought.carrier() + " " + bought.service(),
                "TRACKING " + trackingCode, "REF " + reference, String.format(Locale.ROOT, "WEIGHT %.1f OZ", weightOunces)));
    }

    /** What the sandbox's control {@code GET /sandbox/orders/{reference}} shows. */
    synchronized JsonObject sandboxView() {
        var pushed = new JsonArray();
        pushes.forEach(push -> pushed.add(push.json()));
        return new JsonObject().put("reference", reference).put("id", id).put("weightOunces", weightOunces)
                .put("carrier", bought == null ? null : bought.carrier()).put("trackingCode", trackingCode)
                .put("refunded", refunded).put("pushes", pushed);
    }

    static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
