package io.quarkmall.pay.channel.wechat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The WeChat Pay sandbox's platform key, read from where the stack keeps it (.stack/data/sandbox-wechat/),
 * so a test can sign notifications the platform never sent: a tampered ciphertext under a genuine
 * signature, a stale timestamp. Tests only; pay itself knows the platform's public key alone.
 */
record SandboxPlatform(PrivateKey key, String keyId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SandboxPlatform fromStack() throws Exception {
        var p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("../.stack/data/sandbox-wechat/keys.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(p.getProperty("platform-private-key"))));
        return new SandboxPlatform(key, p.getProperty("platform-public-key-id"));
    }

    /** The headers WeChat Pay would send with {@code body}, signed at {@code timestamp} (epoch seconds). */
    Map<String, String> signed(String body, String timestamp) throws Exception {
        return headers(key, keyId, body, timestamp);
    }

    /** The same headers, signed by a key that is not the platform's. */
    Map<String, String> signedWithAnotherKey(Map<String, String> genuine, String body) throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return headers(generator.generateKeyPair().getPrivate(), keyId, body, genuine.get("wechatpay-timestamp"));
    }

    /** {@code body} with one character of its resource's ciphertext changed (still base64). */
    static String tamperCiphertext(String body) throws Exception {
        var json = (ObjectNode) JSON.readTree(body);
        var resource = (ObjectNode) json.get("resource");
        String ciphertext = resource.get("ciphertext").asText();
        resource.put("ciphertext", (ciphertext.charAt(0) == 'A' ? "B" : "A") + ciphertext.substring(1));
        return JSON.writeValueAsString(json);
    }

    private static Map<String, String> headers(PrivateKey key, String keyId, String body, String timestamp) throws Exception {
        String nonce = "n" + Long.toHexString(System.nanoTime());
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update((timestamp + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
        var headers = new HashMap<String, String>();
        headers.put("wechatpay-timestamp", timestamp);
        headers.put("wechatpay-nonce", nonce);
        headers.put("wechatpay-signature", Base64.getEncoder().encodeToString(signer.sign()));
        headers.put("wechatpay-serial", keyId);
        headers.put("wechatpay-signature-type", "WECHATPAY2-SHA256-RSA2048");
        return headers;
    }
}
