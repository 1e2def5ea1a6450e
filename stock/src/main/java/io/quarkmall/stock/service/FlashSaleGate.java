package io.quarkmall.stock.service;

import io.quarkmall.stock.config.FlashSaleConfig;
import io.quarkmall.stock.domain.FlashSale;
import io.quarkmall.stock.domain.PurchaseOutcome;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A flash sale's state in Redis, changed only by Lua scripts, so each change is one atomic step
 * however many buyers race: its remaining units, what each shopper bought, the answers given per
 * Idempotency-Key, the units returned, and a stream of admitted tickets for the drainer.
 */
@ApplicationScoped
public class FlashSaleGate {

    static final String ADMITTED_STREAM = "flashsale:admitted";

    /** Counts one request in a fixed window; the ms left in the window when over the limit, else nil. */
    private static final String OVER_LIMIT = """
            local function over(key, limit, window)
              local n = redis.call('INCR', key)
              if n == 1 then redis.call('PEXPIRE', key, window) end
              if n > tonumber(limit) then return redis.call('PTTL', key) end
              return nil
            end
            """;

    /**
     * Puts a sale into Redis under its identity; a second load of the same sale changes nothing (it may
     * be selling already). A sale missing from Redis (lost with a restart or a failover) or held there
     * under another identity (left by another database) is written afresh: its units and each shopper's
     * count from what was taken already (ARGV[6], then shopper and count pairs). A sale loaded before
     * sales carried an identity keeps its state and takes the identity.
     */
    private static final String LOAD = """
            local identity = redis.call('HGET', KEYS[1], 'identity')
            if identity == ARGV[5] then return 0 end
            if not identity and redis.call('EXISTS', KEYS[1]) == 1 then
              redis.call('HSET', KEYS[1], 'identity', ARGV[5])
              return 0
            end
            redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
            redis.call('HSET', KEYS[1], 'remaining', ARGV[1], 'sold', ARGV[6], 'limit', ARGV[2], 'startsAt', ARGV[3],
                       'endsAt', ARGV[4], 'identity', ARGV[5])
            for i = 7, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
            return 1""";

    /**
     * The buy path, one step: rate limits, the earlier answer for a repeated key, open or not,
     * the shopper's limit, a unit left; then take the unit, remember the answer, queue the ticket.
     * A refusal changes nothing but the rate counters, so it is not remembered.
     */
    private static final String BUY = OVER_LIMIT + """
            local wait = over(KEYS[5], ARGV[7], ARGV[6]) or over(KEYS[6], ARGV[8], ARGV[6])
            if wait then return {'RATE_LIMITED', tostring(wait)} end
            local answer = ARGV[1] .. '\\n' .. ARGV[2]
            local earlier = redis.call('HGET', KEYS[3], answer)
            if earlier then return {'REPLAYED', earlier} end
            local sale = redis.call('HMGET', KEYS[1], 'remaining', 'limit', 'startsAt', 'endsAt', 'closed')
            if not sale[1] then return {'NOT_STARTED', ''} end
            if sale[5] then return {'ENDED', ''} end
            local now = tonumber(ARGV[3])
            if now < tonumber(sale[3]) then return {'NOT_STARTED', ''} end
            if now >= tonumber(sale[4]) then return {'ENDED', ''} end
            if tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') >= tonumber(sale[2]) then return {'LIMIT_REACHED', ''} end
            if tonumber(sale[1]) <= 0 then return {'SOLD_OUT', ''} end
            redis.call('HINCRBY', KEYS[1], 'remaining', -1)
            redis.call('HINCRBY', KEYS[1], 'sold', 1)
            redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
            redis.call('HSET', KEYS[3], answer, ARGV[4])
            redis.call('XADD', KEYS[4], '*', 'sale', ARGV[5], 'ticket', ARGV[4], 'shopper', ARGV[1], 'at', ARGV[3])
            return {'ADMITTED', ARGV[4]}""";

    /** A ticket's unit back to the sale, once: the set of returned tickets makes a repeat a no-op. */
    private static final String RETURN = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            if redis.call('HEXISTS', KEYS[1], 'closed') == 1 then return 0 end
            if redis.call('SADD', KEYS[3], ARGV[1]) == 0 then return 0 end
            redis.call('HINCRBY', KEYS[1], 'remaining', 1)
            redis.call('HINCRBY', KEYS[1], 'sold', -1)
            redis.call('HINCRBY', KEYS[2], ARGV[2], -1)
            return 1""";

    /** Closes a sale: nothing more is admitted or taken back, no unit is left in it. */
    private static final String CLOSE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], 'closed', 1, 'remaining', 0)
            return 1""";

    /** Counts one token request against the shopper's and the address's limits; the wait in ms when over. */
    private static final String COUNT = OVER_LIMIT + """
            return over(KEYS[1], ARGV[2], ARGV[1]) or over(KEYS[2], ARGV[3], ARGV[1]) or 0""";

    /** What the buy step answered: the outcome, the ticket when admitted, the wait when rate-limited. */
    public record Attempt(PurchaseOutcome outcome, String ticketId, long retryAfterMillis) {}

    /** One admitted ticket as queued in the stream. */
    public record QueuedTicket(String streamId, long saleId, UUID ticketId, String shopperId, Instant admittedAt) {}

    private final RedisDataSource redis;
    private final ReactiveRedisDataSource reactive;
    private final FlashSaleConfig.RateLimit limits;

    FlashSaleGate(RedisDataSource redis, ReactiveRedisDataSource reactive, FlashSaleConfig config) {
        this.redis = redis;
        this.reactive = reactive;
        this.limits = config.rateLimit();
    }

    private static String sale(long saleId) {
        return "flashsale:{" + saleId + "}";
    }

    /** What a sale has given out so far: units in all and per shopper (tickets not returned, queued ones included). */
    public record Taken(long units, Map<String, Long> byShopper) {}

    /** True when Redis holds this very sale (or one loaded before sales carried an identity). */
    public boolean holds(FlashSale sale) {
        var identity = redis.execute("HGET", sale(sale.id()), "identity");
        return identity == null ? redis.execute("EXISTS", sale(sale.id())).toLong() == 1
                : identity.toString().equals(sale.identity());
    }

    /** True when this call put the sale into Redis, false when it was there already. */
    public boolean load(FlashSale sale, Taken taken) {
        var args = new ArrayList<>(List.of(LOAD, "4", sale(sale.id()), sale(sale.id()) + ":bought",
                sale(sale.id()) + ":answers", sale(sale.id()) + ":returned",
                Long.toString(Math.max(0, sale.quantity() - taken.units())), Integer.toString(sale.perShopperLimit()),
                Long.toString(sale.startsAt().toEpochMilli()), Long.toString(sale.endsAt().toEpochMilli()),
                sale.identity(), Long.toString(taken.units())));
        taken.byShopper().forEach((shopper, units) -> {
            args.add(shopper);
            args.add(Long.toString(units));
        });
        return redis.execute("EVAL", args.toArray(String[]::new)).toInteger() == 1;
    }

    /** Admitted tickets of one sale still queued for the drainer, counted per shopper. */
    /** The shopper of each ticket of a sale still queued for draining, by ticket id. */
    public Map<UUID, String> queuedOf(long saleId) {
        var shoppers = new HashMap<UUID, String>();
        for (QueuedTicket ticket : queued(Integer.MAX_VALUE)) {
            if (ticket.saleId() == saleId) {
                shoppers.put(ticket.ticketId(), ticket.shopperId());
            }
        }
        return shoppers;
    }

    public Uni<Attempt> buy(long saleId, String shopperId, String idempotencyKey, String address, Instant now) {
        String window = Long.toString(now.toEpochMilli() / limits.window().toMillis());
        String ticket = UUID.randomUUID().toString();
        return reactive.execute("EVAL", BUY, "6", sale(saleId), sale(saleId) + ":bought", sale(saleId) + ":answers",
                        ADMITTED_STREAM, "flashsale:rate:shopper:" + shopperId + ":" + window,
                        "flashsale:rate:address:" + address + ":" + window,
                        shopperId, idempotencyKey, Long.toString(now.toEpochMilli()), ticket, Long.toString(saleId),
                        Long.toString(limits.window().toMillis()), Integer.toString(limits.perShopper()),
                        Integer.toString(limits.perAddress()))
                .map(answer -> {
                    var outcome = PurchaseOutcome.valueOf(answer.get(0).toString());
                    String detail = answer.get(1).toString();
                    return outcome == PurchaseOutcome.RATE_LIMITED ? new Attempt(outcome, null, Long.parseLong(detail))
                            : new Attempt(outcome, detail.isEmpty() ? null : detail, 0);
                });
    }

    /** Counts a token request; the wait in ms when the shopper or the address is over its limit, else 0. */
    public long countTokenRequest(String shopperId, String address, Instant now) {
        String window = Long.toString(now.toEpochMilli() / limits.window().toMillis());
        return redis.execute("EVAL", COUNT, "2", "flashsale:rate:shopper:" + shopperId + ":" + window,
                        "flashsale:rate:address:" + address + ":" + window, Long.toString(limits.window().toMillis()),
                Integer.toString(limits.perShopper()), Integer.toString(limits.perAddress())).toLong();
    }

    /** Gives a ticket's unit back to its sale; true the first time for this ticket. */
    public boolean returnUnit(long saleId, UUID ticketId, String shopperId) {
        return redis.execute("EVAL", RETURN, "3", sale(saleId), sale(saleId) + ":bought", sale(saleId) + ":returned",
                ticketId.toString(), shopperId).toInteger() == 1;
    }

    /** Closes the sale in Redis (when it was loaded): it admits no one and takes no unit back from then on. */
    public void close(long saleId) {
        redis.execute("EVAL", CLOSE, "1", sale(saleId));
    }

    /** Units sold according to Redis (admitted minus returned); empty when the sale is not loaded. */
    public Optional<Long> sold(long saleId) {
        var sold = redis.execute("HGET", sale(saleId), "sold");
        return sold == null ? Optional.empty() : Optional.of(sold.toLong());
    }

    /** Units left according to Redis; empty when the sale is not loaded. */
    public Optional<Long> remaining(long saleId) {
        var remaining = redis.execute("HGET", sale(saleId), "remaining");
        return remaining == null ? Optional.empty() : Optional.of(remaining.toLong());
    }

    /** The oldest admitted tickets not yet drained. */
    public List<QueuedTicket> queued(int count) {
        var entries = redis.execute("XRANGE", ADMITTED_STREAM, "-", "+", "COUNT", Integer.toString(count));
        var tickets = new ArrayList<QueuedTicket>();
        for (var entry : entries) {
            var fields = entry.get(1);
            String sale = null, ticket = null, shopper = null, at = null;
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                String value = fields.get(i + 1).toString();
                switch (fields.get(i).toString()) {
                    case "sale" -> sale = value;
                    case "ticket" -> ticket = value;
                    case "shopper" -> shopper = value;
                    case "at" -> at = value;
                    default -> { }
                }
            }
            tickets.add(new QueuedTicket(entry.get(0).toString(), Long.parseLong(sale), UUID.fromString(ticket), shopper,
                    Instant.ofEpochMilli(Long.parseLong(at))));
        }
        return tickets;
    }

    /** Removes drained tickets from the stream (after their transaction committed). */
    public void drained(List<QueuedTicket> tickets) {
        if (tickets.isEmpty()) {
            return;
        }
        var args = new ArrayList<String>();
        args.add(ADMITTED_STREAM);
        tickets.forEach(t -> args.add(t.streamId()));
        redis.execute("XDEL", args.toArray(String[]::new));
    }
}
