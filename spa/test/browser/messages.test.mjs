// The message centre in a real browser against the running mall, for a shopper of the test's own
// with a delivered order: the header counts the unread messages; the centre tells each step of the
// order in the page's language (placed with its amount, paid, shipped, delivered); opening a message goes to its order
// and marks it read; "mark all read" empties the count; the settings show the account's address and
// turn email off; an unsubscribe link that is not one says so. On a phone in Chinese and on a desktop
// in English, each screen screenshotted and audited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, deliveredOrder, listedProduct, newShopper, paidOrder, until } from './api.mjs';
import { MALL, RUNS, either, launch, marker, newPage, shot, signIn } from './mall.mjs';

/** The steps of a delivered order a shopper is told of, oldest first. */
const STEPS = ['AWAITING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED'];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const { viewport, locale } of RUNS) {
  describe(`the message centre on a ${viewport} in ${locale}`, () => {
    const m = marker();
    const shopper = `inbox-${m}`;
    const sku = `INBOX-${m}`;
    let token;
    let orderId;
    let page;

    before(async () => {
      token = await newShopper(shopper);
      await listedProduct({ 'zh-CN': `消息测试 ${m}`, en: `Message test ${m}` }, { [sku]: 1_850 }, token);
      orderId = await paidOrder(token, sku, 2);
      await deliveredOrder(token, orderId); // its last step a shopper is told of: the count stays as it is
      await until(`the messages of order ${orderId}`, async () => {
        const answer = await api('GET', '/cart-order/me/messages', { token });
        return answer.status === 200 && answer.json.filter((message) => message.orderId === orderId).length === STEPS.length;
      });
    });

    test('the header counts the unread messages; the centre tells each step of the order in the page’s language', async () => {
      page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/messages`);
      await signIn(page, shopper);
      const badge = page.getByTestId('unread-badge');
      await badge.filter({ hasText: new RegExp(`^${STEPS.length}\\s`) }).waitFor();
      const order = page.locator(`li.message[data-order-id="${orderId}"]`);
      const placed = order.and(page.locator('[data-notice="AWAITING_PAYMENT"]'));
      const paid = order.and(page.locator('[data-notice="PAID"]'));
      const delivered = order.and(page.locator('[data-notice="DELIVERED"]'));
      await delivered.waitFor();
      assert.deepEqual(await order.evaluateAll((items) => items.map((item) => item.dataset.notice)), [...STEPS].reverse(),
        'newest first');
      assert.match(await placed.innerText(), locale === 'zh-CN' ? new RegExp(`订单 ${orderId} 已提交：请在付款期限内支付 ¥37\\.00`)
        : new RegExp(`Order ${orderId} is placed: pay CN¥37\\.00`));
      assert.match(await paid.innerText(), either(`New\\s+Order ${orderId}: payment received`, `新\\s+订单 ${orderId}：已收到付款`));
      assert.match(await delivered.innerText(), either(`New\\s+Order ${orderId} was delivered`, `新\\s+订单 ${orderId} 已送达`));
      assert.equal(await page.locator('li.message.unread').count(), STEPS.length);
      await shot(page, viewport, 'messages');
      assert.deepEqual(page.failures, []);
    });

    test('opening a message goes to its order and marks it read; mark all read empties the count', async () => {
      assert.ok(page, 'the centre is open');
      await page.locator(`li.message[data-order-id="${orderId}"][data-notice="PAID"] a`).click();
      await page.waitForURL(new RegExp(`/orders/${orderId}$`));
      await page.getByTestId('unread-badge').filter({ hasText: new RegExp(`^${STEPS.length - 1}\\s`) }).waitFor();
      await page.getByRole('link', { name: either('Messages', '消息') }).click();
      await page.waitForURL(/\/messages$/);
      await page.locator(`li.message[data-notice="PAID"][data-order-id="${orderId}"]:not(.unread)`).waitFor();
      await page.getByRole('button', { name: either('Mark all read', '全部标为已读') }).click();
      await page.getByTestId('unread').filter({ hasText: either('0 unread', '0 条未读') }).waitFor();
      await page.getByTestId('unread-badge').waitFor({ state: 'detached' });
      assert.equal(await page.locator('li.message.unread').count(), 0);
      const unread = await api('GET', '/cart-order/me/messages/unread', { token });
      assert.equal(unread.json.unread, 0);
      assert.deepEqual(page.failures, []);
    });

    test('the settings show the account’s address and turn email off', async () => {
      assert.ok(page, 'the centre is open');
      const settings = page.locator('form.settings');
      await settings.getByText(`${shopper}@example.test`).waitFor();
      const email = settings.getByRole('checkbox', { name: either('Also send each message by email', '每条消息同时发送邮件') });
      assert.equal(await email.isChecked(), true, 'email is on at first');
      await email.uncheck();
      await settings.getByRole('button', { name: either('Save settings', '保存设置') }).click();
      await settings.getByRole('status').filter({ hasText: either('Settings saved', '设置已保存') }).waitFor();
      await shot(page, viewport, 'message-settings');
      const saved = await api('GET', '/cart-order/me/notification-settings', { token });
      assert.equal(saved.json.email, false);
      await page.reload();
      const again = page.locator('form.settings').getByRole('checkbox', { name: either('Also send each message by email', '每条消息同时发送邮件') });
      await again.waitFor();
      assert.equal(await again.isChecked(), false, 'email stays off');
      assert.deepEqual(page.failures, []);
    });

    test('an unsubscribe link that is not one says so, without signing in', async () => {
      const visitor = await newPage(browser, viewport, locale);
      await visitor.goto(`${MALL}/unsubscribe?token=${'0'.repeat(48)}`);
      await visitor.getByRole('button', { name: either('Stop the emails', '退订邮件') }).click();
      await visitor.getByRole('alert').filter({ hasText: either('This unsubscribe link is not valid', '此退订链接无效') }).waitFor();
      await shot(visitor, viewport, 'unsubscribe-bad-link');
      assert.deepEqual(visitor.failures, []);
      await visitor.close();
    });
  });
}
