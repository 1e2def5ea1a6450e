// The shop in a real browser against the real running mall (./mall up, or the e2e module's mall):
// a merchant creates, lists, edits and stocks a product in the console; a shopper signs in through
// Keycloak, finds it as they type (with a typo), buys it with the sandbox card, watches the live
// timeline reach COMPLETED and sees the points; the merchant then sees the order; an unpaid order
// offers Pay and Cancel, and after the shopper cancels it neither. On a phone in
// Chinese and on a desktop in English, with screenshots of every screen in test-results/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { anAddress, tokenOf } from './api.mjs';
import { MALL, RUNS, accessibilityProblems, either, exactly, launch, marker, newPage, shot, signIn } from './mall.mjs';


let browser;
before(async () => {
  browser = await launch();
  // The demo shopper checks out in the browser: a delivery address is preselected.
  await anAddress(await tokenOf('shopper'));
});
after(async () => { await browser?.close(); });

for (const { viewport, locale } of RUNS) {
  describe(`on a ${viewport} in ${locale}`, () => {
    const m = marker();
    const product = { zh: `乌龙茶 ${m}`, en: `Oolong tea ${m}`, small: `OOLONG-${m}-S`, large: `OOLONG-${m}-L` };
    let merchant;
    let orderId;

    test('a merchant creates, lists and stocks a product in the console', async () => {
      merchant = await newPage(browser, viewport, locale);
      await merchant.goto(MALL);
      await signIn(merchant, 'merchant');
      await merchant.getByRole('link', { name: either('Console', '管理后台') }).click();
      await merchant.getByRole('link', { name: either('New product', '新建商品') }).click();
      await merchant.locator('input[name="name-zh-CN"]').fill(product.zh);
      await merchant.locator('input[name="name-en"]').fill(product.en);
      await merchant.locator('input[name="sku-0-code"]').fill(product.small);
      await merchant.locator('input[name="sku-0-attributes"]').fill('size=250g');
      await merchant.locator('input[name="sku-0-price"]').fill('88.00');
      await merchant.locator('input[name="sku-0-points"]').fill('880');
      await merchant.getByRole('button', { name: either('Add a SKU', '添加 SKU') }).click();
      await merchant.locator('input[name="sku-1-code"]').fill(product.large);
      await merchant.locator('input[name="sku-1-attributes"]').fill('size=500g');
      await merchant.locator('input[name="sku-1-price"]').fill('1.5.8');
      await merchant.getByRole('button', { name: either('Save', '保存') }).click();
      await merchant.getByRole('alert').filter({ hasText: either('Check the highlighted', '请检查') }).waitFor();
      await shot(merchant, viewport, 'console-product-form');
      await merchant.locator('input[name="sku-1-price"]').fill('158');
      await merchant.getByRole('button', { name: either('Save', '保存') }).click();

      const row = merchant.locator('tr', { hasText: m });
      await row.getByRole('button', { name: either('List', '上架') }).click();
      await row.locator('.product-listed').waitFor();

      // A listed product's price is edited: the SKU codes stay, the new price shows at once.
      await row.getByRole('link', { name: either('Edit', '编辑') }).click();
      await merchant.locator('input[name="sku-0-price"]').fill('78');
      await merchant.getByRole('button', { name: either('Save', '保存') }).click();
      await merchant.locator('tr', { hasText: m }).filter({ hasText: /78\.00/ }).waitFor();
      await shot(merchant, viewport, 'console-products');

      await merchant.getByRole('link', { name: exactly('Stock', '库存') }).click();
      for (const sku of [product.small, product.large]) {
        const stockRow = merchant.locator(`tr[data-sku="${sku}"]`);
        await stockRow.locator('input').fill('20');
        await stockRow.getByRole('button').click();
        await stockRow.getByRole('status').waitFor();
      }
      await shot(merchant, viewport, 'console-stock');
      assert.deepEqual(merchant.failures, []);
    });

    test('a shopper finds it as they type, buys it and watches the order to COMPLETED, then sees the points', async () => {
      const shopper = await newPage(browser, viewport, locale);
      await shopper.goto(MALL);
      await shopper.locator('.tile, .notice').first().waitFor();
      await shot(shopper, viewport, 'home');
      await signIn(shopper, 'shopper');
      // Tokens live in memory only; a reload signs in again silently through Keycloak's session.
      const stored = await shopper.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
      assert.doesNotMatch(stored, /eyJ[\w-]+\.eyJ/, 'no token in localStorage or sessionStorage');
      await shopper.reload();
      await shopper.getByRole('button', { name: /\(shopper\)/ }).waitFor();

      // Typed with a typo and half a word; the index follows the listing within seconds.
      const search = shopper.getByRole('combobox', { name: either('Search products', '搜索商品') });
      const suggestion = shopper.getByRole('option', { name: new RegExp(m) });
      for (let attempt = 0; ; attempt++) {
        await search.fill('');
        await search.pressSequentially(`olong ${m}`, { delay: 40 });
        try { await suggestion.waitFor({ timeout: 3000 }); break; } catch (e) { if (attempt > 10) throw e; }
      }
      await shot(shopper, viewport, 'search-as-you-type');
      await search.press('Enter');
      await shopper.waitForURL(/\/search\?q=/);
      await shopper.getByRole('link', { name: new RegExp(m) }).first().click();

      await shopper.getByRole('heading', { name: new RegExp(m) }).waitFor();
      await shopper.getByText('500g').click();
      await shopper.getByTestId('stock-state').filter({ hasText: either('In stock', '有货') }).waitFor();
      await shot(shopper, viewport, 'product');
      await shopper.getByRole('button', { name: either('Add to cart', '加入购物车') }).click();
      await shopper.getByRole('link', { name: either('Go to cart', '去购物车') }).click();

      // Only this test's line in the cart: an earlier run's leftovers are removed.
      const line = shopper.locator('.line', { hasText: m });
      await line.waitFor();
      const others = shopper.locator('.line').filter({ hasNotText: m });
      for (let left = await others.count(); left > 0; left--) {
        await others.first().getByRole('button', { name: either('Remove', '删除') }).click();
        await shopper.waitForFunction(([text, n]) => [...document.querySelectorAll('.line')]
          .filter((l) => !l.textContent.includes(text)).length < n, [m, left]);
      }
      await assert.doesNotReject(shopper.getByTestId('cart-total').filter({ hasText: /158/ }).waitFor());
      await shot(shopper, viewport, 'cart');
      await shopper.getByRole('button', { name: either('Check out', '去结算') }).click();

      await shopper.waitForURL(/\/orders\/\d+$/);
      orderId = Number(new URL(shopper.url()).pathname.split('/').pop());
      await shopper.locator('[data-live="open"]').waitFor(); // the page follows the order over its live stream
      await shopper.getByRole('button', { name: either('Pay now', '立即支付') }).click({ timeout: 30_000 });
      const timeline = shopper.getByTestId('timeline');
      await timeline.locator('li[data-status="PAID"]').waitFor({ timeout: 30_000 });
      await shopper.locator('.tracking .eta', { hasText: /^(Expected by|预计) / }).waitFor({ timeout: 30_000 });
      await timeline.locator('li[data-status="DELIVERED"]').waitFor({ timeout: 60_000 });
      // The parcel's scans read in the reader's language by their code and place, not in the carrier's English.
      await shopper.locator('.tracking li[data-code="DELIVERED"]', { hasText: /At your door|收件地址/ }).waitFor({ timeout: 30_000 });
      await shopper.locator('.tracking .eta').waitFor({ state: 'detached', timeout: 10_000 }); // no ETA once delivered
      await shopper.getByRole('button', { name: either('Confirm receipt', '确认收货') }).click();
      await timeline.locator('li[data-status="COMPLETED"]').waitFor();
      const steps = await timeline.locator('li').evaluateAll((items) => items.map((i) => i.dataset.status));
      assert.deepEqual(steps, ['PENDING', 'STOCK_RESERVED', 'PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'COMPLETED']);
      await shot(shopper, viewport, 'order-timeline');

      await shopper.getByRole('link', { name: either('Points', '积分') }).click();
      await shopper.getByTestId('points-balance').waitFor();
      // 1 point a whole yuan: the ¥158 order's entry appears once loyalty has heard of the payment.
      await shopper.locator('.rows .row', { hasText: '+158' }).first().waitFor({ timeout: 30_000 });
      await shot(shopper, viewport, 'points');

      await shopper.getByRole('button', { name: /\(shopper\)/ }).click();
      await shopper.getByRole('button', { name: either('Sign in', '登录') }).waitFor();
      assert.equal(new URL(shopper.url()).origin, new URL(MALL).origin, 'signed out back to the shop');
      assert.deepEqual(shopper.failures, []);
      await shopper.context().close();
    });

    test("the merchant sees the shopper's order and its timeline in the console", async () => {
      assert.ok(orderId, 'the shopper placed an order');
      await merchant.getByRole('link', { name: either('Orders', '订单') }).click();
      await merchant.getByRole('link', { name: new RegExp(`#${orderId}\\b`) }).click();
      await merchant.getByTestId('timeline').locator('li[data-status="COMPLETED"]').waitFor();
      await shot(merchant, viewport, 'console-order');
      assert.deepEqual(merchant.failures, []);
      await merchant.context().close();
    });

    test('an unpaid order offers Pay and Cancel; once the shopper cancels it, neither', async () => {
      const shopper = await newPage(browser, viewport, locale);
      await shopper.goto(MALL);
      await signIn(shopper, 'shopper');
      await shopper.getByRole('combobox', { name: either('Search products', '搜索商品') }).fill(`oolong ${m}`);
      await shopper.getByRole('button', { name: either('Search', '搜索') }).click();
      await shopper.getByRole('link', { name: new RegExp(m) }).first().click();
      await shopper.getByRole('button', { name: either('Add to cart', '加入购物车') }).click();
      await shopper.getByRole('link', { name: either('Go to cart', '去购物车') }).click();
      await shopper.getByRole('button', { name: either('Check out', '去结算') }).click();
      await shopper.waitForURL(/\/orders\/\d+$/);

      const pay = shopper.getByRole('button', { name: either('Pay now', '立即支付') });
      const cancel = shopper.getByRole('button', { name: either('Cancel order', '取消订单') });
      await pay.waitFor({ timeout: 30_000 });
      await cancel.waitFor();
      shopper.once('dialog', (dialog) => dialog.accept());
      await cancel.click();
      await shopper.getByTestId('timeline').locator('li[data-status="CANCELLED"]').waitFor();
      await shopper.getByText(either('Cancelled: you cancelled it', '已取消：您已取消')).waitFor();
      assert.equal(await pay.count(), 0, 'no Pay on a cancelled order');
      assert.equal(await cancel.count(), 0, 'no Cancel on a cancelled order');
      await shot(shopper, viewport, 'order-cancelled');
      assert.deepEqual(shopper.failures, []);
      await shopper.context().close();
    });
  });
}

describe('languages, errors and the edge', () => {
  test('the language switch turns the shop into Chinese and back, and says so to the browser', async () => {
    const page = await newPage(browser, 'desktop');
    await page.goto(MALL);
    await page.getByRole('link', { name: 'Cart' }).waitFor();
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('link', { name: '购物车' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await page.reload();
    await page.getByRole('link', { name: '购物车' }).waitFor();
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('link', { name: 'Cart' }).waitFor();
    await page.context().close();
  });

  test('the accessibility audit every screenshot passes does catch a nameless button and an unlabelled field', async () => {
    const page = await newPage(browser, 'desktop');
    await page.setContent('<html lang="en"><title>t</title><main><button></button><input type="text"></main></html>');
    const problems = await accessibilityProblems(page);
    assert.ok(problems.some((p) => p.startsWith('button-name')), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('label')), problems.join('\n'));
    await page.context().close();
  });

  test('the skip link comes first for keyboard users, and a product is found and opened with the keyboard alone', async () => {
    const page = await newPage(browser, 'desktop');
    await page.goto(MALL);
    const first = page.locator('.tile .tile-name').first();
    await first.waitFor();
    const name = (await first.innerText()).trim();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
    await page.keyboard.type(name, { delay: 30 });
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/products\/\d+$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.context().close();
  });

  test('a product that does not exist shows what went wrong and a retry, never a blank page', async () => {
    const page = await newPage(browser, 'phone');
    await page.goto(`${MALL}/products/999999999`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /not found/i);
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
    await page.context().close();
  });

  test('index.html is never cached and hashed assets are cached for a year', async () => {
    const index = await fetch(`${MALL}/orders/42`);
    assert.equal(index.status, 200);
    assert.equal(index.headers.get('cache-control'), 'no-cache');
    const html = await index.text();
    const asset = html.match(/\/assets\/index-[\w-]+\.js/)?.[0];
    assert.ok(asset, 'index.html names a content-hashed script');
    const script = await fetch(MALL + asset);
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });
});
