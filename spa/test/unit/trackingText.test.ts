import { expect, test } from 'vitest';
import { formatTime } from '../../src/i18n';
import { etaText, parcelText, scanText, type Scan } from '../../src/orders/trackingText';

const scan = (code: string, place: string | null, location: string, status = code): Scan => ({ status, code, place, location });

test('the sandbox route reads in Chinese by its codes and places, not the carrier’s English', () => {
  const route = [scan('PICKED_UP', 'CN-SH-SORT', 'Shanghai sorting centre'), scan('IN_TRANSIT', 'CN-HZ-HUB', 'Hangzhou hub'),
    scan('DELIVERED', 'DOORSTEP', 'Doorstep'), scan('CANCELLED', 'WAREHOUSE', 'Warehouse')];
  expect(route.map((s) => scanText(s, 'zh-CN'))).toEqual([
    { what: '已揽收', where: '上海分拣中心' }, { what: '运输中', where: '杭州转运中心' },
    { what: '已签收', where: '收件地址' }, { what: '未发出', where: '商家仓库' }]);
  expect(scanText(route[1], 'en')).toEqual({ what: 'In transit', where: 'Hangzhou hub' });
});

test('a code or place the SPA does not know shows the status and the carrier’s location as sent', () => {
  expect(scanText(scan('HELD_AT_CUSTOMS', 'CN-XX-NEW', 'Customs, Pudong', 'IN_TRANSIT'), 'zh-CN'))
    .toEqual({ what: '运输中', where: 'Customs, Pudong' });
  expect(scanText(scan('HELD_AT_CUSTOMS', null, 'Customs, Pudong', 'HELD'), 'en'))
    .toEqual({ what: 'HELD', where: 'Customs, Pudong' });
});

test('the ETA is said with the app’s time format, and not at all without one', () => {
  const eta = '2026-11-28T09:30:00Z';
  expect(etaText(eta, 'zh-CN')).toBe(`预计 ${formatTime(eta, 'zh-CN')} 送达`);
  expect(etaText(eta, 'en')).toBe(`Expected by ${formatTime(eta, 'en')}`);
  expect(etaText(null, 'en')).toBeNull();
});

test('the SF-like carrier’s scans, a delay and a loss read in Chinese, where its Chinese cities are our places', () => {
  const route = [scan('PICKED_UP', 'CN-SZ', '深圳市'), scan('DELAYED', 'CN-SH-SORT', '上海市', 'IN_TRANSIT'),
    scan('EXCEPTION', 'CN-HZ', '杭州市', 'IN_TRANSIT'), scan('LOST', 'CN-SH-SORT', '上海市'),
    scan('RETURNED_TO_SENDER', 'CN-SZ', '深圳市')];
  expect(route.map((s) => scanText(s, 'zh-CN'))).toEqual([
    { what: '已揽收', where: '深圳' }, { what: '延误', where: '上海分拣中心' }, { what: '派送异常', where: '杭州' },
    { what: '快递遗失', where: '上海分拣中心' }, { what: '已退回商家', where: '深圳' }]);
  expect(scanText(route[2], 'en')).toEqual({ what: 'Delivery problem', where: 'Hangzhou' });
});

test('a parcel is headed by its carrier’s name and waybill, or says it waits for one', () => {
  expect(parcelText({ carrier: 'sf', trackingNumber: 'SF123456789012' }, 'zh-CN')).toBe('顺丰速运 运单 SF123456789012');
  expect(parcelText({ carrier: 'sf', trackingNumber: null }, 'en')).toBe('Parcel with SF Express: waiting for its waybill');
  expect(parcelText({ carrier: 'new-carrier', trackingNumber: 'NC-1' }, 'en')).toBe('Parcel NC-1 with new-carrier');
});
