package io.quarkmall.stock.rest;

import io.quarkmall.common.problem.Problem;
import io.quarkmall.stock.service.FlashSaleRateLimited;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Flash-sale answers that are not plain problems: 429 with Retry-After. */
public class FlashSaleProblems {

    @ServerExceptionMapper
    public Response rateLimited(FlashSaleRateLimited e) {
        return tooMany(e.retryAfterSeconds());
    }

    static Response tooMany(long retryAfterSeconds) {
        return Response.fromResponse(Problem.of("rate-limited", "Too many requests", 429,
                        "Too many flash-sale requests from you in a short time; retry in " + retryAfterSeconds + " s.")
                .toResponse()).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }
}
