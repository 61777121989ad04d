// A phone on a slow mobile network, cold cache: how long until the sign-in page and the
// customer list show something and until they answer input. Not a test: it prints figures.
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

// Records, inside the page, the moment hydration marks <body> (app/src/lib.rs).
const HYDRATION_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.body && document.body.dataset.hydrated === 'true') {
      window.__hydratedAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-hydrated'] });
`;

async function signIn(context) {
  const response = await context.request.post(`${BASE_URL}/api/sign_in`, {
    headers: { Origin: BASE_URL, Accept: 'application/json' },
    form: { email: ADMIN.email, password: ADMIN.password },
  });
  if (!response.ok()) throw new Error(`sign-in answered ${response.status()}: ${await response.text()}`);
}

async function measure(browser, target) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    locale: 'pt-BR',
  });
  try {
    // Unthrottled and before any page: only the session cookie carries over to the timed load.
    if (target.signedIn) await signIn(context);
    await context.addInitScript(HYDRATION_PROBE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    if (IDENTITY) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    let bytes = 0;
    const requests = new Map();
    cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
    let failed = null;
    page.on('pageerror', (error) => { failed = error.message; });

    await page.goto(`${BASE_URL}${target.path}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__hydratedAt !== undefined, null, { timeout: 120_000, polling: 50 });
    if (failed) throw new Error(`${target.path}: ${failed}`);
    if (!page.url().endsWith(target.path)) throw new Error(`${target.path} ended at ${page.url()}`);
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      hydrated: window.__hydratedAt,
    }));
    // Let in-flight requests of the load finish counting (each is in `requests`).
    await page.waitForLoadState('load');
    return { bytes, requests: requests.size, ...timing };
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
console.log(`${BASE_URL}: Slow 4G (${SLOW_4G.latency} ms, ${(SLOW_4G.downloadThroughput * 8 / 1e6).toFixed(2)} Mbit/s down), CPU ${CPU_SLOWDOWN}× slower, cold cache${IDENTITY ? ', no compression' : ''}, median of ${RUNS}`);
console.log('page                 transferred    first paint   interactive (hydrated)');
let allWithinGoal = true;
try {
  for (const target of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, target));
    const bytes = median(runs.map((r) => r.bytes));
    const fcp = median(runs.map((r) => r.fcp));
    const hydrated = median(runs.map((r) => r.hydrated));
    allWithinGoal &&= hydrated <= GOAL_INTERACTIVE_MS;
    console.log(
      `${target.name.padEnd(20)} ${(bytes / 1024).toFixed(0).padStart(7)} KiB ${fcp.toFixed(0).padStart(10)} ms ${hydrated.toFixed(0).padStart(10)} ms` +
      `   (runs: ${runs.map((r) => r.hydrated.toFixed(0)).join(', ')} ms)`,
    );
  }
} finally {
  await browser.close();
}
console.log(`goal: interactive ≤ ${GOAL_INTERACTIVE_MS} ms: ${allWithinGoal ? 'met' : 'NOT met'}`);
