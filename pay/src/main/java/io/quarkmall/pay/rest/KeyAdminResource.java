package io.quarkmall.pay.rest;

import io.quarkmall.common.crypto.KeyServiceUnavailable;
import io.quarkmall.common.crypto.MasterKeyRotation.KeyStatus;
import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.pay.service.KeyManagement;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The master keys that wrap shoppers' data keys, for the mall's administrators. */
@Path("/admin/keys")
@RolesAllowed("admin")
public class KeyAdminResource {

    @Inject
    KeyManagement keys;

    @GET
    @Operation(summary = "The master key provider, its versions (the current one marked) with how many data keys "
            + "each wraps, how many await re-wrapping under the current version, and how many were destroyed")
    public KeyStatus status() {
        return keys.status();
    }

    @POST
    @Path("/rotate")
    @Idempotent
    @Operation(summary = "Make a new master key version current (Idempotency-Key required); data keys are re-wrapped "
            + "under it in batches while reads go on. 202 with the status; 409 where the versions come from "
            + "configuration (AWS KMS key ids): add one there and restart")
    @APIResponse(responseCode = "202", description = "The new version is current; re-wrapping has started",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeyStatus.class)))
    public Response rotate() {
        return Response.accepted(keys.rotateMasterKey()).build();
    }

    @ServerExceptionMapper
    Response keyServiceUnavailable(KeyServiceUnavailable e) {
        return Response.fromResponse(Problem.of("key-service-unavailable", "Key service unavailable", 503,
                "The master key service did not answer; nothing was changed that a retry cannot finish.").toResponse())
                .header("Retry-After", 5).build();
    }
}
