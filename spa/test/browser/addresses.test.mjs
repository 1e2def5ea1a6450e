// The address book and the delivery address in a real browser against the running mall, for a
// shopper of the test's own: with an empty book the cart cannot check out and says why; a first
// address with a wrong phone is named at the phone field, then saved; a second one is made the
// default; at checkout the default is preselected, another is picked, express delivery chosen (its
// fee added to the total) and the order placed; the order page shows that address and the fee, and
// editing it in the book afterwards leaves the order's copy as it was, and the other address is deleted. On a phone in Chinese and on a desktop in English, each screen screenshotted and audited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, listedProduct, newShopper } from './api.mjs';
import { MALL, RUNS, either, launch, marker, newPage, shot, signIn } from './mall.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const { viewport, locale } of RUNS) {
  describe(`addresses on a ${viewport} in ${locale}`, () => {
    const m = marker();
    const shopper = `addr-${m}`;
    const sku = `ADDR-${m}`;
    const home = { recipient: `张三 ${m}`, province: '上海市', city: '上海市', district: '浦东新区', line1: '世纪大道 100 号', postcode: '200120' };
    const office = { recipient: `Ann ${m}`, phone: '+1 212 555 0100', country: 'US', province: 'NY', city: 'New York', line1: '350 Fifth Avenue', postcode: '10118' };
    let token;
    let orderId;

    before(async () => {
      token = await newShopper(shopper);
      await listedProduct({ 'zh-CN': `地址测试 ${m}`, en: `Address test ${m}` }, { [sku]: 3_900 }, token);
    });

    test('with an empty book the cart says to add an address; the book names a wrong phone at its field, then keeps two, the second made the default', async () => {
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/cart`);
      await signIn(page, shopper);
      await api('PUT', `/cart-order/cart/lines/${sku}`, { token, body: { quantity: 1 } });
      await page.reload();
      await page.locator('.line', { hasText: m }).waitFor();
      const checkOut = page.getByRole('button', { name: either('Check out', '去结算') });
      await page.locator('#checkout-needs-address').filter({ hasText: either('Add a delivery address', '请先在上方添加收货地址') }).waitFor();
      assert.ok(await checkOut.isDisabled(), 'no checkout without an address');
      await page.getByTestId('address-picker').getByTestId('address-form').waitFor();
      await shot(page, viewport, 'cart-no-address');

      await page.getByRole('link', { name: either('Addresses', '收货地址') }).click();
      await page.waitForURL(/\/account\/addresses$/);
      await page.getByRole('button', { name: either('Add an address', '新增地址') }).click();
      let form = page.getByTestId('address-form');
      await form.locator('input[name="recipient"]').fill(home.recipient);
      await form.locator('input[name="phone"]').fill('12345');
      for (const name of ['province', 'city', 'district', 'line1', 'postcode']) await form.locator(`input[name="${name}"]`).fill(home[name]);
      await form.getByRole('button', { name: either('Save address', '保存地址') }).click();
      const phone = form.locator('.field.invalid', { has: page.locator('input[name="phone"]') });
      await phone.locator('.hint').filter({ hasText: either('A mainland mobile number', '请填写中国大陆手机号') }).waitFor();
      assert.equal(await form.locator('input[name="phone"]').getAttribute('aria-invalid'), 'true');
      assert.equal(await form.locator('.field.invalid').count(), 1, 'only the phone is wrong');
      await shot(page, viewport, 'address-invalid-phone');

      await form.locator('input[name="phone"]').fill('138 0013 8000');
      await form.getByRole('button', { name: either('Save address', '保存地址') }).click();
      const homeCard = page.locator('li.address', { hasText: home.recipient });
      await homeCard.filter({ hasText: either('Default', '默认') }).waitFor();
      assert.match(await homeCard.innerText(), /13800138000/);

      await page.getByRole('button', { name: either('Add an address', '新增地址') }).click();
      form = page.getByTestId('address-form');
      await form.locator('select[name="country"]').selectOption(office.country);
      for (const name of ['recipient', 'phone', 'province', 'city', 'line1', 'postcode']) await form.locator(`input[name="${name}"]`).fill(office[name]);
      await form.getByRole('button', { name: either('Save address', '保存地址') }).click();
      const officeCard = page.locator('li.address', { hasText: office.recipient });
      await officeCard.waitFor();
      assert.match(await officeCard.innerText(), /350 Fifth Avenue, New York, NY 10118, (United States|美国)/);
      await officeCard.getByRole('button', { name: either('Make default', '设为默认') }).click();
      // The default is marked and listed first.
      await page.locator('li.address').first().filter({ hasText: office.recipient }).filter({ hasText: either('Default', '默认') }).waitFor();
      await homeCard.getByRole('button', { name: either('Make default', '设为默认') }).waitFor();
      await shot(page, viewport, 'addresses');
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });

    test('at checkout the default is preselected; the shopper picks the other, and the order delivers to it', async () => {
      assert.ok((await api('GET', '/cart-order/addresses', { token })).json.length === 2, 'the book has both addresses');
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/cart`);
      await signIn(page, shopper);
      await page.locator('.line', { hasText: m }).waitFor();
      const picker = page.getByTestId('address-picker');
      const officeChoice = picker.getByRole('radio', { name: new RegExp(office.recipient) });
      const homeChoice = picker.getByRole('radio', { name: new RegExp(home.recipient) });
      await officeChoice.waitFor();
      assert.ok(await officeChoice.isChecked(), 'the default is preselected');
      assert.ok(!(await homeChoice.isChecked()));
      await homeChoice.check();
      await picker.locator('.address-choice.chosen', { hasText: home.recipient }).waitFor();
      // Delivery is priced by the server for that address: standard is free on the mainland, express is
      // ¥15 for the first kilogram (one unit of unknown weight counts 500 g), added to what is to pay.
      const delivery = page.getByTestId('shipping-choice');
      const standard = delivery.getByRole('radio', { name: either('Standard delivery', '标准快递') });
      const express = delivery.getByRole('radio', { name: either('Express delivery', '特快专递') });
      await delivery.locator('[data-shipping-option="STANDARD"]').filter({ hasText: /Free|包邮/ }).waitFor();
      assert.ok(await standard.isChecked(), 'standard delivery is chosen at first');
      assert.match(await delivery.locator('[data-shipping-option="EXPRESS"] [data-testid="shipping-fee"]').innerText(), /15\.00/);
      await express.check();
      await page.getByTestId('cart-total').filter({ hasText: '54.00' }).waitFor();
      await page.getByTestId('amount-added').filter({ hasText: either('Delivery: Express delivery', '运费：特快专递') }).waitFor();
      await shot(page, viewport, 'cart-address');
      await page.getByRole('button', { name: either('Check out', '去结算') }).click();

      await page.waitForURL(/\/orders\/\d+$/);
      orderId = Number(new URL(page.url()).pathname.split('/').pop());
      const deliverTo = page.getByTestId('deliver-to');
      await deliverTo.filter({ hasText: home.recipient }).waitFor();
      assert.match(await deliverTo.innerText(), /13800138000/);
      assert.match(await deliverTo.innerText(), /上海市 上海市 浦东新区 世纪大道 100 号 200120/);
      await page.getByRole('button', { name: either('Pay now', '立即支付') }).waitFor({ timeout: 30_000 });
      await shot(page, viewport, 'order-deliver-to');
      const order = (await api('GET', `/cart-order/orders/${orderId}`, { token })).json;
      assert.equal(order.deliveryAddress.recipient, home.recipient);
      assert.equal(order.deliveryAddress.line1, home.line1);
      assert.deepEqual(order.shipping, { option: 'EXPRESS', fee: { amountMinor: 1_500, currency: 'CNY' } });
      assert.equal(order.total.amountMinor, 3_900 + 1_500);
      await page.getByTestId('order-total').filter({ hasText: '54.00' }).waitFor();
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });

    test("editing the address in the book afterwards leaves the order's copy as it was", async () => {
      assert.ok(orderId, 'the order was placed');
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/account/addresses`);
      await signIn(page, shopper);
      const homeCard = page.locator('li.address', { hasText: home.recipient });
      await homeCard.getByRole('button', { name: either('Edit', '编辑') }).click();
      const form = page.locator('li.address.editing').getByTestId('address-form');
      assert.equal(await form.locator('input[name="line1"]').inputValue(), home.line1);
      await form.locator('input[name="line1"]').fill('世纪大道 200 号');
      await form.getByRole('button', { name: either('Save address', '保存地址') }).click();
      await page.locator('li.address', { hasText: home.recipient }).filter({ hasText: '世纪大道 200 号' }).waitFor();
      await shot(page, viewport, 'address-edited');

      await page.goto(`${MALL}/orders/${orderId}`);
      const deliverTo = page.getByTestId('deliver-to');
      await deliverTo.filter({ hasText: home.recipient }).waitFor();
      assert.match(await deliverTo.innerText(), /世纪大道 100 号/);
      assert.doesNotMatch(await deliverTo.innerText(), /世纪大道 200 号/);
      assert.equal((await api('GET', `/cart-order/orders/${orderId}`, { token })).json.deliveryAddress.line1, home.line1);

      // The other address is deleted once the dialog is accepted.
      await page.goto(`${MALL}/account/addresses`);
      const officeCard = page.locator('li.address', { hasText: office.recipient });
      page.once('dialog', (dialog) => dialog.accept());
      await officeCard.getByRole('button', { name: either('Delete', '删除') }).click();
      await officeCard.waitFor({ state: 'detached' });
      await page.locator('li.address', { hasText: home.recipient }).waitFor();
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });
  });
}
