package io.quarkmall.pay.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandboxes' keys are read when asked for, so a stack started while the configuration is built still counts. */
class SandboxKeysTest {

    @Test
    void a_key_file_written_after_the_source_was_made_is_read_when_the_setting_is_asked_for(@TempDir Path stack)
            throws Exception {
        var keys = new SandboxKeysConfigSourceFactory.SandboxKeys(stack);
        assertNull(keys.getValue("quarkmall.pay.card.webhook-secret"), "no stack yet");

        Files.writeString(stack.resolve("card-psp.properties"), "quarkmall.pay.card.webhook-secret=whsec_abc\n");

        assertEquals("whsec_abc", keys.getValue("quarkmall.pay.card.webhook-secret"));
        assertEquals(java.util.Set.of("quarkmall.pay.card.webhook-secret"), keys.getPropertyNames());
        assertNull(keys.getValue("quarkmall.pay.card.url"));
    }
}
