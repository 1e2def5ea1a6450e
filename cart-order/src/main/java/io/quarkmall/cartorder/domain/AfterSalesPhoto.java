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
        if (requestIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select p.id, p.requestId, p.contentType, p.sizeBytes, p.createdAt"
                        + " from AfterSalesPhoto p where p.requestId in :ids order by p.id", Object[].class)
                .setParameter("ids", requestIds).getResultStream()
                .map(row -> new Facts((Long) row[0], (Long) row[1], (String) row[2], (Integer) row[3], (Instant) row[4]))
                .toList();
    }

    public static long countOf(long requestId) {
        return count("requestId", requestId);
    }

    /** The photo of this image on this request, if it has one, without loading its image. */
    public static Optional<Facts> sameImage(long requestId, String sha256) {
        return getEntityManager().createQuery("select p.id from AfterSalesPhoto p where p.requestId = :request"
                        + " and p.sha256 = :sha", Long.class).setParameter("request", requestId).setParameter("sha", sha256)
                .getResultStream().findFirst()
                .flatMap(id -> factsOf(List.of(requestId)).stream().filter(f -> f.id() == id).findFirst());
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
