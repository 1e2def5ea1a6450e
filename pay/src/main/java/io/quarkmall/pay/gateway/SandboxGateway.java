package io.quarkmall.pay.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.common.money.Money;
import io.quarkmall.pay.config.PayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The sandbox channel: charges card tokens at the simulated PSP the local stack runs. The merchant
 * reference makes a charge idempotent at the PSP, so a retried call never charges twice.
 */
@ApplicationScoped
public class SandboxGateway {

    /** What the PSP said about a charge. */
    public sealed interface Outcome {
        record Captured(String chargeId) implements Outcome {}

        record Declined(String code) implements Outcome {}

        record TimedOut() implements Outcome {}
    }

    private static final Logger LOG = Logger.getLogger(SandboxGateway.class);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json;
    private final PayConfig.Sandbox config;

    SandboxGateway(ObjectMapper json, PayConfig config) {
        this.json = json;
        this.config = config.sandbox();
    }

    public Outcome charge(String reference, String token, Money amount) {
        try {
            var response = post("/v1/charges", Map.of("reference", reference, "token", token,
                    "amountMinor", amount.amountMinor(), "currency", amount.currency()));
            JsonNode body = json.readTree(response.body());
            return switch (response.statusCode()) {
                case 200 -> new Outcome.Captured(body.path("chargeId").asText());
                case 402 -> new Outcome.Declined(body.path("declineCode").asText("declined"));
                case 400 -> new Outcome.Declined("invalid_token");
                default -> throw new GatewayUnavailable("charge answered " + response.statusCode());
            };
        } catch (HttpTimeoutException e) {
            voidQuietly(reference);
            return new Outcome.TimedOut();
        } catch (IOException e) {
            throw new GatewayUnavailable(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailable("interrupted");
        }
    }

    public void refund(String chargeId, Money amount) {
        try {
            var response = post("/v1/charges/" + chargeId + "/refunds", Map.of("amountMinor", amount.amountMinor()));
            if (response.statusCode() != 200) {
                throw new GatewayUnavailable("refund answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new GatewayUnavailable(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailable("interrupted");
        }
    }

    /** A timed-out charge may still go through at the PSP; voiding it makes sure no money is taken. */
    private void voidQuietly(String reference) {
        try {
            post("/v1/charges/by-reference/" + reference + "/void", Map.of());
        } catch (Exception e) {
            LOG.warnf("Could not void timed-out charge %s; reconciliation will: %s", reference, e.getMessage());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private HttpResponse<String> post(String path, Map<String, Object> body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(config.url() + path)).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The PSP could not be reached or answered nonsense: nothing was decided, the shopper may retry. */
    public static class GatewayUnavailable extends RuntimeException {
        GatewayUnavailable(String detail) {
            super("The sandbox payment gateway is unavailable: " + detail);
        }
    }
}
