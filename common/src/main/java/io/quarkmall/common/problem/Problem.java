package io.quarkmall.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a stable identifier clients can switch on;
 * {@code title} and {@code detail} are for people. Never carries a stack trace or class name.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://quarkmall.io/problems/";

    /** One rejected input field. */
    public record Violation(String field, String message) {}

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + type), title, status, detail, List.of());
    }

    public static Problem invalid(String detail, List<Violation> violations) {
        return new Problem(URI.create(TYPE_BASE + "invalid-input"), "Invalid input", 400, detail, violations);
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
