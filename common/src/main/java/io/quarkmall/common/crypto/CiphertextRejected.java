package io.quarkmall.common.crypto;

/**
 * A ciphertext or wrapped key that does not open: altered, cut short, or sealed for another
 * subject, field, generation or master key version. Never the answer for an erased subject (that
 * is an empty result), and never carries key material or plaintext in its message.
 */
public class CiphertextRejected extends RuntimeException {

    public CiphertextRejected(String message) {
        super(message);
    }

    public CiphertextRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
