import { expect, test } from 'vitest';
import { match } from '../../src/router';

test('paths match patterns with parameters, decoded, and nothing else', () => {
  expect(match('/orders/:id', '/orders/42')).toEqual({ id: '42' });
  expect(match('/console/products/:id', '/console/products/7/')).toEqual({ id: '7' });
  expect(match('/orders/:id', '/orders')).toBeNull();
  expect(match('/orders/:id', '/products/42')).toBeNull();
  expect(match('/search/:q', '/search/%E9%BE%99%E4%BA%95')).toEqual({ q: '龙井' });
});
