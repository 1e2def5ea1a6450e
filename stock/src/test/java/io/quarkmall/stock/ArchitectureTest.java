package io.quarkmall.stock;

import io.quarkmall.stack.testing.ArchitectureContract;

/** stock keeps the layout every service keeps (see ArchitectureRules). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("io.quarkmall.stock");
    }
}
