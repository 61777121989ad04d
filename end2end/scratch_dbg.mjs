import { launch, newPage, open, signIn, DEMO_USERS } from './tests/helpers.mjs';
const browser = await launch();
const page = await newPage(browser);
page.on('console', (m) => console.log('console:', m.type(), m.text()));
await signIn(page, DEMO_USERS[0]);
await open(page, '/tabelas/regioes');
await page.getByLabel('Código').fill('DBG' + Date.now() % 10000);
await page.getByLabel('Descrição').fill('Depuração');
await page.getByRole('button', { name: 'Incluir' }).click();
await page.getByRole('cell', { name: 'Depuração' }).first().waitFor();
for (let i = 0; i < 5; i++) {
  const st = await page.evaluate(() => [...document.querySelectorAll('[role=status]')].map((e) => e.outerHTML));
  console.log(i, JSON.stringify(st));
  await page.waitForTimeout(300);
}
await page.screenshot({ path: '/tmp/dbg.png' });
await browser.close();
