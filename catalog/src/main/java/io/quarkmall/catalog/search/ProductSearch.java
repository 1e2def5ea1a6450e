package io.quarkmall.catalog.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkmall.catalog.config.CatalogConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * The product search index on OpenSearch. Names are analysed per language (smartcn for Chinese,
 * kuromoji for Japanese, the standard analyser otherwise), and queries tolerate typos (fuzzy
 * matching). Writes carry the event time as an external version, so a stale event can never
 * overwrite a newer one.
 */
@ApplicationScoped
public class ProductSearch {

    /** One search result. */
    public record Hit(long productId, Map<String, String> names, JsonNode fromPrice, double score) {}

    private final RestClient client;
    private final ObjectMapper json;
    private final String index;

    ProductSearch(RestClient client, ObjectMapper json, CatalogConfig config) {
        this.client = client;
        this.json = json;
        this.index = config.searchIndex();
    }

    /** The low-level client answers a HEAD's 404 as a response, not an error. */
    void createIndexIfMissing(@Observes StartupEvent startup) throws IOException {
        var exists = client.performRequest(new Request("HEAD", "/" + index));
        if (exists.getStatusLine().getStatusCode() == 404) {
            var create = new Request("PUT", "/" + index);
            try (InputStream mapping = getClass().getResourceAsStream("/search/products-index.json")) {
                create.setJsonEntity(new String(mapping.readAllBytes(), StandardCharsets.UTF_8));
            }
            try {
                client.performRequest(create);
            } catch (ResponseException raced) {
                if (!raced.getMessage().contains("resource_already_exists_exception")) {
                    throw raced;
                }
            }
        }
    }

    public void put(long productId, ObjectNode document, Instant version) throws IOException {
        var request = new Request("PUT", "/" + index + "/_doc/" + productId);
        versioned(request, version);
        request.setJsonEntity(json.writeValueAsString(document));
        ignoreStale(request);
    }

    public void remove(long productId, Instant version) throws IOException {
        var request = new Request("DELETE", "/" + index + "/_doc/" + productId);
        versioned(request, version);
        try {
            ignoreStale(request);
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() != 404) {
                throw e;
            }
        }
    }

    /**
     * Listed products matching the words of {@code query} in any language, best match first: each
     * word matches despite a typo, or the last one is the start of a word (search as you type).
     */
    public List<Hit> search(String query, int page, int size) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("from", page * size).put("size", size);
        ArrayNode either = body.putObject("query").putObject("bool").put("minimum_should_match", 1).putArray("should");
        ObjectNode fuzzy = either.addObject().putObject("multi_match");
        fuzzy.put("query", query).put("fuzziness", "AUTO").put("operator", "and").put("prefix_length", 1);
        fuzzy.putArray("fields").add("names.*");
        // As the shopper types, the last word is still a prefix ("headph" is headphones on its way).
        ObjectNode typing = either.addObject().putObject("multi_match");
        typing.put("query", query).put("type", "bool_prefix").put("operator", "and");
        typing.putArray("fields").add("names.*");
        var request = new Request("POST", "/" + index + "/_search");
        request.setJsonEntity(json.writeValueAsString(body));
        JsonNode hits = json.readTree(client.performRequest(request).getEntity().getContent()).path("hits").path("hits");
        var results = new ArrayList<Hit>();
        for (JsonNode hit : hits) {
            JsonNode source = hit.path("_source");
            Map<String, String> names = json.convertValue(source.path("names"),
                    json.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            results.add(new Hit(source.path("productId").asLong(), names, source.path("fromPrice"),
                    hit.path("_score").asDouble()));
        }
        return results;
    }

    private static void versioned(Request request, Instant version) {
        request.addParameter("version", Long.toString(version.toEpochMilli()));
        request.addParameter("version_type", "external_gte");
    }

    /** A version conflict means the index already holds a newer state of the product. */
    private void ignoreStale(Request request) throws IOException {
        try {
            client.performRequest(request);
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() != 409) {
                throw e;
            }
        }
    }
}
