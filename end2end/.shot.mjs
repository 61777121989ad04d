import { chromium } from 'playwright-core';
const BASE = 'http://127.0.0.1:3000';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const [w, h, name] of [[375, 740, 'phone'], [1366, 800, 'desk']]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, locale: 'pt-BR' });
  await ctx.request.post(`${BASE}/api/sign_in`, { headers: { Origin: BASE, Accept: 'application/json' }, form: { email: 'financeiro@demo.clientela.app', password: 'Financeiro@2026' } });
  const page = await ctx.newPage();
  await page.goto(`${BASE}/financeiro/contas-a-receber?situacao=received&cliente=141`);
  await page.waitForSelector('body[data-hydrated="true"]');
  const row = page.getByRole('table', { name: 'Títulos a receber da empresa' }).getByRole('row').nth(1);
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/hyd/${name}-row.png` });
  await row.getByRole('button', { name: /^Baixas de/ }).click();
  await page.getByRole('table', { name: 'Baixas do título' }).waitFor();
  await page.getByRole('table', { name: 'Baixas do título' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/hyd/${name}-baixas.png` });
  await page.goto(`${BASE}/financeiro/contas-a-receber?venc_de=32/01/2026`);
  await page.waitForSelector('body[data-hydrated="true"]');
  await page.screenshot({ path: `/tmp/hyd/${name}-refused.png`, fullPage: name === 'desk' });
  await ctx.close();
}
await browser.close();
