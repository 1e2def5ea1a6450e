package io.quarkmall.stack;

import java.util.List;

/** The fixed local ports, documented in the README. Every server binds 127.0.0.1 only. */
public final class Ports {

    public static final int EDGE = 8080;
    public static final int POSTGRES = 15432;
    public static final int REDIS = 16379;
    public static final int KAFKA = 19092;
    public static final int KAFKA_CONTROLLER = 19093;
    public static final int OPENSEARCH = 19200;
    public static final int OPENSEARCH_TRANSPORT = 19300;
    public static final int KEYCLOAK = 18180;
    public static final int SANDBOX_PAY = 18280;
    public static final int SANDBOX_ALIPAY = 18281;
    public static final int SANDBOX_WECHAT = 18282;
    public static final int SANDBOX_SF = 18283;
    public static final int SANDBOX_KD100 = 18284;
    public static final int SANDBOX_EASYPOST = 18285;
    public static final int SMTP = 13025;
    public static final int IMAP = 13143;

    /** A Quarkmall service: its module, its HTTP port and its database. */
    public record Service(String name, int port) {
        public String database() {
            return name.replace('-', '_');
        }

        public String rootPath() {
            return "/api/" + name;
        }

        /** Health and metrics: the management interface, never behind the edge. */
        public int managementPort() {
            return port + 1000;
        }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("catalog", 8081),
            new Service("cart-order", 8082),
            new Service("stock", 8083),
            new Service("pay", 8084),
            new Service("loyalty", 8085),
            new Service("shipping", 8086));

    /** Databases of modules that are not services but test against the stack (the shared library). */
    public static final List<String> TEST_DATABASES = List.of("common_test");

    private Ports() {
    }
}
