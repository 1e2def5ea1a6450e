package io.quarkmall.cartorder.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.PostalAddress;
import io.quarkmall.common.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Addresses are personal data: they are stored only as one JSON value sealed under the shopper's
 * own data key (common's FieldCipher), bound to the column it is stored in, so erasing the shopper
 * ({@link ShopperData}) makes every copy unreadable at once, backups included.
 */
@ApplicationScoped
public class AddressSeals {

    static final String ADDRESS_BOOK = "shopper_address.sealed";
    static final String ORDER_DELIVERY = "shop_order.delivery_address";

    private final FieldCipher cipher;
    private final ObjectMapper json;

    AddressSeals(FieldCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    String seal(String shopperId, String field, PostalAddress address) {
        try {
            return cipher.encrypt(shopperId, field, json.writeValueAsString(address));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address, or empty if the shopper's data was erased. */
    Optional<PostalAddress> open(String shopperId, String field, String sealed) {
        return cipher.decrypt(shopperId, field, sealed).map(plain -> {
            try {
                return json.readValue(plain, PostalAddress.class);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Where the order goes, as copied at checkout; empty if it was placed without an address or the
     * shopper's data was erased. Only for its shopper and the operators who may see the order.
     */
    public Optional<PostalAddress> deliveryAddressOf(Order order) {
        return order.sealedDeliveryAddress().flatMap(sealed -> open(order.shopperId(), ORDER_DELIVERY, sealed));
    }
}
