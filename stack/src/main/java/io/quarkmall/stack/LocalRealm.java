package io.quarkmall.stack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The local stack's realm: production's realm plus the local additions. A client of the additions
 * that production has already is merged into it field by field (its secret, its localhost
 * redirects); any other client, and every user, is added.
 */
final class LocalRealm {

    private LocalRealm() {
    }

    static JsonObject merge(JsonObject production, JsonObject additions) {
        JsonObject realm = production.copy();
        JsonArray clients = realm.getJsonArray("clients", new JsonArray());
        for (Object added : additions.getJsonArray("clients", new JsonArray())) {
            JsonObject addition = (JsonObject) added;
            JsonObject existing = clientOf(clients, addition.getString("clientId"));
            if (existing == null) {
                clients.add(addition.copy());
            } else {
                existing.mergeIn(addition, true);
            }
        }
        JsonArray users = realm.getJsonArray("users", new JsonArray());
        additions.getJsonArray("users", new JsonArray()).forEach(user -> users.add(((JsonObject) user).copy()));
        return realm.put("clients", clients).put("users", users);
    }

    private static JsonObject clientOf(JsonArray clients, String clientId) {
        for (Object client : clients) {
            if (clientId.equals(((JsonObject) client).getString("clientId"))) {
                return (JsonObject) client;
            }
        }
        return null;
    }
}
