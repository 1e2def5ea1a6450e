package io.quarkmall.catalog;

import io.quarkmall.stack.testing.ArchitectureContract;

/** catalog keeps the layout every service keeps (see ArchitectureRules). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("io.quarkmall.catalog");
    }
}
