// A flash sale in a real browser against the running mall: the demo merchant schedules a sale of a
// product of the test's own through the API, starting 90 s ahead (past stock's 60 s token window, so
// the page is seen before it; within its 2 min load-ahead, so the sale is in Redis at once). A shopper
// watches the countdown with the button locked, sees the sale token fetched by itself inside the
// window, buys at the start and is admitted, is refused at the per-shopper limit on the next click,
// follows the link to the order cart-order placed and pays it. Another shopper is told sold out on a
// sale of one unit already taken. The phone in Chinese and the desktop in English run at the same
// time, so the file takes one countdown, not two; each screen is screenshotted and audited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, listedProduct, newShopper, tokenOf, until } from './api.mjs';
import { MALL, RUNS, either, launch, marker, newPage, shot, signIn } from './mall.mjs';

/** How far ahead the sales start: the page is opened before the token window (60 s before the start) opens. */
const LEAD_MS = 90_000;
const TOKEN_WINDOW_MS = 60_000;
const SALE_PRICE = 990;

async function schedule(token, sku, quantity, perShopperLimit, startsAt) {
  const scheduled = await api('POST', '/stock/flash-sales', {
    token,
    body: { sku, quantity, perShopperLimit, price: { amountMinor: SALE_PRICE, currency: 'CNY' },
      startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 10 * 60_000).toISOString() },
  });
  assert.equal(scheduled.status, 201, JSON.stringify(scheduled.json));
  return scheduled.json;
}

/** Buys one unit through the API, as another tab of the shopper's would: a token, then one attempt. */
async function buyThroughApi(token, saleId) {
  const issued = await until('a sale token', async () => {
    const answer = await api('GET', `/stock/flash-sales/${saleId}/token`, { token });
    return answer.status === 200 && answer.json.token;
  }, 30);
  return until('the purchase to be admitted', async () => {
    const answer = await api('POST', `/stock/flash-sales/${saleId}/purchases`, { token, headers: { 'Sale-Token': issued } });
    return answer.status === 201 && answer.json;
  }, 30);
}

/** Each run's shoppers, product and sales, made one run after the other: Keycloak's brute-force
 * protection takes two password grants of one user (the merchant) at the same moment for an attack. */
async function prepare(run) {
  const { m } = run;
  run.buyer = `flash-${m}`;
  run.late = `flash-late-${m}`;
  run.skus = { main: `FS-${m}`, single: `FS-${m}-ONE` };
  run.buyerToken = await newShopper(run.buyer);
  await newShopper(run.late);
  await listedProduct({ 'zh-CN': `秒杀测试 ${m}`, en: `Flash test ${m}` }, { [run.skus.main]: 9_900, [run.skus.single]: 9_900 }, run.buyerToken);
  const merchant = await tokenOf('merchant');
  run.startsAt = Date.now() + LEAD_MS;
  run.sale = await schedule(merchant, run.skus.main, 5, 1, run.startsAt);
  run.single = await schedule(merchant, run.skus.single, 1, 1, run.startsAt);
}

const runs = RUNS.map((run) => ({ ...run, m: marker() }));
let browser;
before(async () => {
  browser = await launch();
  for (const run of runs) await prepare(run);
});
after(async () => { await browser?.close(); });

// The runs at the same time (one countdown for both), each run's tests one after the other.
describe('flash sales', { concurrency: runs.length }, () => {
  for (const run of runs) {
    const { viewport, locale, m } = run;
    describe(`on a ${viewport} in ${locale}`, { concurrency: 1 }, () => {
      let page;
      after(async () => { await page?.context().close(); });

      test('the sale counts down to its start with the button locked, and fetches the sale token inside the window', async () => {
        page = await newPage(browser, viewport, locale);
        await page.goto(`${MALL}/flash-sales`);
        await signIn(page, run.buyer);
        const card = page.locator(`[data-sale="${run.sale.id}"]`);
        await card.getByRole('link', { name: either(`Flash test ${m}`, `秒杀测试 ${m}`) }).waitFor();
        assert.match(await card.getByTestId('flash-price').innerText(), /9\.90/);
        assert.match(await card.getByTestId('regular-price').innerText(), /99\.00/);
        assert.match(await card.innerText(), /90% off|直降 90%/);
        assert.match(await card.getByTestId('units-left').innerText(), either('5 of 5 left', '剩余 5 / 5 件'));
        assert.match(await card.getByTestId('limit').innerText(), either('Limit 1 per shopper', '每人限购 1 件'));
        assert.match(await card.getByTestId('flash-phase').innerText(), either('Starts soon', '即将开始'));
        const first = await card.getByTestId('countdown').innerText();
        assert.match(first, /^00:01:[0-5]\d$|^00:00:[0-5]\d$/);
        await shot(page, viewport, 'flash-sales');

        await card.getByRole('link', { name: either(`Flash test ${m}`, `秒杀测试 ${m}`) }).click();
        await page.waitForURL(new RegExp(`/flash-sales/${run.sale.id}$`));
        const countdown = page.getByTestId('countdown');
        await countdown.waitFor();
        // The countdown runs on the server's clock (the same machine's here), to the second.
        const secondsLeft = (text) => text.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
        const shown = secondsLeft(await countdown.innerText());
        const expected = Math.ceil((run.startsAt - Date.now()) / 1000);
        assert.ok(Math.abs(shown - expected) <= 2, `the countdown shows ${shown} s, the start is ${expected} s away`);
        const buy = page.getByTestId('flash-buy');
        assert.equal(await buy.isDisabled(), true, 'locked before the start');
        if (Date.now() < run.startsAt - TOKEN_WINDOW_MS - 3_000) {
          assert.match(await page.getByTestId('flash-token').innerText(), either('Stay on this page', '请停留在本页'));
        }
        await shot(page, viewport, 'flash-sale-countdown');

        await page.getByTestId('flash-token').filter({ hasText: either('Ready: you have your sale pass', '已就绪') })
          .waitFor({ timeout: Math.max(0, run.startsAt - TOKEN_WINDOW_MS - Date.now()) + 15_000 });
        assert.ok(Date.now() >= run.startsAt - TOKEN_WINDOW_MS - 1_000, 'no token is asked for before the window');
        assert.equal(await buy.isDisabled(), true, 'still locked with the token, until the start');
        await shot(page, viewport, 'flash-sale-ready');
        assert.deepEqual(page.failures, []);
      });

      test('at the start one click is admitted, the next is refused at the limit, and the order follows to be paid', async () => {
        await page.locator('[data-testid="flash-buy"]:not([disabled])').waitFor({ timeout: Math.max(0, run.startsAt - Date.now()) + 15_000 });
        assert.ok(Date.now() >= run.startsAt - 1_000, `unlocked ${run.startsAt - Date.now()} ms before the start`);
        await page.getByTestId('flash-buy').click();
        const answer = page.getByTestId('flash-answer');
        await answer.filter({ hasText: either('You got one! Ticket [0-9a-f]{8}', '抢到了！凭证号 [0-9a-f]{8}') }).waitFor();
        assert.equal(await answer.getAttribute('data-answer'), 'ADMITTED');
        assert.equal(await answer.getAttribute('aria-live'), 'polite');
        await shot(page, viewport, 'flash-sale-admitted');

        await page.locator('[data-testid="flash-buy"]:not([disabled])').click();
        await page.locator('[data-answer="LIMIT_REACHED"]')
          .filter({ hasText: either('Limit reached: one shopper may buy 1', '已达限购：本场每人最多 1 件') }).waitFor();

        const order = page.getByTestId('flash-order');
        await order.waitFor({ timeout: 30_000 });
        assert.match(await order.innerText(), either('Order #\\d+: pay now', '订单 #\\d+：去支付'));
        assert.equal(await page.getByTestId('flash-tickets').locator('li').count(), 1, 'one ticket for one admission');
        await page.getByTestId('units-left').filter({ hasText: either('4 of 5 left', '剩余 4 / 5 件') }).waitFor();
        await shot(page, viewport, 'flash-sale-order');

        await order.click();
        await page.waitForURL(/\/orders\/\d+$/);
        await page.locator('.order .line', { hasText: run.skus.main }).waitFor();
        assert.match(await page.getByTestId('order-total').innerText(), /9\.90/);
        await page.getByRole('button', { name: either('Pay now', '立即支付') }).click({ timeout: 30_000 });
        await page.getByTestId('timeline').locator('li[data-status="PAID"]').waitFor({ timeout: 30_000 });
        await shot(page, viewport, 'flash-sale-paid');
        assert.deepEqual(page.failures, []);
      });

      test('with the one unit of a sale taken, another shopper is told sold out at once', async () => {
        await buyThroughApi(run.buyerToken, run.single.id);
        const other = await newPage(browser, viewport, locale);
        await other.goto(`${MALL}/flash-sales/${run.single.id}`);
        await other.getByRole('button', { name: either('Sign in to take part', '登录后参与秒杀') }).waitFor();
        await signIn(other, run.late);
        await other.getByTestId('units-left').filter({ hasText: either('0 of 1 left', '剩余 0 / 1 件') }).waitFor();
        await other.locator('[data-testid="flash-buy"]:not([disabled])').click();
        await other.locator('[data-answer="SOLD_OUT"]').filter({ hasText: either('Sold out: every unit is taken', '已抢光：所有名额都已被抢完') }).waitFor();
        await shot(other, viewport, 'flash-sale-sold-out');
        assert.deepEqual(other.failures, []);
        await other.context().close();
      });
    });
  }
});
