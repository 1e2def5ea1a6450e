// Return and refund in a real browser against the running mall, for a shopper of the test's own
// with a delivered order of two units of a ¥12 tea (¥24: over the ¥20 rule, so the merchant
// answers). The shopper chooses "return and refund" on the order page; the merchant approves it in
// the console; the shopper's open page turns to "send the goods back" without a reload, its parcel
// form checks the tracking number first, then takes it; the merchant finds the parcel in the
// console's queue and receives it back into stock; the shopper's page shows the receipt and the
// refund as they happen, and stock has the two units on hand again. On a phone in Chinese and on a
// desktop in English, each screen screenshotted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { afterSalesOf, anAddress, api, deliveredOrder, listedProduct, newShopper, paidOrder, tokenOf, until } from './api.mjs';
import { MALL, RUNS, either, launch, marker, newPage, shot, signIn } from './mall.mjs';

async function onHand(sku) {
  const answer = await api('GET', `/stock/stock/${sku}`, { token: await tokenOf('merchant') });
  assert.equal(answer.status, 200, `stock: ${JSON.stringify(answer.json)}`);
  return answer.json.onHand;
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const { viewport, locale } of RUNS) {
  describe(`a return on a ${viewport} in ${locale}`, () => {
    const m = marker();
    const shopper = `return-${m}`;
    const sku = `RETURN-${m}`;
    let token;
    let orderId;
    let request;
    let shopperPage; // open on the order from the request to the refund
    let stockBefore;

    before(async () => {
      token = await newShopper(shopper);
      await anAddress(token);
      await listedProduct({ 'zh-CN': `退货测试 ${m}`, en: `Return test ${m}` }, { [sku]: 1_200 }, token);
      orderId = await paidOrder(token, sku, 2);
      await deliveredOrder(token, orderId);
      stockBefore = await onHand(sku);
    });

    test('the shopper asks to return both units and refund them: it waits for the merchant', async () => {
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/orders/${orderId}`);
      await signIn(page, shopper);
      const section = page.getByTestId('after-sales');
      await section.getByRole('button', { name: either('Request a refund or a return', '申请退款或退货') }).click();
      const form = section.getByTestId('refund-form');
      assert.equal(await form.getByRole('radio', { name: either('Refund only', '仅退款') }).isChecked(), true, 'refund only at first');
      await form.getByRole('radio', { name: either('Return and refund', '退货退款') }).check();
      await form.locator('select[name="reason"]').selectOption('NOT_AS_DESCRIBED');
      await form.locator('textarea[name="note"]').fill(`Wrong leaf ${m}`);
      await shot(page, viewport, 'return-form');
      await form.getByRole('button', { name: either('Send the request', '提交申请') }).click();

      const waiting = section.locator('li.after-sales-request[data-status="REQUESTED"]');
      await waiting.waitFor();
      assert.match(await waiting.innerText(), /Return request #\d+|退货申请 #\d+/);
      assert.match(await waiting.innerText(), /24\.00/);
      [request] = await afterSalesOf(token, orderId);
      assert.equal(request.kind, 'RETURN_AND_REFUND');
      assert.equal(request.status, 'REQUESTED');
      assert.deepEqual(page.failures, []);
      shopperPage = page;
    });

    test('the merchant approves it in the console: the shopper’s page asks for the goods back, live', async () => {
      assert.ok(request, 'the shopper asked for the return');
      const operator = await newPage(browser, viewport, locale);
      await operator.goto(`${MALL}/console/after-sales`);
      await signIn(operator, 'merchant');
      await operator.getByRole('combobox', { name: either('Status', '状态') }).selectOption('REQUESTED');
      const row = operator.locator(`tr[data-request-id="${request.id}"]`);
      await row.waitFor();
      assert.match(await row.innerText(), /Return request|退货申请/);
      await row.getByRole('button', { name: either('Approve', '同意退款') }).click();
      await row.waitFor({ state: 'detached' });
      assert.deepEqual(operator.failures, []);
      await operator.context().close();

      const section = shopperPage.getByTestId('after-sales');
      const awaiting = section.locator(`li[data-request-id="${request.id}"][data-status="AWAITING_RETURN"]`);
      await awaiting.waitFor({ timeout: 30_000 }); // pushed over the order's live stream
      await awaiting.getByTestId('return-by').filter({ hasText: either('Send the goods back by', '请在') }).waitFor();
      assert.equal((await afterSalesOf(token, orderId))[0].status, 'AWAITING_RETURN');
      assert.equal(await onHand(sku), stockBefore, 'nothing comes back before the parcel');
      await shot(shopperPage, viewport, 'return-awaiting-parcel');
    });

    test('the shopper gives the return parcel: a malformed tracking number is named first, then it is sent', async () => {
      assert.ok(shopperPage, 'the page is open');
      const parcel = shopperPage.getByTestId('return-parcel-form');
      await parcel.locator('input[name="carrier"]').fill(locale === 'zh-CN' ? '顺丰速运' : 'SF Express');
      await parcel.locator('input[name="trackingNumber"]').fill('SF 14');
      await parcel.getByRole('button', { name: either('Send the tracking number', '提交快递单号') }).click();
      await parcel.getByText(either('6 to 40 letters', '请填写 6 到 40 位')).waitFor();
      assert.equal(await parcel.locator('input[name="trackingNumber"]').getAttribute('aria-invalid'), 'true');
      assert.equal((await afterSalesOf(token, orderId))[0].status, 'AWAITING_RETURN', 'nothing was sent');

      await parcel.locator('input[name="trackingNumber"]').fill(`SF${m}`.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40));
      await parcel.getByRole('button', { name: either('Send the tracking number', '提交快递单号') }).click();
      const shipped = shopperPage.locator(`li[data-request-id="${request.id}"][data-status="RETURN_SHIPPED"]`);
      await shipped.waitFor();
      await shipped.getByTestId('return-parcel').filter({ hasText: either('Return parcel', '退货包裹') }).waitFor();
      assert.match(await shipped.innerText(), /receives it by|前确认收货/);
      await shot(shopperPage, viewport, 'return-parcel-sent');
      assert.deepEqual(shopperPage.failures, []);
    });

    test('the merchant receives the parcel back into stock: the shopper sees the receipt and the refund without a reload', async () => {
      assert.ok(request, 'the shopper asked for the return');
      const operator = await newPage(browser, viewport, locale);
      await operator.goto(`${MALL}/console/after-sales`);
      await signIn(operator, 'merchant');
      await operator.getByRole('combobox', { name: either('Status', '状态') }).selectOption('RETURN_SHIPPED');
      const row = operator.locator(`tr[data-request-id="${request.id}"]`);
      await row.waitFor();
      assert.match(await row.innerText(), /Due in|剩余/);
      await shot(operator, viewport, 'console-return-to-receive');
      await row.getByRole('button', { name: either('Received: back in stock', '确认收货并入库') }).click();
      await operator.getByText(either(`Request #${request.id}: parcel received`, `申请 #${request.id} 已确认收货`)).waitFor();
      assert.deepEqual(operator.failures, []);
      await operator.context().close();

      const refunded = shopperPage.locator(`li[data-request-id="${request.id}"][data-status="REFUNDED"]`);
      await refunded.waitFor({ timeout: 60_000 });
      await refunded.getByTestId('return-received').filter({ hasText: /back in stock|已重新入库/ }).waitFor();
      const [done] = await afterSalesOf(token, orderId);
      assert.equal(done.disposition, 'SELLABLE');
      await until('stock to take the two units back', async () => (await onHand(sku)) === stockBefore + 2, 30);
      await shot(shopperPage, viewport, 'return-refunded');
      assert.deepEqual(shopperPage.failures, []);
      await shopperPage.context().close();
    });
  });
}
