package io.quarkmall.cartorder.domain;

import io.quarkmall.common.money.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** One SKU of an order, at the price it had when the shopper checked out. */
@Entity
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    private Order order;
    private String sku;
    private String productName;
    private int quantity;
    @Embedded
    @AttributeOverride(name = "amountMinor", column = @Column(name = "unit_price_minor"))
    private Money unitPrice;

    protected OrderLine() {
    }

    OrderLine(Order order, String sku, String productName, int quantity, Money unitPrice) {
        this.order = order;
        this.sku = sku;
        this.productName = productName;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public String sku() {
        return sku;
    }

    public String productName() {
        return productName;
    }

    public int quantity() {
        return quantity;
    }

    public Money unitPrice() {
        return unitPrice;
    }

    public Money subtotal() {
        return unitPrice().times(quantity);
    }
}
