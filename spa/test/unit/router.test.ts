import { matchRoutes } from 'react-router';
import { expect, test } from 'vitest';
import { routes } from '../../src/App';

const match = (pattern: string, path: string) => matchRoutes([{ path: pattern }], path)?.[0].params ?? null;

test('paths match patterns with parameters, decoded, and nothing else', () => {
  expect(match('/orders/:id', '/orders/42')).toEqual({ id: '42' });
  expect(match('/console/products/:id', '/console/products/7/')).toEqual({ id: '7' });
  expect(match('/orders/:id', '/orders')).toBeNull();
  expect(match('/orders/:id', '/products/42')).toBeNull();
  expect(match('/search/:q', '/search/%E9%BE%99%E4%BA%95')).toEqual({ q: '龙井' });
});

const page = (path: string) => {
  const found = matchRoutes(routes, path)!.at(-1)!;
  return { page: found.route.id, params: found.params };
};

test("each of the shop's paths opens its page, with its id", () => {
  expect(page('/')).toEqual({ page: 'home', params: {} });
  expect(page('/products/42')).toEqual({ page: 'product', params: { id: '42' } });
  expect(page('/orders')).toEqual({ page: 'orders', params: {} });
  expect(page('/orders/42/')).toEqual({ page: 'order', params: { id: '42' } });
  expect(page('/console')).toEqual({ page: 'console-products', params: {} });
  expect(page('/console/products/new')).toEqual({ page: 'console-new-product', params: {} });
  expect(page('/console/products/7')).toEqual({ page: 'console-product', params: { id: '7' } });
  expect(page('/console/orders/9')).toEqual({ page: 'console-order', params: { id: '9' } });
  expect(page('/console/after-sales')).toEqual({ page: 'console-after-sales', params: {} });
  expect(page('/points')).toEqual({ page: 'points', params: {} });
  expect(page('/account/addresses')).toEqual({ page: 'addresses', params: {} });
  expect(page('/coupons')).toEqual({ page: 'coupons', params: {} });
  expect(page('/mall')).toEqual({ page: 'mall', params: {} });
  expect(page('/lotteries')).toEqual({ page: 'lotteries', params: {} });
  expect(page('/lotteries/3')).toEqual({ page: 'lottery', params: { id: '3' } });
  expect(page('/console/coupons')).toEqual({ page: 'console-coupons', params: {} });
  expect(page('/console/coupons/new')).toEqual({ page: 'console-new-coupon-template', params: {} });
  expect(page('/console/rewards')).toEqual({ page: 'console-rewards', params: {} });
  expect(page('/console/earning-rules')).toEqual({ page: 'console-earning-rules', params: {} });
  expect(page('/console/lotteries')).toEqual({ page: 'console-lotteries', params: {} });
  expect(page('/console/lotteries/4')).toEqual({ page: 'console-lottery', params: { id: '4' } });
  expect(page('/console/stock')).toEqual({ page: 'console-stock', params: {} });
  expect(page('/console/stock/skus/TEA-1')).toEqual({ page: 'console-stock-sku', params: { sku: 'TEA-1' } });
  expect(page('/console/stock/transfers')).toEqual({ page: 'console-transfers', params: {} });
  expect(page('/console/stock/alerts')).toEqual({ page: 'console-stock-alerts', params: {} });
  expect(page('/console/stock/flash-sales')).toEqual({ page: 'console-flash-sales', params: {} });
  expect(page('/console/stock/analysis')).toEqual({ page: 'console-analysis', params: {} });
  expect(page('/console/stock/analysis/TEA-1')).toEqual({ page: 'console-sku-analysis', params: { sku: 'TEA-1' } });
  expect(page('/flash-sales')).toEqual({ page: 'flash-sales', params: {} });
  expect(page('/flash-sales/5')).toEqual({ page: 'flash-sale', params: { id: '5' } });
  expect(page('/console/payments')).toEqual({ page: 'console-payments', params: {} });
  expect(page('/console/payments/12')).toEqual({ page: 'console-payment', params: { id: '12' } });
  expect(page('/console/payments/refunds')).toEqual({ page: 'console-refunds', params: {} });
  expect(page('/console/payments/reviews')).toEqual({ page: 'console-risk-reviews', params: {} });
  expect(page('/console/payments/reviews/3')).toEqual({ page: 'console-risk-review', params: { id: '3' } });
  expect(page('/console/payments/reconciliation')).toEqual({ page: 'console-reconciliation', params: {} });
  expect(page('/console/payments/reconciliation/4')).toEqual({ page: 'console-reconciliation-report', params: { id: '4' } });
  expect(page('/console/nothing')).toMatchObject({ page: 'console-other' });
  expect(page('/nothing/here')).toMatchObject({ page: 'other' });
});
