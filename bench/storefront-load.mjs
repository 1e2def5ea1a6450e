// How fast the storefront's home page shows its first products in headless Chromium, through the
// edge of a running mall, with an empty browser cache (a first visit) and a warm one (a return
// visit, hashed assets from cache, index.html revalidated). Prints the figures and how to reproduce.
//
//   ./mall up && node bench/storefront-load.mjs [loads=20]
//
// Uses the spa's playwright-core and Debian's chromium (spa/test/browser/install-chromium.sh).
import { launch, MALL } from '../spa/test/browser/mall.mjs';
import { readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const LOADS = Number(process.argv[2] ?? 20);

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timeToFirstTile(page) {
  const began = performance.now();
  await page.goto(MALL, { waitUntil: 'commit' });
  await page.locator('.tile, .notice').first().waitFor({ timeout: 30_000 });
  return performance.now() - began;
}

const browser = await launch();
const cold = [];
const warm = [];
for (let i = 0; i < LOADS; i++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  cold.push(await timeToFirstTile(page));
  warm.push(await timeToFirstTile(page));
  await context.close();
}
await browser.close();

const assets = new URL('../spa/dist/assets/', import.meta.url);
const sizes = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f)).map((f) => {
  const bytes = readFileSync(new URL(f, assets));
  return `${f}: ${(statSync(new URL(f, assets)).size / 1024).toFixed(0)} KiB (${(gzipSync(bytes).length / 1024).toFixed(0)} KiB gzip)`;
});
const ms = (v) => `${v.toFixed(0)} ms`;
console.log(`storefront home, time to the first product tile, ${LOADS} loads each, phone viewport, ${MALL}`);
console.log(`  first visit (empty cache): median ${ms(percentile(cold, 50))}, p95 ${ms(percentile(cold, 95))}`);
console.log(`  return visit (warm cache): median ${ms(percentile(warm, 50))}, p95 ${ms(percentile(warm, 95))}`);
console.log(`  assets: ${sizes.join('; ')}`);
console.log('reproduce: ./mall up && node bench/storefront-load.mjs ' + LOADS);
