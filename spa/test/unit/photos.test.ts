import { expect, test } from 'vitest';
import { fitWithin, needsShrinking, photoPath, photoProblem, photosLeft } from '../../src/orders/photos';

test('a photo goes as it is while cart-order takes it; a larger one or another type is redrawn first', () => {
  expect(needsShrinking({ size: 1_000_000, type: 'image/jpeg' })).toBe(false);
  expect(needsShrinking({ size: 200_000, type: 'image/webp' })).toBe(false);
  expect(needsShrinking({ size: 1_000_001, type: 'image/png' })).toBe(true);
  expect(needsShrinking({ size: 200_000, type: 'image/heic' })).toBe(true);
});

test('a picture is drawn to fit 1600 pixels each way, never enlarged', () => {
  expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
  expect(fitWithin(3000, 6000)).toEqual({ width: 800, height: 1600 });
  expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
});

test('an open request takes up to six photos, a closed one none', () => {
  expect(photosLeft({ status: 'REQUESTED', photos: [] })).toBe(6);
  expect(photosLeft({ status: 'AWAITING_RETURN', photos: [1, 2, 3, 4] })).toBe(2);
  expect(photosLeft({ status: 'APPROVED', photos: [1, 2, 3, 4, 5, 6] })).toBe(0);
  expect(photosLeft({ status: 'REJECTED', photos: [] })).toBe(0);
  expect(photosLeft({ status: 'REFUNDED', photos: [] })).toBe(0);
});

test('the shopper reads a photo under their order, the reviewer under the queue', () => {
  expect(photoPath('shopper', { id: 7, orderId: 42 }, 3)).toBe('/cart-order/orders/42/after-sales/7/photos/3');
  expect(photoPath('operator', { id: 7, orderId: 42 }, 3)).toBe('/cart-order/operator/after-sales/7/photos/3');
});

test('a refused photo is said by cart-order’s problem type, anything else as a failure to try again', () => {
  expect(photoProblem({ type: 'https://quarkmall.io/problems/not-a-photo' })).toBe('not-a-photo');
  expect(photoProblem({ type: 'https://quarkmall.io/problems/too-many-photos' })).toBe('too-many-photos');
  expect(photoProblem({ type: 'photo-size' })).toBe('photo-size');
  expect(photoProblem({ type: 'https://quarkmall.io/problems/idempotency-key-reused' })).toBe('failed');
  expect(photoProblem(new Error('network'))).toBe('failed');
  expect(photoProblem(null)).toBe('failed');
});
