// Flash sales in a real browser against the running mall: the demo merchant schedules sales of a
// product of the test's own through the API (all within stock's 2 min load-ahead, so each sale is in
// Redis at once). A shopper watches one sale count down with the button locked, the page seen before
// the 60 s token window opens, and sees the sale token fetched by itself inside the window. The
// shopper then buys on a second sale at its start, 20 s after the first one's window opened (so the
// file waits for one window to open, not for a whole window to pass), is admitted, is refused at the
// per-shopper limit on the next click, follows the link to the order cart-order placed and pays it.
// Another shopper is told sold out on a sale of one unit already taken. The phone in Chinese and the
// desktop in English run at the same time, so the file takes one countdown, not two; each screen is
// screenshotted and audited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, listedProduct, newShopper, tokenOf, until } from './api.mjs';
import { MALL, RUNS, either, launch, marker, newPage, shot, signIn } from './mall.mjs';

/**
 * When the page asks for a sale token: stock's `quarkmall.flash-sale.token-window` and the storefront's
 * own TOKEN_WINDOW_MS (spa/src/flash/clock.ts), which must agree.
 */
const TOKEN_WINDOW_MS = 60_000;
/** How far ahead the watched sale starts: its page is open before its token window opens. */
const LEAD_MS = 90_000;
/** How long after the watched sale's window opens the bought sales start, time enough to go to one. */
const BUY_AFTER_WINDOW_MS = 20_000;
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

/** Each run's shoppers and product, made one run after the other: Keycloak's brute-force protection
 * takes two password grants of one user (the merchant) at the same moment for an attack. */
async function prepare(run) {
  const { m } = run;
  run.buyer = `flash-${m}`;
  run.late = `flash-late-${m}`;
  run.skus = { watched: `FS-${m}-WATCH`, main: `FS-${m}`, single: `FS-${m}-ONE` };
  run.buyerToken = await newShopper(run.buyer);
  await newShopper(run.late);
  await listedProduct({ 'zh-CN': `秒杀测试 ${m}`, en: `Flash test ${m}` },
    { [run.skus.watched]: 9_900, [run.skus.main]: 9_900, [run.skus.single]: 9_900 }, run.buyerToken);
}

/** Each run's sales, once every run's shoppers and products exist: the watched one, the bought one, the one-unit one. */
async function scheduleSales(run, merchant) {
  run.watchedStartsAt = Date.now() + LEAD_MS;
  run.startsAt = run.watchedStartsAt - TOKEN_WINDOW_MS + BUY_AFTER_WINDOW_MS;
  run.watched = await schedule(merchant, run.skus.watched, 5, 1, run.watchedStartsAt);
  run.sale = await schedule(merchant, run.skus.main, 5, 1, run.startsAt);
  run.single = await schedule(merchant, run.skus.single, 1, 1, run.startsAt);
}

const runs = RUNS.map((run) => ({ ...run, m: marker() }));
let browser;
before(async () => {
  browser = await launch();
  for (const run of runs) await prepare(run);
  const merchant = await tokenOf('merchant');
  for (const run of runs) await scheduleSales(run, merchant);
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
        const card = page.locator(`[data-sale="${run.watched.id}"]`);
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
        await page.waitForURL(new RegExp(`/flash-sales/${run.watched.id}$`));
        const countdown = page.locator('article.flash-sale').getByTestId('countdown'); // the sale's page, not the list it leaves
        await countdown.waitFor();
        // The countdown runs on the server's clock (the same machine's here), to the second.
        const secondsLeft = (text) => text.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
        const shown = secondsLeft(await countdown.innerText());
        const expected = Math.ceil((run.watchedStartsAt - Date.now()) / 1000);
        assert.ok(Math.abs(shown - expected) <= 2, `the countdown shows ${shown} s, the start is ${expected} s away`);
        const buy = page.getByTestId('flash-buy');
        assert.equal(await buy.isDisabled(), true, 'locked before the start');
        const windowOpensIn = run.watchedStartsAt - TOKEN_WINDOW_MS - Date.now();
        assert.ok(windowOpensIn > 3_000, `the page was seen only ${windowOpensIn} ms before the token window opened: LEAD_MS is too short`);
        assert.match(await page.getByTestId('flash-token').innerText(), either('Stay on this page', '请停留在本页'));
        await shot(page, viewport, 'flash-sale-countdown');

        await page.getByTestId('flash-token').filter({ hasText: either('Ready: you have your sale pass', '已就绪') })
          .waitFor({ timeout: Math.max(0, run.watchedStartsAt - TOKEN_WINDOW_MS - Date.now()) + 15_000 });
        assert.ok(Date.now() >= run.watchedStartsAt - TOKEN_WINDOW_MS - 1_000, 'no token is asked for before the window');
        assert.equal(await buy.isDisabled(), true, 'still locked with the token, until the start');
        await shot(page, viewport, 'flash-sale-ready');
        assert.deepEqual(page.failures, []);
      });

      test('at the start one click is admitted, the next is refused at the limit, and the order follows to be paid', async () => {
        // Back to the list (in the page, not a reload) and on to the sale to buy, already inside its token window.
        await page.goBack();
        await page.waitForURL(/\/flash-sales$/);
        await page.locator(`[data-sale="${run.sale.id}"]`).getByRole('link', { name: either(`Flash test ${m}`, `秒杀测试 ${m}`) }).click();
        await page.waitForURL(new RegExp(`/flash-sales/${run.sale.id}$`));
        await page.getByTestId('flash-token').filter({ hasText: either('Ready: you have your sale pass', '已就绪') }).waitFor();
        const startsIn = run.startsAt - Date.now();
        assert.ok(startsIn > 1_000, `the sale was reached only ${startsIn} ms before its start: BUY_AFTER_WINDOW_MS is too short`);
        assert.equal(await page.getByTestId('flash-buy').isDisabled(), true, 'locked with the token, until the start');
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
        await page.locator('article.flash-sale').getByTestId('units-left').filter({ hasText: either('4 of 5 left', '剩余 4 / 5 件') }).waitFor();
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
