package io.quarkmall.cartorder.domain;

/**
 * Where a parcel goes and who takes it: the fields of an address-book entry and of an order's
 * delivery address. Personal data: stored only sealed under the shopper's data key. {@code district}
 * (a county or district within the city) is required in China only; {@code province} is the region
 * or state; {@code label} is the shopper's own name for it (Home, Office).
 */
public record PostalAddress(String recipient, String phone, String country, String province, String city,
                            String district, String line1, String line2, String postcode, String label) {
}
