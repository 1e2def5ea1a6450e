// HTTP to the edge from many client addresses. Linux routes all of 127.0.0.0/8 to the loopback
// device, so each simulated buyer binds a local address of its own (127.10.x.y) and the edge,
// which writes the socket's peer into X-Forwarded-For, hands stock a distinct client address per
// buyer, as 1,000 buyers on 1,000 networks would be. Connections are kept alive per address, as a
// browser keeps its connection to the shop while the sale page counts down.
import http from 'node:http';

const EDGE = { host: '127.0.0.1', port: 8080 };
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** The i-th buyer's own client address (i from 0): 127.10.0.1 … 127.10.0.250, 127.10.1.1 …, up to 64,000 buyers. */
export function addressOf(i) {
  if (i >= 250 * 256) throw new Error(`no more than ${250 * 256} client addresses`);
  return `127.10.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

/**
 * One request through the edge from `address`; resolves to { status, json, headers, ms } (ms from
 * sending to the whole answer), rejects on a network error or after `timeoutMs` (error name
 * `TimeoutError`). Never retries: the caller decides, as a buyer would.
 */
export function send(method, path, { token, key, headers = {}, address, timeoutMs = 10_000 } = {}) {
  const all = { ...headers };
  if (token) all.Authorization = `Bearer ${token}`;
  if (key) all['Idempotency-Key'] = key;
  if (method === 'POST' || method === 'PUT') all['Content-Length'] = '0';
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const request = http.request({ ...EDGE, method, path, headers: all, agent, localAddress: address }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let json = null;
        try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: kept as null */ }
        resolve({ status: response.statusCode, json, headers: response.headers, ms: performance.now() - began });
      });
      response.on('error', reject);
    });
    request.setTimeout(timeoutMs, () => {
      const e = new Error(`no answer in ${timeoutMs} ms`);
      e.name = 'TimeoutError';
      request.destroy(e);
    });
    request.on('error', reject);
    request.end();
  });
}

/** How an answer is counted: `201`, `200 replayed`, `409 flash-sale-sold-out`, `429 rate-limited` … */
export function kindOf(answer) {
  const type = answer.json?.type ? ` ${String(answer.json.type).split('/').pop()}` : '';
  const replayed = answer.headers['idempotent-replayed'] === 'true' ? ' replayed' : '';
  return `${answer.status}${replayed}${type}`;
}

/** Open sockets the agent holds, for the report. */
export function openSockets() {
  const count = (pool) => Object.values(pool).reduce((a, list) => a + list.length, 0);
  return count(agent.sockets) + count(agent.freeSockets);
}
