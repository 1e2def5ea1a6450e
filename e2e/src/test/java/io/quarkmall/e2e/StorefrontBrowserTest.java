package io.quarkmall.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storefront and the operator console in Debian's headless Chromium, driven by playwright-core
 * (spa/test/browser/), against this build's whole mall through the edge: sign-in on Keycloak's own
 * login page, search, buy, the live timeline, points, the console. Screenshots of every screen on a
 * phone and a desktop land in spa/test-results/screenshots/.
 */
@ExtendWith(Mall.class)
@Order(1) // first, on a mall no other test has stressed, restarted or rate-limited yet
class StorefrontBrowserTest {

    private static final Path SPA = Path.of(System.getProperty("quarkmall.root", "..")).toAbsolutePath().normalize()
            .resolve("spa");

    @Test
    void shoppers_and_merchants_use_the_shop_in_a_real_browser_on_a_phone_and_a_desktop() throws Exception {
        var install = run("bash", "test/browser/install-chromium.sh");
        assertEquals(0, install.exitCode(), () -> "Chromium could not be installed:\n" + install.tail());
        // Each test is bounded (--test-timeout), and a file whose tests are over exits even if something
        // it opened is still pending (--test-force-exit): a hang fails one test by name instead of the whole run.
        var browser = run("node", "--test", "--test-concurrency=1", "--test-timeout=240000", "--test-force-exit",
                "--test-reporter=spec", "test/browser/");
        assertEquals(0, browser.exitCode(), () -> "The browser tests failed; screenshots are in "
                + SPA.resolve("test-results") + "; the end of their output:\n" + browser.tail());
    }

    /** How a command ended, with the last lines it printed (a failure's report must name the failing test). */
    private record Outcome(int exitCode, String tail) {
    }

    /** Runs a command in spa/, its output copied into this test's (a forked JVM's own stdout belongs to surefire). */
    private static Outcome run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(SPA.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        var last = new ArrayDeque<String>();
        Thread copier = Thread.ofVirtual().start(() -> process.inputReader(StandardCharsets.UTF_8).lines().forEach(line -> {
            System.out.println("[browser] " + line);
            synchronized (last) {
                last.addLast(line);
                if (last.size() > TAIL_LINES) {
                    last.removeFirst();
                }
            }
        }));
        boolean ended = process.waitFor(15, TimeUnit.MINUTES);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        copier.join(Duration.ofSeconds(10));
        String tail;
        synchronized (last) {
            tail = String.join("\n", last);
        }
        if (!ended) {
            throw new IllegalStateException("Timed out after 15 min: " + String.join(" ", command) + "\n" + tail);
        }
        return new Outcome(process.exitValue(), tail);
    }

    private static final int TAIL_LINES = 60;
}
