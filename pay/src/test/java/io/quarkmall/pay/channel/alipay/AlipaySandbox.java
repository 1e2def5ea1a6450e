package io.quarkmall.pay.channel.alipay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The Alipay sandbox of the local stack, as a shopper's wallet and a test drive it. */
final class AlipaySandbox {

    static final String URL = "http://127.0.0.1:18281";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private AlipaySandbox() {
    }

    /** The shopper's wallet opens the QR code's (or the redirect's) page: the cashier, or a refusal. */
    static HttpResponse<String> open(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** Presses a cashier button ({@code pay} or {@code decline}) on the cashier page at this URL. */
    static HttpResponse<String> press(String cashierUrl, String button) {
        return send(HttpRequest.newBuilder(URI.create(cashierUrl + "/" + button))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    static void script(String outTradeNo, String outcome, int delaySeconds) {
        control("/sandbox/trades/" + outTradeNo + "/script",
                "{\"outcome\":\"%s\",\"delaySeconds\":%d}".formatted(outcome, delaySeconds));
    }

    static void fault(String kind, int count) {
        control("/sandbox/faults", "{\"kind\":\"%s\",\"count\":%d}".formatted(kind, count));
    }

    static void plant(String json) {
        control("/sandbox/statement/plant", json);
    }

    /** What the sandbox sent for this trade: JSON [{notifyId, body, attempts, acknowledged}]. */
    static String notifications(String outTradeNo) {
        return send(HttpRequest.newBuilder(URI.create(URL + "/sandbox/trades/" + outTradeNo + "/notifications"))
                .GET().build()).body();
    }

    private static void control(String path, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(URL + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (response.statusCode() != 204) {
            throw new AssertionError("The sandbox refused " + path + ": " + response.body());
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
