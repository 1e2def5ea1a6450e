package io.quarkmall.stock.domain;

import io.quarkmall.common.domain.RuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which warehouses hold a reservation's units: the policy ranks the SKU's warehouses, and each in
 * turn holds what it has available until the reservation is covered. Pluggable by its ranking.
 */
@FunctionalInterface
public interface AllocationPolicy {

    /** The warehouse with the most available first (fewest splits), ties by code. */
    AllocationPolicy MOST_STOCK = stocks -> stocks.stream()
            .sorted(Comparator.comparingLong(WarehouseStock::available).reversed()
                    .thenComparing(WarehouseStock::warehouseCode))
            .toList();

    /** The order in which the warehouses give units. */
    List<WarehouseStock> rank(List<WarehouseStock> stocks);

    /**
     * Holds the reservation's units in the ranked warehouses and returns the allocations to store.
     * The caller checked (under the SKU's lock) that the SKU has them available in all.
     */
    default List<StockAllocation> allocate(StockReservation reservation, List<WarehouseStock> stocks, Instant now) {
        long left = reservation.quantity();
        var allocations = new ArrayList<StockAllocation>();
        for (WarehouseStock stock : rank(stocks)) {
            long take = Math.min(left, stock.available());
            if (take > 0) {
                stock.hold(take, now);
                allocations.add(new StockAllocation(reservation.id(), stock.warehouseCode(), take));
                left -= take;
            }
        }
        if (left > 0) {
            throw new RuleViolation("not-enough-stock", "The warehouses lack " + left + " of " + reservation.sku());
        }
        return allocations;
    }
}
