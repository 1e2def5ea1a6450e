package io.quarkmall.pay.channel;

/** The channel did not answer, or answered with a transient error: the same call may be retried. */
public class ChannelUnavailable extends RuntimeException {

    public ChannelUnavailable(String channel, String message) {
        super(channel + ": " + message);
    }

    public ChannelUnavailable(String channel, String message, Throwable cause) {
        super(channel + ": " + message, cause);
    }
}
