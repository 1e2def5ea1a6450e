package io.quarkmall.pay.channel.wechat;

import io.quarkmall.common.localstack.LocalStackAutostart;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In the dev, local and test profiles, the WeChat Pay merchant's ids and keys are those the stack's
 * sandbox generated and wrote to {@code .stack/wechatpay.properties} (git-ignored; the working directory
 * is the module's in quarkus:dev, ./mall up and tests). {@code %test.quarkus.config.locations} cannot do
 * this: Quarkus reads that setting before it applies profiles. The stack is made sure of first (common's
 * {@link LocalStackAutostart}, which starts it at most once), since the sandbox writes the file when it starts.
 * Other profiles (production) read {@code WECHATPAY_*} environment variables instead.
 */
public class WechatPaySandboxKeys implements ConfigSourceFactory {

    static final Path FILE = Path.of("../.stack/wechatpay.properties");
    private static final int ORDINAL = 245; // below application.properties (250), which may override a key

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (context.getProfiles().stream().noneMatch(p -> p.equals("dev") || p.equals("local") || p.equals("test"))) {
            return List.of();
        }
        new LocalStackAutostart().getConfigSources(context);
        if (!Files.isRegularFile(FILE)) {
            return List.of();
        }
        var keys = new Properties();
        try (Reader in = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
            keys.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(new PropertiesConfigSource(keys, "WeChat Pay sandbox keys " + FILE, ORDINAL));
    }
}
