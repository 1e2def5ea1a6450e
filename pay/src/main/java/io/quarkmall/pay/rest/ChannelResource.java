package io.quarkmall.pay.rest;

import io.quarkmall.pay.service.Channels;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The channels this mall offers: public, so the storefront can show them before anybody signs in. */
@Path("/payments/channels")
@PermitAll
public class ChannelResource {

    @Inject
    Channels channels;

    @GET
    @Operation(summary = "The channels this mall offers, and whether each takes new payments now (a channel that keeps "
            + "failing is closed for a while, and the others are offered)")
    public List<Channels.Offer> channels() {
        return channels.offers();
    }
}
