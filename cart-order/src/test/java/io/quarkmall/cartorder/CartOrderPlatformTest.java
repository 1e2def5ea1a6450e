package io.quarkmall.cartorder;

import io.quarkmall.stack.testing.ServicePlatformContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CartOrderPlatformTest extends ServicePlatformContract {

    @Override
    protected String protectedPath() {
        return "/orders";
    }
}
