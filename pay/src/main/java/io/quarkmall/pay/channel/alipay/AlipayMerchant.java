package io.quarkmall.pay.channel.alipay;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The merchant's side of Alipay: which gateway, as which app, with which keys. */
record AlipayMerchant(String gatewayUrl, String appId, String appPrivateKey, String alipayPublicKey) {

    /** From the settings, each missing one taken from the sandbox's merchant file; empty if any is still missing. */
    static Optional<AlipayMerchant> of(AlipayConfig config) {
        Properties file = config.sandboxMerchantFile().filter(Files::isRegularFile).map(AlipayMerchant::read)
                .orElseGet(Properties::new);
        String gateway = config.gatewayUrl().map(URI::toString).orElse(file.getProperty("gateway-url"));
        String appId = config.appId().orElse(file.getProperty("app-id"));
        String privateKey = config.appPrivateKey().orElse(file.getProperty("app-private-key"));
        String publicKey = config.alipayPublicKey().orElse(file.getProperty("alipay-public-key"));
        if (gateway == null || appId == null || privateKey == null || publicKey == null) {
            return Optional.empty();
        }
        return Optional.of(new AlipayMerchant(gateway, appId, privateKey, publicKey));
    }

    private static Properties read(Path path) {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(path)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the Alipay sandbox's merchant file " + path, e);
        }
        return properties;
    }

    /** Never the keys: a record would print them. */
    @Override
    public String toString() {
        return "AlipayMerchant[gateway=" + gatewayUrl + ", appId=" + appId + "]";
    }
}
