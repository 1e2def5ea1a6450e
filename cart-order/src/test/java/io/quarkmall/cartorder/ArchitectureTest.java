package io.quarkmall.cartorder;

import io.quarkmall.stack.testing.ArchitectureContract;

/** cart-order keeps the layout every service keeps (see ArchitectureRules). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("io.quarkmall.cartorder");
    }
}
