package io.quarkmall.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storefront and the operator console in Debian's headless Chromium, driven by playwright-core
 * (spa/test/browser/), against this build's whole mall through the edge: sign-in on Keycloak's own
 * login page, search, buy, the live timeline, points, the console. Screenshots of every screen on a
 * phone and a desktop land in spa/test-results/screenshots/.
 */
@ExtendWith(Mall.class)
class StorefrontBrowserTest {

    private static final Path SPA = Path.of(System.getProperty("quarkmall.root", "..")).toAbsolutePath().normalize()
            .resolve("spa");

    @Test
    void shoppers_and_merchants_use_the_shop_in_a_real_browser_on_a_phone_and_a_desktop() throws Exception {
        assertEquals(0, run("bash", "test/browser/install-chromium.sh"), "Chromium could not be installed");
        assertEquals(0, run("node", "--test", "--test-concurrency=1", "--test-reporter=spec", "test/browser/"),
                "The browser tests failed: their output is above; screenshots are in " + SPA.resolve("test-results"));
    }

    /** Runs a command in spa/, its output copied into this test's (a forked JVM's own stdout belongs to surefire). */
    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(SPA.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        Thread copier = Thread.ofVirtual().start(() -> process.inputReader(StandardCharsets.UTF_8).lines()
                .forEach(line -> System.out.println("[browser] " + line)));
        boolean ended = process.waitFor(15, TimeUnit.MINUTES);
        copier.join(Duration.ofSeconds(10));
        if (!ended) {
            process.destroyForcibly();
            throw new IllegalStateException("Timed out: " + String.join(" ", command));
        }
        return process.exitValue();
    }
}
