package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.domain.Address;
import io.quarkmall.cartorder.domain.AfterSalesPhoto;
import io.quarkmall.common.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Erasing the personal data cart-order keeps about a shopper: their addresses, in the address book
 * and copied onto their orders, and their contact (email address, language; no email goes out after). Destroying the shopper's data keys makes every sealed copy
 * unreadable at once (backups included); the address book's entries are deleted too. Orders stay
 * (lines, amounts, status), as bookkeeping requires, without a readable delivery address.
 */
@ApplicationScoped
public class ShopperData {

    private final FieldCipher cipher;
    private final ContactBook contacts;

    ShopperData(FieldCipher cipher, ContactBook contacts) {
        this.cipher = cipher;
        this.contacts = contacts;
    }

    /** Idempotent: erasing an erased shopper, or one with no data here, does nothing. */
    @Transactional
    public void erase(String shopperId) {
        Address.deleteOf(shopperId);
        AfterSalesPhoto.deleteOf(shopperId);
        contacts.forget(shopperId);
        cipher.erase(shopperId);
    }
}
