package io.quarkmall.shipping.carrier;

import io.quarkmall.shipping.domain.TrackingCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One push a carrier signed, normalised: {@code nonce} is accepted once (a replayed push is refused), and it
 * reports {@code scans} of the parcel under {@code waybill}, oldest first: one for a carrier that pushes each
 * scan, the whole history so far for an aggregator.
 */
public record CarrierPush(String nonce, String waybill, List<Scan> scans) {

    /** What a carrier's waybill or scan id may be: printable ASCII, no spaces, 1-64 characters. */
    public static final Pattern IDENTIFIER = Pattern.compile("[\\x21-\\x7e]{1,64}");

    public CarrierPush {
        scans = List.copyOf(scans);
    }

    /**
     * One scan: {@code pushId} names it (the carrier's pushes of it again carry the same), {@code place} is our
     * place code (null where the carrier's location maps to none), {@code location} the carrier's words,
     * {@code eta} its new expected delivery (null if it gave none).
     */
    public record Scan(String pushId, TrackingCode code, String place, String location, Instant occurredAt, Instant eta) {

        /** The carrier's words as text a database and a reader take: no control or format characters, at most 500. */
        public Scan {
            location = location.replaceAll("[\\p{Cc}\\p{Cf}]", " ").strip();
            location = location.codePointCount(0, location.length()) > 500
                    ? location.substring(0, location.offsetByCodePoints(0, 500)) : location;
        }

        /**
         * A push id for a scan named by what it says (for a carrier that pushes whole histories, whose scans have no
         * id of their own): the same scan pushed again, wherever it stands in the history, has the same id.
         */
        static String contentId(String... parts) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 20);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }
}
