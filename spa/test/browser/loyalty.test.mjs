// Coupons, the points mall and lotteries in a real browser against the running mall: a merchant
// creates a coupon template in the console and a shopper claims it into their wallet, then checks
// out with it and points (which pay part of what the coupon left) and sees both on the order; the merchant
// offers a voucher for points and the shopper redeems it; an admin's lottery is drawn in, and once
// it has ended the shopper's browser checks its seed against the commitment and finds their draw in
// the proof. On a phone in Chinese and on a desktop in English, each screen screenshotted and audited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { anAddress, api, buyAndPay, firstOrderPoints, listedProduct, newShopper, tokenOf, until } from './api.mjs';
import { MALL, RUNS, either, launch, marker, newPage, shot, signIn } from './mall.mjs';


let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const { viewport, locale } of RUNS) {
  describe(`coupons, the points mall and lotteries on a ${viewport} in ${locale}`, () => {
    const m = marker();
    const shopper = `loyal-${m}`;
    let token;
    let balance;

    before(async () => {
      token = await newShopper(shopper);
      await anAddress(token);
      const sku = `LOY-${m}`;
      // ¥21.00 less a ¥20.00 coupon leaves ¥1.00, of which points may pay half: 50 points, not 1,050.
      await listedProduct({ 'zh-CN': `会员测试 ${m}`, en: `Loyalty test ${m}` }, { [sku]: 20_000, [`${sku}-S`]: 2_100 }, token);
      await buyAndPay(token, sku);
      balance = (await firstOrderPoints(token)).balance;
    });

    test('a shopper draws in an open lottery, and after its end checks the seed and finds the draw in the proof', async () => {
      const now = Date.now();
      const created = await api('POST', '/loyalty/operator/lotteries', {
        token: await tokenOf('admin'),
        body: { name: `Lucky ${m}`, startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 15_000).toISOString(),
          costPerDraw: 10, drawsPerShopper: 2, budget: 100_000, noPrizeWeight: 0,
          prizes: [{ name: `30 points ${m}`, kind: 'POINTS', weight: 1, stock: 100, value: 30 }] },
      });
      assert.equal(created.status, 201, JSON.stringify(created.json));
      const id = created.json.id;

      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/lotteries/${id}`);
      await signIn(page, shopper);
      assert.match(await page.getByTestId('commitment').innerText(), /^[0-9a-f]{64}$/);
      await page.getByRole('button', { name: either('Draw for 10 points', '花 10 积分抽一次') }).click();
      await page.getByTestId('draw-result').filter({ hasText: either(`You won: 30 points ${m}`, `恭喜获得：30 points ${m}`) }).waitFor();
      await page.getByTestId('draws-left').filter({ hasText: either('Draws left: 1', '还可抽 1 次') }).waitFor();
      await shot(page, viewport, 'lottery-drawn');

      await until('the lottery to end', async () => (await api('GET', `/loyalty/lotteries/${id}`)).json?.status === 'ENDED', 40);
      await page.reload();
      await page.getByTestId('proof-check').filter({ hasText: either('Checked in your browser: the seed matches', '已在您的浏览器中核对：种子与开始时公布的承诺值一致') }).waitFor();
      await page.getByTestId('proof-mine').filter({ hasText: /#1\b/ }).waitFor();
      await shot(page, viewport, 'lottery-proof');
      // − 10 for the draw + 30 won.
      balance += 20;
      await page.getByRole('link', { name: either('My points', '我的积分') }).click();
      await page.getByTestId('points-balance').filter({ hasText: new RegExp(`^${balance.toLocaleString(locale)}$`) }).waitFor();
      assert.match(await page.locator('[data-reason="LOTTERY_PRIZE"]').innerText(), either('Won in a lottery', '抽奖获得'));
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });

    test('a merchant creates a coupon template in the console; the shopper claims it and checks out with it and points', async () => {
      const merchant = await newPage(browser, viewport, locale);
      await merchant.goto(`${MALL}/console/coupons`);
      await signIn(merchant, 'merchant');
      await merchant.getByRole('link', { name: either('New coupon template', '新建优惠券模板') }).click();
      await merchant.locator('input[name="amountOff"]').fill('20');
      await merchant.getByRole('button', { name: either('Save', '保存') }).click();
      await merchant.getByRole('alert').filter({ hasText: either('Check the highlighted', '请检查') }).waitFor();
      await merchant.locator('input[name="name"]').fill(`Tea ${m}`);
      await shot(merchant, viewport, 'console-coupon-form');
      await merchant.getByRole('button', { name: either('Save', '保存') }).click();
      await merchant.locator('tr', { hasText: `Tea ${m}` }).waitFor();
      await shot(merchant, viewport, 'console-coupons');
      assert.deepEqual(merchant.failures, []);
      await merchant.context().close();

      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/coupons`);
      await signIn(page, shopper);
      const card = page.locator('li[data-template-id]', { hasText: `Tea ${m}` });
      assert.match(await card.locator('.coupon-value').innerText(), either('CN¥20.00 off', '立减 ¥20.00'));
      await card.getByRole('button', { name: either('Claim', '领取') }).click();
      await card.getByRole('status').filter({ hasText: either('Claimed', '已领取') }).waitFor();
      await page.getByTestId('wallet').locator('.coupon', { hasText: `Tea ${m}` }).waitFor();
      await shot(page, viewport, 'coupons');

      // In the cart, loyalty quotes what the coupon takes off, line by line; points may then pay half of what it left.
      await api('PUT', `/cart-order/cart/lines/LOY-${m}-S`, { token, body: { quantity: 1 } });
      await page.getByRole('link', { name: either('Cart', '购物车') }).click();
      const usable = page.getByTestId('points-usable');
      await usable.filter({ hasText: new RegExp(Math.min(balance, 1_050).toLocaleString(locale)) }).waitFor();
      await page.getByRole('checkbox', { name: `Tea ${m}` }).check();
      const applied = page.getByTestId('coupon-quote').locator('.quote-applied', { hasText: `Tea ${m}` });
      await applied.filter({ hasText: /20\.00/ }).waitFor();
      assert.match(await applied.locator('li').innerText(), new RegExp(`20\\.00.*LOY-${m}-S|LOY-${m}-S.*20\\.00`));
      await usable.filter({ hasText: /\b50\b/ }).waitFor();
      await page.getByRole('checkbox', { name: either('Use points', '使用积分') }).check();
      assert.equal(await page.locator('input[name="points"]').inputValue(), '50');
      // Goods − the coupon − the points = what is left to pay, in that order.
      const cartOff = page.locator('.checkout .amounts').getByTestId('amount-off');
      await cartOff.nth(1).waitFor();
      assert.match(await cartOff.nth(0).innerText(), either(`Coupon: Tea ${m}\\s+−\\S*20\\.00`, `优惠券：Tea ${m}\\s+−\\S*20\\.00`));
      assert.match(await cartOff.nth(1).innerText(), either('Points \\(50 points\\)\\s+−\\S*0\\.50', '积分抵扣（50 积分）\\s+−\\S*0\\.50'));
      assert.match(await page.getByTestId('cart-total').innerText(), /0\.50/);
      await shot(page, viewport, 'cart-coupons');
      await page.getByRole('button', { name: either('Check out', '去结算') }).click();

      // The order lists the coupon, then the points; it awaits payment once loyalty has used the one and held the other.
      await page.waitForURL(/\/orders\/\d+$/);
      const orderOff = page.locator('.order .amounts').getByTestId('amount-off');
      await orderOff.nth(1).waitFor();
      assert.match(await orderOff.nth(0).innerText(), either(`Coupon: Tea ${m}: .*\\s+−\\S*20\\.00`, `优惠券：Tea ${m}: .*\\s+−\\S*20\\.00`));
      assert.match(await orderOff.nth(1).innerText(), either('Points \\(50 points\\)\\s+−\\S*0\\.50', '积分抵扣（50 积分）\\s+−\\S*0\\.50'));
      assert.match(await page.getByTestId('order-total').innerText(), /0\.50/);
      await page.getByRole('button', { name: either('Pay now', '立即支付') }).waitFor({ timeout: 30_000 });
      await shot(page, viewport, 'order-coupon');
      // The 50 points are held for the order, which is left unpaid: the balance shows them gone.
      balance -= 50;
      const orderId = new URL(page.url()).pathname.split('/').pop();
      await page.getByRole('link', { name: either('Points', '积分') }).click();
      await page.getByRole('link', { name: /^(Coupons|优惠券)$/ }).click();
      await page.getByRole('button', { name: /^(Used|已使用)$/ }).click();
      await page.getByTestId('wallet').locator('.coupon', { hasText: `Tea ${m}` }).filter({ hasText: `#${orderId}` }).waitFor();
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });

    test('a merchant offers a voucher in the points mall and the shopper redeems it for points', async () => {
      const merchant = await newPage(browser, viewport, locale);
      await merchant.goto(`${MALL}/console/rewards`);
      await signIn(merchant, 'merchant');
      await merchant.locator('input[name="reward-name"]').fill(`Voucher ${m}`);
      await merchant.locator('input[name="reward-pointsCost"]').fill('50');
      await merchant.getByRole('button', { name: either('Offer', '上架') }).click();
      await merchant.locator('tr', { hasText: `Voucher ${m}` }).waitFor();
      await shot(merchant, viewport, 'console-rewards');
      assert.deepEqual(merchant.failures, []);
      await merchant.context().close();

      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/mall`);
      await signIn(page, shopper);
      await page.getByTestId('points-balance').filter({ hasText: new RegExp(`^${balance.toLocaleString(locale)}$`) }).waitFor();
      const card = page.locator('.reward', { hasText: `Voucher ${m}` });
      page.once('dialog', (dialog) => dialog.accept());
      await card.getByRole('button', { name: either('Redeem', '兑换') }).click();
      assert.match(await card.getByTestId('voucher-code').innerText(), /\S{4,}/);
      balance -= 50;
      await page.getByTestId('points-balance').filter({ hasText: new RegExp(`^${balance.toLocaleString(locale)}$`) }).waitFor();
      await page.getByTestId('redemptions').locator('.row', { hasText: `Voucher ${m}` }).waitFor();
      await shot(page, viewport, 'points-mall');
      await page.getByRole('link', { name: either('My points', '我的积分') }).click();
      assert.match(await page.locator('[data-reason="REDEEMED_REWARD"]').innerText(), either('Redeemed in the points mall', '积分商城兑换'));
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });

    test('an admin sets an earning rule in the console, revises it and deletes it', async () => {
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/console/earning-rules`);
      await signIn(page, 'admin');
      await page.locator('input[name="rule-name"]').fill(`Double ${m}`);
      await page.getByRole('button', { name: either('Save', '保存') }).first().click();
      await page.getByRole('alert').filter({ hasText: either('Check the highlighted', '请检查') }).waitFor();
      await page.locator('select[name="rule-scope"]').selectOption('PRODUCT');
      await page.locator('input[name="rule-sku"]').fill(`LOY-${m}`);
      await page.locator('input[name="rule-multiplier"]').fill('2');
      await page.getByRole('button', { name: either('Save', '保存') }).first().click();
      const row = page.locator('tr', { hasText: `Double ${m}` });
      await row.filter({ hasText: /×2/ }).waitFor();
      await shot(page, viewport, 'console-earning-rules');

      await row.getByRole('button', { name: either('Edit', '编辑') }).click();
      const editing = page.locator('tr', { has: page.locator('legend', { hasText: `Double ${m}` }) });
      await editing.locator('input[name="rule-multiplier"]').fill('3');
      await editing.getByRole('button', { name: either('Save', '保存') }).click();
      await row.filter({ hasText: /×3/ }).waitFor();

      page.once('dialog', (dialog) => dialog.accept());
      await row.getByRole('button', { name: either('Delete', '删除') }).click();
      await row.waitFor({ state: 'detached' });
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });

    test('a shopper redeems goods for points plus money in the points mall and pays the money part', async () => {
      const mug = `MUG-${m}`;
      await listedProduct({ 'zh-CN': `积分杯 ${m}`, en: `Points mug ${m}` },
        { [mug]: { fen: 5_000, pointsPrice: 100, pointsCash: { amountMinor: 100, currency: 'CNY' }, redeemLimitPerShopper: 1 } }, token);
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/mall`);
      await signIn(page, shopper);
      const goods = page.getByTestId('mall-goods').locator(`li[data-sku="${mug}"]`);
      assert.match(await goods.locator('.reward-cost').innerText(), either('100 points \\+ CN¥1\\.00', '100 积分 \\+ ¥1\\.00'));
      await shot(page, viewport, 'points-mall-goods');
      page.once('dialog', (dialog) => dialog.accept());
      await goods.getByRole('button', { name: either('Redeem', '兑换') }).click();
      await page.waitForURL(/\/orders\/\d+$/);
      await page.getByTestId('redeemed-with').filter({ hasText: either('Redeemed with 100 points', '已用 100 积分兑换') }).waitFor();
      assert.match(await page.getByTestId('order-total').innerText(), /1\.00/);
      await page.getByRole('button', { name: either('Pay now', '立即支付') }).click({ timeout: 30_000 });
      await page.getByTestId('timeline').locator('li[data-status="PAID"]').waitFor({ timeout: 30_000 });
      await shot(page, viewport, 'order-redeemed');
      const orderId = new URL(page.url()).pathname.split('/').pop();
      await page.getByRole('link', { name: either('Points', '积分') }).click();
      const spent = page.locator('[data-reason="HELD_FOR_ORDER"]', { hasText: `#${orderId}` });
      assert.match(await spent.locator('strong').innerText(), /^−100$/);
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });
  });
}
