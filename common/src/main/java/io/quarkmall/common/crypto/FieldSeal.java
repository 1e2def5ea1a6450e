package io.quarkmall.common.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The text form of an encrypted field: {@code qm1.<generation>.<base64url(nonce ‖ ciphertext ‖ tag)>}.
 * The generation names the subject's data key; the associated data binds the value to its subject,
 * its field and that generation, so a value copied to another subject's row or another column, or
 * relabelled with another generation, does not open.
 */
public final class FieldSeal {

    static final String PREFIX = "qm1.";
    private static final Pattern FORM = Pattern.compile("qm1\\.([1-9][0-9]{0,8})\\.([A-Za-z0-9_-]{38,})");

    private FieldSeal() {
    }

    /** The data key generation a sealed value names; throws {@link CiphertextRejected} if it is not one. */
    public static int generationOf(String sealed) {
        var matcher = FORM.matcher(sealed == null ? "" : sealed);
        if (!matcher.matches()) {
            throw new CiphertextRejected("Not a sealed field value");
        }
        return Integer.parseInt(matcher.group(1));
    }

    static String seal(byte[] dataKey, int generation, String subject, String field, String plaintext) {
        byte[] sealed = Aead.seal(dataKey, plaintext.getBytes(StandardCharsets.UTF_8), binding(subject, field, generation));
        return PREFIX + generation + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    static String open(byte[] dataKey, String subject, String field, String sealed) {
        int generation = generationOf(sealed);
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(sealed.indexOf('.', PREFIX.length()) + 1));
        return new String(Aead.open(dataKey, bytes, binding(subject, field, generation)), StandardCharsets.UTF_8);
    }

    /** Length-prefixed, so no choice of subject and field can spell another pair's binding. */
    static byte[] binding(String subject, String field, int generation) {
        String text = "quarkmall-field-v1|" + subject.length() + ":" + subject + "|" + field.length() + ":" + field
                + "|" + generation;
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
