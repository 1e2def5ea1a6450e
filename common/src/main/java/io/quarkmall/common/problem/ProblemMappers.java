package io.quarkmall.common.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import io.quarkmall.common.domain.RuleViolation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Turns every failure a request can meet into application/problem+json. Client mistakes become
 * 4xx with a readable detail; anything unexpected becomes a bare 500 whose detail names no class,
 * while the log keeps the cause.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domainRule(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response stateRule(RuleViolation e) {
        return Problem.of(e.type(), "Conflict", 409, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e) {
        var violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return Problem.invalid("The request has invalid fields.", violations).toResponse();
    }

    /** More specific than Quarkus' own mapper for wrong-typed fields, which answers plain JSON. */
    @ServerExceptionMapper
    public Response wrongTypedField(MismatchedInputException e) {
        return unreadableBody(e);
    }

    /**
     * Quarkus answers this one with a 500 of its own. Met while reading a request body it is the
     * client's shape (a key twice for a record); met while writing an answer it is our bug.
     */
    @ServerExceptionMapper
    public Response unusableBody(InvalidDefinitionException e) {
        return e.getProcessor() instanceof JsonParser ? unreadableBody(e) : unexpected(e);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return Problem.of("unreadable-body", "Unreadable request body", 400,
                "The request body is not valid JSON of the expected shape.").toResponse();
    }

    /** No token, or one that is not valid now (expired, forged, for another audience). */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problem.of("unauthenticated", "Sign-in required", 401,
                        "This request needs a valid access token: sign in (again) and retry.").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of("forbidden", "Forbidden", 403, "Your account may not do this.").toResponse();
    }

    /**
     * JAX-RS answers 404 when a query or path parameter cannot be converted (page=abc): that is
     * a bad request, not a missing resource.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        if (e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            return Problem.of("invalid-parameter", "Invalid parameter", 400,
                    "A parameter of the request is not of the expected type (for example a number).").toResponse();
        }
        return http(e);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable); // the JSON reader's own 400, e.g. for a key sent twice
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return ofStatus(status).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure while serving a request", e);
        return ofStatus(500).toResponse();
    }

    /**
     * The framework answers a few refusals with an empty body of its own, which no mapper sees (an
     * empty text/plain body read as an object is one): an error answer without a body gets the
     * problem of its status.
     */
    @ServerResponseFilter
    public void explainBodilessError(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (response.getStatus() >= 400 && (entity == null || entity instanceof CharSequence text && text.isEmpty())) {
            response.setEntity(ofStatus(response.getStatus()), new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }

    /** The problem of a status alone, when nothing more is known of the refusal. */
    static Problem ofStatus(int status) {
        if (status >= 500) {
            return Problem.of("internal-error", "Internal error", status,
                    "Something went wrong on our side. Try again; if it persists, contact support.");
        }
        var reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "Request rejected" : reason.getReasonPhrase();
        return Problem.of("http-" + status, title, status, title + ".");
    }

    /** "create.arg0.name" → "name": clients know their fields, not our method parameters. */
    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
