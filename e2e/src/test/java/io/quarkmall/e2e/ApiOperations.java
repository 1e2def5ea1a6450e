package io.quarkmall.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkmall.stack.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation the services publish in their OpenAPI documents (outside production, each
 * service serves its document under its root path), as the fuzz and access tests need it: method, path, parameters, body schema
 * and the roles its security requirement names.
 */
record ApiOperations(List<Operation> all) {

    record Parameter(String name, String in, String type) {}

    record Operation(String service, String method, String path, List<Parameter> parameters, JsonNode bodySchema,
                     Set<String> roles) {

        boolean isPublic() {
            return roles.isEmpty();
        }

        boolean changesState() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /** The document, asked for again if an answer does not come in time (a stalled connection must not hang the run). */
    private static String fetch(HttpClient http, HttpRequest request) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            } catch (java.net.http.HttpTimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    static ApiOperations load() throws Exception {
        var operations = new ArrayList<Operation>();
        // HTTP/1.1: the JDK client's default h2c upgrade can stall on a large document (loyalty's is ~120 KB)
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(10)).build();
        for (Ports.Service service : Ports.SERVICES) {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + service.rootPath()
                    + "/q/openapi?format=json")).timeout(java.time.Duration.ofSeconds(30)).build();
            JsonNode document = JSON.readTree(fetch(http, request));
            document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
                if (METHODS.contains(op.getKey())) {
                    operations.add(operation(service.name(), document, path.getKey(), op.getKey(), op.getValue()));
                }
            }));
        }
        return new ApiOperations(List.copyOf(operations));
    }

    private static Operation operation(String service, JsonNode document, String path, String method, JsonNode op) {
        var parameters = new ArrayList<Parameter>();
        op.path("parameters").forEach(p -> parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                p.path("schema").path("type").asText("string"))));
        JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
        var roles = new java.util.TreeSet<String>();
        op.path("security").forEach(requirement -> requirement.properties()
                .forEach(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
        return new Operation(service, method.toUpperCase(), path, List.copyOf(parameters),
                body.isMissingNode() ? null : resolve(document, body), Set.copyOf(roles));
    }

    /** The schema with its {@code $ref}s replaced by what they name, two levels deep (enough for our bodies). */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        return resolve(document, schema, 0);
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema, int depth) {
        if (schema.has("$ref") && depth < 4) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return resolve(document, document.path("components").path("schemas").path(name), depth + 1);
        }
        if (schema.isObject() && depth < 4) {
            var copy = schema.deepCopy();
            Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").properties().iterator();
            while (properties.hasNext()) {
                var property = properties.next();
                ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("properties"))
                        .set(property.getKey(), resolve(document, property.getValue(), depth + 1));
            }
            if (schema.has("items")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) copy).set("items", resolve(document, schema.get("items"), depth + 1));
            }
            return copy;
        }
        return schema;
    }
}
