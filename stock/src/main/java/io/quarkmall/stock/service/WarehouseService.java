package io.quarkmall.stock.service;

import io.quarkmall.stock.domain.Warehouse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The warehouses stock is kept in. */
@ApplicationScoped
public class WarehouseService {

    private final Clock clock;

    WarehouseService(Clock clock) {
        this.clock = clock;
    }

    /** 409 warehouse-exists for a code already taken. */
    @Transactional
    public Warehouse open(String code, String name, String region, double latitude, double longitude) {
        return Warehouse.open(code, name, region, latitude, longitude, clock.instant());
    }
}
