package io.quarkmall.shipping.carrier;

import io.quarkmall.shipping.domain.TrackingCode;
import java.time.Instant;

/**
 * One scan a carrier pushed, normalised: {@code nonce} is accepted once (a replayed push is refused),
 * {@code pushId} names the scan (the carrier's retries of it carry the same), {@code place} is our place code
 * (null where the carrier's location maps to none), {@code location} the carrier's words, {@code eta} its new
 * expected delivery (null if it gave none).
 */
public record CarrierPush(String nonce, String pushId, String waybill, TrackingCode code, String place,
                          String location, Instant occurredAt, Instant eta) {}
