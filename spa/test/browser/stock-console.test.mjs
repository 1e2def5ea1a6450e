// The console's stock area in a real browser against the running mall, for a SKU of the test's own:
// the demo merchant receives goods into two warehouses (an admin opens the second one through the
// API), requests a transfer between them and dispatches and receives it, sets a low-stock threshold
// and sees the alert, filters the movements by kind, schedules a flash sale (a mistake named by the
// form, then stock's own refusal at the field it is about, then the sale), and opens the analysis:
// the SKU has never sold, so its page gives stock's history-too-short explanation, while the ABC
// view draws its ABC × XYZ chart with data. On a phone in Chinese and a desktop in English, each
// screen screenshotted and audited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, tokenOf, until } from './api.mjs';
import { MALL, RUNS, either, launch, marker, newPage, shot, signIn } from './mall.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A datetime-local field's value for a moment, in this machine's time zone (the browser's too). */
const local = (ms) => {
  const date = new Date(ms);
  return new Date(ms - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** How many pixels of a canvas are drawn on: more than a blank canvas, so a chart with data was drawn. */
const drawnPixels = (canvas) => canvas.evaluate((c) => {
  const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
  let drawn = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn += 1;
  return drawn;
});

for (const { viewport, locale } of RUNS) {
  describe(`the console's stock on a ${viewport} in ${locale}`, () => {
    const m = marker();
    const sku = `STK-${m}`;
    const second = `WH-${m.toUpperCase()}`;
    let page;

    before(async () => {
      const admin = await tokenOf('admin');
      const opened = await api('POST', '/stock/warehouses', {
        token: admin, body: { code: second, name: `Test warehouse ${m}`, region: 'Test', latitude: 31.2, longitude: 121.5 },
      });
      assert.equal(opened.status, 201, JSON.stringify(opened.json));
      const token = await tokenOf('merchant');
      const created = await api('POST', '/catalog/merchant/products', {
        token, body: { names: { 'zh-CN': `库存测试 ${m}`, en: `Stock test ${m}` }, skus: [{ sku, price: { amountMinor: 1_990, currency: 'CNY' } }] },
      });
      assert.equal(created.status, 201, JSON.stringify(created.json));
      // stock learns of the SKU (at 0 on hand) from catalog's event a moment later; then 10 units arrive in the second warehouse.
      await until(`stock to know ${sku}`, async () => (await api('GET', `/stock/levels/${sku}`, { token })).status === 200);
      const received = await api('POST', '/stock/receipts', { token, body: { sku, warehouse: second, quantity: 10, reference: `PO-${m}` } });
      assert.equal(received.status, 201, JSON.stringify(received.json));
      page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/console/stock`);
      await signIn(page, 'merchant');
    });
    after(async () => { await page?.context().close(); });

    const row = (warehouse) => page.locator(`tr[data-warehouse="${warehouse}"]`);
    const figure = async (warehouse, name, value) =>
      row(warehouse).getByTestId(name).filter({ hasText: new RegExp(`^${value}$`) }).waitFor();

    test('goods are received, transferred between warehouses, and a threshold crossed raises an alert', async () => {
      // The levels list links each of the merchant's SKUs here; the merchant may have many, so the test goes straight to its own.
      await page.goto(`${MALL}/console/stock/skus/${sku}`);
      await page.getByRole('heading', { name: either(`Stock of ${sku}`, `${sku} 的库存`) }).waitFor();
      await figure(second, 'on-hand', 10);

      const receipt = page.getByRole('form', { name: either('Receive goods', '采购入库') });
      await receipt.getByRole('button', { name: either('Receive', '入库') }).click();
      await receipt.locator('.hint').first().waitFor();
      await receipt.locator('select[name="warehouse"]').selectOption('DEFAULT');
      await receipt.locator('input[name="quantity"]').fill('30');
      await receipt.getByRole('button', { name: either('Receive', '入库') }).click();
      await receipt.getByRole('status').filter({ hasText: either('Received 30 into DEFAULT', '已入库 30 件到 DEFAULT') }).waitFor();
      await figure('DEFAULT', 'on-hand', 30);

      const transfer = page.getByRole('form', { name: either('Transfer between warehouses', '仓库间调拨') });
      await transfer.locator('select[name="from"]').selectOption('DEFAULT');
      await transfer.locator('select[name="to"]').selectOption(second);
      await transfer.locator('input[name="quantity"]').fill('12');
      await transfer.getByRole('button', { name: either('Request transfer', '申请调拨') }).click();
      await transfer.getByRole('status').waitFor();
      // Requested: the units are held at the source, so 18 of its 30 are available.
      const moving = page.locator('tr[data-transfer-id]').first();
      await page.locator('tr[data-transfer-id][data-status="REQUESTED"]').waitFor();
      await figure('DEFAULT', 'available', 18);
      await shot(page, viewport, 'console-stock-transfer-requested');
      await moving.getByRole('button', { name: either('Dispatch', '发出') }).click();
      await page.locator('tr[data-transfer-id][data-status="IN_TRANSIT"]').waitFor();
      await figure(second, 'inbound', 12);
      await page.locator('tr[data-transfer-id]').first().getByRole('button', { name: either('Receive', '收货') }).click();
      await page.locator('tr[data-transfer-id][data-status="RECEIVED"]').waitFor();
      await figure(second, 'on-hand', 22);
      await figure(second, 'inbound', 0);
      await figure('DEFAULT', 'on-hand', 18);

      // A threshold already crossed alerts at once: 18 available at DEFAULT, threshold 20.
      await row('DEFAULT').locator('input[name="threshold"]').fill('20');
      await row('DEFAULT').getByRole('button', { name: either('Set', '设置') }).click();
      await page.locator('[data-alert-id]').filter({ hasText: either('18 available in DEFAULT, at or below the threshold of 20', 'DEFAULT 可用 18 件，已达到或低于阈值 20') }).waitFor();

      await page.locator('select[name="kind"]').selectOption('TRANSFER_OUT');
      await page.locator('tr[data-kind="TRANSFER_OUT"]').filter({ hasText: /-12/ }).waitFor();
      await until('the movements to be filtered', async () => (await page.locator('tr[data-kind]').count()) === 1, 10);
      await shot(page, viewport, 'console-stock-sku');

      await page.getByRole('link', { name: either('Alerts', '预警') }).click();
      await page.locator('[data-alert-id]', { hasText: sku }).waitFor();
      assert.deepEqual(page.failures, []);
    });

    test('a flash sale is scheduled: the form names its mistakes, stock\'s refusal lands at its field', async () => {
      await page.goto(`${MALL}/console/stock/skus/${sku}`);
      await page.getByRole('link', { name: either('Schedule a flash sale', '安排秒杀') }).click();
      await page.getByRole('heading', { name: either('Schedule a flash sale', '安排秒杀') }).waitFor();
      assert.equal(await page.locator('input[name="sku"]').inputValue(), sku);
      const start = Date.now() + 86_400_000;
      await page.locator('input[name="quantity"]').fill('1000');
      await page.locator('input[name="price"]').fill('9.9');
      await page.locator('input[name="startsAt"]').fill(local(start));
      await page.locator('input[name="endsAt"]').fill(local(start - 3_600_000));
      const submit = page.getByRole('button', { name: either('Schedule', '安排') });
      await submit.click();
      await page.locator('#flash-endsAt-problem').filter({ hasText: either('Must be after the start', '须晚于开始时间') }).waitFor();

      // More units than any warehouse has available: stock's 409 is shown at the quantity, in its words.
      await page.locator('input[name="endsAt"]').fill(local(start + 2 * 3_600_000));
      await submit.click();
      await page.locator('#flash-quantity-problem').filter({ hasText: /No warehouse has 1000/ }).waitFor();
      await shot(page, viewport, 'console-flash-sale-refused');

      await page.locator('input[name="quantity"]').fill('5');
      await page.locator('input[name="perShopperLimit"]').fill('2');
      await submit.click();
      await page.getByRole('status').filter({ hasText: either('Flash sale #\\d+ scheduled', '秒杀 #\\d+ 已安排') }).waitFor();
      await page.locator(`tr[data-sku="${sku}"]`).filter({ hasText: /5 of 5 left|剩余 5 \/ 5/ }).waitFor();
      await shot(page, viewport, 'console-flash-sales');
      assert.deepEqual(page.failures, []);
    });

    test('the analysis explains a SKU that never sold and draws the ABC × XYZ classes', async () => {
      await page.getByRole('link', { name: either('Analysis', '分析') }).click();
      const matrix = page.getByRole('img', { name: either('ABC × XYZ matrix', 'ABC × XYZ 矩阵') });
      await matrix.waitFor();
      assert.ok(Number(await matrix.getAttribute('data-points')) >= 1, 'the matrix chart has a bubble at least');
      await until('the matrix chart to be drawn', async () => (await drawnPixels(matrix)) > 1_000, 10);
      // A SKU that never sold is class C; the Pareto chart is drawn when anything sold, else says why not.
      const ranked = page.locator(`tr[data-sku="${sku}"]`);
      assert.match(await ranked.innerText(), /\bC\b/);
      const paretoEmpty = await page.getByTestId('pareto-empty').count();
      if (paretoEmpty === 0) {
        const pareto = page.getByRole('img', { name: either('Pareto chart', '帕累托图') });
        await until('the Pareto chart to be drawn', async () => (await drawnPixels(pareto)) > 1_000, 10);
      }
      await shot(page, viewport, 'console-analysis-abc');

      await ranked.getByRole('link', { name: sku }).click();
      const tooShort = page.getByTestId('history-too-short');
      await tooShort.waitFor();
      assert.match(await tooShort.innerText(), either('Not enough sales history to forecast', '销售历史不足，无法预测'));
      assert.match(await tooShort.innerText(), new RegExp(`SKU ${sku} has not sold yet`));
      await shot(page, viewport, 'console-analysis-sku');
      assert.deepEqual(page.failures, []);
    });
  });
}
