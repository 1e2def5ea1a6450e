import { afterEach, describe, expect, test, vi } from 'vitest';
import { Api, ApiError, type OrderSummary, type OrderView, type ProductView } from '../../src/api';
import { admitted, refusal, retryAttempt, retryDelayMs, tokenNotYet, unanswered } from '../../src/flash/answer';
import { findSaleProducts, percentOff, productsBySku } from '../../src/flash/saleProducts';
import { flashOrdersSince, orderOfTicket } from '../../src/flash/ticketOrders';

const problem = (status: number, type: string, retryAfterSeconds: number | null = null) =>
  new ApiError(status, 'Refused', 'detail', `https://quarkmall.io/problems/${type}`, [], retryAfterSeconds);

describe('the answer to one buy attempt', () => {
  test('admitted (201, or the 200 replay of the same key) is the ticket', () => {
    expect(admitted({ saleId: 3, outcome: 'ADMITTED', ticketId: 'a1b2c3d4-0000' })).toEqual({ kind: 'ADMITTED', ticketId: 'a1b2c3d4-0000' });
  });

  test("stock's 409 refusals are told by name", () => {
    expect(refusal(problem(409, 'flash-sale-sold-out'))).toEqual({ kind: 'SOLD_OUT' });
    expect(refusal(problem(409, 'flash-sale-limit-reached'))).toEqual({ kind: 'LIMIT_REACHED' });
    expect(refusal(problem(409, 'flash-sale-not-started'))).toEqual({ kind: 'NOT_STARTED' });
    expect(refusal(problem(409, 'flash-sale-ended'))).toEqual({ kind: 'ENDED' });
  });

  test('too many attempts says when to try again; a refused sale token asks for a new one', () => {
    expect(refusal(problem(429, 'rate-limited', 4))).toEqual({ kind: 'RATE_LIMITED', retryAfterSeconds: 4 });
    expect(refusal(problem(429, 'rate-limited'))).toEqual({ kind: 'RATE_LIMITED', retryAfterSeconds: 1 });
    expect(refusal(problem(403, ''))).toEqual({ kind: 'TOKEN_REFUSED' });
  });

  test('anything else is shown as the service said it', () => {
    for (const error of [problem(409, 'idempotency-key-in-use'), problem(404, 'not-found'), problem(400, 'invalid'),
      new ApiError(0, 'Network error', '', 'network')]) {
      expect(refusal(error)).toEqual({ kind: 'PROBLEM', error });
    }
  });
});

describe('an attempt without an answer is sent again with its key', () => {
  test('no network, 429 and 5xx may have had no answer; a refusal or a 4xx is an answer', () => {
    expect(unanswered(new ApiError(0, 'Network error', '', 'network'))).toBe(true);
    expect(unanswered(problem(429, 'rate-limited', 2))).toBe(true);
    expect(unanswered(problem(503, 'unavailable'))).toBe(true);
    for (const status of [400, 403, 404, 409]) expect(unanswered(problem(status, 'x')), String(status)).toBe(false);
  });

  test("a 429 waits its Retry-After; no answer waits a second more each try; four tries, then the shopper's Try again", () => {
    expect(retryDelayMs(problem(429, 'rate-limited', 3), 1)).toBe(3_000);
    expect(retryDelayMs(new ApiError(0, 'Network error', '', 'network'), 0)).toBe(1_000);
    expect(retryDelayMs(new ApiError(0, 'Network error', '', 'network'), 2)).toBe(2_000);
    const network = new ApiError(0, 'Network error', '', 'network');
    expect([0, 1, 2, 3, 4].map((failures) => retryAttempt(failures, network))).toEqual([true, true, true, true, false]);
    expect(retryAttempt(0, problem(409, 'flash-sale-sold-out'))).toBe(false);
  });

  test('a token asked a moment early is asked again; other token refusals are not', () => {
    expect(tokenNotYet(problem(409, 'sale-token-not-yet'))).toBe(true);
    expect(tokenNotYet(problem(409, 'flash-sale-ended'))).toBe(false);
    expect(tokenNotYet(problem(404, 'sale-token-not-yet'))).toBe(false);
  });
});

describe("from a ticket to the shopper's order", () => {
  const summary = (id: number, kind: string, createdAt: string) => ({ id, kind, createdAt }) as OrderSummary;
  const view = (id: number, flashSaleTicket: string | null) => ({ id, flashSaleTicket }) as OrderView;

  test('only FLASH_SALE orders placed since the admission, less a minute of slack, are opened', () => {
    const orders = [summary(9, 'FLASH_SALE', '2026-11-27T20:00:02Z'), summary(8, 'PURCHASE', '2026-11-27T20:00:01Z'),
      summary(7, 'FLASH_SALE', '2026-11-27T19:59:30Z'), summary(6, 'FLASH_SALE', '2026-11-27T19:58:00Z')];
    expect(flashOrdersSince(orders, Date.parse('2026-11-27T20:00:00Z'))).toEqual([9, 7]);
  });

  test("the order is the one whose view carries the ticket; none until cart-order has placed it", () => {
    const views = [undefined, view(9, 'bbbb'), view(7, 'aaaa')];
    expect(orderOfTicket(views, 'aaaa')?.id).toBe(7);
    expect(orderOfTicket(views, 'cccc')).toBeUndefined();
  });
});

describe('the products a sale page names', () => {
  const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
  const product = (id: number, skus: string[]) => ({ id, name: `P${id}`, names: {}, skus: skus.map((sku) => ({ sku, price: cny(9_900) })) }) as unknown as ProductView;

  test('each SKU finds its product and its regular price', () => {
    const found = productsBySku([product(1, ['A', 'B']), product(2, ['C'])], ['C', 'A', 'Z']);
    expect([...found.keys()].sort()).toEqual(['A', 'C']);
    expect(found.get('C')?.product.id).toBe(2);
    expect(found.get('A')?.sku.price).toEqual(cny(9_900));
  });

  test('how far below the regular price, in whole percent; nothing when not below or in another currency', () => {
    expect(percentOff(cny(990), cny(9_900))).toBe(90);
    expect(percentOff(cny(6_666), cny(9_999))).toBe(33);
    expect(percentOff(cny(9_900), cny(9_900))).toBeNull();
    expect(percentOff({ amountMinor: 1, currency: 'USD' }, cny(9_900))).toBeNull();
  });

  afterEach(() => { vi.unstubAllGlobals(); });

  test("catalog's listed products are read a page at a time until every SKU is found, and no further", async () => {
    const pages = [Array.from({ length: 100 }, (_, i) => product(i, [`S${i}`])), [product(500, ['WANTED'])], [product(600, ['LATER'])]];
    const asked: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      asked.push(url);
      const page = Number(new URL(url, 'http://mall').searchParams.get('page'));
      return new Response(JSON.stringify(pages[page] ?? []), { status: 200 });
    }));
    const found = await findSaleProducts(new Api('/api', () => null), ['WANTED', 'S3']);
    expect(found.get('WANTED')?.product.id).toBe(500);
    expect(found.get('S3')?.product.id).toBe(3);
    expect(asked).toEqual(['/api/catalog/products?page=0&size=100', '/api/catalog/products?page=1&size=100']);
  });

  test('a SKU no listed product holds ends the search at the end of the list, at most ten pages', async () => {
    const full = Array.from({ length: 100 }, (_, i) => product(i, [`S${i}`]));
    const fetch = vi.fn(async () => new Response(JSON.stringify(full), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    expect((await findSaleProducts(new Api('/api', () => null), ['NOWHERE'])).size).toBe(0);
    expect(fetch).toHaveBeenCalledTimes(10);
  });
});
