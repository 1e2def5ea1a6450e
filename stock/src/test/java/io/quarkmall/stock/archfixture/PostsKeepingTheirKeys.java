package io.quarkmall.stock.archfixture;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.idempotency.IdempotentInUseCase;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;

/** POSTs for ArchitectureTest: two keep the rule on idempotency, two break it. */
public class PostsKeepingTheirKeys {

    @POST
    @IdempotentInUseCase("in a test")
    public String withTheHeader(@HeaderParam("Idempotency-Key") String key) {
        return key;
    }

    @POST
    @IdempotentInUseCase("in a test")
    public String withoutTheHeader(@HeaderParam("Sale-Token") String token) {
        return token;
    }

    @POST
    @Idempotent
    public Response intercepted() {
        return Response.ok().build();
    }

    @POST
    @Idempotent
    public String interceptedWithoutAResponse() {
        return "";
    }
}
