package io.quarkmall.stack;

/** One server of the local stack. */
public interface Server extends AutoCloseable {

    String name();

    /** The port whose being open means the server is there (ours or somebody else's). */
    int port();

    /** Starts the server and returns once it answers requests. */
    void start() throws Exception;

    /** The server's own account of its version, asked of the running server where it can say. */
    String version() throws Exception;

    /** Stops what {@link #start()} started. Never called for a server that was reused. */
    @Override
    void close() throws Exception;

    /**
     * Dies at once, as a crashed node does (kill -9 of its processes): nothing is flushed, nothing
     * said goodbye to. A server without a kill of its own (one inside the supervisor's JVM, or Redis,
     * which keeps nothing on disk) is closed instead.
     */
    default void kill() throws Exception {
        close();
    }
}
