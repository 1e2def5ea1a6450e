package io.quarkmall.pay;

import io.quarkmall.stack.testing.ServicePlatformContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PayPlatformTest extends ServicePlatformContract {

    @Override
    protected String protectedPath() {
        return "/payments";
    }
}
