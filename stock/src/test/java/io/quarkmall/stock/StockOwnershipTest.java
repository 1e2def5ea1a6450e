package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.drafted;
import static io.quarkmall.stock.CatalogAnnouncements.newSku;
import static io.quarkmall.stock.CatalogAnnouncements.ownerOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Stock knows which merchant owns each SKU from catalog's events: a merchant counts and reads only
 * its own SKUs, another merchant's SKU is as good as unknown (404), an admin sees every SKU.
 */
@QuarkusTest
class StockOwnershipTest {

    /** Another merchant than the demo one: the rule is the same for any subject that is not the caller's. */
    private static String rival() {
        return "rival-" + UUID.randomUUID();
    }

    private static String mine() {
        return Tokens.subjectOf("merchant");
    }

    private static ValidatableResponse count(String user, String sku, long onHand) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body("{\"onHand\":" + onHand + "}")
                .when().put("/stock/{sku}", sku).then();
    }

    private static ValidatableResponse read(String user, String sku) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/stock/{sku}", sku).then();
    }

    /** Every SKU the user's list shows, page after page. */
    private static List<String> listed(String user) {
        List<String> skus = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<String> onPage = given().auth().oauth2(Tokens.of(user)).queryParam("page", page).queryParam("size", 200)
                    .when().get("/stock").then().statusCode(200).extract().path("sku");
            if (onPage.isEmpty()) {
                return skus;
            }
            skus.addAll(onPage);
        }
    }

    @Test
    void another_merchant_cannot_count_a_rivals_sku() {
        String sku = newSku("RIVAL");
        drafted(rival(), sku);
        count("admin", sku, 9).statusCode(200);

        count("merchant", sku, 56).statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://quarkmall.io/problems/not-found"));

        read("admin", sku).statusCode(200).body("onHand", equalTo(9));
    }

    @Test
    void another_merchant_can_neither_read_nor_list_a_rivals_sku() {
        String theirs = newSku("RIVAL");
        String ours = newSku("OURS");
        drafted(rival(), theirs);
        drafted(mine(), ours);

        read("merchant", theirs).statusCode(404).contentType("application/problem+json");
        List<String> listed = listed("merchant");
        assertFalse(listed.contains(theirs), "a rival's SKU is not in the merchant's list");
        assertTrue(listed.contains(ours), "the merchant's own SKU is in its list");
    }

    @Test
    void a_sku_catalog_never_announced_cannot_be_counted_and_nothing_is_created() {
        String sku = newSku("NEVER");

        count("merchant", sku, 56).statusCode(404).contentType("application/problem+json");
        count("admin", sku, 56).statusCode(404).contentType("application/problem+json");

        read("admin", sku).statusCode(404);
        assertNull(ownerOf(sku));
        given().queryParam("sku", sku).when().get("/availability").then().statusCode(200)
                .body("[0].state", equalTo("OUT_OF_STOCK"));
    }

    @Test
    void an_owner_can_count_a_drafted_sku_before_it_is_listed() {
        String sku = newSku("DRAFT");
        drafted(mine(), sku);
        read("merchant", sku).statusCode(200).body("onHand", equalTo(0)).body("available", equalTo(0));

        count("merchant", sku, 12).statusCode(200).body("onHand", equalTo(12)).body("available", equalTo(12));

        read("merchant", sku).statusCode(200).body("onHand", equalTo(12));
        assertTrue(listed("merchant").contains(sku));
    }

    @Test
    void skus_an_edit_adds_and_skus_of_a_listed_product_are_their_owners() {
        String added = newSku("ADDED");
        String listed = newSku("LISTED");
        CatalogAnnouncements.publish("ProductSkusAdded", mine(), added);
        CatalogAnnouncements.publish("ProductListed", mine(), listed);
        CatalogAnnouncements.awaitOwner(added, mine());
        CatalogAnnouncements.awaitOwner(listed, mine());

        count("merchant", added, 3).statusCode(200);
        count("merchant", listed, 4).statusCode(200);
    }

    @Test
    void an_admin_can_count_and_read_any_sku() {
        String sku = newSku("ANY");
        drafted(rival(), sku);

        count("admin", sku, 30).statusCode(200).body("onHand", equalTo(30));

        read("admin", sku).statusCode(200).body("sku", equalTo(sku)).body("onHand", equalTo(30));
        assertTrue(listed("admin").contains(sku));
    }

    @Test
    void a_redelivered_catalog_event_changes_nothing() {
        String sku = newSku("REDELIVERED");
        String first = rival();
        String envelope = CatalogAnnouncements.publish("ProductDrafted", first, sku);
        CatalogAnnouncements.awaitOwner(sku, first);
        // Catalog is the authority on owners: a later announcement wins...
        drafted(mine(), sku);
        count("merchant", sku, 5).statusCode(200);

        // ...but the first one, delivered again, is not applied again.
        long productId = Long.parseLong(envelope.replaceAll(".*\"aggregateId\":\"(\\d+)\".*", "$1"));
        SagaEvents.send(CatalogAnnouncements.TOPIC, productId, envelope);
        SagaEvents.send(CatalogAnnouncements.TOPIC, productId, "this is not an event"); // to the dead-letter topic
        String marker = newSku("MARKER");
        SagaEvents.publish(CatalogAnnouncements.TOPIC, "ProductDrafted", productId,
                "{\"productId\":%d,\"merchantId\":\"%s\",\"skus\":[{\"sku\":\"%s\"}]}".formatted(productId, first, marker));
        // Same key, same partition, in order: once the marker is known, the redelivery was handled.
        CatalogAnnouncements.awaitOwner(marker, first);

        assertEquals(mine(), ownerOf(sku));
        read("merchant", sku).statusCode(200).body("onHand", equalTo(5));
    }

    @Test
    void counting_needs_a_merchants_or_an_admins_token() {
        String sku = newSku("AUTH");
        drafted(mine(), sku);

        given().contentType(ContentType.JSON).body("{\"onHand\":1}").when().put("/stock/{sku}", sku).then().statusCode(401);
        count("shopper", sku, 1).statusCode(403);
        read("shopper", sku).statusCode(403);
    }
}
