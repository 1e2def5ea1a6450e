package io.quarkmall.shipping.rest;

import io.quarkmall.common.idempotency.IdempotentByContent;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.shipping.carrier.InvalidPush;
import io.quarkmall.shipping.service.CarrierDesk;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Where carriers push their scans: public, since a carrier has no token of ours; a push counts only once its
 * signature verifies, its timestamp is fresh and its nonce is new.
 */
@Path("/carriers/{carrier}/pushes")
@PermitAll
public class CarrierPushResource {

    private static final Logger LOG = Logger.getLogger(CarrierPushResource.class);

    private final CarrierDesk desk;

    CarrierPushResource(CarrierDesk desk) {
        this.desk = desk;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @IdempotentByContent("a push names its scans (push ids): the carrier's retry of one applied already changes nothing, "
            + "and a push replayed with the same nonce is refused")
    @Operation(summary = "A carrier's signed push of its tracking scans (sf, the SF-Express-like carrier: one scan, "
            + "X-Partner-Id, X-Timestamp, X-Nonce and X-Signature over timestamp, nonce and body; kd100, the "
            + "Kuaidi100-like aggregator: a form of param, the parcel's whole history, and sign, MD5 of param and our "
            + "salt; easypost, the EasyPost-like label API: a tracker.updated event with the whole history, "
            + "X-Timestamp and X-Hmac-Signature over timestamp and body). 200 once applied, answered as the carrier "
            + "expects; 401 problem+json if forged, stale or replayed, 400 if unreadable, 404 for an unknown carrier "
            + "or waybill (nothing changes)")
    @APIResponse(responseCode = "401", description = "Forged, stale or replayed: nothing changed")
    public Map<String, Object> pushed(@PathParam("carrier") String carrier, HttpHeaders headers, byte[] body) {
        Map<String, String> lowerCase = new TreeMap<>();
        headers.getRequestHeaders().forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT),
                values.isEmpty() ? "" : values.get(0)));
        // signed as sent: bytes, not decoded text; answered as the carrier expects (CarrierApi.acknowledgement)
        return desk.pushed(carrier, lowerCase, body == null ? new byte[0] : body);
    }

    @ServerExceptionMapper
    Response invalid(InvalidPush e) {
        LOG.warnf("Refused a carrier push: %s", e.getMessage());
        return e.unauthenticated()
                ? Problem.of("invalid-push-signature", "Push not accepted", 401,
                        "The push is not signed with the partner key, its timestamp is not fresh, or it was replayed; "
                                + "nothing changed.").toResponse()
                : Problem.of("unreadable-push", "Unreadable push", 400, e.getMessage() + "; nothing changed.").toResponse();
    }
}
