// A phone on a slow mobile network, cold cache and then a second visit: how long until the sign-in page and the
// customer list show something and until they answer input; and, from a cold cache, signing in on the sign-in page
// (which runs no WebAssembly and prefetches it, app/src/shell.rs) until the home page after it answers input; and from
// the list, the tap on a customer until the record is drawn.
// Not a test: it prints figures.
// Usage (scripts/bench-phone.sh starts a server): LEPTOS_SITE_ADDR=host:port node end2end/bench-phone.mjs [runs]
import { chromium } from 'playwright-core';

const BASE_URL = process.env.CLIENTELA_BASE_URL ?? `http://${process.env.LEPTOS_SITE_ADDR ?? '127.0.0.1:3000'}`;
const RUNS = Number(process.argv[2] ?? 5);
const ADMIN = { email: 'admin@demo.clientela.app', password: 'Admin@2026' };
const GOAL_INTERACTIVE_MS = 2500;
// CLIENTELA_BENCH_IDENTITY=1: ask for no compression, as the server answered before issue 10.
const IDENTITY = process.env.CLIENTELA_BENCH_IDENTITY === '1';

// Chrome DevTools' "Slow 4G" preset (front_end/core/sdk/NetworkManager.ts, Slow4GConditions,
// the preset called "Fast 3G" until May 2024): ~1.6 Mbit/s down and ~0.75 Mbit/s up, each
// × 0.9, and 150 ms RTT × 3.75 = 562.5 ms latency. Throughputs in bytes per second.
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9,
  uploadThroughput: (750 * 1000 / 8) * 0.9,
};
// DevTools' "4× slowdown", as Lighthouse's mobile profile uses.
const CPU_SLOWDOWN = 4;

const PAGES = [
  { name: 'entrar (sign-in)', path: '/entrar', signedIn: false },
  { name: 'clientes (list)', path: '/clientes', signedIn: true },
];

// Records, inside the page, the moment it answers input: hydration marks <body> (app/src/lib.rs),
// or, on a page sent without the WebAssembly, its own script does (app/src/script_free.js).
const HYDRATION_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.body && (document.body.dataset.hydrated === 'true' || document.body.dataset.ready === 'true')) {
      window.__hydratedAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-hydrated', 'data-ready'] });
`;

async function signIn(context) {
  const response = await context.request.post(`${BASE_URL}/api/sign_in`, {
    headers: { Origin: BASE_URL, Accept: 'application/json' },
    form: { email: ADMIN.email, password: ADMIN.password },
  });
  if (!response.ok()) throw new Error(`sign-in answered ${response.status()}: ${await response.text()}`);
}

// One visit: bytes over the network (cache hits count nothing), first paint and hydration,
// each measured from that navigation's start.
async function visit(page, cdp, target) {
  let bytes = 0;
  const count = (e) => { bytes += e.encodedDataLength; };
  cdp.on('Network.loadingFinished', count);
  let failed = null;
  const onError = (error) => { failed = error.message; };
  page.on('pageerror', onError);
  try {
    await page.goto(`${BASE_URL}${target.path}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__hydratedAt !== undefined, null, { timeout: 120_000, polling: 50 });
    // A page without WebAssembly can be ready before its first paint is recorded.
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 120_000, polling: 50 });
    if (failed) throw new Error(`${target.path}: ${failed}`);
    if (!page.url().endsWith(target.path)) throw new Error(`${target.path} ended at ${page.url()}`);
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      hydrated: window.__hydratedAt,
    }));
    // Let in-flight requests of the load finish counting.
    await page.waitForLoadState('load');
    return { bytes, ...timing };
  } finally {
    cdp.off('Network.loadingFinished', count);
    page.off('pageerror', onError);
  }
}

// A fresh browser profile the size of a phone, in Portuguese: nothing cached, no cookie.
const phoneContext = (browser) => browser.newContext({
  viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  locale: 'pt-BR',
});

// A page of `context` with the hydration probe, an empty cache, Slow 4G and the slower CPU.
async function throttledPage(context) {
  await context.addInitScript(HYDRATION_PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { page, cdp };
}

// The page's WebAssembly downloads: how many were asked for, and a wait until none is on its way.
function wasmDownloads(cdp) {
  const pending = new Set();
  let asked = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.endsWith('.wasm')) { pending.add(e.requestId); asked += 1; }
  });
  cdp.on('Network.loadingFinished', (e) => pending.delete(e.requestId));
  cdp.on('Network.loadingFailed', (e) => pending.delete(e.requestId));
  return {
    asked: () => asked,
    // Until `enough()` holds and nothing is on its way.
    async settled(enough = () => true) {
      const deadline = Date.now() + 120_000;
      while (!(enough() && pending.size === 0)) {
        if (Date.now() > deadline) throw new Error('WebAssembly downloads still on their way after 120 s');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

// A first visit with an empty cache, then the same page again with what the first one cached
// (the bundle's hashed files are kept a year, server/src/caching.rs): a salesperson's every day.
async function measure(browser, target) {
  const context = await phoneContext(browser);
  try {
    // Unthrottled and before any page: only the session cookie carries over to the timed load.
    if (target.signedIn) await signIn(context);
    const { page, cdp } = await throttledPage(context);
    if (IDENTITY) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    const downloads = wasmDownloads(cdp);
    const cold = await visit(page, cdp, target);
    // The next day's visit: what the first one fetched in the background (the list fetches the
    // record's part once idle) is in the cache by then, not still on its way.
    await downloads.settled();
    const again = await visit(page, cdp, target);
    return { cold, again };
  } finally {
    await context.close();
  }
}

// A first-time user: the sign-in page with an empty cache; once it has prefetched the main
// WebAssembly part (a person takes longer than that to type an e-mail and a password), the form
// is sent and the home page it lands on is timed from the tap on "Entrar".
async function signInThenHome(browser) {
  const context = await phoneContext(browser);
  try {
    const { page, cdp } = await throttledPage(context);
    const wasmIds = new Set();
    cdp.on('Network.requestWillBeSent', (e) => { if (e.request.url.endsWith('.wasm')) wasmIds.add(e.requestId); });
    const prefetched = new Promise((resolve) => {
      cdp.on('Network.loadingFinished', (e) => { if (wasmIds.has(e.requestId)) resolve(); });
    });
    await page.goto(`${BASE_URL}/entrar`, { waitUntil: 'commit' });
    await prefetched;
    const prefetchedAt = await page.evaluate(() => performance.now());
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Senha', { exact: true }).fill(ADMIN.password);
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
    const tappedAt = Date.now();
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    await page.waitForURL(`${BASE_URL}/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__hydratedAt !== undefined, null, { timeout: 120_000, polling: 50 });
    const at = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      hydrated: window.__hydratedAt,
    }));
    await page.waitForLoadState('load');
    return {
      prefetchedAt,
      bytes,
      fcp: at.origin + at.fcp - tappedAt,
      hydrated: at.origin + at.hydrated - tappedAt,
    };
  } finally {
    await context.close();
  }
}

// A salesperson's next step: on the list (its first visit, cold), the tap on a customer. The record
// is a lazily loaded part (app/src/lazy_routes.rs) drawn in the page, with no reload: timed from the
// tap until its form is drawn, with the bytes that cost. Tapped as soon as the list answers input,
// or (`afterPrefetch`) once the list has fetched the record's part in the background.
async function listThenRecord(browser, afterPrefetch) {
  const context = await phoneContext(browser);
  try {
    await signIn(context);
    const { page, cdp } = await throttledPage(context);
    const downloads = wasmDownloads(cdp);
    await page.goto(`${BASE_URL}/clientes`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__hydratedAt !== undefined, null, { timeout: 120_000, polling: 50 });
    await page.waitForLoadState('load');
    let prefetchedAt = NaN;
    if (afterPrefetch) {
      await downloads.settled(() => downloads.asked() > 1);
      prefetchedAt = await page.evaluate(() => performance.now());
    }
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
    const link = page.getByRole('link', { name: /^\d+$/ }).first();
    const code = (await link.textContent()).trim();
    const tappedAt = await page.evaluate(() => performance.now());
    await link.click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Cliente ${code} - `) }).waitFor({ timeout: 120_000 });
    await page.getByLabel('Razão social / Nome').waitFor({ timeout: 120_000 });
    const drawnAt = await page.evaluate(() => performance.now());
    return { bytes, drawn: drawnAt - tappedAt, prefetchedAt };
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
console.log(`${BASE_URL}: Slow 4G (${SLOW_4G.latency} ms, ${(SLOW_4G.downloadThroughput * 8 / 1e6).toFixed(2)} Mbit/s down), CPU ${CPU_SLOWDOWN}× slower, cold cache then a second visit${IDENTITY ? ', no compression' : ''}, median of ${RUNS}`);
console.log('page                 transferred    first paint   interactive (hydrated, or ready without WebAssembly)');
let allWithinGoal = true;
try {
  for (const target of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, target));
    for (const [label, which] of [[target.name, 'cold'], ['  2ª visita (cache)', 'again']]) {
      const visits = runs.map((run) => run[which]);
      const bytes = median(visits.map((r) => r.bytes));
      const fcp = median(visits.map((r) => r.fcp));
      const hydrated = median(visits.map((r) => r.hydrated));
      // The goal is the first visit's: what a phone pays before its first tap.
      if (which === 'cold') allWithinGoal &&= hydrated <= GOAL_INTERACTIVE_MS;
      console.log(
        `${label.padEnd(20)} ${(bytes / 1024).toFixed(0).padStart(7)} KiB ${fcp.toFixed(0).padStart(10)} ms ${hydrated.toFixed(0).padStart(10)} ms` +
        `   (runs: ${visits.map((r) => r.hydrated.toFixed(0)).join(', ')} ms)`,
      );
    }
  }
  const flows = [];
  for (let i = 0; i < RUNS; i++) flows.push(await signInThenHome(browser));
  console.log(
    `${'início após entrar'.padEnd(20)} ${(median(flows.map((r) => r.bytes)) / 1024).toFixed(0).padStart(7)} KiB ` +
    `${median(flows.map((r) => r.fcp)).toFixed(0).padStart(10)} ms ${median(flows.map((r) => r.hydrated)).toFixed(0).padStart(10)} ms` +
    `   (from the tap on Entrar; the sign-in page had prefetched the main part ${median(flows.map((r) => r.prefetchedAt)).toFixed(0)} ms after it was asked for)`,
  );
  for (const afterPrefetch of [false, true]) {
    const records = [];
    for (let i = 0; i < RUNS; i++) records.push(await listThenRecord(browser, afterPrefetch));
    const label = afterPrefetch ? '  lista já ociosa' : 'ficha após a lista';
    const when = afterPrefetch
      ? `tapped once the list had fetched the record's part, ${median(records.map((r) => r.prefetchedAt)).toFixed(0)} ms after it was asked for`
      : 'tapped as soon as the list answers input';
    console.log(
      `${label.padEnd(20)} ${(median(records.map((r) => r.bytes)) / 1024).toFixed(0).padStart(7)} KiB ${'—'.padStart(10)}    ` +
      `${median(records.map((r) => r.drawn)).toFixed(0).padStart(10)} ms   (from the tap on a customer until its form is drawn, ${when}; ` +
      `runs: ${records.map((r) => r.drawn.toFixed(0)).join(', ')} ms)`,
    );
  }
} finally {
  await browser.close();
}
console.log(`goal (first visit): interactive ≤ ${GOAL_INTERACTIVE_MS} ms: ${allWithinGoal ? 'met' : 'NOT met'}`);
