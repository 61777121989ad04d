// Dates on the customer record as Brazilians type them, whatever the browser's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, reload, signIn, DEMO_USERS, assertBeside, openTab } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [, clerk] = DEMO_USERS;
const history = (page) => page.getByRole('table', { name: 'Histórico de alterações' });

test('issue 10 item 14: in an English-speaking browser the date reads and takes dd/mm/aaaa; an impossible date is refused beside the field', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  assert.equal(await page.evaluate(() => navigator.language), 'en-US');
  await signIn(page, clerk);
  await open(page, '/clientes/23');
  const date = page.getByLabel('Cadastro válido até');
  assert.equal(await date.getAttribute('placeholder'), 'dd/mm/aaaa');
  assert.equal(await date.getAttribute('inputmode'), 'numeric');
  await date.fill('');
  await date.pressSequentially('31122027');
  assert.equal(await date.inputValue(), '31/12/2027');
  await page.getByRole('button', { name: 'Gravar' }).click();
  await page.getByRole('status').filter({ hasText: 'Alterações gravadas.' }).waitFor();
  await reload(page);
  assert.equal(await date.inputValue(), '31/12/2027');
  await openTab(page, 'Histórico');
  await history(page).getByRole('row', { name: /Cadastro válido até.*31\/12\/2027/ }).waitFor();
  await openTab(page, 'Dados gerais');

  await date.fill('');
  await date.pressSequentially('31/02/2027');
  assert.equal(await date.inputValue(), '31/02/2027');
  await page.getByRole('button', { name: 'Gravar' }).click();
  const error = page.getByRole('alert').filter({ hasText: 'Data inexistente: confira o dia e o mês.' });
  await error.waitFor();
  await assertBeside(error, date);
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  // Typed as often written, without the zeros: the slashes fill them in.
  await date.fill('');
  await date.pressSequentially('5/1/2028');
  assert.equal(await date.inputValue(), '05/01/2028');
  // Jotted with a two-digit year: written out once the field is left.
  await date.fill('');
  await date.pressSequentially('1/3/26');
  assert.equal(await date.inputValue(), '01/03/26');
  await date.press('Tab');
  assert.equal(await date.inputValue(), '01/03/2026');
  await reload(page);
  assert.equal(await date.inputValue(), '31/12/2027');
  await context.close();
});
