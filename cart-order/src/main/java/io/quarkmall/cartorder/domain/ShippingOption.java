package io.quarkmall.cartorder.domain;

/** The delivery services a shopper chooses between at checkout: the carrier's standard service or its express one. */
public enum ShippingOption { STANDARD, EXPRESS }
