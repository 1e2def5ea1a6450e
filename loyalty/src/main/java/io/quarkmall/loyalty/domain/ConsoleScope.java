package io.quarkmall.loyalty.domain;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

/** The coupon templates an operator manages: an admin every template, a merchant the ones it created. */
public record ConsoleScope(String operatorId, boolean admin) {

    /** Newest first; only those in {@code status} if it is given. */
    public List<CouponTemplate> templates(Optional<CouponTemplate.Status> status, int page, int size) {
        String where = admin ? "1 = 1" : "ownerId = :owner";
        var parameters = admin ? new Parameters() : Parameters.with("owner", operatorId);
        if (status.isPresent()) {
            where += " and status = :status";
            parameters.and("status", status.get());
        }
        return CouponTemplate.<CouponTemplate>find(where, Sort.descending("createdAt", "id"), parameters)
                .page(Page.of(page, size)).list();
    }

    public Optional<CouponTemplate> template(long id) {
        return CouponTemplate.<CouponTemplate>findByIdOptional(id).filter(this::manages);
    }

    /** The template, locked until the transaction ends, if this operator manages it. */
    public Optional<CouponTemplate> lockTemplate(long id) {
        return CouponTemplate.<CouponTemplate>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(this::manages);
    }

    private boolean manages(CouponTemplate template) {
        return admin || template.ownerId().equals(operatorId);
    }
}
