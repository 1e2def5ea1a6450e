package io.quarkmall.loyalty.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which lots a debit takes from, and which a give-back returns to. Pure, so the rules are tested
 * alone:
 * <ul>
 *   <li>spending takes from the oldest lots first (the lots arrive in that order);</li>
 *   <li>a give-back returns points only to the lots the debit took them from, and only to lots
 *       still valid: points of a lot that expired in between are not given back (they would have
 *       expired in the shopper's hands too). Among valid lots the longest-lived are filled first,
 *       so a partial give-back returns the points the shopper can keep longest.</li>
 * </ul>
 */
public final class LotAllocation {

    /** A lot and the points it can give ({@code available}) or take back. */
    public record Room(long lotId, long available, Instant expiresAt) {}

    /** Points taken from, or returned to, one lot. */
    public record Share(long lotId, long points) {}

    private LotAllocation() {
    }

    /** Takes {@code points} from the lots in the order given; fewer if they hold fewer. */
    public static List<Share> oldestFirst(List<Room> lotsOldestFirst, long points) {
        return fill(lotsOldestFirst, points);
    }

    /** Returns up to {@code points} to the still-valid lots, the longest-lived first. */
    public static List<Share> givingBack(List<Room> takenFrom, long points, Instant now) {
        var valid = takenFrom.stream()
                .filter(room -> room.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(Room::expiresAt).reversed().thenComparing(Room::lotId))
                .toList();
        return fill(valid, points);
    }

    public static long total(List<Share> shares) {
        return shares.stream().mapToLong(Share::points).sum();
    }

    private static List<Share> fill(List<Room> rooms, long points) {
        var shares = new ArrayList<Share>();
        long left = points;
        for (Room room : rooms) {
            if (left == 0) {
                break;
            }
            long share = Math.min(left, room.available());
            if (share > 0) {
                shares.add(new Share(room.lotId(), share));
                left -= share;
            }
        }
        return List.copyOf(shares);
    }
}
