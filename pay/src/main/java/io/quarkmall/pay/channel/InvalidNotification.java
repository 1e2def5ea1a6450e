package io.quarkmall.pay.channel;

/** A notification whose signature does not verify, or that cannot be read: it changes nothing. */
public class InvalidNotification extends RuntimeException {

    public InvalidNotification(String message) {
        super(message);
    }

    public InvalidNotification(String message, Throwable cause) {
        super(message, cause);
    }
}
