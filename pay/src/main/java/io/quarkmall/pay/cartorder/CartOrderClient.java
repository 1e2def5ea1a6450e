package io.quarkmall.pay.cartorder;

import io.quarkmall.pay.cartorder.CartOrderApi.ShopperOrder;
import io.quarkmall.pay.config.PayConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Asks cart-order about one of the caller's orders, with the caller's own token: cart-order's
 * shopper isolation decides what is found, exactly as when the shopper asks it directly.
 */
@ApplicationScoped
public class CartOrderClient {

    private static final Logger LOG = Logger.getLogger(CartOrderClient.class);

    private final CartOrderApi api;
    private final JsonWebToken caller;

    CartOrderClient(PayConfig config, JsonWebToken caller) {
        long timeout = config.cartOrder().timeout().toMillis();
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(config.cartOrder().url())
                .connectTimeout(timeout, TimeUnit.MILLISECONDS).readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build(CartOrderApi.class);
        this.caller = caller;
    }

    /**
     * The caller's order as cart-order has it now; empty if cart-order has no such order of the
     * caller's. Runs outside the caller's transaction: the client's callbacks on the event loop
     * would otherwise join it, and a failed call would roll it back from two threads at once.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<ShopperOrder> callersOrder(long orderId) {
        try {
            return Optional.of(api.order(orderId, "Bearer " + caller.getRawToken()));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable("answered " + e.getResponse().getStatus());
        } catch (ProcessingException e) {
            throw unavailable(e.getMessage());
        }
    }

    private static Unavailable unavailable(String why) {
        LOG.warnf("cart-order could not say whether an order awaits payment: %s", why);
        return new Unavailable();
    }

    /** cart-order did not answer (down, slow, failing): nothing is decided, the shopper may retry. */
    public static class Unavailable extends RuntimeException {
        Unavailable() {
            super("cart-order did not answer");
        }
    }
}
