package io.quarkmall.stock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.stock.domain.Availability;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AvailabilityTest {

    @Test
    void few_units_left_are_shown_and_many_are_not() {
        assertEquals(Availability.State.OUT_OF_STOCK, Availability.of("A", 0).state());
        assertEquals(new Availability("A", Availability.State.LOW, 5L), Availability.of("A", 5));
        assertEquals(new Availability("A", Availability.State.IN_STOCK, null), Availability.of("A", 6));
    }

    @Test
    void anyone_can_see_whether_skus_can_be_bought_in_the_order_asked() {
        String many = count(100);
        String few = count(3);
        String none = count(0);
        String unknown = "NEVER-" + UUID.randomUUID().toString().substring(0, 8);
        given().queryParam("sku", many, few, none, unknown, many).when().get("/availability").then()
                .statusCode(200)
                .body("", hasSize(4))
                .body("sku", contains(many, few, none, unknown))
                .body("state", contains("IN_STOCK", "LOW", "OUT_OF_STOCK", "OUT_OF_STOCK"))
                .body("[0].fewLeft", nullValue())
                .body("[1].fewLeft", equalTo(3));
    }

    @Test
    void asking_for_no_sku_or_a_malformed_one_is_a_problem_json_400() {
        given().when().get("/availability").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("sku", "bad sku!").when().get("/availability").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static String count(long onHand) {
        return CatalogAnnouncements.stocked("AV", onHand);
    }
}
