import { describe, expect, test } from 'vitest';
import { ApiError } from '../../src/api';
import {
  addressFormOf, addressProblems, chosenAddress, isAddressNotYours, addressRequest, addressServerProblems, addressText, emptyAddress, type AddressForm,
} from '../../src/addresses/addressDraft';

const shanghai: AddressForm = {
  ...emptyAddress('CN'), recipient: ' 张三 ', phone: '138 0013 8000', province: '上海市', city: '上海市', district: '浦东新区',
  line1: '世纪大道 100 号', postcode: '200120',
};
const london: AddressForm = {
  ...emptyAddress('GB'), recipient: 'Ann Smith', phone: '+44 20 7946 0958', city: 'London', line1: '10 Downing Street', postcode: 'sw1a 2aa',
};

describe('a Chinese address', () => {
  test('with a mainland mobile, province, city, district and a six-digit postcode is sent trimmed', () => {
    expect(addressProblems(shanghai)).toEqual({});
    expect(addressRequest(shanghai)).toEqual({
      recipient: '张三', phone: '13800138000', country: 'CN', province: '上海市', city: '上海市', district: '浦东新区',
      line1: '世纪大道 100 号', line2: null, postcode: '200120', label: null,
    });
  });

  test('takes a +86 before the mobile number', () => {
    expect(addressProblems({ ...shanghai, phone: '+86 139-1234-5678' })).toEqual({});
  });

  test('refuses a landline, a number starting 12, a short one, and letters', () => {
    for (const phone of ['021-12345678', '12800138000', '1380013800', '1380013800a', '+85 13800138000']) {
      expect(addressProblems({ ...shanghai, phone }), phone).toEqual({ phone: 'phoneCN' });
    }
  });

  test('needs the province, city and district, and a postcode of six digits', () => {
    expect(addressProblems({ ...shanghai, province: ' ', city: '', district: '', postcode: '20012' }))
      .toEqual({ province: 'required', city: 'required', district: 'required', postcode: 'postcodeCN' });
  });

  test('names a missing recipient, phone and street, and fields longer than their limit', () => {
    expect(addressProblems({ ...shanghai, recipient: '', phone: '', line1: '' }))
      .toEqual({ recipient: 'required', phone: 'required', line1: 'required' });
    expect(addressProblems({ ...shanghai, recipient: 'x'.repeat(51), line1: 'x'.repeat(121), label: 'x'.repeat(21) }))
      .toEqual({ recipient: 'tooLong', line1: 'tooLong', label: 'tooLong' });
    expect(addressProblems({ ...shanghai, recipient: '张'.repeat(50), line1: 'x'.repeat(120), label: '😀'.repeat(20) })).toEqual({});
  });
});

describe('an address outside China', () => {
  test('needs a phone of six digits or more (20 characters at most), and no district', () => {
    expect(addressProblems(london)).toEqual({});
    expect(addressProblems({ ...london, phone: '12345' })).toEqual({ phone: 'phone' });
    expect(addressProblems({ ...london, phone: '+1 (555) 0100' })).toEqual({});
    expect(addressProblems({ ...london, phone: '(1) - (2) 3' })).toEqual({ phone: 'phone' });
    expect(addressProblems({ ...london, phone: '+44 20 7946 0958 000 11' })).toEqual({ phone: 'phone' });
    expect(addressProblems({ ...london, phone: 'call me' })).toEqual({ phone: 'phone' });
  });

  test('in the United States needs the state', () => {
    expect(addressProblems({ ...london, country: 'US', postcode: '10001' })).toEqual({ province: 'required' });
  });

  test('has the postcode its country writes', () => {
    const us = { ...london, country: 'US', province: 'NY' };
    expect(addressProblems({ ...us, postcode: '10001' })).toEqual({});
    expect(addressProblems({ ...us, postcode: '10001-1234' })).toEqual({});
    expect(addressProblems({ ...us, postcode: '1000' })).toEqual({ postcode: 'postcodeUS' });
    expect(addressProblems({ ...london, country: 'JP', postcode: '100-0001' })).toEqual({});
    expect(addressProblems({ ...london, country: 'JP', postcode: '1000001' })).toEqual({});
    expect(addressProblems({ ...london, country: 'JP', postcode: '100-00011' })).toEqual({ postcode: 'postcodeJP' });
    expect(addressProblems({ ...london, country: 'DE', postcode: '10115' })).toEqual({});
    expect(addressProblems({ ...london, country: 'FR', postcode: '7500' })).toEqual({ postcode: 'postcodeFiveDigits' });
    expect(addressProblems({ ...london, country: 'SG', postcode: '018956' })).toEqual({});
    expect(addressProblems({ ...london, country: 'SG', postcode: '0' })).toEqual({ postcode: 'postcode' });
    expect(addressProblems({ ...london, country: 'SG', postcode: '' })).toEqual({ postcode: 'required' });
    expect(addressProblems({ ...london, postcode: 'EC1A 1BB' })).toEqual({});
    expect(addressProblems({ ...london, postcode: 'm1 1ae' })).toEqual({});
    expect(addressProblems({ ...london, postcode: '12345' })).toEqual({ postcode: 'postcodeGB' });
    expect(addressProblems({ ...london, postcode: '' })).toEqual({ postcode: 'required' });
  });

  test('in Hong Kong needs no postcode; an unknown country is refused', () => {
    expect(addressProblems({ ...london, country: 'HK', postcode: '' })).toEqual({});
    expect(addressProblems({ ...london, country: 'XX', postcode: '' })).toEqual({ country: 'country' });
  });

  test('a postcode is sent in capitals, a phone as typed', () => {
    expect(addressRequest(london).postcode).toBe('SW1A 2AA');
    expect(addressRequest(london).phone).toBe('+44 20 7946 0958');
  });
});

test('an address from the book opens in the form as it was', () => {
  const view = { ...addressRequest(shanghai), id: 7, isDefault: true, label: '家' };
  expect(addressFormOf(view)).toEqual({ ...shanghai, recipient: '张三', phone: '13800138000', label: '家' });
});

describe("cart-order's refusal", () => {
  test('each violation is shown at its field, whatever path it names', () => {
    const error = new ApiError(422, 'Invalid address', 'The address has invalid fields.', 'https://quarkmall.io/problems/invalid-address', [
      { field: 'phone', message: 'not a mainland mobile number' },
      { field: 'create.draft.postcode', message: 'must be 6 digits' },
    ]);
    expect(addressServerProblems(error)).toEqual({ fields: { phone: 'not a mainland mobile number', postcode: 'must be 6 digits' }, general: false });
  });

  test('a violation of no field, a full book or a 404 is shown above the form', () => {
    expect(addressServerProblems(new ApiError(422, 'Invalid', '', '', [{ field: 'draft', message: 'must not be null' }])).general).toBe(true);
    expect(addressServerProblems(new ApiError(422, 'Address book full', 'at most 20', 'x/address-book-full'))).toEqual({ fields: {}, general: true });
    expect(addressServerProblems(new ApiError(404, 'Not found', '', ''))).toEqual({ fields: {}, general: true });
  });
});

describe('an address written out', () => {
  test('in China from the province down', () => {
    expect(addressText(addressRequest(shanghai), 'zh-CN')).toBe('上海市 上海市 浦东新区 世纪大道 100 号 200120');
  });

  test('elsewhere from the street up to the country, in the reader\'s language', () => {
    expect(addressText(addressRequest(london), 'en')).toBe('10 Downing Street, London, SW1A 2AA, United Kingdom');
    expect(addressText(addressRequest({ ...london, country: 'US', province: 'NY', postcode: '10001', line2: 'Apt 4' }), 'en'))
      .toBe('10 Downing Street, Apt 4, London, NY 10001, United States');
    expect(addressText(addressRequest(london), 'zh-CN')).toMatch(/英国$/);
  });
});

describe('the address a checkout sends', () => {
  const book = [
    { ...addressRequest(shanghai), id: 3, isDefault: true },
    { ...addressRequest(london), id: 5, isDefault: false },
  ];

  test('is the default until the shopper picks another, and the picked one while it is in the book', () => {
    expect(chosenAddress(book, null)).toBe(3);
    expect(chosenAddress(book, 5)).toBe(5);
    expect(chosenAddress(book, 9)).toBe(3);
  });

  test('is none while the book is unread or empty, or has no default', () => {
    expect(chosenAddress(undefined, 5)).toBeNull();
    expect(chosenAddress([], null)).toBeNull();
    expect(chosenAddress([{ ...book[1] }], null)).toBeNull();
  });

  test("cart-order's 422 address-not-yours is told apart from other refusals", () => {
    expect(isAddressNotYours(new ApiError(422, 'Not your address', '', 'https://quarkmall.io/problems/address-not-yours'))).toBe(true);
    expect(isAddressNotYours(new ApiError(422, 'Coupon', '', 'https://quarkmall.io/problems/coupon-not-yours'))).toBe(false);
    expect(isAddressNotYours(new ApiError(404, 'Not found', '', 'https://quarkmall.io/problems/address-not-yours'))).toBe(false);
  });
});
