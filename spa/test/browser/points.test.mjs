// Points in a real browser against the running mall, for a shopper of the test's own (so the
// balance is known): the points page (balance, held, expiring, readable history linking to
// orders), a cancelled order that loyalty refused to hold points for, and the cart's "use points"
// control: the most usable by cart-order's rule, the service's 422 when asked for more, and an order
// whose page explains the goods, the points taken off and the money left to pay. On a phone in
// Chinese and on a desktop in English, each screen screenshotted and audited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { anAddress, api, buyAndPay, firstOrderPoints, listedProduct, newShopper } from './api.mjs';
import { MALL, RUNS, either, launch, marker, newPage, shot, signIn } from './mall.mjs';


let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const { viewport, locale } of RUNS) {
  describe(`points on a ${viewport} in ${locale}`, () => {
    const m = marker();
    const shopper = `points-${m}`;
    const skus = { big: `PTS-${m}-BIG`, small: `PTS-${m}-SMALL` };
    let token;
    let refusedOrder;
    let balance;

    before(async () => {
      token = await newShopper(shopper);
      await anAddress(token);
      // ¥200 earns 200 points; ¥1 lets points pay at most ¥0.50, which is 50 points.
      await listedProduct({ 'zh-CN': `积分测试 ${m}`, en: `Points test ${m}` }, { [skus.big]: 20_000, [skus.small]: 100 }, token);
      // With no points yet, an order asking for 50 is placed, then cancelled when loyalty refuses to hold them.
      await api('PUT', `/cart-order/cart/lines/${skus.small}`, { token, body: { quantity: 1 } });
      refusedOrder = (await api('POST', '/cart-order/checkout', { token, query: { points: 50 } })).json.id;
      await buyAndPay(token, skus.big);
      // 200 points for ¥200, and the first paid order's bonus (loyalty's quarkmall.loyalty.activities, 100 by default).
      balance = (await firstOrderPoints(token)).balance;
      assert.ok(balance > 200, `a first order earns its points and a bonus, not ${balance}`);
    });

    test('the points page shows the balance, nothing held, what expires, and the history linked to its orders', async () => {
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/points`);
      await signIn(page, shopper);
      await page.getByTestId('points-balance').filter({ hasText: new RegExp(`^${balance.toLocaleString(locale)}$`) }).waitFor();
      assert.equal(await page.getByTestId('points-held').innerText(), '0');
      // Points earned today last a year: none expire within the window, whose end is a date.
      assert.match(await page.getByTestId('points-expiring').innerText(), /^(None expire before \w+ \d+, \d{4}|\d{4}年\d+月\d+日 前没有积分过期)$/);
      const earned = page.locator('[data-reason="EARNED_FOR_ORDER"]');
      assert.match(await earned.innerText(), either('Earned for Order #\\d+', '购物获得 订单 #\\d+'));
      assert.match(await earned.locator('strong').innerText(), /^\+200$/);
      assert.match(await page.locator('[data-reason="FIRST_PAID_ORDER"]').innerText(), either('First order bonus for Order #\\d+', '首单奖励 订单 #\\d+'));
      await shot(page, viewport, 'points-earned');
      await earned.getByRole('link').click();
      await page.waitForURL(/\/orders\/\d+$/);
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });

    test('an order loyalty refused to hold points for says so and leads to the balance', async () => {
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/orders/${refusedOrder}`);
      await signIn(page, shopper);
      await page.getByText(either('Cancelled: not enough points', '已取消：积分不足')).waitFor({ timeout: 30_000 });
      await shot(page, viewport, 'order-points-refused');
      await page.locator('.error').getByRole('link', { name: either('My points', '我的积分') }).click();
      await page.waitForURL(/\/points$/);
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });

    test('the cart offers the points this order may use, shows the 422 for more, and the order explains its amounts', async () => {
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/cart`);
      await signIn(page, shopper);
      await api('PUT', `/cart-order/cart/lines/${skus.small}`, { token, body: { quantity: 1 } });
      await page.reload();
      await page.locator('.line', { hasText: m }).waitFor();
      // More than 200 points, but points pay at most half of ¥1.00: 50 of them.
      await page.getByTestId('points-usable').filter({ hasText: /50/ }).waitFor();
      await page.getByRole('checkbox', { name: either('Use points', '使用积分') }).check();
      const points = page.locator('input[name="points"]');
      assert.equal(await points.inputValue(), '50');
      await points.fill('80');
      await page.locator('.use-points .hint').filter({ hasText: either('This order can use at most 50 points', '超出本单上限：最多可用 50 积分') }).waitFor();
      // The service has the last word: its 422 and detail are shown as it said them.
      await page.getByRole('button', { name: either('Check out', '去结算') }).click();
      const refusal = page.getByRole('alert');
      await refusal.filter({ hasText: /up to 50 points, not 80/ }).waitFor();
      await shot(page, viewport, 'cart-points-refused');

      await page.getByRole('button', { name: either('Use 50', '用 50 积分') }).click();
      const amounts = page.locator('.checkout .amounts');
      await amounts.getByTestId('amount-off').filter({ hasText: /0\.50/ }).waitFor();
      assert.match(await page.getByTestId('cart-total').innerText(), /0\.50/);
      await shot(page, viewport, 'cart-points');
      await page.getByRole('button', { name: either('Check out', '去结算') }).click();

      await page.waitForURL(/\/orders\/\d+$/);
      const orderId = Number(new URL(page.url()).pathname.split('/').pop());
      const orderAmounts = page.locator('.order .amounts');
      await orderAmounts.getByText(either('Goods', '商品金额')).waitFor();
      assert.match(await orderAmounts.getByTestId('amount-off').innerText(), either('Points \\(50 points\\)\\s+−\\S*0\\.50', '积分抵扣（50 积分）\\s+−\\S*0\\.50'));
      assert.match(await page.getByTestId('order-total').innerText(), /0\.50/);
      await page.getByRole('button', { name: either('Pay now', '立即支付') }).waitFor({ timeout: 30_000 });
      await shot(page, viewport, 'order-points');

      // Before payment the 50 points are held; the history says what they paid for.
      await page.getByRole('link', { name: either('Points', '积分') }).click();
      await page.getByTestId('points-held').filter({ hasText: /^50$/ }).waitFor();
      assert.equal(await page.getByTestId('points-balance').innerText(), (balance - 50).toLocaleString(locale));
      const used = page.locator('[data-reason="HELD_FOR_ORDER"]');
      assert.match(await used.innerText(), either(`Used to pay for Order #${orderId}`, `下单抵扣 订单 #${orderId}`));
      assert.match(await used.locator('strong').innerText(), /^−50$/);
      await shot(page, viewport, 'points-held');

      await used.getByRole('link').click();
      await page.getByRole('button', { name: either('Pay now', '立即支付') }).click();
      await page.getByTestId('timeline').locator('li[data-status="PAID"]').waitFor({ timeout: 30_000 });
      await page.getByRole('link', { name: either('Points', '积分') }).click();
      await page.getByTestId('points-held').filter({ hasText: /^0$/ }).waitFor({ timeout: 30_000 });
      assert.equal(await page.getByTestId('points-balance').innerText(), (balance - 50).toLocaleString(locale));
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });

    test('the shopper checks in once today and sees their tier; a new friend registers their referral code', async () => {
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/points`);
      await signIn(page, shopper);
      const checkIn = page.getByTestId('check-in');
      await checkIn.getByRole('button', { name: either('Check in', '签到') }).click();
      await checkIn.getByRole('status').filter({ hasText: either('Checked in: \\+\\d+ points', '签到成功：\\+\\d+ 积分') }).waitFor();
      assert.equal(await checkIn.getByRole('button').count(), 0, 'one check-in a day');
      await page.locator('[data-reason="CHECKED_IN"]').waitFor();
      assert.match(await page.getByTestId('tier').innerText(), /Member|普通会员/);
      const code = (await page.getByTestId('referral-code').innerText()).trim();
      assert.match(code, /^[A-Z0-9]{4,32}$/);
      await shot(page, viewport, 'points-activities');
      assert.deepEqual(page.failures, []);
      await page.context().close();

      await newShopper(`friend-${m}`);
      const friend = await newPage(browser, viewport, locale);
      await friend.goto(`${MALL}/points`);
      await signIn(friend, `friend-${m}`);
      await friend.locator('input[name="referral-code"]').fill(code.toLowerCase());
      await friend.getByRole('button', { name: either('Register', '提交') }).click();
      await friend.getByTestId('referred-by').filter({ hasText: code }).waitFor();
      assert.deepEqual(friend.failures, []);
      await friend.context().close();
    });
  });
}
