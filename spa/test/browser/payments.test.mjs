// Payments in a real browser against the running mall, on a phone in Chinese and a desktop in
// English: a shopper of the test's own pays by card after one decline (the order stays payable, the
// decline is said in words, the second attempt is a new one), through the card PSP's hosted field
// when the PSP serves one, else with the sandbox PSP's test cards; pays by Alipay and by WeChat Pay
// (a QR code and the sandbox wallet on the desktop, the channel's page on the phone) where pay offers
// them; and an admin finds the card payment in the console and refunds part of it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, listedProduct, newShopper, until } from './api.mjs';
import { MALL, RUNS, either, launch, marker, newPage, shot, signIn, within } from './mall.mjs';

/** The card PSP's origin, as the shop's config.json names it (its hosted field is framed from there). */
async function pspOrigin() {
  return (await (await fetch(`${MALL}/config.json`)).json()).cardFieldsOrigin;
}

/** Whether the PSP serves its hosted card field (the sandbox before it had one answers 404). */
async function hostedFieldServed() {
  const origin = await pspOrigin();
  if (!origin) return false;
  try {
    return (await fetch(`${origin}/hosted-fields?origin=${encodeURIComponent(new URL(MALL).origin)}`)).status === 200;
  } catch {
    return false;
  }
}

/** The channels pay offers now (public). */
async function offeredChannels() {
  const answer = await api('GET', '/pay/payments/channels');
  assert.equal(answer.status, 200, 'pay lists its channels');
  return answer.json.filter((c) => c.available).map((c) => c.name);
}

/** An order of one unit of {@code sku}, placed through the API and awaiting payment (its stock held). */
async function unpaidOrder(token, sku) {
  await api('PUT', `/cart-order/cart/lines/${sku}`, { token, body: { quantity: 1 } });
  const placed = await api('POST', '/cart-order/checkout', { token });
  assert.equal(placed.status, 201, `checkout: ${JSON.stringify(placed.json)}`);
  await until(`order ${placed.json.id} to await payment`, async () =>
    (await api('GET', `/cart-order/orders/${placed.json.id}`, { token })).json?.status === 'STOCK_RESERVED');
  return placed.json.id;
}

/** The shopper's attempts at paying this order, oldest first. */
async function attemptsOf(token, orderId) {
  const mine = (await api('GET', '/pay/payments', { token, query: { size: 50 } })).json;
  return mine.filter((p) => p.orderId === orderId).sort((a, b) => a.id - b.id);
}

const PAY = either('Pay now', '立即支付');
const DECLINED = either('Payment declined', '支付被拒');
/** The refund form's button (the tab beside it is a link called Refunds, and in Chinese both say 退款). */
const exactlyRefund = /^\s*(Refund|退款)\s*$/;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const { viewport, locale } of RUNS) {
  describe(`payments on a ${viewport} in ${locale}`, () => {
    const m = marker();
    const shopper = `payer-${m}`;
    const sku = `PAY-${m}`;
    let token;
    let cardOrder;

    before(async () => {
      token = await newShopper(shopper);
      await listedProduct({ 'zh-CN': `支付测试 ${m}`, en: `Payment test ${m}` }, { [sku]: 8_800 }, token);
    });

    test('a declined card leaves the order payable, says so in words, and another card pays it as a new attempt', async () => {
      cardOrder = await unpaidOrder(token, sku);
      const hosted = viewport === 'desktop' && await hostedFieldServed();
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/orders/${cardOrder}`);
      await signIn(page, shopper);
      const panel = page.locator('section.pay');
      await panel.getByRole('button', { name: PAY }).waitFor({ timeout: 30_000 });
      await panel.getByRole('radio', { name: either('Card', '银行卡') }).check();
      await shot(page, viewport, 'pay-choose');

      if (hosted) {
        // The card is typed into the PSP's own page; this page gets a token, the brand and the last four digits.
        await panel.getByRole('radio', { name: either('Enter a card', '输入银行卡') }).check();
        const field = page.frameLocator('.card-field iframe');
        const useCard = async (number) => {
          await field.getByLabel('Card number').fill(number);
          await field.getByLabel(/Expiry/).fill('12/34');
          await field.getByLabel('CVC').fill('123');
          await field.getByRole('button', { name: 'Use this card' }).click();
          await panel.getByTestId('card-ready').filter({ hasText: number.slice(-4) }).waitFor();
        };
        await useCard('4000000000000002');
        await shot(page, viewport, 'pay-card-ready');
        await panel.getByRole('button', { name: PAY }).click();
        await panel.getByTestId('pay-outcome').filter({ hasText: DECLINED }).waitFor();
        await shot(page, viewport, 'pay-declined');
        await useCard('4242424242424242');
        assert.doesNotMatch(await page.content(), /4242\s?4242\s?4242\s?4242|4000\s?0000\s?0000\s?0002/, 'no card number in our page');
      } else {
        await panel.getByRole('radio', { name: either('Sandbox card that is declined', '会被拒付的沙箱卡') }).check();
        await panel.getByRole('button', { name: PAY }).click();
        await panel.getByTestId('pay-outcome').filter({ hasText: DECLINED }).waitFor();
        await shot(page, viewport, 'pay-declined');
        await panel.getByRole('radio', { name: either('Sandbox card that is accepted', '会支付成功的沙箱卡') }).check();
      }
      // The decline cancelled nothing: the order still awaits payment and offers to pay again.
      assert.equal((await api('GET', `/cart-order/orders/${cardOrder}`, { token })).json.status, 'STOCK_RESERVED');
      await panel.getByRole('button', { name: PAY }).click();
      await page.getByTestId('timeline').locator('li[data-status="PAID"]').waitFor({ timeout: 30_000 });
      await shot(page, viewport, 'pay-paid');

      const attempts = await attemptsOf(token, cardOrder);
      assert.deepEqual(attempts.map((a) => a.status), ['DECLINED', 'CAPTURED'], 'two attempts: the declined one and a new one');
      assert.equal(attempts[0].channel, 'card');
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });

    for (const [channel, en, zh] of [['alipay', 'Alipay', '支付宝'], ['wechat', 'WeChat Pay', '微信支付']]) {
      // A limit of its own, so a wait nothing bounds fails this test by name and the file goes on.
      test(`paying by ${channel}: ${viewport === 'desktop' ? 'a QR code and the sandbox wallet' : "the channel's page and back"}`, { timeout: 120_000 }, async (t) => {
        if (!(await offeredChannels()).includes(channel)) {
          t.skip(`pay does not offer ${channel} (GET /api/pay/payments/channels): its channel is not merged yet`);
          return;
        }
        const orderId = await unpaidOrder(token, sku);
        const page = await newPage(browser, viewport, locale);
        await page.goto(`${MALL}/orders/${orderId}`);
        await signIn(page, shopper);
        const panel = page.locator('section.pay');
        await panel.getByRole('radio', { name: either(en, zh) }).check({ timeout: 30_000 });
        await panel.getByRole('button', { name: PAY }).click();
        if (viewport === 'desktop') {
          await panel.getByTestId('pay-qr').waitFor();
          await shot(page, viewport, `pay-${channel}-qr`);
          const [wallet] = await Promise.all([
            page.context().waitForEvent('page'),
            panel.getByRole('link', { name: either('Open the sandbox wallet', '打开沙箱钱包') }).click(),
          ]);
          // The wallet posts its form: wait for the channel's answer before closing it, as closing a page
          // mid-navigation sometimes never returns in Chromium. Its closing is only tidying up.
          await Promise.all([
            wallet.waitForResponse((r) => r.request().method() === 'POST' && /\/pay$/.test(new URL(r.url()).pathname),
              { timeout: 30_000 }),
            wallet.locator('#pay').click(),
          ]);
          await within(20_000, 'closing the wallet', wallet.close()).catch((e) => t.diagnostic(`${e.message}; left open`));
          await page.bringToFront();
        } else {
          // The phone goes to the channel's own page, pays there and comes back to the order (or is brought back).
          await page.waitForURL((url) => url.origin !== new URL(MALL).origin, { timeout: 30_000 });
          await page.locator('#pay').click();
          await page.waitForURL(new RegExp(`/orders/${orderId}$`), { timeout: 15_000 })
            .catch(() => page.goto(`${MALL}/orders/${orderId}`));
        }
        await page.getByTestId('timeline').locator('li[data-status="PAID"]').waitFor({ timeout: 60_000 });
        await shot(page, viewport, `pay-${channel}-paid`);
        const attempts = await attemptsOf(token, orderId);
        assert.equal(attempts.at(-1).channel, channel);
        assert.equal(attempts.at(-1).status, 'CAPTURED');
        assert.deepEqual(page.failures, []);
        await within(20_000, 'closing the page', page.context().close());
      });
    }

    test('an admin finds the card payment in the console and refunds part of it', async () => {
      assert.ok(cardOrder, 'the card test paid an order');
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/console/payments`);
      await signIn(page, 'admin');
      await page.getByRole('combobox', { name: either('Status', '状态') }).selectOption('CAPTURED');
      // The order's captured attempt (its declined one is listed too, until the filter's answer replaces the list).
      const row = page.locator(`tr[data-order-id="${cardOrder}"][data-status="CAPTURED"]`);
      await row.waitFor();
      await page.locator('tr[data-status]:not([data-status="CAPTURED"])').first().waitFor({ state: 'detached' });
      assert.match(await row.innerText(), /88/);
      await shot(page, viewport, 'console-payments');
      await row.getByRole('link').click();
      await page.waitForURL(/\/console\/payments\/\d+$/);

      const amount = page.getByRole('textbox', { name: either('Amount to refund', '退款金额') });
      // The form's own check first: more than the ¥88 left is named before anything is sent.
      await amount.fill('88.01');
      await page.getByRole('button', { name: exactlyRefund }).click();
      await page.getByRole('alert').filter({ hasText: either('At most', '最多还可退') }).waitFor();
      await amount.fill('30');
      page.once('dialog', (dialog) => dialog.accept());
      await page.getByRole('button', { name: exactlyRefund }).click();
      await page.getByText(either('Refund #\\d+ of \\S*30\\.00 recorded', '退款 #\\d+（\\S*30\\.00）已记录')).waitFor();
      const refund = page.getByTestId('refunds').locator('tr[data-refund-id]');
      await refund.first().waitFor();
      assert.match(await refund.first().innerText(), /30\.00/);
      // The refund is carried out by pay's job: the channel gives it back (DONE) or refuses it for good (REFUSED).
      await page.getByTestId('refunds').locator('tr[data-status="DONE"], tr[data-status="REFUSED"]').first().waitFor({ timeout: 30_000 });
      if (await refund.first().getAttribute('data-status') === 'DONE') {
        await page.getByTestId('payment-left').filter({ hasText: /58\.00/ }).waitFor();
        await page.getByTestId('payment-status').filter({ hasText: either('Partly refunded', '部分退款') }).waitFor();
      }
      await shot(page, viewport, 'console-refund');

      await page.getByRole('link', { name: either('Refunds', '退款') }).click();
      await page.getByTestId('refunds').locator(`tr[data-refund-id]`, { hasText: /30\.00/ }).first().waitFor();
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });

    test("an admin sees the risk review queue and reconciles today's card statement", async () => {
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/console/payments/reviews`);
      await signIn(page, 'admin');
      // The queue (oldest first), or that nothing waits: either way pay answered and the page says it.
      await page.locator('[data-testid="reviews"], .notice').first().waitFor();
      await shot(page, viewport, 'console-reviews');

      await page.getByRole('link', { name: either('Reconciliation', '对账') }).click();
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86_400_000));
      const form = page.locator('form.run-form');
      // The form's own check first: a day not over yet is named before anything is sent.
      await form.locator('input[name="day"]').fill(tomorrow);
      await form.getByRole('button', { name: either('Reconcile', '对账') }).click();
      await form.getByRole('alert').filter({ hasText: either('A day that is over or today', '只能是今天或之前') }).waitFor();
      await form.locator('input[name="day"]').fill(today);
      await form.getByRole('combobox', { name: either('Channel', '渠道') }).selectOption('card');
      await form.getByRole('button', { name: either('Reconcile', '对账') }).click();
      await form.getByText(either(`1 report\\(s\\) made for ${today}`, `已为 ${today} 生成 1 份报告`)).waitFor({ timeout: 30_000 });
      const report = page.getByTestId('reports').locator('tr[data-report-id]', { hasText: today }).first();
      await report.waitFor();
      await shot(page, viewport, 'console-reconciliation');
      await report.getByRole('link').click();
      await page.getByRole('heading', { name: new RegExp(today) }).waitFor();
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });
  });
}
