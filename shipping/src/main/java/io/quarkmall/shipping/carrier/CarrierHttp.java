package io.quarkmall.shipping.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** What every carrier adapter does alike: calling its API over HTTP, and reading the JSON it sends. */
final class CarrierHttp {

    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,6}");

    private CarrierHttp() {
    }

    /**
     * The carrier's answer to {@code request}; a carrier that cannot answer now (a refused connection, a timeout, a
     * 429 with its Retry-After, a 5xx) is {@link CarrierUnavailable}, whatever the call.
     */
    static HttpResponse<String> send(HttpClient http, HttpRequest request, String carrier) {
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CarrierUnavailable(carrier + " could not be reached: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierUnavailable("interrupted while calling " + carrier, null);
        }
        if (answer.statusCode() == 429 || answer.statusCode() >= 500) {
            Duration retryAfter = answer.headers().firstValue("Retry-After").filter(SECONDS.asMatchPredicate())
                    .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds))).orElse(null);
            throw new CarrierUnavailable(carrier + " is unavailable: " + answer.statusCode() + " " + answer.body(), retryAfter);
        }
        return answer;
    }

    /** The text as a JSON object, if it is one. */
    static Optional<JsonNode> object(ObjectMapper json, byte[] text) {
        try {
            return Optional.ofNullable(json.readTree(text)).filter(JsonNode::isObject);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
