// Issue 11: the record's "Contas contábeis" tab in Chromium (R-SALES-12, R-PERM-1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, reload, signIn, DEMO_USERS, assertBeside, openTab, eventually } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [, clerk, finance] = DEMO_USERS;
// A demo customer no other end-to-end test edits.
const RECORD = '/clientes/31';
const tab = (page) => page.getByRole('region', { name: 'Contas contábeis' });

test('issue 11: the clerk sees the ledger accounts read-only; the financial user corrects one and generates the doubtful-debt accounts', async () => {
  const page = await newPage(browser);
  await signIn(page, clerk);
  await open(page, RECORD);
  await openTab(page, 'Contas contábeis');
  assert.match(page.url(), /\?aba=contas$/);
  await tab(page).getByRole('note').filter({ hasText: 'Somente leitura' }).waitFor();
  // R-SALES-12: suggested from the company's chart and the customer's code.
  assert.equal(await tab(page).getByLabel('Conta contábil', { exact: true }).inputValue(), '0101.00031');
  assert.equal(await tab(page).getByLabel('Conta contábil', { exact: true }).getAttribute('readonly'), '');
  assert.equal(await tab(page).getByRole('button').count(), 0);
  await page.context().close();

  const other = await newPage(browser);
  await signIn(other, finance);
  await open(other, `${RECORD}?aba=contas`);
  const form = tab(other);
  await form.getByLabel('Conta contábil real').fill('1.1.02.01/31');
  await form.getByRole('button', { name: 'Gravar contas contábeis' }).click();
  const message = form.getByRole('alert').filter({ hasText: 'Use só letras, números, ponto e hífen' });
  await message.waitFor();
  await assertBeside(message, form.getByLabel('Conta contábil real'));
  await form.getByLabel('Conta contábil real').fill('1.1.02.01.00031');
  await form.getByLabel('Conta despesa/receita').fill('3.1.01.009');
  await form.getByRole('button', { name: 'Gravar contas contábeis' }).click();
  await form.getByRole('status').filter({ hasText: 'Contas contábeis gravadas.' }).waitFor();

  // The tests may run again on the same database: generate only once.
  const generateButton = tab(other).getByRole('button', { name: 'Gerar conta de devedores duvidosos' });
  if (await generateButton.count()) {
    await generateButton.click();
    await tab(other).getByRole('status').filter({ hasText: 'Conta de devedores duvidosos gerada.' }).waitFor();
  }
  await reload(other);
  const doubtful = tab(other).locator('.ledger-doubtful dd');
  assert.match(await doubtful.nth(0).textContent(), /^DD\d{5}$/);
  assert.match(await doubtful.nth(1).textContent(), /^1\.1\.01\.02\.\d{5}$/);
  await tab(other).getByText('O cliente já tem conta de devedores duvidosos nesta empresa.').waitFor();
  const generated = (await doubtful.nth(0).textContent()).trim();
  assert.equal(await tab(other).getByLabel('Conta despesa/receita').inputValue(), '3.1.01.009');

  await openTab(other, 'Histórico');
  const history = other.getByRole('table', { name: 'Histórico de alterações' });
  await history.getByRole('row', { name: /Fernanda Financeiro.*Conta devedores duvidosos.*DD\d{5}/ }).first().waitFor();

  // The generated accounts joined the chart as analytic accounts named after the customer.
  await open(other, '/tabelas/contas-gerenciais');
  const chart = other.getByRole('table', { name: 'Contas contábeis gerenciais' });
  const entry = chart.getByRole('row', { name: new RegExp(generated) });
  await entry.waitFor();
  assert.match(await entry.textContent(), /Analítica.*1\.1\.01\.02\.\d{5}/);
  await other.context().close();
});

test('issue 11: the administrator keeps the chart of accounts; a link to a real account of the other nature is named beside its field, an account in use is not deleted (R-SALES-12)', async () => {
  const page = await newPage(browser);
  await signIn(page, DEMO_USERS[0]);
  await open(page, '/tabelas');
  await page.getByRole('list', { name: 'Plano de contas' }).getByRole('link', { name: 'Contas contábeis gerenciais' }).click();
  await page.getByRole('heading', { name: 'Contas contábeis gerenciais', level: 1 }).waitFor();
  const chart = page.getByRole('table', { name: 'Contas contábeis gerenciais' });
  assert.match(await chart.getByRole('row', { name: /0100053/ }).textContent(), /DEVEDORES DUVIDOSOS.*Sintética.*1\.1\.01\.02\.00000/);

  const code = `T${Date.now() % 100_000_000}`;
  await page.getByLabel('Código').fill(code);
  await page.getByLabel('Descrição').fill('Conta de teste');
  await page.getByLabel('Tipo').selectOption({ label: 'Analítica' });
  await page.getByLabel('Conta real vinculada').fill('1.1.01.02.00000');
  await page.getByRole('button', { name: 'Incluir' }).click();
  const wrong = page.getByRole('alert').filter({ hasText: 'é sintética: vincule uma conta analítica' });
  await wrong.waitFor();
  await assertBeside(wrong, page.getByLabel('Conta real vinculada'));
  await page.getByLabel('Conta real vinculada').fill('3.1.01.001');
  await page.getByRole('button', { name: 'Incluir' }).click();
  const row = chart.getByRole('row', { name: new RegExp(code) });
  await row.waitFor();
  await page.getByRole('status').filter({ hasText: `${code} incluído.` }).waitFor();
  assert.match(await row.textContent(), /Analítica.*3\.1\.01\.001/);

  // The company's settings hang the doubtful-debt accounts under 0100053: it stays. The server,
  // asked as the dialog opens, says why before anything is confirmed, and nothing is offered
  // that would fail.
  await page.getByRole('button', { name: 'Excluir 0100053' }).click();
  const dialog = page.getByRole('dialog', { name: /^Não é possível excluir 0100053 - / });
  await dialog.getByText('Não pode ser excluída, está em uso: configurações da empresa.', { exact: false }).waitFor();
  assert.equal(await dialog.getByRole('button', { name: 'Excluir', exact: true }).isVisible(), false);
  await dialog.getByRole('button', { name: 'Fechar' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await chart.getByRole('row', { name: /0100053/ }).waitFor();
  await page.context().close();
});
