package io.quarkmall.pay.domain.risk;

import io.quarkmall.common.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment attempt about to be charged, as risk control sees it. Identifiers of the payer are
 * fingerprints or hashes, never a card number or token; those that may be absent are null.
 *
 * Blank identifiers count as absent.
 *
 * @param shopperId the paying shopper (the token's subject)
 * @param orderId the order being paid
 * @param channel the channel asked to take the money
 * @param deviceId the id the shopper's client sends for its device, or null if it sent none
 * @param payerFingerprint the PSP's card fingerprint or a hash of the wallet's payer id, or null
 * @param shippingAddressHash a hash of the order's shipping address, or null
 * @param shippingRegion the region the order ships to (e.g. {@code CN-31}), or null
 * @param billingRegion the payer's billing or account region, or null
 * @param at when the attempt is made
 */
public record AssessmentRequest(String shopperId, long orderId, Money amount, String channel, String deviceId,
                                String payerFingerprint, String shippingAddressHash, String shippingRegion,
                                String billingRegion, Instant at) {

    public AssessmentRequest {
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        deviceId = presentOrNull(deviceId);
        payerFingerprint = presentOrNull(payerFingerprint);
        shippingAddressHash = presentOrNull(shippingAddressHash);
        shippingRegion = presentOrNull(shippingRegion);
        billingRegion = presentOrNull(billingRegion);
    }

    /** A blank identifier (an empty header) is an absent one. */
    private static String presentOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
