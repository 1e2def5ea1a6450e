package io.quarkmall.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.loyalty.domain.LotAllocation;
import io.quarkmall.loyalty.domain.LotAllocation.Room;
import io.quarkmall.loyalty.domain.LotAllocation.Share;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LotAllocationTest {

    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");
    private static final Instant SOON = NOW.plusSeconds(86_400);
    private static final Instant LATER = NOW.plusSeconds(86_400 * 100);
    private static final Instant PAST = NOW.minusSeconds(1);

    static Stream<Arguments> spending() {
        var oldest = new Room(1, 100, SOON);
        var newer = new Room(2, 50, LATER);
        return Stream.of(
                Arguments.of("from the oldest lot alone", List.of(oldest, newer), 60, List.of(new Share(1, 60))),
                Arguments.of("the oldest lot emptied first", List.of(oldest, newer), 120,
                        List.of(new Share(1, 100), new Share(2, 20))),
                Arguments.of("every lot", List.of(oldest, newer), 150, List.of(new Share(1, 100), new Share(2, 50))),
                Arguments.of("no more than the lots hold", List.of(oldest, newer), 500,
                        List.of(new Share(1, 100), new Share(2, 50))),
                Arguments.of("nothing from empty lots", List.of(new Room(3, 0, SOON), newer), 10, List.of(new Share(2, 10))),
                Arguments.of("nothing asked", List.of(oldest), 0, List.of()));
    }

    @ParameterizedTest(name = "spending takes {0}")
    @MethodSource("spending")
    void spending_takes_the_oldest_lots_first(String rule, List<Room> lots, long points, List<Share> expected) {
        assertEquals(expected, LotAllocation.oldestFirst(lots, points));
    }

    static Stream<Arguments> givingBack() {
        var soon = new Room(1, 100, SOON);
        var later = new Room(2, 50, LATER);
        var expired = new Room(3, 70, PAST);
        return Stream.of(
                Arguments.of("all of it", List.of(soon, later), 150, List.of(new Share(2, 50), new Share(1, 100))),
                Arguments.of("the longest-lived lot first", List.of(soon, later), 60,
                        List.of(new Share(2, 50), new Share(1, 10))),
                Arguments.of("nothing to an expired lot", List.of(expired, soon), 170, List.of(new Share(1, 100))),
                Arguments.of("nothing when every lot expired", List.of(expired), 70, List.of()),
                Arguments.of("no more than was taken", List.of(later), 80, List.of(new Share(2, 50))));
    }

    @ParameterizedTest(name = "a give-back returns {0}")
    @MethodSource("givingBack")
    void a_give_back_returns_only_what_was_taken_to_lots_still_valid(String rule, List<Room> takenFrom, long points,
                                                                       List<Share> expected) {
        assertEquals(expected, LotAllocation.givingBack(takenFrom, points, NOW));
    }
}
