package io.quarkmall.pay.keys;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.crypto.MasterKeyRotation;
import io.quarkmall.pay.service.KeyManagement;
import io.quarkmall.pay.service.SensitiveData;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Master key rotation by an administrator, and rotation while many threads seal and open. */
@QuarkusTest
class KeyRotationTest {

    @Inject
    SensitiveData sensitive;
    @Inject
    KeyManagement keys;
    @Inject
    MasterKeyRotation rotation;

    static Response rotate(String user, String idempotencyKey) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", idempotencyKey)
                .when().post("/admin/keys/rotate");
    }

    @Test
    void an_administrator_sees_each_master_key_version_and_the_data_keys_it_wraps() {
        sensitive.seal("test-shopper-" + UUID.randomUUID(), SensitiveData.WECHAT_OPENID, "openid");
        var status = given().auth().oauth2(Tokens.of("admin")).when().get("/admin/keys").then().statusCode(200)
                .body("provider", equalTo("local"))
                .body("versions.current", hasItem(true))
                .extract().jsonPath();
        int current = status.getInt("currentVersion");
        List<Map<String, Object>> versions = status.getList("versions");
        assertEquals(current, versions.get(versions.size() - 1).get("version"));
        assertTrue(((Number) versions.get(versions.size() - 1).get("dataKeys")).longValue() >= 1);
    }

    @Test
    void a_rotation_makes_a_new_version_current_once_per_key_and_every_data_key_moves_under_it() {
        String shopper = "test-shopper-" + UUID.randomUUID();
        String sealed = sensitive.seal(shopper, SensitiveData.ALIPAY_BUYER_ID, "2088000000000010");
        int before = rotation.status().currentVersion();
        String key = UUID.randomUUID().toString();

        rotate("admin", key).then().statusCode(202).body("currentVersion", equalTo(before + 1));
        rotate("admin", key).then().statusCode(202).body("currentVersion", equalTo(before + 1));
        assertEquals(before + 1, rotation.status().currentVersion(), "a replay rotates nothing");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.of("admin"))
                .when().get("/admin/keys").then().statusCode(200).body("awaitingRewrap", equalTo(0))
                .body("currentVersion", greaterThanOrEqualTo(before + 1)));
        assertEquals(Optional.of("2088000000000010"), sensitive.open(shopper, SensitiveData.ALIPAY_BUYER_ID, sealed));
    }

    @Test
    void key_administration_is_for_administrators_and_a_rotation_needs_an_idempotency_key() {
        given().when().get("/admin/keys").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("shopper")).when().get("/admin/keys").then().statusCode(403);
        given().auth().oauth2(Tokens.of("merchant")).when().get("/admin/keys").then().statusCode(403);
        rotate("shopper", UUID.randomUUID().toString()).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("admin")).when().post("/admin/keys/rotate").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /**
     * Sixteen threads seal and open values of forty shoppers while the master key is rotated three
     * times (each followed by re-wrapping, racing the scheduled job) and shoppers' data keys are
     * rotated: every value written opens to what was written, and every data key ends under the
     * current version.
     */
    @Test
    void rotations_while_sixteen_threads_seal_and_open_lose_nothing() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> shoppers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            shoppers.add("test-shopper-" + run + "-" + i);
        }
        Map<String, String> written = new ConcurrentHashMap<>();
        Map<String, String> sealedValues = new ConcurrentHashMap<>();
        var failures = new AtomicInteger();
        var opened = new AtomicInteger();
        var stop = new AtomicBoolean();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(16);
        var workers = new ArrayList<Future<?>>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                start.await();
                for (int n = 0; !stop.get() || n < 20; n++) {
                    String shopper = shoppers.get((thread * 7 + n) % shoppers.size());
                    String slot = shopper + "#" + thread;
                    String plain = "openid-" + thread + "-" + n;
                    String sealed = sensitive.seal(shopper, SensitiveData.WECHAT_OPENID, plain);
                    written.put(slot, plain);
                    sealedValues.put(slot, sealed);
                    try {
                        if (!sensitive.open(shopper, SensitiveData.WECHAT_OPENID, sealed).equals(Optional.of(plain))) {
                            failures.incrementAndGet();
                        }
                        String otherSlot = shoppers.get((thread + n) % shoppers.size()) + "#" + ((thread + 1) % 16);
                        String other = sealedValues.get(otherSlot);
                        if (other != null && sensitive.open(otherSlot.substring(0, otherSlot.indexOf('#')),
                                SensitiveData.WECHAT_OPENID, other).isEmpty()) {
                            failures.incrementAndGet();
                        }
                        opened.addAndGet(other == null ? 1 : 2);
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        int before = rotation.status().currentVersion();
        for (int round = 0; round < 3; round++) {
            Thread.sleep(300);
            keys.rotateMasterKey();
            for (int i = round; i < shoppers.size(); i += 5) {
                keys.rotateShopperKey(shoppers.get(i));
            }
            rotation.rewrapAll();
        }
        Thread.sleep(300);
        stop.set(true);
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        rotation.rewrapAll();

        assertEquals(0, failures.get(), "seals or opens that failed or read wrong during rotation");
        assertTrue(opened.get() >= 16 * 20, "opened " + opened.get());
        for (var slot : written.entrySet()) {
            String owner = slot.getKey().substring(0, slot.getKey().indexOf('#'));
            assertEquals(Optional.of(slot.getValue()), sensitive.open(owner, SensitiveData.WECHAT_OPENID,
                    sealedValues.get(slot.getKey())), slot.getKey());
        }
        var status = rotation.status();
        assertEquals(before + 3, status.currentVersion());
        assertEquals(0, status.awaitingRewrap());
    }
}
