package io.quarkmall.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The address a caller is counted by: never one it merely claims. */
class ClientAddressTest {

    private final ClientAddress behindCloudFrontAndAlb = new ClientAddress(List.of("10.0.0.0/16"), 2);
    private final ClientAddress behindTheEdge = new ClientAddress(List.of("127.0.0.1", "::1"), 1);

    @Test
    void entries_a_client_wrote_itself_are_ignored() {
        // the client claims 1.2.3.4; CloudFront recorded the viewer 203.0.113.7, the ALB CloudFront's 198.51.100.1
        assertEquals("203.0.113.7", behindCloudFrontAndAlb.of("10.0.3.9", "1.2.3.4, 203.0.113.7, 198.51.100.1"));
        assertEquals("203.0.113.7", behindCloudFrontAndAlb.of("10.0.3.9", "203.0.113.7, 198.51.100.1"));
    }

    @Test
    void a_peer_that_is_not_our_proxy_is_counted_by_its_own_address() {
        assertEquals("192.0.2.50", behindCloudFrontAndAlb.of("192.0.2.50", "203.0.113.7, 198.51.100.1"));
        assertEquals("192.0.2.50", behindTheEdge.of("192.0.2.50", "127.0.0.1"));
    }

    @Test
    void the_local_edge_records_one_entry() {
        assertEquals("192.168.1.20", behindTheEdge.of("127.0.0.1", "6.6.6.6, 192.168.1.20"));
        assertEquals("127.0.0.1", behindTheEdge.of("127.0.0.1", null));
    }

    @Test
    void fewer_entries_than_hops_take_the_first() {
        assertEquals("203.0.113.7", behindCloudFrontAndAlb.of("10.0.0.1", "203.0.113.7"));
    }

    @Test
    void an_ipv6_caller_is_counted_by_its_slash_64() {
        assertEquals(ClientAddress.bucket("2001:db8:1:2::1"), ClientAddress.bucket("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddress.bucket("2001:db8:1:2:abcd::9"));
    }
}
