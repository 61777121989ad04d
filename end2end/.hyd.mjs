import { chromium } from 'playwright-core';
const BASE = 'http://127.0.0.1:3000';
const paths = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const ctx0 = await browser.newContext();
const r = await ctx0.request.post(`${BASE}/api/sign_in`, { headers: { Origin: BASE, Accept: 'application/json' }, form: { email: 'admin@demo.clientela.app', password: 'Admin@2026' } });
const state = await ctx0.storageState();
for (const path of paths) {
  let fail = 0; const N = Number(process.env.N ?? 15);
  for (let i = 0; i < N; i++) {
    const ctx = await browser.newContext({ storageState: state });
    const page = await ctx.newPage();
    let err = null;
    page.on('pageerror', (e) => { err = e.message; });
    await page.goto(BASE + path);
    try { await page.waitForSelector('body[data-hydrated="true"]', { timeout: 10000 }); } catch { fail++; }
    if (err) console.log(path, 'error:', err.slice(0, 80));
    await ctx.close();
  }
  console.log(path, `${fail}/${N} failed to hydrate`);
}
await browser.close();
