// Quarantined returns in a real browser against the running mall, on a desktop in English: a shopper of
// the test's own returns one unit of a delivered order, the merchant receives it into quarantine (all
// through the API); then the merchant finds it among the returns awaiting inspection on the console's
// stock page, and on its SKU's page writes the inspection note and releases the unit onto the shelf,
// and stock has it on hand and sellable again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { anAddress, api, deliveredOrder, listedProduct, newShopper, paidOrder, tokenOf, until } from './api.mjs';
import { MALL, launch, marker, newPage, shot, signIn } from './mall.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function levels(sku) {
  const answer = await api('GET', `/stock/levels/${sku}`, { token: await tokenOf('merchant') });
  assert.equal(answer.status, 200, `levels: ${JSON.stringify(answer.json)}`);
  return answer.json;
}

describe('a quarantined return released in the console on a desktop in English', () => {
  const m = marker();
  const sku = `QUAR-${m}`;
  let warehouse;

  before(async () => {
    const token = await newShopper(`quarantine-${m}`);
    await anAddress(token);
    await listedProduct({ 'zh-CN': `待检测试 ${m}`, en: `Quarantine test ${m}` }, { [sku]: 1_200 }, token);
    const orderId = await paidOrder(token, sku, 2);
    await deliveredOrder(token, orderId);
    const asked = await api('POST', `/cart-order/orders/${orderId}/after-sales`,
      { token, body: { kind: 'RETURN_AND_REFUND', reason: 'DAMAGED', lines: [{ sku, quantity: 1 }] } });
    assert.equal(asked.status, 201, `request: ${JSON.stringify(asked.json)}`);
    const id = asked.json.id;
    const merchant = await tokenOf('merchant');
    if (asked.json.status === 'REQUESTED') {
      const approved = await api('POST', `/cart-order/operator/after-sales/${id}/approval`, { token: merchant });
      assert.equal(approved.status, 200, `approval: ${JSON.stringify(approved.json)}`);
    }
    const sent = await api('POST', `/cart-order/orders/${orderId}/after-sales/${id}/return-parcel`,
      { token, body: { carrier: 'SF', trackingNumber: `SF${m}` } });
    assert.equal(sent.status, 200, `return parcel: ${JSON.stringify(sent.json)}`);
    const received = await api('POST', `/cart-order/operator/after-sales/${id}/receipt`,
      { token: merchant, body: { disposition: 'QUARANTINE' } });
    assert.equal(received.status, 200, `receipt: ${JSON.stringify(received.json)}`);
    warehouse = await until('stock to set the returned unit apart', async () =>
      (await levels(sku)).find((level) => level.quarantined === 1)?.warehouse, 30);
  });

  test('the merchant releases the inspected unit onto the shelf', async () => {
    const before = (await levels(sku)).find((level) => level.warehouse === warehouse);
    const page = await newPage(browser, 'desktop', 'en-US');
    await page.goto(`${MALL}/console/stock`);
    await signIn(page, 'merchant');
    // The stock page lists the returns awaiting inspection; the SKU's row leads to its page.
    const waiting = page.getByTestId('quarantine-list').locator(`tr[data-quarantined-sku="${sku}"]`);
    assert.match(await waiting.innerText(), new RegExp(`${sku}\\s+${warehouse}\\s+1`));
    await waiting.getByRole('link', { name: sku }).click();
    await page.waitForURL(new RegExp(`/console/stock/skus/${sku}$`));
    const row = page.locator(`tr[data-warehouse="${warehouse}"]`);
    await row.getByTestId('quarantined').filter({ hasText: /^\s*1/ }).waitFor();
    await row.getByPlaceholder('Inspection note').fill('box dented, goods fine');
    await row.getByRole('button', { name: 'Release to shelf' }).click();
    await row.getByTestId('on-hand').filter({ hasText: String(before.onHand + 1) }).waitFor();
    await row.getByTestId('quarantined').filter({ hasText: /^\s*0/ }).waitFor();
    await row.getByText('1 released onto the shelf').waitFor(); // the outcome stays once nothing is left to decide
    await shot(page, 'desktop', 'console-quarantine-released');

    const after = (await levels(sku)).find((level) => level.warehouse === warehouse);
    assert.equal(after.quarantined, 0);
    assert.equal(after.onHand, before.onHand + 1);
    assert.equal(after.available, before.available + 1);
    const movements = await api('GET', '/stock/movements', { token: await tokenOf('merchant'), query: { sku } });
    assert.equal(movements.status, 200, `movements: ${JSON.stringify(movements.json)}`);
    assert.match(movements.json[0].reason, /released from quarantine: box dented, goods fine/);
    assert.deepEqual(page.failures, []);
    await page.close();
  });
});
