package io.quarkmall.cartorder.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkmall.cartorder.domain.PostalAddress;
import io.quarkmall.cartorder.service.AddressBook;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The address book's requests and answers, and an order's delivery address. */
public final class AddressViews {

    /**
     * An address as the shopper enters it. Checked by its country's form (AddressPolicy), not here,
     * so that every problem is one 422 violation per field.
     */
    @Schema(description = "An address as entered. CN: phone a mainland mobile (1[3-9] + 9 digits, optionally after +86, "
            + "stored without it), postcode 6 digits, province, city and district required. Elsewhere: phone 6-20 digits, "
            + "spaces, ()- with an optional leading +; province required in the US; postcode by country (US ZIP, JP "
            + "123-4567, DE/FR 5 digits, GB UK postcode, others 2-10 letters, digits, spaces or hyphens; may be empty in "
            + "HK, AE, IE)", requiredProperties = {"recipient", "phone", "country", "city", "line1"})
    public record AddressDraft(
            @Schema(minLength = 1, maxLength = 50) String recipient,
            @Schema(maxLength = 20) String phone,
            @Schema(description = "ISO 3166-1 alpha-2, upper case", pattern = "^[A-Z]{2}$") String country,
            @Schema(description = "Province, region or state", maxLength = 50) String province,
            @Schema(maxLength = 50) String city,
            @Schema(description = "Required in CN", maxLength = 50) String district,
            @Schema(minLength = 1, maxLength = 120) String line1,
            @Schema(maxLength = 120) String line2,
            String postcode,
            @Schema(description = "The shopper's name for it, e.g. Home or Office", maxLength = 20) String label) {

        PostalAddress toAddress() {
            return new PostalAddress(recipient, phone, country, province, city, district, line1, line2, postcode, label);
        }
    }

    /** One address of the caller's book. */
    public record AddressView(long id, String recipient, String phone, String country, String province, String city,
                              String district, String line1, String line2, String postcode, String label,
                              @JsonProperty("isDefault") boolean isDefault) {
        static AddressView of(AddressBook.Entry e) {
            PostalAddress a = e.address();
            return new AddressView(e.id(), a.recipient(), a.phone(), a.country(), a.province(), a.city(), a.district(),
                    a.line1(), a.line2(), a.postcode(), a.label(), e.isDefault());
        }
    }

    /** Where an order goes, as copied from the address book at checkout. */
    public record DeliveryAddressView(String recipient, String phone, String country, String province, String city,
                                      String district, String line1, String line2, String postcode, String label) {
        static DeliveryAddressView of(PostalAddress a) {
            return a == null ? null : new DeliveryAddressView(a.recipient(), a.phone(), a.country(), a.province(), a.city(),
                    a.district(), a.line1(), a.line2(), a.postcode(), a.label());
        }
    }

    private AddressViews() {
    }
}
