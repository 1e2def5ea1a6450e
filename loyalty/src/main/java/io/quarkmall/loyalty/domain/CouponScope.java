package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import java.util.List;
import java.util.TreeSet;

/**
 * Which cart lines a coupon covers: ALL of them, those of some CATEGORY ids, or those of some
 * PRODUCT SKUs (the code cart and order lines carry, so checkout can match on it).
 */
public record CouponScope(Kind kind, List<String> targets) {

    public enum Kind { ALL, CATEGORY, PRODUCT }

    public static final int MAX_TARGETS = 100;

    public CouponScope {
        if (kind == null) {
            throw new RuleViolation("coupon-scope", "A coupon template needs a scope: ALL, CATEGORY or PRODUCT.");
        }
        targets = targets == null ? List.of() : List.copyOf(new TreeSet<>(targets));
        if (targets.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new RuleViolation("coupon-scope", "Category ids and SKUs of a scope cannot be blank.");
        }
        if (kind == Kind.ALL ? !targets.isEmpty() : targets.isEmpty() || targets.size() > MAX_TARGETS) {
            throw new RuleViolation("coupon-scope", kind == Kind.ALL ? "A coupon for ALL products names no targets."
                    : "A " + kind + " coupon names 1 to " + MAX_TARGETS + (kind == Kind.CATEGORY ? " category ids." : " SKUs."));
        }
    }

    public static CouponScope all() {
        return new CouponScope(Kind.ALL, List.of());
    }

    public boolean covers(String sku, String categoryId) {
        return switch (kind) {
            case ALL -> true;
            case CATEGORY -> categoryId != null && targets.contains(categoryId);
            case PRODUCT -> targets.contains(sku);
        };
    }

    /** "every product", "category c1, c2", "SKU A-1". */
    public String describe() {
        return switch (kind) {
            case ALL -> "every product";
            case CATEGORY -> "category " + String.join(", ", targets);
            case PRODUCT -> "SKU " + String.join(", ", targets);
        };
    }
}
