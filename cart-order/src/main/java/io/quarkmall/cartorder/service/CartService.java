package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.domain.CartLine;
import io.quarkmall.cartorder.domain.CatalogSku;
import io.quarkmall.common.money.Money;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A shopper's cart: SKUs and quantities, priced at today's catalog prices whenever it is read. */
@ApplicationScoped
public class CartService {

    /** A cart line as the shopper sees it; {@code available} is false once the product is delisted. */
    public record PricedLine(String sku, long productId, String productName, Map<String, String> names,
                             Map<String, String> attributes, int quantity,
                             Money unitPrice, Money subtotal, boolean available) {}

    public record Cart(List<PricedLine> lines, List<Money> totals) {}

    private final Clock clock;

    CartService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Cart put(String shopperId, String sku, int quantity) {
        var listed = CatalogSku.<CatalogSku>findByIdOptional(sku).filter(CatalogSku::listed);
        if (listed.isEmpty()) {
            throw new ProblemException(Problem.of("sku-unavailable", "SKU unavailable", 422,
                    "SKU " + sku + " is not for sale: it does not exist or its product is not listed."));
        }
        CartLine.of(shopperId, sku).ifPresentOrElse(
                line -> line.changeQuantity(quantity),
                () -> {
                    if (CartLine.count("shopperId", shopperId) >= CartLine.MAX_LINES) {
                        throw new ProblemException(Problem.of("cart-full", "Cart full", 422,
                                "A cart holds at most " + CartLine.MAX_LINES + " different SKUs."));
                    }
                    new CartLine(shopperId, sku, quantity, clock.instant()).persist();
                });
        return view(shopperId);
    }

    @Transactional
    public Cart remove(String shopperId, String sku) {
        CartLine.delete("shopperId = ?1 and sku = ?2", shopperId, sku);
        return view(shopperId);
    }

    @Transactional
    public Cart view(String shopperId) {
        List<CartLine> lines = CartLine.of(shopperId);
        Map<String, CatalogSku> skus = CatalogSku.bySku(lines.stream().map(CartLine::sku).toList());
        List<PricedLine> priced = lines.stream().map(line -> {
            CatalogSku sku = skus.get(line.sku());
            return new PricedLine(line.sku(), sku.productId(), sku.productName(), sku.names(), sku.attributes(),
                    line.quantity(), sku.price(), sku.price().times(line.quantity()), sku.listed());
        }).toList();
        var totals = new TreeMap<String, Money>();
        priced.stream().filter(PricedLine::available)
                .forEach(line -> totals.merge(line.subtotal().currency(), line.subtotal(), Money::plus));
        return new Cart(priced, List.copyOf(totals.values()));
    }
}
