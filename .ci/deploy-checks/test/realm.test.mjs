import { test } from "node:test";
import assert from "node:assert/strict";
import { loadLocalAdditions, loadRealm, productionRealmViolations } from "../lib/realm-policy.mjs";

test("the realm production imports has brute-force protection, no password grant, no demo users or secrets", () => {
  assert.deepEqual(productionRealmViolations(loadRealm()), []);
});

test("the local additions are what the check was written for: the password-grant client, demo users, admin-cli", () => {
  const local = loadLocalAdditions();
  const merged = structuredClone(loadRealm());
  merged.clients.push(...local.clients.filter((c) => c.clientId === "quarkmall-cli"));
  merged.users.push(...local.users.filter((u) => u.username === "shopper"));
  merged.bruteForceProtected = false;
  merged.clients = merged.clients.filter((c) => c.clientId !== "admin-cli");
  assert.deepEqual(productionRealmViolations(merged), [
    "client admin-cli: not declared, so Keycloak creates it with the password grant on",
    "realm: brute-force protection is off",
    "client quarkmall-cli: the password grant is enabled",
    "user shopper: not a service account",
  ]);
});
