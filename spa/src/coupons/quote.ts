import type { Cart } from '../api';

/**
 * loyalty's quote request for a cart and the chosen coupons, in the order chosen (the order they
 * apply in). Lines no longer for sale are left out, as checkout would refuse them anyway. Cart
 * lines carry no category, so a CATEGORY coupon is quoted as out of scope.
 */
export function quoteRequestOf(cart: Cart, couponIds: number[]) {
  return {
    lines: cart.lines.filter((l) => l.available).map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
    couponIds,
  };
}

/** The chosen coupons after one is ticked or unticked: a new one goes last, as it applies after the others. */
export function toggled(chosen: number[], id: number): number[] {
  return chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id];
}
