package io.quarkmall.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stack.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * PCI DSS hygiene, after every other test of the build (this module runs last in the reactor, and
 * this class last in it): no log of the stack, no row of any database and no message of any topic
 * holds a card number (a Luhn-valid run of 13 to 19 digits) or a CVV. What it finds is listed with
 * where it is, masked. The detector and its exclusions are proven on planted samples by
 * CardDataDetectorTest, including a card number logged once.
 *
 * <p>Needs only the stack's servers: it runs as well on its own (after {@code ./mall stack up}) as
 * after the end-to-end suite, whose mall is still up when it runs.
 */
@Order(Integer.MAX_VALUE)
class PciHygieneScanTest {

    private static final Path ROOT = Path.of(System.getProperty("quarkmall.root", "..")).toAbsolutePath().normalize();

    /**
     * The stack is up, and a card has been typed into the PSP's hosted field just now, as a shopper
     * does: whatever the PSP does with it is in the logs this test reads.
     */
    @BeforeAll
    static void aCardWentThroughTheHostedField() throws Exception {
        Process up = new ProcessBuilder("bash", ROOT.resolve("mall").toString(), "stack", "up")
                .directory(ROOT.toFile()).inheritIO().start();
        assertEquals(0, up.waitFor(), "./mall stack up failed; see .stack/logs/");
        var card = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Ports.SANDBOX_PAY + "/v1/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"number\":\"4000000000000119\",\"expMonth\":12,\"expYear\":%d,\"cvc\":\"737\"}"
                                .formatted(Year.now().getValue() + 1))).build();
        try (var http = HttpClient.newHttpClient()) {
            assertEquals(200, http.send(card, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void no_log_of_the_stack_holds_a_card_number_or_a_cvv() throws Exception {
        assertClean("log lines of .stack/logs/", CardDataScan.logs(ROOT.resolve(".stack/logs")));
    }

    @Test
    void no_text_in_any_table_of_any_database_holds_a_card_number_or_a_cvv() throws Exception {
        assertClean("rows in PostgreSQL", CardDataScan.databases("127.0.0.1", Ports.POSTGRES, "quarkmall", "quarkmall"));
    }

    @Test
    void no_message_of_any_topic_holds_a_card_number_or_a_cvv() throws Exception {
        assertClean("Kafka messages", CardDataScan.topics("127.0.0.1:" + Ports.KAFKA));
    }

    private static void assertClean(String what, CardDataScan.Report report) {
        assertTrue(report.scanned() > 0, "nothing to scan: the scan would pass blind");
        List<String> shown = report.findings().stream().limit(200).toList();
        assertEquals(List.of(), shown, report.findings().size() + " card data findings in " + report.scanned() + " " + what);
        System.out.printf("[e2e] PCI scan: %d %s, no card number or CVV%n", report.scanned(), what);
    }
}
