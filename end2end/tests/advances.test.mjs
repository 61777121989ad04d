// Issue 12 (R-ADV-1..3): a financial user runs the whole advances cycle in the record's
// "Financeiro" tab — two receivables registered by hand, an advance registered, used on both
// (the second partly), what is left refunded, the statement on screen and as a PDF whose text
// names the customer and the closing balance.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { launch, newPage, open, signIn, assertBeside, eventually, waitForFocus, DEMO_USERS } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [, , finance, salesperson] = DEMO_USERS;

async function pdfText(path) {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)) }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => item.str).join(' '));
  }
  return { pages: pdf.numPages, text: pages.join('\n').replace(/\s+/g, ' ') };
}

async function said(page, pattern) {
  const status = page.locator('.finance-said');
  await status.filter({ hasText: pattern }).waitFor();
  return (await status.textContent()).trim();
}

async function registerReceivable(page, document, amount, lop) {
  await page.getByRole('button', { name: 'Novo título' }).click();
  const form = page.getByRole('form', { name: 'Novo título a receber' });
  await form.getByLabel('Documento').fill(document);
  await form.getByLabel('Vencimento').fill('31/12/2030');
  await form.getByLabel('Valor (R$)').fill(amount);
  if (lop) {
    await form.getByLabel('Localização da cobrança').selectOption({ label: lop.location });
    await form.getByLabel('Operação de cobrança').selectOption({ label: lop.operation });
    await form.getByLabel('Portador').fill(lop.bearer);
  }
  await form.getByRole('button', { name: 'Registrar título' }).click();
  await said(page, `Título ${document}/1 registrado.`);
}

test('register an advance, settle two receivables with it, refund the rest, download the statement (R-ADV-2..3)', async () => {
  const page = await newPage(browser, { width: 1366, height: 900 });
  await signIn(page, finance);
  await open(page, '/clientes/7?aba=financeiro');
  const legalName = await page.getByLabel('Razão social / Nome').inputValue();
  const stamp = Date.now().toString(36).toUpperCase();
  const [first, second] = [`E2E ${stamp}A`, `E2E ${stamp}B`];
  await registerReceivable(page, first, '300,00');
  await registerReceivable(page, second, '500,00', { location: 'Banco', operation: 'Cobrança descontada', bearer: 'BB' });
  // Where and how each is collected, and by whom (LOP): the second as chosen, the first in the
  // wallet with the customer's bearer.
  const lopOf = async (doc) => (await page.getByRole('table', { name: 'Títulos a receber do cliente' })
    .getByRole('row').filter({ has: page.getByRole('rowheader', { name: `${doc}/1`, exact: true }) })
    .locator('td[data-label="Cobrança (LOP)"]').textContent()).trim();
  await eventually(async () => assert.equal(await lopOf(second), 'Banco · Cobrança descontada · BB'));
  assert.match(await lopOf(first), /^Carteira · Cobrança simples/);

  // The form opens under the panel, out of sight on a long page: its heading takes the focus.
  await page.getByRole('button', { name: 'Registrar adiantamento' }).click();
  await waitForFocus(page.getByRole('heading', { name: 'Registrar adiantamento' }));
  // A wrong value is refused beside its field and registers nothing.
  const register = page.getByRole('form', { name: 'Registrar adiantamento' });
  await register.getByLabel('Valor (R$)').fill('mil reais');
  await register.getByRole('button', { name: 'Registrar adiantamento' }).click();
  const value = register.getByLabel('Valor (R$)');
  const message = register.locator('#advance-value-error');
  await assertBeside(message, value);
  assert.equal(await value.getAttribute('aria-invalid'), 'true');
  // The refused field takes the focus; the button never dropped it (aria-disabled while sent).
  await waitForFocus(value);
  // Typed bare, said as money.
  await value.fill('1000');
  await register.getByRole('button', { name: 'Registrar adiantamento' }).click();
  const registered = await said(page, /^Adiantamento nº \d+ de R\$ 1\.000,00 registrado\.$/);
  // The form is gone: the focus is on what happened, and stays there while the figures reload.
  await waitForFocus(page.locator('#finance-said'));
  const advance = registered.match(/nº (\d+)/)[1];

  // Used on both, in the order checked: 300,00 pays the first whole, 400,00 part of the second.
  await page.getByRole('button', { name: `Usar o adiantamento nº ${advance} em títulos` }).click();
  const use = page.getByRole('form', { name: new RegExp(`^Usar o adiantamento nº ${advance}`) });
  await use.getByRole('checkbox', { name: new RegExp(first) }).check();
  await use.getByRole('checkbox', { name: new RegExp(second) }).check();
  await use.getByLabel('Valor a usar (R$)').fill('700,00');
  await use.getByRole('button', { name: 'Baixar com o adiantamento' }).click();
  await said(page, `2 títulos baixados com o adiantamento nº ${advance}; saldo do adiantamento: R$ 300,00.`);
  const grid = page.getByRole('table', { name: 'Títulos a receber do cliente' });
  const balanceOf = async (doc) =>
    (await grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `${doc}/1`, exact: true }) })
      .locator('td[data-label="Saldo"]').textContent()).trim();
  // The grid reloads after the message: wait for the new balances. It shows what is still
  // owed: the first, paid, shows again under "Todas".
  const rowOf = (doc) => grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `${doc}/1`, exact: true }) });
  await eventually(async () => {
    assert.equal(await rowOf(first).count(), 0);
    assert.equal(await balanceOf(second), 'R$ 100,00');
  });
  await page.getByLabel('Situação do título').selectOption({ label: 'Todas' });
  assert.equal(await balanceOf(first), 'R$ 0,00');

  // From the keyboard: Enter on the row's button, the refund form's heading has the focus.
  await page.getByRole('button', { name: `Devolver o adiantamento nº ${advance}` }).focus();
  await page.keyboard.press('Enter');
  await waitForFocus(page.getByRole('heading', { name: new RegExp(`^Devolver o adiantamento nº ${advance}`) }));
  const refund = page.getByRole('form', { name: new RegExp(`^Devolver o adiantamento nº ${advance}`) });
  await refund.getByLabel('Motivo').fill('Cliente pediu a devolução');
  // More than is left is not asked about: the server's message lands beside the value.
  await refund.getByLabel('Valor (R$)').fill('999.999,00');
  await refund.getByRole('button', { name: 'Registrar devolução' }).click();
  await refund.getByRole('alert').filter({ hasText: /^A devolução \(R\$ 999\.999,00\) é maior que o saldo do adiantamento/ }).waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0);
  await refund.getByLabel('Valor (R$)').fill('');
  await refund.getByRole('button', { name: 'Registrar devolução' }).click();
  // Money leaves the company: asked once more, naming how much.
  const confirm = page.getByRole('dialog', { name: new RegExp(`^Devolver todo o saldo do adiantamento nº ${advance} \\(R\\$ [\\d.,]+\\) ao cliente\\?$`) });
  await confirm.getByRole('button', { name: 'Devolver' }).click();
  await said(page, `Devolução do adiantamento nº ${advance} registrada; saldo: R$ 0,00.`);

  // The statement of today: this advance's four movements, the running balance back to where it began.
  const period = page.getByRole('form', { name: 'Período do extrato' });
  const today = await period.getByLabel('Até').inputValue();
  await period.getByLabel('De').fill(today);
  await period.getByRole('button', { name: 'Ver extrato' }).click();
  const statement = page.getByRole('table', { name: 'Movimentos dos adiantamentos no período' });
  await statement.waitFor();
  const ours = statement.getByRole('row').filter({ hasText: `adiantamento nº ${advance}` });
  const kinds = await ours.locator('td[data-label="Movimento"]').allTextContents();
  assert.deepEqual(kinds, ['Adiantamento', 'Baixa de título', 'Baixa de título', 'Devolução']);
  const totals = await page.getByRole('region', { name: 'Extrato de adiantamentos' })
    .getByRole('status').textContent();
  const closing = totals.match(/saldo final (R\$ [\d.]+,\d{2})/)[1];

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Exportar PDF' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^extrato-adiantamentos-7\.pdf$/);
  const { pages, text } = await pdfText(await download.path());
  assert.ok(pages >= 1);
  assert.ok(text.includes(legalName), `the PDF names ${legalName}`);
  assert.ok(text.includes(closing), `the PDF shows the closing balance ${closing}`);
  assert.ok(text.includes('Extrato de adiantamentos'));
  await page.context().close();
});

test('the field salesperson sees the advances and the statement but no button that writes', async () => {
  const page = await newPage(browser);
  await signIn(page, salesperson);
  await open(page, '/clientes/7?aba=financeiro');
  await page.getByRole('region', { name: 'Adiantamentos nesta empresa' }).getByRole('table').or(
    page.getByText('Nenhum adiantamento deste cliente nesta empresa.'),
  ).first().waitFor();
  const writers = [/^Novo título$/, /^Registrar adiantamento$/, /^Baixar /, /^Cancelar /, /^Usar o adiantamento/, /^Devolver o adiantamento/];
  for (const name of writers) {
    assert.equal(await page.getByRole('button', { name }).count(), 0, String(name));
  }
  assert.ok(await page.getByRole('button', { name: /^Ver baixas de / }).count() > 0, 'settlements can be seen');
  await page.context().close();
});
