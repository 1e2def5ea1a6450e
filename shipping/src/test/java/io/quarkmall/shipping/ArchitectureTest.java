package io.quarkmall.shipping;

import io.quarkmall.stack.testing.ArchitectureContract;

/** shipping keeps the layout every service keeps (see ArchitectureRules). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("io.quarkmall.shipping");
    }
}
