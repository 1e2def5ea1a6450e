// An exchange in a real browser against the running mall, for a shopper of the test's own with a
// delivered order of two units of a ¥30 shirt in size M (over the ¥20 rule, so the merchant answers). The
// shopper chooses "exchange" for one unit on the order page and size L instead (the one other size at
// that price: the gift box costs more, so it is not offered); the merchant approves it and the
// shopper gives the return parcel (through the API, as returns.test.mjs proves those screens); the
// merchant receives it in the console; the shopper's open page shows the replacement order without
// a reload and links to it; the replacement's page says it is a replacement at no charge and links
// back; once the carrier delivers it, the request turns "exchanged" on the original order's page.
// On a phone in Chinese and on a desktop in English, each screen screenshotted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { afterSalesOf, anAddress, api, deliveredOrder, listedProduct, newShopper, paidOrder, tokenOf, until } from './api.mjs';
import { MALL, RUNS, either, launch, marker, newPage, shot, signIn } from './mall.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const { viewport, locale } of RUNS) {
  describe(`an exchange on a ${viewport} in ${locale}`, () => {
    const m = marker();
    const shopper = `exchange-${m}`;
    const sku = `EXCHANGE-${m}`;
    const larger = `EXCHANGE-L-${m}`;
    let token;
    let orderId;
    let request;
    let shopperPage; // open on the original order from the request to the end of the exchange

    before(async () => {
      token = await newShopper(shopper);
      await anAddress(token);
      await listedProduct({ 'zh-CN': `换货测试 ${m}`, en: `Exchange test ${m}` }, {
        [sku]: { fen: 3_000, attributes: { size: 'M' } }, [larger]: { fen: 3_000, attributes: { size: 'L' } },
        [`EXCHANGE-BOX-${m}`]: { fen: 4_000, attributes: { size: 'M', box: 'gift' } },
      }, token);
      orderId = await paidOrder(token, sku, 2);
      await deliveredOrder(token, orderId);
    });

    test('the shopper asks to exchange one unit: it waits for the merchant, and no refund is promised', async () => {
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/orders/${orderId}`);
      await signIn(page, shopper);
      const section = page.getByTestId('after-sales');
      await section.getByRole('button', { name: either('Request a refund or a return', '申请退款或退货') }).click();
      const form = section.getByTestId('refund-form');
      await form.getByRole('radio', { name: either('Exchange', '换货') }).check();
      await form.locator(`input[name="units-${sku}"]`).fill('1');
      const instead = form.locator(`select[name="replacement-${sku}"]`);
      await instead.waitFor();
      assert.deepEqual(await instead.locator('option').allInnerTexts(), [locale === 'zh-CN' ? '同款商品' : 'The same item again', 'L']);
      await instead.selectOption({ label: 'L' });
      await form.locator('select[name="reason"]').selectOption('DAMAGED');
      await shot(page, viewport, 'exchange-form');
      await form.getByRole('button', { name: either('Send the request', '提交申请') }).click();

      const waiting = section.locator('li.after-sales-request[data-status="REQUESTED"]');
      await waiting.waitFor();
      assert.match(await waiting.innerText(), /Exchange request #\d+|换货申请 #\d+/);
      assert.match(await waiting.getByTestId('sent-instead').innerText(), new RegExp(`${larger}`));
      [request] = await afterSalesOf(token, orderId);
      assert.equal(request.kind, 'EXCHANGE');
      assert.deepEqual(request.lines.map((l) => [l.sku, l.quantity, l.replacementSku]), [[sku, 1, larger]]);
      assert.deepEqual(page.failures, []);
      shopperPage = page;
    });

    test('the merchant receives the goods in the console: the shopper’s page shows the replacement order, live', async () => {
      assert.ok(request, 'the shopper asked for the exchange');
      const merchant = await tokenOf('merchant');
      assert.equal((await api('POST', `/cart-order/operator/after-sales/${request.id}/approval`, { token: merchant, body: {} })).status, 200);
      const sent = await api('POST', `/cart-order/orders/${orderId}/after-sales/${request.id}/return-parcel`,
        { token, body: { carrier: 'SF', trackingNumber: `SF${m}`.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40) } });
      assert.equal(sent.status, 200, JSON.stringify(sent.json));

      const operator = await newPage(browser, viewport, locale);
      await operator.goto(`${MALL}/console/after-sales`);
      await signIn(operator, 'merchant');
      await operator.getByRole('combobox', { name: either('Status', '状态') }).selectOption('RETURN_SHIPPED');
      const row = operator.locator(`tr[data-request-id="${request.id}"]`);
      await row.waitFor();
      assert.match(await row.innerText(), /Exchange request|换货申请/);
      await row.getByRole('button', { name: either('Received: back in stock', '确认收货并入库') }).click();
      await operator.getByText(either(`Request #${request.id}: parcel received`, `申请 #${request.id} 已确认收货`)).waitFor();
      assert.deepEqual(operator.failures, []);
      await operator.context().close();

      const replacing = shopperPage.locator(`li[data-request-id="${request.id}"][data-status="REPLACING"]`);
      await replacing.waitFor({ timeout: 30_000 }); // pushed over the order's live stream
      const link = replacing.getByTestId('replacement-order');
      const [done] = await afterSalesOf(token, orderId);
      assert.ok(done.replacementOrderId, 'a replacement order was placed');
      assert.match(await link.innerText(), new RegExp(`#${done.replacementOrderId}`));
      await shot(shopperPage, viewport, 'exchange-replacing');
      request = done;
    });

    test('the replacement’s page says it costs nothing and leads back; delivered, the exchange is done without a reload', async () => {
      assert.ok(request?.replacementOrderId, 'the replacement was placed');
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/orders/${request.replacementOrderId}`);
      await signIn(page, shopper);
      const back = page.getByTestId('replacement-for');
      await back.waitFor();
      assert.match(await back.innerText(), new RegExp(`#${orderId}`));
      const replacement = (await api('GET', `/cart-order/orders/${request.replacementOrderId}`, { token })).json;
      assert.deepEqual(replacement.lines.map((l) => [l.sku, l.quantity]), [[larger, 1]], 'size L is sent');
      await page.getByTestId('order-total').filter({ hasText: /0\.00/ }).waitFor();
      await shot(page, viewport, 'exchange-replacement-order');
      assert.deepEqual(page.failures, []);
      await page.context().close();

      await until('the replacement to be delivered', async () =>
        (await api('GET', `/cart-order/orders/${request.replacementOrderId}`, { token })).json?.status === 'DELIVERED', 180);
      const exchanged = shopperPage.locator(`li[data-request-id="${request.id}"][data-status="EXCHANGED"]`);
      await exchanged.waitFor({ timeout: 60_000 });
      assert.match(await exchanged.innerText(), /Exchanged|换货完成/);
      await shot(shopperPage, viewport, 'exchange-done');
      assert.deepEqual(shopperPage.failures, []);
      await shopperPage.context().close();
    });
  });
}
