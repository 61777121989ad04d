// Leaving a form with changes not saved (a customer's, a table's, the company settings) asks first;
// tabs of the same record, a form with nothing changed and a form just saved leave without asking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, signIn, DEMO_USERS, eventually, selectedLabel } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [, clerk] = DEMO_USERS;
const RECORD = '/clientes/27';
const QUESTION = 'Há alterações não gravadas neste cliente. Sair sem gravar? As alterações serão perdidas.';

// Answers the next question with `accept`, and returns what was asked (or null if nothing was).
function answerNextQuestion(page, accept) {
  const asked = { message: null };
  page.once('dialog', async (dialog) => {
    asked.message = dialog.message();
    await (accept ? dialog.accept() : dialog.dismiss());
  });
  return asked;
}

test('a link away from a customer with unsaved changes asks first; staying keeps what was typed', async () => {
  const page = await newPage(browser);
  await signIn(page, clerk);
  await open(page, RECORD);
  const tradeName = page.getByLabel('Nome fantasia');
  const typed = `Fantasia não gravada ${Date.now().toString(36)}`;
  await tradeName.fill(typed);

  // Another tab of the same record keeps the form: nothing to ask.
  const tabs = page.getByRole('navigation', { name: 'Seções do cliente' });
  const noQuestion = answerNextQuestion(page, true);
  await tabs.getByRole('link', { name: 'Endereços' }).click();
  await page.waitForURL(/aba=enderecos/);
  await tabs.getByRole('link', { name: 'Dados gerais' }).click();
  await page.waitForURL((url) => !url.search.includes('aba='));
  assert.equal(noQuestion.message, null, 'switching tabs asks nothing');
  page.removeAllListeners('dialog');
  assert.equal(await tradeName.inputValue(), typed);

  // Staying: still on the record, the change still there.
  const stay = answerNextQuestion(page, false);
  await page.getByRole('link', { name: 'Voltar à lista' }).click();
  await eventually(async () => assert.equal(stay.message, QUESTION));
  assert.match(new URL(page.url()).pathname, /^\/clientes\/27$/);
  assert.equal(await tradeName.inputValue(), typed);

  // Leaving: the list, and nothing was saved.
  const leave = answerNextQuestion(page, true);
  await page.getByRole('link', { name: 'Voltar à lista' }).click();
  await page.waitForURL((url) => url.pathname === '/clientes');
  assert.equal(leave.message, QUESTION);
  await open(page, RECORD);
  assert.notEqual(await page.getByLabel('Nome fantasia').inputValue(), typed, 'leaving saved nothing');
  await page.context().close();
});

test('a customer with nothing changed, or just saved, is left without a question', async () => {
  const page = await newPage(browser);
  await signIn(page, clerk);
  await open(page, RECORD);
  const asked = answerNextQuestion(page, true);
  await page.getByRole('link', { name: 'Voltar à lista' }).click();
  await page.waitForURL((url) => url.pathname === '/clientes');
  assert.equal(asked.message, null, 'an untouched form asks nothing');
  page.removeAllListeners('dialog');

  await open(page, RECORD);
  const phones = page.getByLabel('Telefones');
  const digits = String(Date.now()).slice(-7);
  await phones.fill(`(51) 3${digits.slice(0, 3)}-${digits.slice(3)}`);
  await page.getByRole('button', { name: 'Gravar' }).click();
  await page.getByRole('status').filter({ hasText: 'Alterações gravadas.' }).waitFor();
  const afterSave = answerNextQuestion(page, true);
  await page.getByRole('link', { name: 'Voltar à lista' }).click();
  await page.waitForURL((url) => url.pathname === '/clientes');
  assert.equal(afterSave.message, null, 'a saved form asks nothing');
  await page.context().close();
});

test('Back or Forward within the app, and switching company, with unsaved changes ask first too', async () => {
  const page = await newPage(browser);
  await signIn(page, clerk);
  await open(page, RECORD);
  // Some history within the app: the list, then Back to the record.
  await page.getByRole('link', { name: 'Voltar à lista' }).click();
  await page.waitForURL((url) => url.pathname === '/clientes');
  await page.evaluate(() => history.back());
  await page.waitForURL((url) => url.pathname === '/clientes/27');
  const tradeName = page.getByLabel('Nome fantasia');
  const typed = `Fantasia não gravada ${Date.now().toString(36)}`;
  await tradeName.fill(typed);

  // Forward to the list: asked; staying puts the record's address back, the change still there.
  const stay = answerNextQuestion(page, false);
  await page.evaluate(() => history.forward());
  await eventually(async () => assert.equal(stay.message, QUESTION));
  await page.waitForURL((url) => url.pathname === '/clientes/27');
  assert.equal(await tradeName.inputValue(), typed);

  // The company switch in the top bar: asked; staying sends nothing and keeps the change.
  const switches = [];
  page.on('request', (request) => { if (request.url().includes('switch_company')) switches.push(request.url()); });
  const switcher = page.getByLabel('Empresa', { exact: true });
  const current = await selectedLabel(switcher);
  const other = (await switcher.locator('option').allTextContents()).find((name) => name !== current);
  await switcher.selectOption({ label: other });
  const keep = answerNextQuestion(page, false);
  await page.getByRole('button', { name: 'Trocar empresa' }).click();
  await eventually(async () => assert.equal(keep.message, QUESTION));
  assert.deepEqual(switches, [], 'the company was not switched');
  // The switch shows the company the page is still in.
  await eventually(async () => assert.equal(await selectedLabel(switcher), current));
  assert.equal(await tradeName.inputValue(), typed);
  await page.context().close();
});

// The top bar's "Clientes": "Voltar à lista" is on the general tab only.
const toList = (page) => page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Clientes', exact: true }).click();

test('the other tabs own forms (sales defaults, an address being typed, ledger accounts) ask before leaving too; saved, they do not', async () => {
  const [admin] = DEMO_USERS;
  const page = await newPage(browser);
  await signIn(page, admin);
  const record = '/clientes/52';
  await open(page, `${record}?aba=vendas`);
  const maxDiscount = page.getByLabel('Desconto máximo (%)');
  const before = await maxDiscount.inputValue();
  const typed = before === '7,5' ? '8' : '7,5';
  await maxDiscount.fill(typed);
  const stay = answerNextQuestion(page, false);
  await toList(page);
  await eventually(async () => assert.equal(stay.message, QUESTION));
  assert.equal(new URL(page.url()).pathname, record);
  assert.equal(await maxDiscount.inputValue(), typed);

  // Saved, the sales tab is drawn afresh: nothing left to lose.
  await page.getByRole('button', { name: 'Gravar padrão para vendas' }).click();
  await page.getByRole('status').filter({ hasText: 'Padrão para vendas gravado.' }).waitFor();
  const tabs = page.getByRole('navigation', { name: 'Seções do cliente' });

  // A new address half typed.
  await tabs.getByRole('link', { name: 'Endereços' }).click();
  await page.waitForURL(/aba=enderecos/);
  await page.getByRole('button', { name: 'Novo endereço' }).click();
  await page.getByLabel('Logradouro').fill('Rua que não foi gravada');
  const keep = answerNextQuestion(page, false);
  await toList(page);
  await eventually(async () => assert.equal(keep.message, QUESTION));
  assert.equal(await page.getByLabel('Logradouro').inputValue(), 'Rua que não foi gravada');
  // Cancelled, the form is gone and so is the question.
  await page.getByRole('button', { name: 'Cancelar' }).click();

  // A ledger account typed.
  await tabs.getByRole('link', { name: 'Contas contábeis' }).click();
  await page.waitForURL(/aba=contas/);
  const account = page.getByLabel('Conta contábil', { exact: true });
  await account.fill(`${await account.inputValue()}9`);
  const leave = answerNextQuestion(page, true);
  await toList(page);
  await page.waitForURL((url) => url.pathname === '/clientes');
  assert.equal(leave.message, QUESTION, 'asked once for the ledger account');
  page.removeAllListeners('dialog');

  // The sales tab kept what was saved; nothing typed elsewhere was.
  const none = answerNextQuestion(page, true);
  await open(page, `${record}?aba=vendas`);
  // Shown with its decimals ("7,50", "8,00").
  const shown = await page.getByLabel('Desconto máximo (%)').inputValue();
  assert.equal(shown.replace(/,?0*$/, ''), typed);
  await toList(page);
  await page.waitForURL((url) => url.pathname === '/clientes');
  assert.equal(none.message, null, 'a record opened and left untouched asks nothing');
  await page.context().close();
});

test('a table entry or the company settings typed and not saved ask before leaving, in their own words', async () => {
  const [admin] = DEMO_USERS;
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/tabelas/grupos');
  await page.getByLabel('Código').fill('NAOGRAV');
  const stay = answerNextQuestion(page, false);
  await toList(page);
  await eventually(async () => assert.equal(stay.message, 'Há alterações não gravadas nesta tabela. Sair sem gravar? As alterações serão perdidas.'));
  assert.equal(await page.getByLabel('Código').inputValue(), 'NAOGRAV');

  // Included, the form is empty again: nothing left to lose.
  const code = `G${Date.now() % 1_000_000}`;
  await page.getByLabel('Código').fill(code);
  await page.getByLabel('Descrição').fill('Grupo incluído antes de sair');
  await page.getByRole('button', { name: 'Incluir' }).click();
  await page.getByRole('status').filter({ hasText: `${code} incluído.` }).waitFor();
  const none = answerNextQuestion(page, true);
  await toList(page);
  await page.waitForURL((url) => url.pathname === '/clientes');
  assert.equal(none.message, null, 'an included entry asks nothing');
  page.removeAllListeners('dialog');

  await open(page, '/empresa');
  const fee = page.getByLabel('Multa (%)');
  await fee.fill((await fee.inputValue()) === '2,5' ? '3' : '2,5');
  const leave = answerNextQuestion(page, true);
  await toList(page);
  await page.waitForURL((url) => url.pathname === '/clientes');
  assert.equal(leave.message, 'Há alterações não gravadas nas configurações da empresa. Sair sem gravar? As alterações serão perdidas.');
  await page.context().close();
});
