package io.quarkmall.pay.keys;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.crypto.CiphertextRejected;
import io.quarkmall.pay.domain.Payment;
import io.quarkmall.pay.service.KeyManagement;
import io.quarkmall.pay.service.SensitiveData;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Payer identifiers sealed per shopper, in pay's own data_key table, and erased by the shopper. */
@QuarkusTest
class SensitiveDataTest {

    @Inject
    SensitiveData sensitive;
    @Inject
    KeyManagement keys;

    static String newShopper() {
        return "test-shopper-" + UUID.randomUUID();
    }

    static long keyRows(String subject, String where) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Payment.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM data_key WHERE subject = ?1 " + where)
                .setParameter(1, subject).getSingleResult()).longValue());
    }

    @Test
    void a_sealed_payer_id_opens_for_its_shopper_and_field_and_is_stored_nowhere_in_clear() {
        String shopper = newShopper();
        String sealed = sensitive.seal(shopper, SensitiveData.ALIPAY_BUYER_ID, "2088102146225135");
        assertFalse(sealed.contains("2088102146225135"));
        assertEquals(Optional.of("2088102146225135"), sensitive.open(shopper, SensitiveData.ALIPAY_BUYER_ID, sealed));
        assertThrows(CiphertextRejected.class, () -> sensitive.open(newShopper(), SensitiveData.ALIPAY_BUYER_ID, sealed),
                "a shopper who never had a key");
        String other = newShopper();
        sensitive.seal(other, SensitiveData.ALIPAY_BUYER_ID, "2088000000000000");
        assertThrows(CiphertextRejected.class, () -> sensitive.open(other, SensitiveData.ALIPAY_BUYER_ID, sealed),
                "a shopper with a key of their own");
        assertThrows(CiphertextRejected.class, () -> sensitive.open(shopper, SensitiveData.WECHAT_OPENID, sealed));
        assertEquals(1, keyRows(shopper, "AND wrapped IS NOT NULL AND length(wrapped) > 32"));
    }

    @Test
    void sixteen_first_seals_racing_for_a_new_shopper_make_one_data_key_and_all_open() throws Exception {
        String shopper = newShopper();
        var pool = Executors.newFixedThreadPool(16);
        var start = new CountDownLatch(1);
        var sealed = new ArrayList<Future<String>>();
        for (int i = 0; i < 16; i++) {
            String openid = "openid-" + i;
            sealed.add(pool.submit(() -> {
                start.await();
                return sensitive.seal(shopper, SensitiveData.WECHAT_OPENID, openid);
            }));
        }
        start.countDown();
        var opened = new HashSet<String>();
        for (Future<String> value : sealed) {
            opened.add(sensitive.open(shopper, SensitiveData.WECHAT_OPENID, value.get()).orElseThrow());
        }
        pool.shutdown();
        assertEquals(16, opened.size());
        assertEquals(1, keyRows(shopper, ""));
    }

    @Test
    void a_shopper_who_erases_their_pay_data_reads_as_erased_and_later_values_get_a_new_key() {
        String shopper = Tokens.subjectOf("shopper2");
        String before = sensitive.seal(shopper, SensitiveData.ALIPAY_BUYER_ID, "2088000000000001");

        given().auth().oauth2(Tokens.of("shopper2")).when().delete("/me/data").then().statusCode(204);

        assertEquals(Optional.empty(), sensitive.open(shopper, SensitiveData.ALIPAY_BUYER_ID, before));
        assertEquals(0, keyRows(shopper, "AND wrapped IS NOT NULL"));
        given().auth().oauth2(Tokens.of("shopper2")).when().delete("/me/data").then().statusCode(204);

        String after = sensitive.seal(shopper, SensitiveData.ALIPAY_BUYER_ID, "2088000000000002");
        assertTrue(Integer.parseInt(after.split("\\.")[1]) > Integer.parseInt(before.split("\\.")[1]));
        assertEquals(Optional.of("2088000000000002"), sensitive.open(shopper, SensitiveData.ALIPAY_BUYER_ID, after));
        assertEquals(Optional.empty(), sensitive.open(shopper, SensitiveData.ALIPAY_BUYER_ID, before), "still erased");
    }

    @Test
    void erasing_one_shopper_leaves_every_other_shoppers_values_readable() {
        String erased = newShopper();
        String other = newShopper();
        String erasedValue = sensitive.seal(erased, SensitiveData.WECHAT_OPENID, "o-1");
        String otherValue = sensitive.seal(other, SensitiveData.WECHAT_OPENID, "o-2");
        assertEquals(1, keys.eraseShopper(erased));
        assertEquals(0, keys.eraseShopper(erased), "erasing twice destroys nothing more");
        assertEquals(Optional.empty(), sensitive.open(erased, SensitiveData.WECHAT_OPENID, erasedValue));
        assertEquals(Optional.of("o-2"), sensitive.open(other, SensitiveData.WECHAT_OPENID, otherValue));
    }

    /** Every demo user holds the shopper role (the realm's default roles), so there is no 403 to show here. */
    @Test
    void only_a_signed_in_shopper_erases_their_data() {
        given().when().delete("/me/data").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.withoutMallAudience("shopper")).when().delete("/me/data").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void a_rotated_shopper_key_seals_new_values_while_old_ones_open_until_resealed() {
        String shopper = newShopper();
        String old = sensitive.seal(shopper, SensitiveData.ALIPAY_BUYER_ID, "2088000000000003");
        int generation = keys.rotateShopperKey(shopper);
        assertEquals(2, generation);
        String fresh = sensitive.seal(shopper, SensitiveData.ALIPAY_BUYER_ID, "2088000000000004");
        assertTrue(fresh.startsWith("qm1.2."));
        assertEquals(Optional.of("2088000000000003"), sensitive.open(shopper, SensitiveData.ALIPAY_BUYER_ID, old));

        String resealed = sensitive.reseal(shopper, SensitiveData.ALIPAY_BUYER_ID, old).orElseThrow();
        assertNotEquals(old, resealed);
        assertTrue(resealed.startsWith("qm1.2."));
        assertEquals(Optional.of("2088000000000003"), sensitive.open(shopper, SensitiveData.ALIPAY_BUYER_ID, resealed));
        assertEquals(Optional.of(resealed), sensitive.reseal(shopper, SensitiveData.ALIPAY_BUYER_ID, resealed), "current: unchanged");
        keys.eraseShopper(shopper);
        assertEquals(Optional.empty(), sensitive.reseal(shopper, SensitiveData.ALIPAY_BUYER_ID, resealed));
    }
}
