package io.quarkmall.stack;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Delivers WeChat Pay notifications as WeChat Pay does: a JSON envelope whose {@code resource} is the
 * payment or refund encrypted with AEAD_AES_256_GCM under the merchant's APIv3 key, POSTed to the
 * notify_url with {@code Wechatpay-*} headers signed by the platform key. A delivery the merchant does
 * not answer with 200 or 204 is sent again after 1, 2, 4 … 30 s, at most {@value #ATTEMPTS} times.
 */
final class SandboxWechatPayNotifier {

    static final int ATTEMPTS = 15;

    private final Vertx vertx;
    private final SandboxWechatPayKeys keys;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SandboxWechatPayNotifier(Vertx vertx, SandboxWechatPayKeys keys) {
        this.vertx = vertx;
        this.keys = keys;
    }

    /** {@code TRANSACTION.SUCCESS} or {@code REFUND.SUCCESS}, sent after {@code delaySeconds}, {@code copies} times at once. */
    void send(String notifyUrl, String eventType, String originalType, JsonObject resource, int delaySeconds, int copies) {
        String nonce = SandboxWechatPayKeys.nonce(12);
        String body = new JsonObject().put("id", UUID.randomUUID().toString())
                .put("create_time", SandboxWechatPayLedger.time(Instant.now())).put("resource_type", "encrypt-resource")
                .put("event_type", eventType).put("summary", eventType.startsWith("REFUND") ? "退款成功" : "支付成功")
                .put("resource", new JsonObject().put("original_type", originalType).put("algorithm", "AEAD_AES_256_GCM")
                        .put("ciphertext", keys.encrypt(resource.encode(), originalType, nonce))
                        .put("associated_data", originalType).put("nonce", nonce))
                .encode();
        Runnable deliverAll = () -> {
            for (int i = 0; i < copies; i++) {
                deliver(notifyUrl, body, 1);
            }
        };
        if (delaySeconds > 0) {
            vertx.setTimer(delaySeconds * 1000L, t -> deliverAll.run());
        } else {
            deliverAll.run();
        }
    }

    private void deliver(String notifyUrl, String body, int attempt) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = SandboxWechatPayKeys.nonce(32);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(notifyUrl)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header("Wechatpay-Timestamp", timestamp)
                    .header("Wechatpay-Nonce", nonce)
                    .header("Wechatpay-Signature", keys.signAsPlatform(timestamp + "\n" + nonce + "\n" + body + "\n"))
                    .header("Wechatpay-Serial", keys.platformKeyId())
                    .header("Wechatpay-Signature-Type", SandboxWechatPayKeys.SIGN_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (IllegalArgumentException e) {
            return; // a notify_url no client can call: WeChat Pay gives up on it too
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            boolean acknowledged = failure == null && (response.statusCode() == 200 || response.statusCode() == 204);
            if (!acknowledged && attempt < ATTEMPTS) {
                long delay = Math.min(30_000L, 1000L << Math.min(attempt - 1, 5));
                vertx.setTimer(delay, t -> deliver(notifyUrl, body, attempt + 1));
            }
        });
    }
}
