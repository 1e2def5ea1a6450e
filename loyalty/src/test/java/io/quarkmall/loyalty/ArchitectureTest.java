package io.quarkmall.loyalty;

import io.quarkmall.stack.testing.ArchitectureContract;

/** loyalty keeps the layout every service keeps (see ArchitectureRules). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("io.quarkmall.loyalty");
    }
}
