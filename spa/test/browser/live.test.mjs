// A live order page in a real browser against the running mall, for a shopper of the test's own.
// With its live connections refused, the page says it is reconnecting and keeps up by asking every
// few seconds (a payment made meanwhile shows); once they are let through it is live again, and from
// then on the parcel's scans and the order's steps appear as they happen without the page asking
// for the order or its scans in between: no request at all while nothing happens. On a phone in
// Chinese (the desktop's order page is the same page, followed by storefront.test.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { api, listedProduct, newShopper, until } from './api.mjs';
import { MALL, launch, marker, newPage, shot, signIn } from './mall.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const { viewport, locale } of [{ viewport: 'phone', locale: 'zh-CN' }]) {
  describe(`a live order page on a ${viewport} in ${locale}`, () => {
    const m = marker();
    const shopper = `live-${m}`;
    const sku = `LIVE-${m}`;
    let token;

    before(async () => {
      token = await newShopper(shopper);
      await listedProduct({ 'zh-CN': `实时测试 ${m}`, en: `Live test ${m}` }, { [sku]: 2_500 }, token);
    });

    test('cut off it polls and says so; back online it follows the parcel without asking', async () => {
      await api('PUT', `/cart-order/cart/lines/${sku}`, { token, body: { quantity: 1 } });
      const placed = await api('POST', '/cart-order/checkout', { token });
      assert.equal(placed.status, 201);
      const id = placed.json.id;
      await until(`order ${id} to be payable`, async () =>
        (await api('GET', `/cart-order/orders/${id}`, { token })).json?.status === 'STOCK_RESERVED');

      const page = await newPage(browser, viewport, locale);
      const cut = (route) => route.abort('connectionreset');
      await page.route('**/live', cut);
      await page.goto(`${MALL}/orders/${id}`);
      await signIn(page, shopper);
      const timeline = page.getByTestId('timeline');
      await timeline.locator('li[data-status="STOCK_RESERVED"]').waitFor();
      await page.locator('[data-live="retrying"]').waitFor({ timeout: 15_000 });
      await shot(page, viewport, 'order-reconnecting');

      const key = randomUUID();
      await until(`order ${id} to be paid`, async () => (await api('POST', '/pay/payments',
        { token, key, body: { orderId: id, channel: 'sandbox', token: 'tok_sandbox_success' } })).status === 201);
      await timeline.locator('li[data-status="PAID"]').waitFor({ timeout: 15_000 }); // by polling

      await page.unroute('**/live', cut);
      await page.locator('[data-live="open"]').waitFor({ timeout: 25_000 });
      await page.locator('.tracking li[data-code="IN_TRANSIT"]').waitFor({ timeout: 30_000 });
      await page.locator('.tracking li[data-code="DELIVERED"]').waitFor({ timeout: 30_000 });
      await timeline.locator('li[data-status="DELIVERED"]').waitFor({ timeout: 30_000 });
      await shot(page, viewport, 'order-live');

      // Delivered, not yet completed (locally 20 s later): nothing happens, so nothing is asked for.
      await page.waitForTimeout(2_000);
      const asked = [];
      const watch = (request) => {
        if (/\/api\/(cart-order\/orders\/\d+|shipping\/shipments)/.test(request.url())) asked.push(request.url());
      };
      page.on('request', watch);
      await page.waitForTimeout(7_000);
      page.off('request', watch);
      const completed = await timeline.locator('li[data-status="COMPLETED"]').count();
      if (completed === 0) assert.deepEqual(asked, [], 'a live page does not poll');

      await timeline.locator('li[data-status="COMPLETED"]').waitFor({ timeout: 40_000 }); // pushed, not reloaded
      await page.locator('[data-live]').waitFor({ state: 'detached' }); // a final order is no longer followed
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });
  });
}
