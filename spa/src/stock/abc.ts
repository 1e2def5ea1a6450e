import type { RankedSku } from '../api';

export const ABC = ['A', 'B', 'C'] as const;
export const XYZ = ['X', 'Y', 'Z'] as const;

/** One bar of the Pareto chart: a SKU's revenue, its share and the share of it and every SKU ranked above it. */
export interface ParetoBar {
  sku: string;
  revenueMinor: number;
  abcClass: RankedSku['abcClass'];
  /** Percent of the total revenue, one decimal; null when nothing sold. */
  share: number | null;
  cumulative: number | null;
}

const percent = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

/** The SKUs best seller first (ties by code, as the ranking cannot tell them apart), with their shares of revenue. */
export function pareto(ranked: RankedSku[]): { currency: string | null; totalMinor: number; bars: ParetoBar[] } {
  const sorted = [...ranked].sort((a, b) => b.revenue.amountMinor - a.revenue.amountMinor || a.sku.localeCompare(b.sku));
  const totalMinor = sorted.reduce((sum, r) => sum + r.revenue.amountMinor, 0);
  let running = 0;
  const bars = sorted.map((r): ParetoBar => {
    running += r.revenue.amountMinor;
    return {
      sku: r.sku,
      revenueMinor: r.revenue.amountMinor,
      abcClass: r.abcClass,
      share: totalMinor > 0 ? percent(r.revenue.amountMinor, totalMinor) : null,
      cumulative: totalMinor > 0 ? percent(running, totalMinor) : null,
    };
  });
  return { currency: sorted[0]?.revenue.currency ?? null, totalMinor, bars };
}

/** One cell of the ABC × XYZ matrix: how many SKUs fall in it and their revenue. */
export interface MatrixCell {
  abc: (typeof ABC)[number];
  xyz: (typeof XYZ)[number];
  skus: string[];
  revenueMinor: number;
}

/** The nine cells, A·X first and row by row (A, B, C) then column by column (X, Y, Z); empty cells included. */
export function abcXyzMatrix(ranked: RankedSku[]): MatrixCell[] {
  const cells = ABC.flatMap((abc) => XYZ.map((xyz): MatrixCell => ({ abc, xyz, skus: [], revenueMinor: 0 })));
  for (const r of ranked) {
    const cell = cells[ABC.indexOf(r.abcClass) * XYZ.length + XYZ.indexOf(r.xyzClass)];
    cell.skus.push(r.sku);
    cell.revenueMinor += r.revenue.amountMinor;
  }
  return cells;
}
