package io.quarkmall.pay.rest;

import io.quarkmall.common.idempotency.IdempotentByContent;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.pay.channel.InvalidNotification;
import io.quarkmall.pay.service.PaymentService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Where the channels tell pay about payments: public, since a channel has no token of ours; what it
 * says counts only once its signature verifies.
 */
@Path("/notifications/{channel}")
@PermitAll
public class NotificationResource {

    private static final Logger LOG = Logger.getLogger(NotificationResource.class);

    @Inject
    PaymentService payments;

    @POST
    @Consumes(MediaType.WILDCARD)
    @IdempotentByContent("the notification names the attempt (our reference) and its state at the channel; "
            + "a state already applied changes nothing")
    @Operation(summary = "A channel's signed notification (Alipay's form post, WeChat Pay's encrypted JSON, the card "
            + "PSP's signed webhook). Answered as the channel expects once applied; 400 problem+json if its signature "
            + "does not verify (nothing changes)")
    public Response notified(@PathParam("channel") String channel, HttpHeaders headers, String body) {
        Map<String, String> lowerCase = new TreeMap<>();
        headers.getRequestHeaders().forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT),
                values.isEmpty() ? "" : values.get(0)));
        var ack = payments.notified(channel, lowerCase, body == null ? "" : body);
        return Response.status(ack.status()).type(ack.contentType()).entity(ack.body()).build();
    }

    @ServerExceptionMapper
    Response invalid(InvalidNotification e) {
        LOG.warnf("Refused a notification: %s", e.getMessage());
        return Problem.of("invalid-notification", "Invalid notification", 400,
                "The notification's signature did not verify, or it could not be read; nothing changed.").toResponse();
    }
}
