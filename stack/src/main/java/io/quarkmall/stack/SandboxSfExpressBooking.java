package io.quarkmall.stack;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/orders}, read and checked: the partner's order id (1-64 characters
 * {@code [A-Za-z0-9_-]}), the http(s) URL route pushes go to, and optionally the weight in grams, a
 * description of the cargo and the product ({@code expressTypeId} 1 特快 priority, 2 标快 standard express,
 * the default).
 */
record SandboxSfExpressBooking(String orderId, String callbackUrl, Integer weightGrams, String cargo, int expressTypeId) {

    static final int PRIORITY = 1;
    static final int STANDARD = 2;

    static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** A booking the carrier refuses; the message names the field. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** Reads a booking; {@code body} is null when the request body was not a JSON object. */
    static SandboxSfExpressBooking read(JsonObject body) throws Invalid {
        if (body == null) {
            throw new Invalid("the body must be a JSON object");
        }
        if (!(body.getValue("orderId") instanceof String orderId) || !ORDER_ID.matcher(orderId).matches()) {
            throw new Invalid("orderId must be 1-64 characters of A-Z, a-z, 0-9, _ and -");
        }
        if (!(body.getValue("callbackUrl") instanceof String callbackUrl) || !httpUrl(callbackUrl)) {
            throw new Invalid("callbackUrl must be an http or https URL");
        }
        Object weight = body.getValue("weightGrams");
        if (weight != null && !(weight instanceof Integer grams && grams >= 0)) {
            throw new Invalid("weightGrams must be a whole number of grams, 0 or more");
        }
        Object cargo = body.getValue("cargo");
        if (cargo != null && !(cargo instanceof String)) {
            throw new Invalid("cargo must be text");
        }
        Object product = body.getValue("expressTypeId");
        if (product != null && !(product instanceof Integer type && (type == PRIORITY || type == STANDARD))) {
            throw new Invalid("expressTypeId must be 1 (priority) or 2 (standard express)");
        }
        return new SandboxSfExpressBooking(orderId, callbackUrl, (Integer) weight, (String) cargo,
                product == null ? STANDARD : (Integer) product);
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
