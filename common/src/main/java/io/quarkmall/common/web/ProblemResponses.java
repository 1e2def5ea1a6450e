package io.quarkmall.common.web;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import io.quarkmall.common.idempotency.Idempotency;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every operation's document lists the errors it can answer, all application/problem+json: 400
 * for input it cannot take, 401 and 403 where it needs a token, 404 for a resource named in its
 * path, 409 and 422 for a change the rules refuse, 413 for an oversized body and 429 over a
 * request limit. An operation's own description of one of these is kept. Every POST also names
 * its required Idempotency-Key header.
 */
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    /** RFC 9457, as common's Problem writes it. */
    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem: type is stable for clients to switch on, title and detail are for people")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", text)
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                .addProperty("field", text).addProperty("message", text)));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        add(operation, "400", "Invalid input: a parameter or the body is malformed, of the wrong type or out of range");
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(operation, "401", "No valid access token for the mall's API");
            add(operation, "403", "The caller's roles do not allow this");
        }
        if (path.contains("{")) {
            add(operation, "404", "Not found, or not the caller's");
        }
        if (changes) {
            add(operation, "409", "Refused by the current state (or the Idempotency-Key is in use)");
            add(operation, "413", "Request body over 1 MiB");
            add(operation, "422", "Refused by a business rule, or the Idempotency-Key was used for another request");
        }
        add(operation, "429", "Too many requests: retry after the Retry-After seconds");
        if (method == PathItem.HttpMethod.POST) {
            requireIdempotencyKey(operation);
        }
    }

    /** Every POST is {@code @Idempotent} (each service's architecture test holds them to it). */
    private static void requireIdempotencyKey(Operation operation) {
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> Idempotency.HEADER.equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParameter(OASFactory.createParameter().name(Idempotency.HEADER).in(Parameter.In.HEADER)
                    .required(true).description("1 to 200 visible ASCII characters, new for each new request; "
                            + "a retry with the same key and request gets the first answer again")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(200)));
        }
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        Map<String, APIResponse> existing = operation.getResponses().getAPIResponses();
        if (existing != null && existing.containsKey(status)) {
            return;
        }
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem")))));
    }
}
