// The running mall as the benchmark sees it: the edge's public API and the local Keycloak, with
// real tokens. Also prepares what a run needs: a merchant of its own with a listed, stocked
// product, and shoppers created through Keycloak's admin API (password = user name, as e2e does).
import { execFileSync } from 'node:child_process';
import { pbkdf2Sync, randomBytes, randomUUID } from 'node:crypto';

export const EDGE = 'http://localhost:8080';
const KEYCLOAK = 'http://127.0.0.1:18180';
const TOKEN_URL = `${KEYCLOAK}/realms/quarkmall/protocol/openid-connect/token`;
const ADMIN_API = `${KEYCLOAK}/admin/realms/quarkmall`;
export const MERCHANT = 'bench-merchant';
const SHOPPER_PREFIX = 'bench-shopper-';
const PRICE_MINOR = 990;
const STOCK_UNITS = 1_000_000_000; // stock's largest count: stock never runs out during a run

const SERVICE_PORTS = { catalog: 8081, 'cart-order': 8082, stock: 8083, pay: 8084, loyalty: 8085, shipping: 8086 };
let direct = false;

export const shopperName = (i) => SHOPPER_PREFIX + String(i).padStart(4, '0');

/** From now on, requests go straight to each service's own port instead of through the edge (--direct). */
export function bypassEdge() {
  direct = true;
}

function urlOf(path) {
  return direct ? `http://127.0.0.1:${SERVICE_PORTS[path.split('/')[2]]}${path}` : EDGE + path;
}

/** One request to the mall's API (`/api/<service>/...`); JSON in and out. Never retries: the caller counts what happened. */
export async function api(method, path, { token, key, body, signal } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (key) headers['Idempotency-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(urlOf(path), {
    method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: kept as null */ }
  return { status: response.status, json };
}

/** A user's access token from the local-only password-grant client, and until when it is good. */
export async function signIn(user) {
  const response = await fetch(TOKEN_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'quarkmall-cli', username: user, password: user }),
  });
  const json = await response.json().catch(() => ({}));
  if (response.status !== 200) throw new Error(`Keycloak refused to sign ${user} in: ${response.status} ${json.error ?? ''}`);
  return { token: json.access_token, validUntil: Date.now() + json.expires_in * 1000 };
}

let adminToken = { value: null, at: 0 };

/** Keycloak's admin API as the local stack's admin; its token lives a minute, so it is taken again after 30 s. */
async function admin(method, path, body) {
  if (Date.now() - adminToken.at > 30_000) {
    const form = new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' });
    const answer = await fetch(`${KEYCLOAK}/realms/master/protocol/openid-connect/token`, { method: 'POST', body: form });
    if (answer.status !== 200) throw new Error(`No Keycloak admin token (${answer.status}): is the mall up (./mall up)?`);
    adminToken = { value: (await answer.json()).access_token, at: Date.now() };
  }
  const response = await fetch(ADMIN_API + path, {
    method, body: body && JSON.stringify(body),
    headers: { Authorization: `Bearer ${adminToken.value}`, 'Content-Type': 'application/json' },
  });
  return { status: response.status, json: await response.json().catch(() => null) };
}

/**
 * A user named `name` with the password `name`, and the realm's default roles (shopper); an existing
 * one is kept. `quick`: the password is handed to Keycloak already hashed (one PBKDF2 round), so
 * creating the user costs Keycloak no hashing; it hashes the password by its own policy at the
 * first sign-in. For the thousands of one-run shoppers bench/points needs.
 */
export async function createUser(name, { quick = false } = {}) {
  const created = await admin('POST', '/users', {
    username: name, enabled: true, email: `${name}@example.test`, emailVerified: true, firstName: 'Bench', lastName: name,
    credentials: [quick ? prehashed(name) : { type: 'password', value: name, temporary: false }],
  });
  if (created.status !== 201 && created.status !== 409) throw new Error(`Keycloak refused to create ${name}: ${created.status}`);
}

/** Shoppers bench-shopper-0001 … NNNN; only the missing ones are created (Keycloak keeps them between runs). */
export async function ensureShoppers(count) {
  const existing = await admin('GET', `/users?search=${SHOPPER_PREFIX}&briefRepresentation=true&max=100000`);
  const known = new Set((existing.json ?? []).map((u) => u.username));
  const missing = Array.from({ length: count }, (_, i) => shopperName(i + 1)).filter((n) => !known.has(n));
  await inBatches(missing, 4, createUser);
  return missing.length;
}

function prehashed(password) {
  const salt = randomBytes(16);
  const value = pbkdf2Sync(password, salt, 1, 64, 'sha256');
  return {
    type: 'password', temporary: false,
    secretData: JSON.stringify({ value: value.toString('base64'), salt: salt.toString('base64'), additionalParameters: {} }),
    credentialData: JSON.stringify({ hashIterations: 1, algorithm: 'pbkdf2-sha256', additionalParameters: {} }),
  };
}

/** Deletes every user whose name starts with `prefix`, e.g. one run's shoppers; returns how many. */
export async function deleteUsers(prefix) {
  const found = await admin('GET', `/users?search=${encodeURIComponent(prefix)}&briefRepresentation=true&max=100000`);
  const users = (found.json ?? []).filter((u) => u.username.startsWith(prefix));
  await inBatches(users, 4, (u) => admin('DELETE', `/users/${u.id}`));
  return users.length;
}

/** The benchmark's own merchant, so the demo merchant's console is not filled with benchmark products. */
export async function ensureMerchant() {
  await createUser(MERCHANT);
  const [user] = (await admin('GET', `/users?exact=true&username=${MERCHANT}`)).json;
  const role = (await admin('GET', '/roles/merchant')).json;
  await admin('POST', `/users/${user.id}/role-mappings/realm`, [role]);
}

/**
 * A fresh product with one SKU, listed, with more stock than any run can sell, and already known
 * to stock and cart-order (both learn of it from catalog's events a moment later). Returns its SKU.
 */
export async function listBenchProduct(shopperToken) {
  await ensureMerchant();
  const { token } = await signIn(MERCHANT);
  const sku = `BENCH-${Date.now().toString(36).toUpperCase()}`;
  const created = await api('POST', '/api/catalog/merchant/products', {
    token, key: randomUUID(),
    body: { names: { 'zh-CN': `压测商品 ${sku}`, en: `Benchmark item ${sku}` }, skus: [{ sku, price: { amountMinor: PRICE_MINOR, currency: 'CNY' } }] },
  });
  if (created.status !== 201) throw new Error(`catalog refused the product: ${created.status} ${JSON.stringify(created.json)}`);
  const listed = await api('POST', `/api/catalog/merchant/products/${created.json.id}/listing`, { token, key: randomUUID() });
  if (listed.status !== 200) throw new Error(`catalog refused the listing: ${listed.status}`);
  await until('stock to know the SKU', async () =>
    (await api('PUT', `/api/stock/stock/${sku}`, { token, body: { onHand: STOCK_UNITS } })).status === 200);
  await until('cart-order to sell the SKU', async () =>
    (await api('PUT', `/api/cart-order/cart/lines/${sku}`, { token: shopperToken, body: { quantity: 1 } })).status === 200);
  return { sku, productId: created.json.id, merchantToken: token };
}

/** Empties a shopper's cart: a line left by an earlier run, of a product since delisted, would fail the checkout. */
export async function emptyCart(token) {
  const cart = await api('GET', '/api/cart-order/cart', { token });
  for (const line of cart.json?.lines ?? []) await api('DELETE', `/api/cart-order/cart/lines/${line.sku}`, { token });
}

/** Takes the product off sale again, so the storefront does not fill up with benchmark items. */
export async function delist({ productId }) {
  const { token } = await signIn(MERCHANT);
  await api('POST', `/api/catalog/merchant/products/${productId}/delisting`, { token, key: randomUUID() });
}

export async function inBatches(items, width, work) {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

async function until(what, check, seconds = 60) {
  for (const end = Date.now() + seconds * 1000; Date.now() < end;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`waited ${seconds} s for ${what}`);
}

/** The commit the benchmark runs at, for its first line, e.g. `commit abc1234 with uncommitted changes`. */
export function mallVersion() {
  const git = (...args) => execFileSync('git', args, { cwd: new URL('.', import.meta.url) }).toString().trim();
  try {
    return `commit ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'an unknown commit';
  }
}
