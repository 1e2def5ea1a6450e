package io.quarkmall.stock.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * Which rows of a per-SKU list an operator asked for and may see: a merchant's only of its own SKUs
 * (merchantId not null), one SKU's when sku is not null. A Panache query with named parameters.
 */
record SkuFilter(String query, Map<String, Object> params) {

    static SkuFilter of(String merchantId, String sku) {
        var query = new StringBuilder("1 = 1");
        var params = new HashMap<String, Object>();
        if (merchantId != null) {
            query.append(" and sku in (select s.sku from StockLevel s where s.merchantId = :merchant)");
            params.put("merchant", merchantId);
        }
        if (sku != null) {
            query.append(" and sku = :sku");
            params.put("sku", sku);
        }
        return new SkuFilter(query.toString(), params);
    }
}
