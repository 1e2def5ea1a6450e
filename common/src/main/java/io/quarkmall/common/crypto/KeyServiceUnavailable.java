package io.quarkmall.common.crypto;

/** The master key service (AWS KMS) did not answer: nothing was sealed or opened; retry later. */
public class KeyServiceUnavailable extends RuntimeException {

    public KeyServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
