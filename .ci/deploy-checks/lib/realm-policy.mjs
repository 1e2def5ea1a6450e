// The Keycloak realm production imports (stack/src/main/resources/keycloak/quarkmall-realm.json),
// against what only the local stack may add (quarkmall-realm-local.json).
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./chart.mjs";

const dir = path.join(repoRoot, "stack/src/main/resources/keycloak");
export const loadRealm = () => JSON.parse(readFileSync(path.join(dir, "quarkmall-realm.json"), "utf8"));
export const loadLocalAdditions = () => JSON.parse(readFileSync(path.join(dir, "quarkmall-realm-local.json"), "utf8"));

/**
 * A realm fit for production: brute-force protection on, no client that takes passwords
 * directly (the password grant; Keycloak's own admin-cli, which every realm gets, is declared with
 * it off), no users but service accounts, no client secret in the file, no localhost redirect,
 * and every client's tokens but admin-cli's carry the mall's audience.
 */
export function productionRealmViolations(realm) {
  const found = [];
  if (!(realm.clients ?? []).some((c) => c.clientId === "admin-cli")) {
    found.push("client admin-cli: not declared, so Keycloak creates it with the password grant on");
  }
  if (realm.bruteForceProtected !== true) found.push("realm: brute-force protection is off");
  if (!(realm.failureFactor > 0 && realm.failureFactor <= 10)) found.push(`realm: failureFactor ${realm.failureFactor}`);
  for (const client of realm.clients ?? []) {
    const id = client.clientId;
    if (client.directAccessGrantsEnabled) found.push(`client ${id}: the password grant is enabled`);
    if (client.secret) found.push(`client ${id}: a secret is in the file`);
    for (const uri of client.redirectUris ?? []) {
      if (/localhost|127\.0\.0\.1/.test(uri)) found.push(`client ${id}: redirects to ${uri}`);
    }
    const audience = (client.protocolMappers ?? []).some((m) => m.protocolMapper === "oidc-audience-mapper"
      && m.config?.["included.custom.audience"] === "quarkmall-api");
    if (!audience && id !== "admin-cli") found.push(`client ${id}: its tokens lack the quarkmall-api audience`);
  }
  for (const user of realm.users ?? []) {
    if (!user.serviceAccountClientId) found.push(`user ${user.username}: not a service account`);
  }
  return found;
}
