package io.quarkmall.pay.service;

import io.quarkmall.common.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Payer identifiers pay must keep (Alipay's buyer_id, WeChat Pay's openid) sealed under the
 * shopper's own data key (common's FieldCipher), so erasing the shopper's pay data
 * ({@link KeyManagement#eraseShopper}) makes them unreadable everywhere at once, backups included.
 */
@ApplicationScoped
public class SensitiveData {

    /** Alipay's buyer_id of the payer. */
    public static final String ALIPAY_BUYER_ID = "payment.alipay_buyer_id";
    /** WeChat Pay's openid of the payer. */
    public static final String WECHAT_OPENID = "payment.wechat_openid";
    /** Any other channel's id of the payer. */
    public static final String OTHER_PAYER = "payment.payer";

    /** The field a channel's payer id is sealed as. */
    public static String payerField(String channel) {
        return switch (channel) {
            case "alipay" -> ALIPAY_BUYER_ID;
            case "wechat" -> WECHAT_OPENID;
            default -> OTHER_PAYER;
        };
    }

    private final FieldCipher cipher;

    SensitiveData(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * {@code plaintext} sealed for the shopper and the field (one of the constants here, or another
     * {@code table.column} name): text of the form {@code qm1.<generation>.<base64url>}, at most
     * about 4/3 × the plaintext's UTF-8 length + 50 characters.
     */
    public String seal(String shopperId, String field, String plaintext) {
        return cipher.encrypt(shopperId, field, plaintext);
    }

    /**
     * The plaintext, or empty if the shopper's pay data was erased. Throws
     * {@link io.quarkmall.common.crypto.CiphertextRejected} for a value altered or sealed for another
     * shopper or field.
     */
    public Optional<String> open(String shopperId, String field, String sealed) {
        return cipher.decrypt(shopperId, field, sealed);
    }

    /**
     * The value sealed again under the shopper's newest data key if it is under an older one (after
     * {@link KeyManagement#rotateShopperKey}); the same value if current; empty if erased.
     */
    public Optional<String> reseal(String shopperId, String field, String sealed) {
        return cipher.reencrypt(shopperId, field, sealed);
    }
}
