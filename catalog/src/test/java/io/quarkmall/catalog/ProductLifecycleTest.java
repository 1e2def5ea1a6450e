package io.quarkmall.catalog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A merchant's product from draft to listed (searchable in Chinese, English, with typos) to delisted. */
@QuarkusTest
class ProductLifecycleTest {

    /** The first test of a run also waits for the indexer's consumer to join its group on a fresh topic. */
    private static final Duration INDEXED = Duration.ofSeconds(60);

    private static String product(String zhName, String enName, String sku) {
        return """
                {"names": {"zh-CN": "%s", "en": "%s"},
                 "skus": [{"sku": "%s-RED", "attributes": {"colour": "red"},
                           "price": {"amountMinor": 19900, "currency": "CNY"}, "pointsPrice": 1990},
                          {"sku": "%s-BLUE", "price": {"amountMinor": 18900, "currency": "CNY"}}]}"""
                .formatted(zhName, enName, sku, sku);
    }

    private static ValidatableResponse post(String user, String path, String body) {
        var request = given().auth().oauth2(Tokens.of(user)).header("Idempotency-Key", UUID.randomUUID().toString());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post(path).then();
    }

    /** A product the merchant created and listed; its id. */
    private static long listed(String zhName, String enName, String sku) {
        long id = post("merchant", "/merchant/products", product(zhName, enName, sku)).statusCode(201)
                .extract().jsonPath().getLong("id");
        post("merchant", "/merchant/products/" + id + "/listing", null).statusCode(200);
        return id;
    }

    private static ValidatableResponse search(String q) {
        return given().queryParam("q", q).when().get("/products/search").then().statusCode(200);
    }

    @Test
    void a_listed_product_is_found_in_chinese_in_english_and_despite_a_typo_and_gone_once_delisted() {
        String marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        long id = post("merchant", "/merchant/products", product("无线蓝牙耳机 " + marker, "Wireless headphones " + marker, marker))
                .statusCode(201).body("status", equalTo("DRAFT")).body("skus.sku", contains(marker + "-RED", marker + "-BLUE"))
                .extract().jsonPath().getLong("id");
        given().when().get("/products/{id}", id).then().statusCode(404);

        post("merchant", "/merchant/products/" + id + "/listing", null).statusCode(200).body("status", equalTo("LISTED"));
        given().when().get("/products/{id}", id).then().statusCode(200).body("skus[0].price.amountMinor", equalTo(19900))
                .body("skus[0].pointsPrice", equalTo(1990));

        await().atMost(INDEXED).untilAsserted(() -> search("蓝牙耳机 " + marker).body("productId", hasItem((int) id)));
        search("headphnes " + marker).body("productId", hasItem((int) id));
        search("蓝牙耳机 " + marker).body("fromPrice.amountMinor", hasItem(18900));

        post("merchant", "/merchant/products/" + id + "/delisting", null).statusCode(200).body("status", equalTo("DELISTED"));
        given().when().get("/products/{id}", id).then().statusCode(404);
        await().atMost(INDEXED).untilAsserted(() -> search("headphones " + marker).body("productId", not(hasItem((int) id))));
    }

    @Test
    void results_come_as_the_shopper_types_a_word() {
        String marker = "y" + UUID.randomUUID().toString().substring(0, 8);
        long id = listed("保温杯 " + marker, "Thermoscup " + marker, marker);
        await().atMost(INDEXED).untilAsserted(() -> search(marker + " therm").body("productId", hasItem((int) id)));
        search(marker + " thermx").body("productId", not(hasItem((int) id)));
    }

    @Test
    void editing_a_listed_product_changes_what_shoppers_see_and_search_finds() {
        String marker = "e" + UUID.randomUUID().toString().substring(0, 8);
        long id = listed("旅行箱 " + marker, "Suitcase " + marker, marker);
        String revised = """
                {"names": {"zh-CN": "登机箱 %1$s", "en": "Cabin bag %1$s"},
                 "skus": [{"sku": "%1$s-RED", "price": {"amountMinor": 15900, "currency": "CNY"}, "pointsPrice": 1500},
                          {"sku": "%1$s-BLUE", "price": {"amountMinor": 18900, "currency": "CNY"}},
                          {"sku": "%1$s-GREEN", "attributes": {"colour": "green"},
                           "price": {"amountMinor": 17900, "currency": "CNY"}}]}""".formatted(marker);
        given().auth().oauth2(Tokens.of("merchant")).contentType(ContentType.JSON).body(revised)
                .when().put("/merchant/products/{id}", id).then().statusCode(200)
                .body("name", equalTo("登机箱 " + marker)).body("status", equalTo("LISTED"))
                .body("skus.sku", contains(marker + "-RED", marker + "-BLUE", marker + "-GREEN"));
        given().when().get("/products/{id}", id).then().statusCode(200)
                .body("skus[0].price.amountMinor", equalTo(15900)).body("skus[0].pointsPrice", equalTo(1500))
                .body("skus[2].attributes.colour", equalTo("green"));
        await().atMost(INDEXED).untilAsserted(() -> search("cabin bag " + marker)
                .body("productId", hasItem((int) id)).body("fromPrice.amountMinor", hasItem(15900)));
        search("suitcase " + marker).body("productId", not(hasItem((int) id)));
    }

    @Test
    void an_edit_that_drops_a_sku_or_takes_anothers_code_is_409_and_changes_nothing() {
        String marker = "d" + UUID.randomUUID().toString().substring(0, 8);
        String other = "x" + UUID.randomUUID().toString().substring(0, 8);
        long id = post("merchant", "/merchant/products", product("雨伞", "Umbrella", marker)).statusCode(201)
                .extract().jsonPath().getLong("id");
        post("merchant", "/merchant/products", product("雨衣", "Raincoat", other)).statusCode(201);
        String dropsBlue = """
                {"names": {"en": "Umbrella"}, "skus": [{"sku": "%s-RED", "price": {"amountMinor": 100, "currency": "CNY"}}]}"""
                .formatted(marker);
        given().auth().oauth2(Tokens.of("merchant")).contentType(ContentType.JSON).body(dropsBlue)
                .when().put("/merchant/products/{id}", id).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/sku-removed"));
        String takesOthers = """
                {"names": {"en": "Umbrella"},
                 "skus": [{"sku": "%s-RED", "price": {"amountMinor": 100, "currency": "CNY"}},
                          {"sku": "%s-BLUE", "price": {"amountMinor": 100, "currency": "CNY"}},
                          {"sku": "%s-RED", "price": {"amountMinor": 100, "currency": "CNY"}}]}"""
                .formatted(marker, marker, other);
        given().auth().oauth2(Tokens.of("merchant")).contentType(ContentType.JSON).body(takesOthers)
                .when().put("/merchant/products/{id}", id).then().statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/sku-code-taken"));
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body(product("雨伞", "Umbrella", marker))
                .when().put("/merchant/products/{id}", id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("merchant")).when().get("/merchant/products/{id}", id).then().statusCode(200)
                .body("name", equalTo("雨伞")).body("skus.sku", contains(marker + "-RED", marker + "-BLUE"))
                .body("skus[0].price.amountMinor", equalTo(19900));
    }

    @Test
    void another_merchant_cannot_see_or_list_a_product_and_a_shopper_cannot_create_one() {
        String marker = "o" + UUID.randomUUID().toString().substring(0, 8);
        long id = post("merchant", "/merchant/products", product("茶杯", "Tea cup", marker)).statusCode(201)
                .extract().jsonPath().getLong("id");
        // admin is also a merchant, but not this product's
        given().auth().oauth2(Tokens.of("admin")).when().get("/merchant/products/{id}", id).then().statusCode(404);
        post("admin", "/merchant/products/" + id + "/listing", null).statusCode(404).contentType("application/problem+json");
        post("shopper", "/merchant/products", product("茶杯", "Tea cup", marker + "x")).statusCode(403);
        given().auth().oauth2(Tokens.of("merchant")).when().get("/merchant/products/{id}", 999_999_999L).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void illegal_transitions_and_taken_sku_codes_are_409() {
        String marker = "t" + UUID.randomUUID().toString().substring(0, 8);
        long id = post("merchant", "/merchant/products", product("茶壶", "Teapot", marker)).statusCode(201)
                .extract().jsonPath().getLong("id");
        post("merchant", "/merchant/products/" + id + "/delisting", null).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://quarkmall.io/problems/product-not-listed"));
        post("merchant", "/merchant/products", product("茶壶", "Teapot", marker)).statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/sku-code-taken"));
    }

    @Test
    void bad_products_are_400_with_the_fields_named() {
        post("merchant", "/merchant/products", """
                {"names": {"zh-CN": ""}, "skus": [{"sku": "bad code!", "price": {"amountMinor": 0, "currency": "cny"}}]}""")
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("sku")).body("violations.field", hasItem("amountMinor"))
                .body("violations.field", hasItem("currency"));
        post("merchant", "/merchant/products", """
                {"names": {"en": "Pen"}, "skus": [{"sku": "P1", "price": {"amountMinor": 10, "currency": "XYZ"}}]}""")
                .statusCode(400).body("violations.field", hasItem("currency"));
        post("merchant", "/merchant/products", """
                {"names": {"en": "Pen"}, "skus": [{"sku": "P1", "price": {"amountMinor": 10, "currency": "CNY"}},
                                                  {"sku": "P1", "price": {"amountMinor": 10, "currency": "CNY"}}]}""")
                .statusCode(400).body("type", equalTo("https://quarkmall.io/problems/duplicate-sku"));
        given().when().get("/products/search").then().statusCode(400).contentType("application/problem+json");
    }
}
