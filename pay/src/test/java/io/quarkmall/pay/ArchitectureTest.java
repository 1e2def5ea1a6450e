package io.quarkmall.pay;

import io.quarkmall.stack.testing.ArchitectureContract;

/** pay keeps the layout every service keeps (see ArchitectureRules). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("io.quarkmall.pay");
    }
}
