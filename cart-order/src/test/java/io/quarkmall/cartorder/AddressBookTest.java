package io.quarkmall.cartorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.cartorder.domain.Address;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shopper's address book: its default, its limit, its validation, and that it is theirs alone and sealed at rest. */
@QuarkusTest
class AddressBookTest {

    private static final String PROBLEMS = "https://quarkmall.io/problems/";

    /** Each test starts from an empty book for both demo shoppers (the test database outlives runs). */
    @BeforeEach
    void emptyBooks() {
        emptyBookOf("shopper");
        emptyBookOf("shopper2");
    }

    static void emptyBookOf(String user) {
        String subject = Tokens.subjectOf(user);
        QuarkusTransaction.requiringNew().run(() -> Address.deleteOf(subject));
    }

    /** A valid Chinese address; {@code changes} replace its fields (null removes one). */
    static Map<String, Object> chinese(String recipient, Object... changes) {
        var draft = new HashMap<String, Object>(Map.of("recipient", recipient, "phone", "+86 139 0000 1234",
                "country", "CN", "province", "浙江省", "city", "杭州市", "district", "西湖区",
                "line1", "文三路 478 号 " + recipient, "postcode", "310013", "label", "家"));
        for (int i = 0; i < changes.length; i += 2) {
            draft.put((String) changes[i], changes[i + 1]);
        }
        return draft;
    }

    static ValidatableResponse add(String user, Map<String, Object> draft) {
        return add(user, draft, UUID.randomUUID().toString());
    }

    static ValidatableResponse add(String user, Map<String, Object> draft, String key) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(draft).when().post("/addresses").then();
    }

    static long added(String user, Map<String, Object> draft) {
        return add(user, draft).statusCode(201).extract().jsonPath().getLong("id");
    }

    static ValidatableResponse book(String user) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/addresses").then().statusCode(200);
    }

    private static ValidatableResponse put(String user, long id, Map<String, Object> draft) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(draft)
                .when().put("/addresses/{id}", id).then();
    }

    private static ValidatableResponse delete(String user, long id) {
        return given().auth().oauth2(Tokens.of(user)).when().delete("/addresses/{id}", id).then();
    }

    private static ValidatableResponse makeDefault(String user, long id) {
        return given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/addresses/{id}/default", id).then();
    }

    @Test
    void the_first_address_is_the_default_and_the_book_lists_the_default_first_then_the_newest() {
        var created = add("shopper", chinese("张三")).statusCode(201);
        long first = created.extract().jsonPath().getLong("id");
        created.header("Location", endsWith("/api/cart-order/addresses/" + first))
                .body("isDefault", equalTo(true)).body("recipient", equalTo("张三"))
                .body("phone", equalTo("13900001234")).body("country", equalTo("CN")).body("label", equalTo("家"))
                .body("line2", equalTo(null));
        long second = add("shopper", chinese("李四")).statusCode(201).body("isDefault", equalTo(false))
                .extract().jsonPath().getLong("id");
        long third = added("shopper", chinese("王五"));

        book("shopper").body("id", contains((int) first, (int) third, (int) second))
                .body("isDefault", contains(true, false, false))
                .body("[0].district", equalTo("西湖区")).body("[0].postcode", equalTo("310013"))
                .body("[0]", not(hasKey("default")));
    }

    @Test
    void making_another_address_the_default_takes_it_from_the_old_one() {
        long first = added("shopper", chinese("张三"));
        long second = added("shopper", chinese("李四"));
        long third = added("shopper", chinese("王五"));

        makeDefault("shopper", second).statusCode(200).body("id", equalTo((int) second)).body("isDefault", equalTo(true))
                .body("recipient", equalTo("李四"));
        book("shopper").body("id", contains((int) second, (int) third, (int) first))
                .body("isDefault", contains(true, false, false));
        makeDefault("shopper", second).statusCode(200).body("isDefault", equalTo(true));
        book("shopper").body("isDefault", contains(true, false, false));
    }

    @Test
    void deleting_the_default_makes_the_newest_remaining_one_the_default() {
        long first = added("shopper", chinese("张三"));
        long second = added("shopper", chinese("李四"));
        long third = added("shopper", chinese("王五"));

        delete("shopper", second).statusCode(204);
        book("shopper").body("id", contains((int) first, (int) third)).body("isDefault", contains(true, false));
        delete("shopper", first).statusCode(204);
        book("shopper").body("id", contains((int) third)).body("isDefault", contains(true));
        delete("shopper", third).statusCode(204);
        book("shopper").body("$", hasSize(0));
        delete("shopper", third).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void editing_an_address_replaces_it_and_keeps_its_place() {
        long first = added("shopper", chinese("张三"));
        long second = added("shopper", chinese("李四"));
        var us = Map.<String, Object>of("recipient", "Jane Doe", "phone", "+1 (415) 555-0100", "country", "US",
                "province", "CA", "city", "San Francisco", "line1", "1 Market St", "line2", "Suite 200",
                "postcode", "94105-1234", "label", "Office");

        put("shopper", second, us).statusCode(200).body("id", equalTo((int) second)).body("isDefault", equalTo(false))
                .body("country", equalTo("US")).body("district", equalTo(null)).body("line2", equalTo("Suite 200"))
                .body("phone", equalTo("+1 (415) 555-0100"));
        book("shopper").body("id", contains((int) first, (int) second)).body("[1].recipient", equalTo("Jane Doe"))
                .body("[1].postcode", equalTo("94105-1234")).body("[0].recipient", equalTo("张三"));
    }

    @Test
    void another_shoppers_address_is_not_found_and_stays_as_it_was() {
        long mine = added("shopper", chinese("张三"));
        added("shopper2", chinese("赵六"));

        book("shopper2").body("id", not(hasItem((int) mine))).body("$", hasSize(1));
        put("shopper2", mine, chinese("冒名")).statusCode(404).contentType("application/problem+json")
                .body("detail", not(containsString("shopper")));
        delete("shopper2", mine).statusCode(404).contentType("application/problem+json");
        makeDefault("shopper2", mine).statusCode(404).contentType("application/problem+json");
        for (long unknown : new long[] {987_654_321_000L, -1}) {
            put("shopper", unknown, chinese("无")).statusCode(404).contentType("application/problem+json");
            delete("shopper", unknown).statusCode(404).contentType("application/problem+json");
            makeDefault("shopper", unknown).statusCode(404).contentType("application/problem+json");
        }
        book("shopper").body("id", contains((int) mine)).body("[0].recipient", equalTo("张三"))
                .body("[0].isDefault", equalTo(true));
        book("shopper2").body("[0].recipient", equalTo("赵六")).body("[0].isDefault", equalTo(true));
    }

    @Test
    void an_invalid_address_is_a_422_with_one_violation_per_field_and_changes_nothing() {
        long mine = added("shopper", chinese("张三"));
        var broken = chinese("", "phone", "010-12345678", "postcode", "31001", "district", null, "label", "x".repeat(21));

        add("shopper", broken).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-address"))
                .body("violations.field", contains("recipient", "phone", "district", "label", "postcode"))
                .body("violations.find { it.field == 'phone' }.message", containsString("mobile"));
        put("shopper", mine, broken).statusCode(422).body("type", equalTo(PROBLEMS + "invalid-address"))
                .body("violations", hasSize(5));
        add("shopper", chinese("张三", "country", "XX")).statusCode(422)
                .body("violations.field", contains("country"));
        add("shopper", Map.of("recipient", "Jane", "phone", "4155550100", "country", "US", "city", "SF",
                "line1", "1 Market St", "postcode", "941")).statusCode(422)
                .body("violations.field", contains("province", "postcode"));
        book("shopper").body("id", contains((int) mine)).body("[0].recipient", equalTo("张三"))
                .body("[0].phone", equalTo("13900001234"));

        given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("").when().post("/addresses").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("shopper")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"recipient\": 5, \"recipient\": 6}").when().post("/addresses").then()
                .statusCode(400).contentType("application/problem+json");
        book("shopper").body("$", hasSize(1));
    }

    @Test
    void a_book_holds_twenty_addresses_and_refuses_the_twenty_first() {
        for (int i = 1; i <= Address.MAX_PER_SHOPPER; i++) {
            added("shopper", chinese("收件人" + i));
        }
        add("shopper", chinese("多一个")).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "address-book-full"));
        book("shopper").body("$", hasSize(Address.MAX_PER_SHOPPER)).body("recipient", not(hasItem("多一个")));
    }

    @Test
    void thirty_additions_racing_fill_the_book_to_twenty_and_keep_one_default() throws Exception {
        long first = added("shopper", chinese("第一"));
        String token = Tokens.of("shopper");
        var statuses = new ConcurrentLinkedQueue<Integer>();
        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            var start = new CountDownLatch(1);
            for (int i = 0; i < 29; i++) {
                String recipient = "并发" + i;
                pool.submit(() -> {
                    start.await();
                    statuses.add(given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                            .contentType(ContentType.JSON).body(chinese(recipient)).when().post("/addresses")
                            .then().extract().statusCode());
                    return null;
                });
            }
            start.countDown();
        }
        assertEquals(19, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(10, statuses.stream().filter(s -> s == 422).count(), statuses::toString);
        book("shopper").body("$", hasSize(20)).body("findAll { it.isDefault }.id", contains((int) first));
    }

    @Test
    void one_idempotency_key_sent_twice_adds_one_address() {
        String key = UUID.randomUUID().toString();
        long first = add("shopper", chinese("张三"), key).statusCode(201).extract().jsonPath().getLong("id");
        add("shopper", chinese("张三"), key).statusCode(201).body("id", equalTo((int) first));
        add("shopper", chinese("李四"), key).statusCode(422);
        book("shopper").body("$", hasSize(1));
    }

    @Test
    void only_a_signed_in_shopper_has_an_address_book() {
        given().when().get("/addresses").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("merchant")).when().get("/addresses").then().statusCode(403);
        given().auth().oauth2(Tokens.of("merchant")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(chinese("张三")).when().post("/addresses").then().statusCode(403);
    }

    @Test
    void the_address_is_sealed_in_the_database_and_read_back_through_the_api() {
        long id = added("shopper", chinese("欧阳娜娜", "line2", "3 单元 1502 室"));
        String sealed = rawColumn("select sealed from shopper_address where id = " + id);

        assertTrue(sealed.startsWith("qm1."), sealed);
        for (String plain : List.of("欧阳娜娜", "13900001234", "文三路", "1502", "西湖区", "310013")) {
            assertFalse(sealed.contains(plain), () -> plain + " in " + sealed);
        }
        assertEquals("CN", rawColumn("select country from shopper_address where id = " + id));
        book("shopper").body("[0].recipient", equalTo("欧阳娜娜")).body("[0].phone", equalTo("13900001234"))
                .body("[0].line1", equalTo("文三路 478 号 欧阳娜娜")).body("[0].line2", equalTo("3 单元 1502 室"));
    }

    /** One text value read straight from the database, as a backup or a DBA would see it. */
    static String rawColumn(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Address.getEntityManager().createNativeQuery(sql)
                .getSingleResult());
    }
}
