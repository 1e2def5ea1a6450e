package io.quarkmall.common.crypto;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * Master keys in AWS KMS: each version is a KMS key (id, ARN or alias), and a data key is wrapped
 * by KMS {@code Encrypt} and unwrapped by {@code Decrypt}, so the master key never leaves KMS.
 * The encryption context carries a SHA-256 of the data key's context (subject and generation): a
 * wrapped key moved to another subject does not unwrap, and CloudTrail shows no shopper id. KMS's
 * own yearly rotation of a key's material is transparent here; a new version is a new key id in
 * configuration.
 */
public final class KmsMasterKeys implements MasterKeys {

    private final KmsClient kms;
    private final SortedMap<Integer, String> keyIds;

    public KmsMasterKeys(KmsClient kms, SortedMap<Integer, String> keyIds) {
        if (keyIds.isEmpty()) {
            throw new IllegalArgumentException("KMS master keys need at least one key id");
        }
        this.kms = kms;
        this.keyIds = Collections.unmodifiableSortedMap(keyIds);
    }

    /**
     * A client on the SDK's default region and credential chains (EKS Pod Identity in the cluster),
     * over the JDK's HTTP client; {@code endpoint} only for a KMS-compatible test server.
     */
    public static KmsMasterKeys connect(String keys, Optional<String> region, Optional<URI> endpoint) {
        var builder = KmsClient.builder().httpClient(UrlConnectionHttpClient.create());
        region.map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        return new KmsMasterKeys(builder.build(), parse(keys));
    }

    @Override
    public String provider() {
        return "kms";
    }

    @Override
    public int currentVersion() {
        return keyIds.lastKey();
    }

    @Override
    public SortedSet<Integer> versions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(keyIds.keySet()));
    }

    @Override
    public byte[] wrap(int version, byte[] dataKey, String context) {
        try {
            return kms.encrypt(b -> b.keyId(keyId(version)).plaintext(SdkBytes.fromByteArray(dataKey))
                    .encryptionContext(encryptionContext(version, context))).ciphertextBlob().asByteArray();
        } catch (SdkException e) {
            throw new KeyServiceUnavailable("KMS did not wrap a data key under master key version " + version, e);
        }
    }

    @Override
    public byte[] unwrap(int version, byte[] wrapped, String context) {
        try {
            return kms.decrypt(b -> b.keyId(keyId(version)).ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .encryptionContext(encryptionContext(version, context))).plaintext().asByteArray();
        } catch (InvalidCiphertextException e) {
            throw new CiphertextRejected("KMS refused the wrapped data key of master key version " + version, e);
        } catch (SdkException e) {
            throw new KeyServiceUnavailable("KMS did not unwrap a data key of master key version " + version, e);
        }
    }

    @Override
    public OptionalInt addVersion() {
        return OptionalInt.empty();
    }

    private String keyId(int version) {
        String id = keyIds.get(version);
        if (id == null) {
            throw new CiphertextRejected("No KMS key configured for master key version " + version);
        }
        return id;
    }

    static Map<String, String> encryptionContext(int version, String context) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(context.getBytes(StandardCharsets.UTF_8));
            return Map.of("quarkmall:purpose", "data-key", "quarkmall:version", Integer.toString(version),
                    "quarkmall:binding", HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** {@code 1=alias/quarkmall-pay,2=arn:aws:kms:...}: version, then the key's id, ARN or alias. */
    static SortedMap<Integer, String> parse(String keys) {
        var parsed = new java.util.TreeMap<Integer, String>();
        for (String entry : keys.split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 1 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("A KMS master key entry must read version=keyId");
            }
            int version = Integer.parseInt(entry.substring(0, eq));
            if (version < 1 || parsed.put(version, entry.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("KMS master key version " + version + " must be positive and unique");
            }
        }
        return parsed;
    }
}
