import type { Api, ProductView, SkuView } from '../api';
import type { Money } from '../money';

/**
 * The products a sale page names and prices (the regular price beside the sale's). Stock's sales
 * carry a SKU code and catalog has no lookup by SKU, so its listed products are read, newest first,
 * a page at a time until every SKU is found or the list ends.
 */

/** A SKU of a listed product: what the sale page names and prices it by. */
export interface SaleProduct {
  product: ProductView;
  sku: SkuView;
}

/** The listed products' SKUs among {@code skus}, by code. */
export function productsBySku(products: ProductView[], skus: readonly string[]): Map<string, SaleProduct> {
  const wanted = new Set(skus);
  const found = new Map<string, SaleProduct>();
  for (const product of products) {
    for (const sku of product.skus) {
      if (wanted.has(sku.sku) && !found.has(sku.sku)) found.set(sku.sku, { product, sku });
    }
  }
  return found;
}

/** How far below the regular price a sale price is, in whole percent (none when not below, or in another currency). */
export function percentOff(sale: Money, regular: Money): number | null {
  if (sale.currency !== regular.currency || regular.amountMinor <= 0 || sale.amountMinor >= regular.amountMinor) return null;
  return Math.floor(((regular.amountMinor - sale.amountMinor) * 100) / regular.amountMinor);
}

const PAGE = 100;
/** At most this many pages are read: a sale of a SKU listed longer ago is shown by its code. */
export const MOST_PAGES = 10;

/** The listed products holding {@code skus}, read page by page from catalog until all are found. */
export async function findSaleProducts(api: Api, skus: readonly string[]): Promise<Map<string, SaleProduct>> {
  const products: ProductView[] = [];
  for (let page = 0; page < MOST_PAGES; page++) {
    const batch = await api.request<ProductView[]>('/catalog/products', { query: { page, size: PAGE } });
    products.push(...batch);
    if (batch.length < PAGE || productsBySku(products, skus).size === new Set(skus).size) break;
  }
  return productsBySku(products, skus);
}
