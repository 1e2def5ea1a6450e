package io.quarkmall.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The WeChat Pay sandbox's key material, made once on first start and kept under {@code .stack/}
 * (git-ignored), so a restarted sandbox and a running pay still agree: the merchant's RSA key pair
 * (pay signs with the private half, the sandbox verifies with the public half), the platform's RSA key
 * pair (the sandbox signs answers and notifications, pay verifies with the public key and its id, the
 * SDK's public-key mode), and the merchant's APIv3 key (AEAD_AES_256_GCM of notification resources).
 *
 * <p>What pay needs is written to {@code .stack/wechatpay.properties} as {@code quarkmall.pay.wechat.*}
 * settings, which pay's dev, local and test profiles load. Nothing here is ever printed.
 */
record SandboxWechatPayKeys(String mchid, String appid, String merchantSerial, PrivateKey merchantPrivate,
                            PublicKey merchantPublic, PrivateKey platformPrivate, PublicKey platformPublic,
                            String platformKeyId, String apiV3Key) {

    static final String SIGN_TYPE = "WECHATPAY2-SHA256-RSA2048";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Reads the sandbox's keys from {@code .stack/data/sandbox-wechat/}, making them on first start. */
    static SandboxWechatPayKeys loadOrCreate(StackLayout layout) {
        Path own = layout.data("sandbox-wechat").resolve("keys.properties");
        SandboxWechatPayKeys keys = Files.exists(own) ? read(own) : create();
        if (!Files.exists(own)) {
            write(own, keys.sandboxSide());
        }
        write(layout.home().resolve("wechatpay.properties"), keys.merchantSide());
        return keys;
    }

    private static SandboxWechatPayKeys create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var merchant = generator.generateKeyPair();
            var platform = generator.generateKeyPair();
            return new SandboxWechatPayKeys("1900000109", "wx0sandbox0quarkmall", HexFormat.of().withUpperCase()
                    .formatHex(randomBytes(20)), merchant.getPrivate(), merchant.getPublic(), platform.getPrivate(),
                    platform.getPublic(), "PUB_KEY_ID_0119" + randomDigits(18), nonce(32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SandboxWechatPayKeys read(Path file) {
        var p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrivateKey merchant = privateKey(p.getProperty("merchant-private-key"));
        PrivateKey platform = privateKey(p.getProperty("platform-private-key"));
        return new SandboxWechatPayKeys(p.getProperty("mchid"), p.getProperty("appid"), p.getProperty("merchant-serial-number"),
                merchant, publicOf(merchant), platform, publicOf(platform), p.getProperty("platform-public-key-id"),
                p.getProperty("api-v3-key"));
    }

    private Properties sandboxSide() {
        var p = new Properties();
        p.setProperty("mchid", mchid);
        p.setProperty("appid", appid);
        p.setProperty("merchant-serial-number", merchantSerial);
        p.setProperty("merchant-private-key", base64(merchantPrivate.getEncoded()));
        p.setProperty("platform-private-key", base64(platformPrivate.getEncoded()));
        p.setProperty("platform-public-key-id", platformKeyId);
        p.setProperty("api-v3-key", apiV3Key);
        return p;
    }

    private Properties merchantSide() {
        var p = new Properties();
        String prefix = "quarkmall.pay.wechat.";
        p.setProperty(prefix + "mchid", mchid);
        p.setProperty(prefix + "appid", appid);
        p.setProperty(prefix + "merchant-serial-number", merchantSerial);
        p.setProperty(prefix + "private-key", base64(merchantPrivate.getEncoded()));
        p.setProperty(prefix + "api-v3-key", apiV3Key);
        p.setProperty(prefix + "platform-public-key", base64(platformPublic.getEncoded()));
        p.setProperty(prefix + "platform-public-key-id", platformKeyId);
        return p;
    }

    /** Never the keys themselves, wherever a record would otherwise print them. */
    @Override
    public String toString() {
        return "WeChat Pay sandbox keys of merchant " + mchid + " (platform key " + platformKeyId + ")";
    }

    /** Signs {@code message} with the platform key: a {@code Wechatpay-Signature}. */
    String signAsPlatform(String message) {
        return sign(platformPrivate, message);
    }

    /** Whether {@code signature} is the merchant's over {@code message}. */
    boolean signedByMerchant(String message, String signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(merchantPublic);
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** AEAD_AES_256_GCM under the APIv3 key, as WeChat Pay encrypts a notification's resource: base64(ciphertext‖tag). */
    String encrypt(String plaintext, String associatedData, String nonce) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return base64(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String nonce(int length) {
        var s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return s.toString();
    }

    static String randomDigits(int length) {
        var s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(RANDOM.nextInt(10));
        }
        return s.toString();
    }

    private static String sign(PrivateKey key, String message) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return base64(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The WeChat Pay sandbox's keys under .stack/ are unreadable; delete them", e);
        }
    }

    private static PublicKey publicOf(PrivateKey key) {
        try {
            var crt = (RSAPrivateCrtKey) key;
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                properties.store(out, "WeChat Pay sandbox keys (generated; never commit)");
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
