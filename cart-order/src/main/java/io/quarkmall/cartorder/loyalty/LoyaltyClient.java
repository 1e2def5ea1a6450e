package io.quarkmall.cartorder.loyalty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.loyalty.CouponQuote.Line;
import io.quarkmall.cartorder.loyalty.CouponQuote.Refusal;
import io.quarkmall.cartorder.loyalty.CouponQuote.Request;
import io.quarkmall.common.idempotency.Idempotency;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Asks loyalty what the caller's coupons take off a cart ({@code POST /api/loyalty/coupons/quote}),
 * with the caller's own token: loyalty's wallet decides which coupons are the caller's, exactly as
 * when the shopper asks it directly. Each quote goes under a fresh Idempotency-Key (a quote changes
 * nothing at loyalty). It uses the Jakarta REST client API of Quarkus' REST client rather than a
 * typed interface: an interface method with {@code @POST} reads, to the architecture rules, as an
 * endpoint of this service without {@code @Idempotent}.
 */
@ApplicationScoped
public class LoyaltyClient {

    private static final Logger LOG = Logger.getLogger(LoyaltyClient.class);
    private static final String NOT_YOURS = "https://quarkmall.io/problems/coupon-not-yours";

    private final Client http;
    private final WebTarget quotes;
    private final JsonWebToken caller;
    private final ObjectMapper json;

    LoyaltyClient(OrderConfig config, JsonWebToken caller, ObjectMapper json) {
        long timeout = config.loyalty().timeout().toMillis();
        this.http = ClientBuilder.newBuilder().connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS).build();
        this.quotes = http.target(config.loyalty().url()).path("/api/loyalty/coupons/quote");
        this.caller = caller;
        this.json = json;
    }

    /**
     * loyalty's quote of {@code couponIds} on {@code lines}, checked to add up. Runs outside the
     * caller's transaction, as pay's call to cart-order does: a slow answer holds no transaction
     * timer, and the client's callbacks cannot join the caller's transaction.
     *
     * @throws NotYours if loyalty says a coupon is not in the caller's wallet
     * @throws Unavailable if loyalty does not answer, or answers anything else
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public CouponQuote quote(List<Line> lines, List<Long> couponIds) {
        CouponQuote quote;
        try (Response response = quotes.request(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.getRawToken())
                .header(Idempotency.HEADER, UUID.randomUUID().toString())
                .post(Entity.json(new Request(lines, couponIds)))) {
            if (response.getStatus() != 200) {
                Refusal refusal = refusalIn(response);
                if (response.getStatus() == 409 && NOT_YOURS.equals(refusal.type())) {
                    throw new NotYours(refusal.detail());
                }
                throw unavailable("answered " + response.getStatus() + " " + refusal.type());
            }
            quote = response.readEntity(CouponQuote.class);
        } catch (ProcessingException e) {
            throw unavailable(e.getMessage());
        }
        String flaw = quote == null ? "no quote" : quote.flawFor(lines, couponIds);
        if (flaw != null) {
            throw unavailable("answered a quote that does not add up: " + flaw);
        }
        return quote;
    }

    private Refusal refusalIn(Response response) {
        try {
            return json.readValue(response.readEntity(String.class), Refusal.class);
        } catch (IOException | RuntimeException unreadable) {
            return new Refusal(null, null);
        }
    }

    private static Unavailable unavailable(String why) {
        LOG.warnf("loyalty could not quote coupons at checkout: %s", why);
        return new Unavailable();
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** loyalty says a coupon is not in the caller's wallet (another's, or none): the message is its word. */
    public static class NotYours extends RuntimeException {
        NotYours(String detail) {
            super(detail);
        }
    }

    /** loyalty did not answer (down, slow, failing) or answered nonsense: nothing is decided, the shopper may retry. */
    public static class Unavailable extends RuntimeException {
        Unavailable() {
            super("loyalty did not answer");
        }
    }
}
