package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.domain.AfterSalesPhoto;
import io.quarkmall.cartorder.domain.AfterSalesRequest;
import io.quarkmall.cartorder.domain.OperatorScope;
import io.quarkmall.cartorder.domain.PhotoMetadata;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.PhotoPolicy;
import io.quarkmall.common.crypto.FieldCipher;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The photos a shopper gives as evidence for an after-sales request: sealed under the shopper's own data key, shown
 * to the shopper and to whoever reviews the request (the merchant of its goods, the mall's staff).
 */
@ApplicationScoped
public class AfterSalesPhotos {

    /** A photo's image, opened. */
    public record Image(String contentType, byte[] bytes) {}

    private static final Map<String, Integer> STATUS_OF = Map.of(
            "after-sales-closed", 409, "too-many-photos", 409, "photo-size", 413, "not-a-photo", 415);

    private final FieldCipher cipher;
    private final Clock clock;

    AfterSalesPhotos(FieldCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Adds a photo to one of the shopper's requests (the order locked, so that two uploads never pass the count
     * together), kept without the metadata its camera wrote (where it was taken, the camera); the same image given
     * again is the photo it already is.
     */
    @Transactional
    public AfterSalesPhoto.Facts add(String shopperId, long orderId, long requestId, byte[] image) {
        var notFound = ProblemException.notFound("After-sales request " + requestId);
        Order.lockOwnedBy(shopperId, orderId).orElseThrow(() -> notFound);
        AfterSalesRequest request = AfterSalesRequest.lock(requestId).filter(r -> r.orderId() == orderId)
                .orElseThrow(() -> notFound);
        String sha256 = sha256(image);
        var same = AfterSalesPhoto.sameImage(requestId, sha256);
        if (same.isPresent()) {
            return same.get();
        }
        PhotoPolicy.refusal(request, AfterSalesPhoto.countOf(requestId), image).ifPresent(refusal -> {
            throw new ProblemException(Problem.of(refusal.code(), "Photo not taken", STATUS_OF.get(refusal.code()),
                    refusal.detail()));
        });
        String type = PhotoPolicy.mediaTypeOf(image).orElseThrow();
        byte[] clean = PhotoMetadata.stripped(type, image).orElseThrow(() -> new ProblemException(Problem.of("not-a-photo",
                "Photo not taken", 415, "The image is not a well-formed " + type + ".")));
        String sealed = cipher.encrypt(shopperId, AfterSalesPhoto.SEALED_FIELD, Base64.getEncoder().encodeToString(clean));
        var photo = new AfterSalesPhoto(request, type, clean.length, sha256, sealed, clock.instant());
        photo.persist();
        return photo.facts();
    }

    /** A photo of one of the shopper's requests; 404 for anybody else's. */
    @Transactional
    public Image ofShopper(String shopperId, long orderId, long requestId, long photoId) {
        var notFound = ProblemException.notFound("Photo " + photoId);
        Order.ownedBy(shopperId, orderId).orElseThrow(() -> notFound);
        AfterSalesRequest.orderIdOf(requestId).filter(id -> id == orderId).orElseThrow(() -> notFound);
        return open(AfterSalesPhoto.ofRequest(requestId, photoId).orElseThrow(() -> notFound));
    }

    /** A photo of a request the operator reviews; 404 for one they may not see. */
    @Transactional
    public Image forOperator(OperatorScope scope, long requestId, long photoId) {
        var notFound = ProblemException.notFound("Photo " + photoId);
        long orderId = AfterSalesRequest.orderIdOf(requestId).orElseThrow(() -> notFound);
        if (!scope.reviewsAfterSalesOf(orderId)) {
            throw notFound;
        }
        return open(AfterSalesPhoto.ofRequest(requestId, photoId).orElseThrow(() -> notFound));
    }

    /** Opened with the shopper's key; a shopper erased since has no photos left to show. */
    private Image open(AfterSalesPhoto photo) {
        String base64 = cipher.decrypt(photo.shopperId(), AfterSalesPhoto.SEALED_FIELD, photo.sealedImage())
                .orElseThrow(() -> ProblemException.notFound("Photo"));
        return new Image(photo.contentType(), Base64.getDecoder().decode(base64));
    }

    private static String sha256(byte[] image) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
