// The running mall's API from the tests themselves, to prepare what a screen needs (a listed,
// stocked product; a shopper of the test's own with a known points balance) without clicking
// through screens other tests already cover. Tokens come from the local realm's password-grant
// client (quarkmall-cli) and new shoppers from Keycloak's admin API, as e2e and bench do.
import { randomUUID } from 'node:crypto';
import { MALL } from './mall.mjs';

let realm;

/** Keycloak's realm URL, from the config.json the shop itself reads. */
async function realmUrl() {
  realm ??= (await (await fetch(`${MALL}/config.json`)).json()).oidcAuthority;
  return realm;
}

async function passwordGrant(url, clientId, user, password = user) {
  const response = await fetch(`${url}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username: user, password }),
  });
  if (response.status !== 200) throw new Error(`Keycloak refused to sign ${user} in: ${response.status}`);
  return (await response.json()).access_token;
}

/** A demo or test user's access token (password = user name). */
export async function tokenOf(user) {
  return passwordGrant(await realmUrl(), 'quarkmall-cli', user);
}

/** One request to the mall's API; JSON in and out ({@code headers}: any more, such as a flash sale's Sale-Token). */
export async function api(method, path, { token, body, key = method === 'POST' ? randomUUID() : undefined, query, headers: more } = {}) {
  const headers = { Accept: 'application/json, application/problem+json', ...more };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (key) headers['Idempotency-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const url = `${MALL}/api${path}${query ? `?${new URLSearchParams(query)}` : ''}`;
  // Bounded, so a request the mall never answers fails its test by name instead of hanging the run.
  const response = await fetch(url, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: response.status, json };
}

/** Waits until {@code check} returns something other than undefined or false, and returns it. */
export async function until(what, check, seconds = 60) {
  for (const end = Date.now() + seconds * 1000; Date.now() < end;) {
    const result = await check();
    if (result !== undefined && result !== false) return result;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** A new shopper (the realm's default roles make every new account a shopper), password = name. */
export async function newShopper(name) {
  const url = await realmUrl();
  const origin = new URL(url).origin;
  const adminToken = await passwordGrant(`${origin}/realms/master`, 'admin-cli', 'admin', 'admin');
  const response = await fetch(`${origin}/admin/realms/${url.split('/').pop()}/users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      username: name, enabled: true, email: `${name}@example.test`, emailVerified: true, firstName: 'Test', lastName: name,
      credentials: [{ type: 'password', value: name, temporary: false }],
    }),
  });
  if (response.status !== 201) throw new Error(`Keycloak refused to create ${name}: ${response.status}`);
  return tokenOf(name);
}

/**
 * A product of the demo merchant's, listed, each SKU stocked, and sellable in cart-order (which
 * learns of it from catalog's events a moment later). {@code skus}: code → price in fen, or the
 * SKU's other fields too ({ fen, pointsPrice, pointsCash, redeemLimitPerShopper }).
 */
export async function listedProduct(names, skus, shopperToken) {
  const token = await tokenOf('merchant');
  const skuOf = ([sku, terms]) => {
    const { fen, ...more } = typeof terms === 'number' ? { fen: terms } : terms;
    return { sku, price: { amountMinor: fen, currency: 'CNY' }, ...more };
  };
  const created = await api('POST', '/catalog/merchant/products', {
    token,
    body: { names, skus: Object.entries(skus).map(skuOf) },
  });
  if (created.status !== 201) throw new Error(`catalog refused the product: ${created.status} ${JSON.stringify(created.json)}`);
  const listed = await api('POST', `/catalog/merchant/products/${created.json.id}/listing`, { token });
  if (listed.status !== 200) throw new Error(`catalog refused the listing: ${listed.status}`);
  for (const sku of Object.keys(skus)) {
    await until(`stock to know ${sku}`, async () => (await api('PUT', `/stock/stock/${sku}`, { token, body: { onHand: 100 } })).status === 200);
    await until(`cart-order to sell ${sku}`, async () =>
      (await api('PUT', `/cart-order/cart/lines/${sku}`, { token: shopperToken, body: { quantity: 1 } })).status === 200);
    await api('DELETE', `/cart-order/cart/lines/${sku}`, { token: shopperToken });
  }
  return created.json;
}

/** Buys one {@code sku} and pays for it with the sandbox card; returns the order once it is PAID. */
export async function buyAndPay(token, sku, points = 0) {
  await api('PUT', `/cart-order/cart/lines/${sku}`, { token, body: { quantity: 1 } });
  const placed = await api('POST', '/cart-order/checkout', { token, query: points ? { points } : undefined });
  if (placed.status !== 201) throw new Error(`checkout refused: ${placed.status} ${JSON.stringify(placed.json)}`);
  const id = placed.json.id;
  const key = randomUUID();
  await until(`order ${id} to be paid`, async () =>
    (await api('POST', '/pay/payments', { token, key, body: { orderId: id, channel: 'sandbox', token: 'tok_sandbox_success' } })).status === 201);
  return until(`order ${id} to be PAID`, async () => {
    const order = (await api('GET', `/cart-order/orders/${id}`, { token })).json;
    return order?.status !== 'PENDING' && order?.status !== 'STOCK_RESERVED' && order;
  });
}

/** An order of {@code quantity} units of {@code sku}, placed and paid with the sandbox card; its id. */
export async function paidOrder(token, sku, quantity) {
  const put = await api('PUT', `/cart-order/cart/lines/${sku}`, { token, body: { quantity } });
  if (put.status !== 200) throw new Error(`cart refused: ${put.status} ${JSON.stringify(put.json)}`);
  const placed = await api('POST', '/cart-order/checkout', { token });
  if (placed.status !== 201) throw new Error(`checkout refused: ${placed.status} ${JSON.stringify(placed.json)}`);
  const id = placed.json.id;
  const key = randomUUID();
  await until(`order ${id} to be paid`, async () => (await api('POST', '/pay/payments',
    { token, key, body: { orderId: id, channel: 'sandbox', token: 'tok_sandbox_success' } })).status === 201);
  return id;
}

/** The order once the sandbox carrier delivered it (locally it completes 20 s later) and it offers after-sales. */
export async function deliveredOrder(token, id) {
  return until(`order ${id} to be delivered and offer after-sales`, async () => {
    const order = (await api('GET', `/cart-order/orders/${id}`, { token })).json;
    return ['DELIVERED', 'COMPLETED'].includes(order?.status) && order.actions.includes('REQUEST_REFUND') && order;
  }, 180);
}

/** The order's after-sales requests, oldest first, as the shopper's API gives them. */
export async function afterSalesOf(token, id) {
  const answer = await api('GET', `/cart-order/orders/${id}/after-sales`, { token });
  if (answer.status !== 200) throw new Error(`after-sales list: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json;
}

/** The shopper's points account once {@code ready} says it is what the test waits for. */
export async function pointsOnce(token, what, ready) {
  return until(what, async () => {
    const account = (await api('GET', '/loyalty/accounts/me', { token })).json;
    return account && ready(account) && account;
  });
}

/** The points a shopper's first paid order brings, once loyalty has written them: the order's own and the first-order bonus. */
export async function firstOrderPoints(token) {
  const has = (a, reason) => a.entries.some((e) => e.reason === reason);
  return pointsOnce(token, 'the first order\'s points and bonus', (a) => has(a, 'EARNED_FOR_ORDER') && has(a, 'FIRST_PAID_ORDER'));
}

/** The address a test shopper's parcels go to: a valid mainland address. */
export const TEST_ADDRESS = {
  recipient: 'Test shopper', phone: '13800138000', country: 'CN', province: '上海市', city: '上海市', district: '浦东新区',
  line1: '世纪大道 1 号', line2: null, postcode: '200120', label: null,
};

/**
 * The shopper's default delivery address, added when the book is empty, so a checkout in the browser
 * has one preselected (the demo shopper's book is reused from run to run rather than filled up).
 */
export async function anAddress(token) {
  const book = await api('GET', '/cart-order/addresses', { token });
  if (book.status !== 200) throw new Error(`cart-order refused the address book: ${book.status} ${JSON.stringify(book.json)}`);
  const found = book.json.find((a) => a.isDefault) ?? book.json[0];
  if (found && found.isDefault) return found;
  if (found) {
    const made = await api('POST', `/cart-order/addresses/${found.id}/default`, { token });
    if (made.status !== 200) throw new Error(`cart-order refused the default: ${made.status} ${JSON.stringify(made.json)}`);
    return made.json;
  }
  const added = await api('POST', '/cart-order/addresses', { token, body: TEST_ADDRESS });
  if (added.status !== 201) throw new Error(`cart-order refused the address: ${added.status} ${JSON.stringify(added.json)}`);
  return added.json;
}
