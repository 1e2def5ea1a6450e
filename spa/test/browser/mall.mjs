// What every browser test shares: Debian's Chromium driven by playwright-core, the mall's URL,
// signing in through the real Keycloak login page, and screenshots kept as test artifacts.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MALL = process.env.MALL_URL ?? 'http://localhost:8080';
export const SCREENSHOTS = path.resolve(fileURLToPath(import.meta.url), '../../../test-results/screenshots');

/** A name in English or in Chinese, as the reader's language gives it, at the start of the text. */
export const either = (en, zh) => new RegExp(`^\\s*(${en}|${zh})`);
/** The whole accessible name, for a name other tests' data may begin with (a tab called Stock beside a product called Stock test). */
export const exactly = (en, zh) => new RegExp(`^\\s*(${en}|${zh})\\s*$`);

/** Each test file's runs: a phone in Chinese and a desktop in English. */
export const RUNS = [
  { viewport: 'phone', locale: 'zh-CN' },
  { viewport: 'desktop', locale: 'en-US' },
];

/** The two viewports the shop must be usable on. */
export const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1440, height: 900 } },
};

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('bash', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('No Chromium found: run spa/test/browser/install-chromium.sh (Debian package chromium) or set CHROMIUM_PATH');
  }
}

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh browser profile (no cookies, no Keycloak session) with the viewport's size, in English or Chinese. */
export async function newPage(browser, viewportName, locale = 'en-US') {
  const context = await browser.newContext({ ...VIEWPORTS[viewportName], locale });
  context.setDefaultTimeout(20_000); // the pages it opens too (a wallet in a new tab)
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const failures = [];
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  // The shop runs under a Content-Security-Policy: anything it blocks is a defect of the page.
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) failures.push(`CSP: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 500) failures.push(`${r.status()} from ${r.url()}`); });
  page.failures = failures;
  return page;
}

/** {@code promise}, or a failure naming {@code what} after {@code ms}: for the calls Playwright does not time out (evaluate, close). */
export async function within(ms, what, promise) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms); });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Saves a screenshot of the screen and audits it: its accessibility problems count as the page's failures. */
export async function shot(page, viewportName, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${viewportName}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  for (const problem of await within(30_000, `the accessibility audit of ${name}`, accessibilityProblems(page))) {
    page.failures.push(`${name}: ${problem}`);
  }
  return file;
}

/** Signs in as a demo user through the shop's button and Keycloak's own login form. */
export async function signIn(page, user) {
  await page.getByRole('button', { name: /^(Sign in|登录)$/ }).first().click();
  await page.waitForURL(/\/realms\/quarkmall\/protocol\/openid-connect\/auth/);
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(user);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.origin === new URL(MALL).origin && !url.pathname.startsWith('/auth/'));
  await page.getByRole('button', { name: new RegExp(`\\(${user}\\)`) }).waitFor();
}

/** A name no earlier run used, so searches find this run's product only. */
export function marker() {
  return Math.random().toString(36).slice(2, 8);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The page's serious and critical accessibility problems by axe-core's WCAG 2.1 A/AA rules
 * (contrast, names of controls, labels, landmarks), as "rule: target" lines; empty when none.
 */
export async function accessibilityProblems(page) {
  // Evaluated through the DevTools protocol, not as a <script> the shop's CSP would rightly refuse.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
  return violations;
}
