// Refund-only after-sales in a real browser against the running mall, for a shopper of the test's
// own with two delivered orders of a ¥12 tea (three units, then two): on the first the shopper asks
// for one unit back (the form's own check first), which is approved at once (¥12 is under the ¥20
// rule), sees it listed and then refunded as it happens, and is offered the two units left; on the
// second the shopper asks for both (¥24), which waits for the merchant, and attaches a photo; the merchant
// finds it in the console's after-sales queue with its deadline and the photo, is asked for a note before rejecting, rejects it
// with one, and the shopper's open order page shows the rejection and the merchant's note. On a phone
// in Chinese and on a desktop in English, each screen screenshotted and audited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { afterSalesOf, anAddress, deliveredOrder, listedProduct, newShopper, paidOrder } from './api.mjs';
import { MALL, RUNS, either, launch, marker, newPage, shot, signIn } from './mall.mjs';




const REQUEST_REFUND = either('Request a refund', '申请退款');
/** A valid 1 × 1 PNG: the photo a shopper attaches. */
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const SEND = either('Send the request', '提交申请');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const { viewport, locale } of RUNS) {
  describe(`refunds on a ${viewport} in ${locale}`, () => {
    const m = marker();
    const shopper = `refund-${m}`;
    const sku = `REFUND-${m}`;
    const rejection = `Opened and used, as the photo shows ${m}`;
    let token;
    let small; // 3 units: one unit asked back, approved at once
    let large; // 2 units: both asked back, rejected by the merchant
    let largeRequest;
    let shopperPage; // left open on the large order from the request to the rejection

    before(async () => {
      token = await newShopper(shopper);
      await anAddress(token);
      await listedProduct({ 'zh-CN': `退款测试 ${m}`, en: `Refund test ${m}` }, { [sku]: 1_200 }, token);
      small = await paidOrder(token, sku, 3);
      large = await paidOrder(token, sku, 2);
      await deliveredOrder(token, small);
      await deliveredOrder(token, large);
    });

    test('one unit of a delivered order is asked back: the form checks first, then it is approved at once and refunded', async () => {
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/orders/${small}`);
      await signIn(page, shopper);
      const section = page.getByTestId('after-sales');
      await section.getByRole('button', { name: REQUEST_REFUND }).click();
      const form = section.getByTestId('refund-form');
      const units = form.locator(`input[name="units-${sku}"]`);
      assert.equal(await units.inputValue(), '3', 'every unit is asked for at first');

      // The form's own check: no reason chosen is named at its field before anything is sent.
      await form.getByRole('button', { name: SEND }).click();
      await form.locator('.field.invalid', { has: page.locator('select[name="reason"]') }).locator('.hint')
        .filter({ hasText: either('Choose why', '请选择退款原因') }).waitFor();
      assert.equal(await form.locator('select[name="reason"]').getAttribute('aria-invalid'), 'true');
      assert.equal(await afterSalesOf(token, small).then((list) => list.length), 0, 'nothing was sent');

      await form.locator('select[name="reason"]').selectOption('DAMAGED');
      await units.fill('1');
      await form.locator('textarea[name="note"]').fill(`Box crushed ${m}`);
      await shot(page, viewport, 'refund-form');
      await form.getByRole('button', { name: SEND }).click();

      // ¥12 is at most ¥20: approved at once by the rule, then pay gives it back.
      await section.locator('li.after-sales-request').first().waitFor();
      await section.getByText(either('After-sales request #\\d+ sent', '售后申请 #\\d+ 已提交')).waitFor();
      const [request] = await afterSalesOf(token, small);
      assert.equal(request.amount.amountMinor, 1_200);
      assert.equal(request.decidedBy, 'AUTO_APPROVE_RULE');
      assert.deepEqual(request.lines, [{ sku, quantity: 1, replacementSku: null }], 'a refund names no SKU sent instead');
      const listed = section.locator(`li[data-request-id="${request.id}"]`);
      const text = await listed.innerText();
      assert.match(text, /12\.00/);
      assert.match(text, /Arrived damaged|商品破损/);
      assert.match(text, new RegExp(`${sku}\\s*× 1`));
      assert.match(text, /Approved at once|小额退款/);
      assert.match(text, new RegExp(`Box crushed ${m}`));

      // The page follows the order while the request is open: pay's refund shows without a reload.
      await section.locator(`li[data-request-id="${request.id}"][data-status="REFUNDED"]`).waitFor({ timeout: 60_000 });
      // Two units are left to ask for: the form offers them.
      await section.getByRole('button', { name: REQUEST_REFUND }).click();
      assert.equal(await section.getByTestId('refund-form').locator(`input[name="units-${sku}"]`).inputValue(), '2');
      await shot(page, viewport, 'order-refunded');
      await section.getByTestId('refund-form').getByRole('button', { name: either('Cancel', '取消') }).click();
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });

    test('both units of the other order are asked back: over ¥20, the request waits for the merchant until its deadline', async () => {
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/orders/${large}`);
      await signIn(page, shopper);
      const section = page.getByTestId('after-sales');
      await section.getByRole('button', { name: REQUEST_REFUND }).click();
      const form = section.getByTestId('refund-form');
      await form.locator('select[name="reason"]').selectOption('NOT_AS_DESCRIBED');
      assert.equal(await form.locator(`input[name="units-${sku}"]`).inputValue(), '2');
      await form.locator('textarea[name="note"]').fill(`Not the tea in the photo ${m}`);
      await form.getByRole('button', { name: SEND }).click();

      const waiting = section.locator('li.after-sales-request[data-status="REQUESTED"]');
      await waiting.waitFor();
      await waiting.getByTestId('respond-by').filter({ hasText: either('The merchant answers by', '商家须在') }).waitFor();
      assert.match(await waiting.innerText(), /24\.00/);
      // A photo of the goods as evidence: sent, then shown from the server.
      await waiting.locator('input[name="photos"]').setInputFiles({ name: 'tea.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
      await waiting.locator('img.evidence-photo').waitFor({ timeout: 15_000 });
      // While it is open no other request is offered.
      await section.getByRole('button', { name: REQUEST_REFUND }).waitFor({ state: 'detached' });
      [largeRequest] = await afterSalesOf(token, large);
      assert.equal(largeRequest.status, 'REQUESTED');
      assert.equal(largeRequest.amount.amountMinor, 2_400);
      await shot(page, viewport, 'order-refund-requested');
      assert.deepEqual(page.failures, []);
      shopperPage = page;
    });

    test("the merchant finds it in the console's queue, is asked for a note to reject it, and rejects it with one", async () => {
      assert.ok(largeRequest, 'the shopper asked for the refund');
      const page = await newPage(browser, viewport, locale);
      await page.goto(`${MALL}/console/after-sales`);
      await signIn(page, 'merchant');
      await page.getByRole('combobox', { name: either('Status', '状态') }).selectOption('REQUESTED');
      const row = page.locator(`tr[data-request-id="${largeRequest.id}"]`);
      await row.waitFor();
      const text = await row.innerText();
      assert.match(text, new RegExp(`#${large}\\b`));
      assert.match(text, /24\.00/);
      assert.match(text, /Not as described|与描述不符/);
      assert.match(text, new RegExp(`Not the tea in the photo ${m}`));
      assert.match(text, new RegExp(`${sku}\\s*× 2`));
      await row.getByRole('button', { name: either('Show the photos \\(1\\)', '查看照片（1）') }).click();
      await row.locator('img.evidence-photo').waitFor({ timeout: 15_000 }); // the shopper's photo, read by the reviewer
      assert.match(text, /Due in 4[78] h|剩余 4[78] 小时/);
      await shot(page, viewport, 'console-after-sales');

      // A rejection needs a note: asked for before anything is sent.
      await row.getByRole('button', { name: either('Reject', '拒绝') }).click();
      await row.getByText(either('Say why you reject it', '请填写拒绝理由')).waitFor();
      assert.equal((await afterSalesOf(token, large))[0].status, 'REQUESTED');

      await row.locator('textarea[name="decision-note"]').fill(rejection);
      await row.getByRole('button', { name: either('Reject', '拒绝') }).click();
      await page.getByText(either(`Request #${largeRequest.id} rejected`, `已拒绝退款申请 #${largeRequest.id}`)).waitFor();
      await row.waitFor({ state: 'detached' }); // no longer undecided
      await page.getByRole('combobox', { name: either('Status', '状态') }).selectOption('REJECTED');
      await page.locator(`tr[data-request-id="${largeRequest.id}"][data-status="REJECTED"]`, { hasText: rejection }).waitFor();
      const decided = (await afterSalesOf(token, large))[0];
      assert.equal(decided.status, 'REJECTED');
      assert.equal(decided.decidedBy, 'MERCHANT');
      assert.equal(decided.decisionNote, rejection);
      await shot(page, viewport, 'console-after-sales-rejected');
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });

    test("the shopper's open order page shows the rejection and the merchant's note, and offers a refund again", async () => {
      assert.ok(largeRequest, 'the shopper asked for the refund');
      let page = shopperPage;
      if (!page) {
        page = await newPage(browser, viewport, locale);
        await page.goto(`${MALL}/orders/${large}`);
        await signIn(page, shopper);
      }
      const section = page.getByTestId('after-sales');
      const rejected = section.locator(`li[data-request-id="${largeRequest.id}"][data-status="REJECTED"]`);
      await rejected.waitFor({ timeout: 30_000 }); // pushed over the order's live stream, not reloaded
      await rejected.getByTestId('merchant-note').filter({ hasText: rejection }).waitFor();
      assert.match(await rejected.innerText(), /Rejected|已拒绝/);
      // A rejected request's units may be asked for again.
      await section.getByRole('button', { name: REQUEST_REFUND }).waitFor();
      await shot(page, viewport, 'order-refund-rejected');
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });
  });
}
