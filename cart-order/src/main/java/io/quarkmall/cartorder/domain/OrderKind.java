package io.quarkmall.cartorder.domain;

/** How an order came about: bought from the cart, or redeemed with points in the points mall. */
public enum OrderKind {
    PURCHASE, REDEMPTION
}
