// The console's parcels in a real browser against the running mall, on a desktop in Chinese: a shopper
// of the test's own pays for an order whose parcel the SF-like carrier's sandbox is scripted to lose;
// an admin finds it among the parcels needing attention, with its waybill and its last scan in words,
// and among every parcel; then prints the order's label and packing list from its page in the console, and
// the labels of every parcel being packed (another order, booked and not yet picked up) from the orders page.
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { anAddress, api, listedProduct, newShopper, until } from './api.mjs';
import { MALL, launch, marker, newPage, shot, signIn } from './mall.mjs';

/** The carrier sandbox of the local stack (./mall up), where a parcel's journey is scripted. */
const CARRIER = 'http://127.0.0.1:18283';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe('the console’s parcels on a desktop in zh-CN', () => {
  const m = marker();
  const shopper = `parcel-${m}`;
  const sku = `PARCEL-${m}`;
  let token;

  before(async () => {
    token = await newShopper(shopper);
    await anAddress(token); // where the label sends the parcel
    await listedProduct({ 'zh-CN': `包裹测试 ${m}`, en: `Parcel test ${m}` }, { [sku]: 1_500 }, token);
  });

  test('a parcel the carrier lost waits for an operator, with its waybill and last scan', async () => {
    await api('PUT', `/cart-order/cart/lines/${sku}`, { token, body: { quantity: 1 } });
    const placed = await api('POST', '/cart-order/checkout', { token });
    assert.equal(placed.status, 201, `checkout: ${JSON.stringify(placed.json)}`);
    const id = placed.json.id;
    const scripted = await fetch(`${CARRIER}/sandbox/journeys/QM-${id}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ journey: 'lost', stepMillis: 300 }),
    });
    assert.equal(scripted.status, 204, 'the carrier sandbox takes the script');
    const key = randomUUID();
    await until(`order ${id} to be paid`, async () => (await api('POST', '/pay/payments',
      { token, key, body: { orderId: id, channel: 'sandbox', token: 'tok_sandbox_success' } })).status === 201);
    const parcel = await until(`the parcel of order ${id} to be lost`, async () => {
      const mine = (await api('GET', '/shipping/shipments', { token, query: { orderId: id } })).json;
      return mine?.[0]?.status === 'LOST' && mine[0];
    });

    const page = await newPage(browser, 'desktop', 'zh-CN');
    await page.goto(`${MALL}/console/shipments`);
    await signIn(page, 'admin');
    const row = page.getByTestId('shipments').locator('tr', { hasText: parcel.trackingNumber });
    await row.waitFor({ timeout: 15_000 });
    assert.equal(await row.getAttribute('data-status'), 'LOST');
    assert.match(await row.innerText(), /顺丰速运[\s\S]*已遗失[\s\S]*快递遗失/);
    await shot(page, 'desktop', 'console-parcels-attention');

    await page.getByRole('combobox', { name: '显示' }).selectOption({ label: '全部包裹' });
    await page.getByTestId('shipments').locator('tr', { hasText: parcel.trackingNumber }).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: `订单 #${id}` }).first().click();

    // The order's papers, fetched with the operator's token and saved as PDFs.
    for (const [button, file, words] of [['快递面单（PDF）', `label-${id}.pdf`, parcel.trackingNumber],
      ['装箱单（PDF）', `packing-list-${id}.pdf`, sku]]) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }),
        page.getByRole('button', { name: button }).click()]);
      assert.equal(download.suggestedFilename(), file);
      const pdf = await readFile(await download.path());
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = Buffer.from([...words].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()).join(''));
      assert.ok(pdf.includes(text), `${file} prints ${words}`);
    }
    await shot(page, 'desktop', 'console-order-papers');
    await page.close();
  });

  test('the labels of every parcel being packed print in one PDF from the orders page', async () => {
    await api('PUT', `/cart-order/cart/lines/${sku}`, { token, body: { quantity: 1 } });
    const placed = await api('POST', '/cart-order/checkout', { token });
    assert.equal(placed.status, 201, `checkout: ${JSON.stringify(placed.json)}`);
    const id = placed.json.id;
    // Booked, then a minute before the carrier's first scan: the parcel waits to be picked up meanwhile.
    await fetch(`${CARRIER}/sandbox/journeys/QM-${id}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ journey: 'normal', stepMillis: 60_000 }),
    });
    const key = randomUUID();
    await until(`order ${id} to be paid`, async () => (await api('POST', '/pay/payments',
      { token, key, body: { orderId: id, channel: 'sandbox', token: 'tok_sandbox_success' } })).status === 201);
    await until(`order ${id} to be packed`, async () => (await api('GET', `/cart-order/orders/${id}`, { token })).json?.status === 'FULFILLING');
    const waybill = (await api('GET', '/shipping/shipments', { token, query: { orderId: id } })).json[0].trackingNumber;

    const page = await newPage(browser, 'desktop', 'zh-CN');
    await page.goto(`${MALL}/console/orders`);
    await signIn(page, 'admin');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }),
      page.getByRole('button', { name: '打印全部打包中包裹的面单（PDF）' }).click()]);
    assert.equal(download.suggestedFilename(), 'labels-fulfilling.pdf');
    const pdf = await readFile(await download.path());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = Buffer.from([...waybill].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()).join(''));
    assert.ok(pdf.includes(text), `the batch has the label of ${waybill}`);
    assert.deepEqual(page.failures, []);
    await page.close();
  });
});
