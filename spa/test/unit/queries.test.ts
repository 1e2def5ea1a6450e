import { QueryClient } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { Api, type OrderView } from '../../src/api';
import { keys, queries, untilFinal } from '../../src/queries';

const api = new Api('', () => null);
const order = (status: string) => ({ status }) as OrderView;

test('an order is polled until it is COMPLETED or CANCELLED, then no more', () => {
  const interval = untilFinal(1500);
  expect(interval({ state: {} })).toBe(1500);
  for (const status of ['PENDING', 'STOCK_RESERVED', 'PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED']) {
    expect(interval({ state: { data: order(status) } }), status).toBe(1500);
  }
  expect(interval({ state: { data: order('COMPLETED') } })).toBe(false);
  expect(interval({ state: { data: order('CANCELLED') } })).toBe(false);
});

describe('a change invalidates what it changed and nothing else', () => {
  const stale = (client: QueryClient) => client.getQueryCache().getAll().filter((q) => q.state.isInvalidated)
    .map((q) => q.queryKey);
  const cached = () => {
    const client = new QueryClient();
    for (const options of [queries.orders(api), queries.order(api, 7), queries.cart(api), queries.products(api, 12),
      queries.product(api, 3), queries.merchantProducts(api), queries.merchantProduct(api, 3), queries.stockLevels(api),
      queries.availability(api, ['TEA-1']), queries.shipments(api, 7), queries.tracking(api, 9), queries.pointsBalance(api)]) {
      client.setQueryData(options.queryKey, [] as never);
    }
    client.setQueryData(queries.points(api).queryKey, { pages: [], pageParams: [] });
    return client;
  };

  test('an order changed: the list of orders and that order', async () => {
    const client = cached();
    await client.invalidateQueries({ queryKey: keys.orders, refetchType: 'none' });
    expect(stale(client)).toEqual([queries.orders(api).queryKey, queries.order(api, 7).queryKey]);
  });

  test('a product saved or listed: the merchant\'s products and what shoppers see of them', async () => {
    const client = cached();
    await client.invalidateQueries({ queryKey: keys.merchantProducts, refetchType: 'none' });
    await client.invalidateQueries({ queryKey: keys.products, refetchType: 'none' });
    expect(stale(client)).toEqual([queries.products(api, 12).queryKey, queries.product(api, 3).queryKey,
      queries.merchantProducts(api).queryKey, queries.merchantProduct(api, 3).queryKey]);
  });

  test('a stock count set: the levels and the availability shoppers see', async () => {
    const client = cached();
    await client.invalidateQueries({ queryKey: keys.stock, refetchType: 'none' });
    await client.invalidateQueries({ queryKey: keys.availability, refetchType: 'none' });
    expect(stale(client)).toEqual([queries.stockLevels(api).queryKey, queries.availability(api, ['TEA-1']).queryKey]);
  });

  test('points used at checkout: the balance the cart shows and the account with its history', async () => {
    const client = cached();
    await client.invalidateQueries({ queryKey: keys.points, refetchType: 'none' });
    expect(stale(client)).toEqual([queries.pointsBalance(api).queryKey, queries.points(api).queryKey]);
  });
});

describe('the services hear the language chosen in the page', () => {
  const sent = async (language: string | undefined, call: (api: Api) => Promise<unknown>) => {
    const seen: Record<string, string>[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (_url: string, init: RequestInit) => {
      seen.push(init.headers as Record<string, string>);
      return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    try {
      await call(new Api('', () => 'token-1', () => language));
    } finally {
      globalThis.fetch = realFetch;
    }
    return seen[0];
  };

  test('a request and a file read carry it with the token', async () => {
    for (const call of [(api: Api) => api.request('/cart-order/orders'), (api: Api) => api.blob('/cart-order/operator/orders/1/label')]) {
      const headers = await sent('zh-CN', call);
      expect(headers['Accept-Language']).toBe('zh-CN');
      expect(headers.Authorization).toBe('Bearer token-1');
    }
  });

  test('without a page language the browser\'s own is left to speak', async () => {
    expect(await sent(undefined, (api) => api.request('/cart-order/orders'))).not.toHaveProperty('Accept-Language');
  });
});
