package io.quarkmall.common.live;

/**
 * One thing a live stream sends: an SSE event named {@code name} whose id is {@code id} (ids grow
 * along a stream, so a reconnecting client's Last-Event-ID says where to go on) and whose data is
 * {@code data} as JSON.
 */
public record LiveEntry(long id, String name, Object data) {
}
