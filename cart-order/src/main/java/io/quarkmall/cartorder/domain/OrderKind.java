package io.quarkmall.cartorder.domain;

/**
 * How an order came about: bought from the cart, redeemed with points in the points mall, placed for
 * a shopper stock admitted to a flash sale, or sent at no charge to replace units an exchange took
 * back (its {@code replacementFor} naming the order they were bought on).
 */
public enum OrderKind {
    PURCHASE, REDEMPTION, FLASH_SALE, EXCHANGE
}
