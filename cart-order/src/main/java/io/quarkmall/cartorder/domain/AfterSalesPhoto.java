package io.quarkmall.cartorder.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One photo a shopper gave as evidence for an after-sales request, its image sealed under the shopper's data key. */
@Entity
public class AfterSalesPhoto extends PanacheEntityBase {

    /** The field its image is sealed as. */
    public static final String SEALED_FIELD = "after_sales_photo.sealed_image";

    /** What is said of a photo without its image. */
    public record Facts(long id, long requestId, String contentType, int sizeBytes, Instant createdAt) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long requestId;
    private String shopperId;
    private String contentType;
    private int sizeBytes;
    private String sha256;
    private String sealedImage;
    private Instant createdAt;

    protected AfterSalesPhoto() {
    }

    public AfterSalesPhoto(AfterSalesRequest request, String contentType, int sizeBytes, String sha256, String sealedImage,
                           Instant now) {
        this.requestId = request.id();
        this.shopperId = request.shopperId();
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.sealedImage = sealedImage;
        this.createdAt = now;
    }

    /** The photos of these requests, without their images, oldest first. */
    public static List<Facts> factsOf(List<Long> requestIds) {
        return requestIds.isEmpty() ? List.of() : facts("p.requestId in ?1", requestIds);
    }

    /** The photo of this image on this request, if it has one, without loading its image. */
    public static Optional<Facts> sameImage(long requestId, String sha256) {
        return facts("p.requestId = ?1 and p.sha256 = ?2", requestId, sha256).stream().findFirst();
    }

    private static List<Facts> facts(String where, Object... parameters) {
        var query = getEntityManager().createQuery("select p.id, p.requestId, p.contentType, p.sizeBytes, p.createdAt"
                + " from AfterSalesPhoto p where " + where + " order by p.id", Object[].class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultStream()
                .map(row -> new Facts((Long) row[0], (Long) row[1], (String) row[2], (Integer) row[3], (Instant) row[4]))
                .toList();
    }

    public static long countOf(long requestId) {
        return count("requestId", requestId);
    }

    public static Optional<AfterSalesPhoto> ofRequest(long requestId, long id) {
        return find("id = ?1 and requestId = ?2", id, requestId).firstResultOptional();
    }

    public static long deleteOf(String shopperId) {
        return delete("shopperId", shopperId);
    }

    public Facts facts() {
        return new Facts(id, requestId, contentType, sizeBytes, createdAt);
    }

    public String shopperId() {
        return shopperId;
    }

    public String contentType() {
        return contentType;
    }

    public String sealedImage() {
        return sealedImage;
    }
}
