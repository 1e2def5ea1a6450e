package io.quarkmall.common.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/** The first response to a state-changing request, kept under the caller's Idempotency-Key. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyRecord.Key.class)
class IdempotencyRecord extends PanacheEntityBase {

    record Key(String principal, String idemKey) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    private String principal;
    @Id
    private String idemKey;
    private String requestHash;
    private int status;
    private String responseBody;
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(String principal, String idemKey, String requestHash, int status, String responseBody,
                      Instant createdAt) {
        this.principal = principal;
        this.idemKey = idemKey;
        this.requestHash = requestHash;
        this.status = status;
        this.responseBody = responseBody;
        this.createdAt = createdAt;
    }

    static Optional<IdempotencyRecord> of(String principal, String idemKey) {
        return findByIdOptional(new Key(principal, idemKey));
    }

    String requestHash() {
        return requestHash;
    }

    int status() {
        return status;
    }

    String responseBody() {
        return responseBody;
    }
}
