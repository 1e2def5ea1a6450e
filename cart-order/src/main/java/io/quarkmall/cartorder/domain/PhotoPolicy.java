package io.quarkmall.cartorder.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which images a shopper may give as after-sales evidence: a JPEG, PNG or WebP (told by its first bytes, not by
 * what the sender claims), of at most {@link #MOST_BYTES}, at most {@link #MOST_PER_REQUEST} per request, while
 * the request is open.
 */
public final class PhotoPolicy {

    /** Below the platform's 1 MiB request limit; the storefront scales larger photos down before sending. */
    public static final int MOST_BYTES = 1_000_000;
    public static final int MOST_PER_REQUEST = 6;

    /** Why a photo is refused: a stable code the API shows, and its words. */
    public record Refusal(String code, String detail) {}

    private PhotoPolicy() {
    }

    /** The image's media type by its signature, or empty if it is none of the three. */
    public static Optional<String> mediaTypeOf(byte[] image) {
        if (startsWith(image, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(image, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (image.length >= 12 && startsWith(image, 'R', 'I', 'F', 'F')
                && Arrays.equals(Arrays.copyOfRange(image, 8, 12), new byte[] {'W', 'E', 'B', 'P'})) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /** Empty if the photo may be added to {@code request}, which has {@code photos} already. */
    public static Optional<Refusal> refusal(AfterSalesRequest request, long photos, byte[] image) {
        if (!request.isOpen()) {
            return Optional.of(new Refusal("after-sales-closed", "After-sales request " + request.id() + " is "
                    + request.status() + ": photos are taken while it is open."));
        }
        if (photos >= MOST_PER_REQUEST) {
            return Optional.of(new Refusal("too-many-photos", "A request takes at most " + MOST_PER_REQUEST + " photos."));
        }
        if (image.length > MOST_BYTES) {
            return Optional.of(new Refusal("photo-size", "A photo is at most " + MOST_BYTES + " bytes; this one is "
                    + image.length + "."));
        }
        if (mediaTypeOf(image).isEmpty()) {
            return Optional.of(new Refusal("not-a-photo", "A photo is a JPEG, PNG or WebP image."));
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
