import { expect, test } from 'vitest';
import type { Step } from '../../src/api';
import { translate } from '../../src/i18n';
import { stepLabel } from '../../src/orders/timelineStep';

const step = (status: Step['status'], note: string): Step => ({ status, note, at: '2026-11-27T10:00:00Z' });
const zh = (s: Step, i: number) => { const l = stepLabel(s, i); return translate('zh-CN', l.key, l.params); };

test('the PENDING steps written as the stock, points and coupons arrive are named after what arrived', () => {
  const steps = [step('PENDING', 'Order placed'), step('PENDING', '500 points held for the order'),
    step('PENDING', 'Coupons [12] used for the order'), step('STOCK_RESERVED', 'Stock held for the order')];
  expect(steps.map(zh)).toEqual(['已下单', '已冻结 500 积分', '优惠券已使用', '库存已锁定，待支付']);
  expect(zh(step('PENDING', 'Stock held for the order'), 1)).toBe('库存已锁定');
});

test('any other step, and the first one whatever its note, is named by its status', () => {
  expect(zh(step('PENDING', '500 points held for the order'), 0)).toBe('已下单');
  expect(zh(step('PENDING', 'something new'), 2)).toBe('已下单');
  expect(zh(step('PAID', 'Paid by card'), 3)).toBe('已支付');
});

test('the steps of a refund request are named after what happened to it, in the reader language', () => {
  const steps = [step('PAID', 'Payment captured'),
    step('DELIVERED', 'After-sales request 7 (DAMAGED): a refund of 1200 CNY (minor units) asked'),
    step('DELIVERED', 'After-sales request 7 approved (AUTO_APPROVE_RULE): 1200 CNY (minor units) to be refunded'),
    step('DELIVERED', 'After-sales request 7 could not be refunded (NOTHING_LEFT)'),
    step('DELIVERED', 'After-sales request 8 rejected: Opened and used'),
    step('DELIVERED', 'Refunded 1200 CNY (minor units)')];
  expect(steps.map(zh)).toEqual(['已支付', '申请退款 #7', '退款 #7 已同意', '退款 #7 未能完成', '退款 #8 被拒绝', '已退款']);
});

test('the steps of an exchange and of its replacement order are named after what happened, in the reader language', () => {
  const original = [step('PAID', 'Payment captured'),
    step('DELIVERED', 'After-sales request 9 (WRONG_ITEM): an exchange of 1 × TEE-S for TEE-L asked'),
    step('DELIVERED', 'After-sales request 9 approved (MERCHANT): return the goods by 2026-12-04T10:00:00Z'),
    step('DELIVERED', 'After-sales request 9: return parcel sent (SF SF2400012345)'),
    step('DELIVERED', 'After-sales request 9: returned goods received (SELLABLE): replacement order 41 placed'),
    step('DELIVERED', 'After-sales request 9: exchange done, replacement order 41 delivered'),
    step('DELIVERED', 'After-sales request 10: replacement order 42 was cancelled, 5000 CNY (minor units) to be refunded instead')];
  expect(original.map(zh)).toEqual(['已支付', '申请换货 #9', '退货 #9 已同意，待寄回商品', '退货 #9 已寄回',
    '换货 #9：商家已收货，已创建换货订单 #41', '换货 #9 完成：新商品已送达', '申请 #10 的换货订单已取消，改为退款']);
  const l = stepLabel(step('PAID', 'Nothing to pay: a replacement for order 40'), 2);
  expect(translate('en', l.key, l.params)).toBe('Replacement: nothing to pay');
});
