package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.domain.AfterSalesPolicy;
import io.quarkmall.cartorder.domain.AfterSalesPolicy.ClaimedLine;
import io.quarkmall.cartorder.domain.AfterSalesRequest;
import io.quarkmall.cartorder.domain.CatalogSku;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.OrderLine;
import io.quarkmall.common.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Exchanges: the SKU each returned unit is replaced by (checked when the shopper asks), the
 * replacement order placed once the returned goods are received, and what becomes of the exchange
 * as its replacement order moves: delivered, the exchange is done; cancelled (stock could not hold
 * it, or the shopper cancelled it), the units' share of the money is refunded instead.
 */
@ApplicationScoped
public class Exchanges {

    private static final Logger LOG = Logger.getLogger(Exchanges.class);

    private final OrderEvents events;
    private final Clock clock;
    private final OrderConfig config;

    Exchanges(OrderEvents events, Clock clock, OrderConfig config) {
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    /** What an exchange may send instead of {@code sku}: the other SKUs {@link #exchangeable} for it. */
    public record Option(String sku, List<CatalogSku> instead) {}

    /** For each SKU of the order, what an exchange may send instead of it, its own SKU apart (always possible). */
    public List<Option> optionsFor(Order order) {
        var skus = order.lines().stream().map(OrderLine::sku).distinct().toList();
        var copies = CatalogSku.bySku(skus);
        return skus.stream().map(sku -> new Option(sku, Optional.ofNullable(copies.get(sku))
                .map(returned -> CatalogSku.listedOfProduct(returned.productId()).stream()
                        .filter(other -> !other.sku().equals(sku) && exchangeable(returned, other)).toList())
                .orElse(List.of()))).toList();
    }

    /** Whether {@code wanted} may replace {@code returned}: listed, of the same product, at the same price. */
    private static boolean exchangeable(CatalogSku returned, CatalogSku wanted) {
        return wanted.listed() && wanted.productId() == returned.productId() && wanted.price().equals(returned.price());
    }

    /**
     * Why the replacement SKUs named cannot be sent, or empty: only an exchange names one, and it must
     * be a listed SKU of the same product at the same price as the SKU sent back (another size or colour).
     */
    public Optional<AfterSalesPolicy.Refuse> refusedReplacement(AfterSalesRequest.Kind kind, List<ClaimedLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.replacementSku() == null) {
                continue;
            }
            String field = "lines[" + i + "].replacementSku";
            if (kind != AfterSalesRequest.Kind.EXCHANGE) {
                return refuse("replacement-not-exchange", "Only an exchange sends a replacement; a " + kind
                        + " does not.", field);
            }
            var wanted = CatalogSku.<CatalogSku>findByIdOptional(line.replacementSku()).filter(CatalogSku::listed);
            if (wanted.isEmpty()) {
                return refuse("replacement-unavailable", "SKU " + line.replacementSku() + " is not for sale.", field);
            }
            var returned = CatalogSku.<CatalogSku>findByIdOptional(line.sku());
            if (returned.isEmpty() || returned.get().productId() != wanted.get().productId()) {
                return refuse("replacement-not-same-product", "SKU " + line.replacementSku()
                        + " is not of the same product as " + line.sku() + ": an exchange sends another size or colour"
                        + " of what was bought.", field);
            }
            if (!exchangeable(returned.get(), wanted.get())) {
                return refuse("replacement-price-differs", "SKU " + line.replacementSku() + " costs "
                        + wanted.get().price().amountMinor() + ", SKU " + line.sku() + " "
                        + returned.get().price().amountMinor() + " (minor units): an exchange is for the same price.",
                        field);
            }
        }
        return Optional.empty();
    }

    private static Optional<AfterSalesPolicy.Refuse> refuse(String type, String detail, String field) {
        return Optional.of(new AfterSalesPolicy.Refuse(422, type, detail, field));
    }

    /**
     * Places the replacement order of an exchange whose goods arrived: the units asked for, at no
     * charge, to the original's address, one line per SKU sent (two lines sent back as one size make
     * one line). The caller announces it ({@link OrderEvents#placed}) once the return is announced.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Order placeReplacement(Order original, AfterSalesRequest exchange, Instant now) {
        Money free = Money.zero(original.total().currency());
        Map<String, Integer> units = new LinkedHashMap<>();
        exchange.lines().forEach(line -> units.merge(line.skuToSend(), line.quantity(), Integer::sum));
        var catalog = CatalogSku.bySku(units.keySet());
        var items = units.entrySet().stream().map(sent -> new Order.Item(sent.getKey(),
                productName(original, sent.getKey(), catalog), sent.getValue(), free)).toList();
        Order replacement = Order.replacement(original, exchange.id(), items, now, now.plus(config.paymentTimeout()));
        replacement.persistAndFlush();
        return replacement;
    }

    /** The name catalog gives the SKU sent now, else the one it had on the original order, else its code. */
    private static String productName(Order original, String sku, Map<String, CatalogSku> catalog) {
        return Optional.ofNullable(catalog.get(sku)).map(CatalogSku::productName)
                .or(() -> original.lines().stream().filter(l -> l.sku().equals(sku)).findFirst().map(OrderLine::productName))
                .orElse(sku);
    }

    /**
     * A replacement order was delivered or cancelled (OrderEvents, in the step's transaction, with the
     * replacement locked): the exchange it was placed for is done, or refunds its share instead. Locks
     * the original order, then the request, as every after-sales path does; once per request.
     */
    void replacementMoved(@Observes OrderEvents.ReplacementMoved moved) {
        Order original = Order.lock(moved.originalOrderId()).orElseThrow();
        var exchange = AfterSalesRequest.lockReplacedBy(moved.replacementOrderId());
        if (exchange.isEmpty()) {
            LOG.warnf("Replacement order %d has no exchange here; nothing follows", moved.replacementOrderId());
            return;
        }
        var request = exchange.get();
        Instant now = clock.instant();
        if (moved.delivered() && request.exchanged()) {
            original.afterSalesExchanged(request, now);
        } else if (!moved.delivered() && request.replacementCancelled()) {
            original.afterSalesReplacementCancelled(request, now);
        } else {
            return; // heard already
        }
        events.publishChanges(original);
    }
}
