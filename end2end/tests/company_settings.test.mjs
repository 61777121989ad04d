// The company settings form after a save: drawn afresh with the values as stored, the focus back
// on its "Gravar".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, signIn, DEMO_USERS, eventually, waitForFocus } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin] = DEMO_USERS;

test('a saved setting reads as stored ("7500" becomes "7.500,00") and the focus stays on Gravar', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/empresa');
  const limit = page.getByLabel('Limite de crédito pré-aprovado (R$)');
  const was = await limit.inputValue();
  const [typed, shown] = was === '7.500,00' ? ['8500', '8.500,00'] : ['7500', '7.500,00'];
  await limit.fill(typed);
  await page.getByRole('button', { name: 'Gravar configurações' }).click();
  // Drawn afresh (a field redrawn in place would keep what was typed), then the focus returns.
  await eventually(async () => assert.equal(await limit.inputValue(), shown));
  await waitForFocus(page.getByRole('button', { name: 'Gravar configurações' }));

  // As it was, for the other tests.
  await page.getByLabel('Limite de crédito pré-aprovado (R$)').fill(was);
  const restored = page.waitForResponse((r) => r.url().includes('save_company_settings'));
  await page.getByRole('button', { name: 'Gravar configurações' }).click();
  assert.equal((await restored).status(), 200);
  await page.context().close();
});
