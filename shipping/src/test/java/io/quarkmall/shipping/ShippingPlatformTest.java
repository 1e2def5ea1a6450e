package io.quarkmall.shipping;

import io.quarkmall.stack.testing.ServicePlatformContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ShippingPlatformTest extends ServicePlatformContract {

    @Override
    protected String protectedPath() {
        return "/shipments";
    }
}
