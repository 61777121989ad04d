// Issue 12: "Financeiro → Contas a receber" — live filters kept in the URL, pages by due date,
// totals by status of everything that matches, wrong filters refused beside their field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { launch, newPage, open, signIn, assertBeside, selectedLabel, eventually, DEMO_USERS } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin] = DEMO_USERS;
const SCREEN = '/financeiro/contas-a-receber';

async function statuses(page) {
  const grid = page.getByRole('table', { name: 'Títulos a receber da empresa' });
  await grid.waitFor();
  return [...new Set((await grid.locator('td[data-label="Situação"]').allTextContents()).map((s) => s.trim()))];
}

test('the menu leads to the screen; a status chosen filters at once and stays in the URL; pages follow', async () => {
  const page = await newPage(browser, { width: 1366, height: 900 });
  await signIn(page, admin);
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Financeiro' }).click();
  await page.getByRole('heading', { name: 'Contas a receber', level: 1 }).waitFor();
  await page.waitForSelector('body[data-hydrated="true"]');

  const filters = page.getByRole('form', { name: 'Filtros dos títulos' });
  // The menu opens on what is still to be received, not on years of settled titles.
  assert.equal(new URL(page.url()).search, '?situacao=a_receber');
  assert.equal(await selectedLabel(filters.getByLabel('Situação')), 'A receber (abertos e vencidos)');
  // "Limpar filtros" comes back here, not to every title ever issued.
  assert.equal(await filters.getByRole('link', { name: 'Limpar filtros' }).getAttribute('href'), '/financeiro/contas-a-receber?situacao=a_receber');
  const owed = ['Vencido', 'Em aberto', 'Negativado', 'Cobrança'];
  const shown = await statuses(page);
  assert.ok(shown.length > 0 && shown.every((s) => owed.includes(s)), `only owed titles: ${shown}`);

  // R-HIST-3: every title of the demo company is too many to export; the screen says so
  // instead of offering links that could only be refused.
  await open(page, SCREEN);
  assert.equal(await selectedLabel(filters.getByLabel('Situação')), 'Todas');
  await page.getByText(/^O relatório tem [\d.]+ títulos; a exportação aceita até 5\.000\. Restrinja os filtros para exportar\.$/).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Exportar PDF' }).count(), 0);

  await filters.getByLabel('Situação').selectOption({ label: 'Vencido' });
  await page.waitForURL(/situacao=overdue/);
  assert.equal(new URL(page.url()).search, '?situacao=overdue', 'only the filters set are in the address');
  // The previous results stay on screen until the new ones arrive: wait for the filtered totals.
  const totals = page.getByRole('table', { name: 'Totais por situação' });
  await eventually(async () => assert.deepEqual(
    (await totals.getByRole('rowheader').allTextContents()).map((s) => s.trim()),
    ['Vencido', 'Total'],
    'the totals are of the filtered status only',
  ));
  assert.deepEqual(await statuses(page), ['Vencido']);

  // A reload shows the same; the received ones run to many pages, and the pages keep the
  // report's grouping.
  await open(page, `${SCREEN}?situacao=received&agrupar=regiao`);
  assert.equal(await selectedLabel(filters.getByLabel('Situação')), 'Recebido');
  assert.deepEqual(await statuses(page), ['Recebido']);
  const firstPage = await page.getByRole('table', { name: 'Títulos a receber da empresa' }).getByRole('rowheader').allTextContents();
  assert.equal(firstPage.length, 50);
  await page.getByRole('link', { name: 'Próxima página' }).click();
  await page.waitForURL(/apos=/);
  // "Primeira página" exists only on the pages after the first: the new results are in.
  await page.getByRole('link', { name: 'Primeira página' }).waitFor();
  const secondPage = await page.getByRole('table', { name: 'Títulos a receber da empresa' }).getByRole('rowheader').allTextContents();
  assert.ok(secondPage.length > 0);
  // A document is unique in the company: no row of the first page comes again.
  assert.ok(!secondPage.some((doc) => firstPage.includes(doc)), 'the next page starts after the first');
  assert.deepEqual(await statuses(page), ['Recebido']);
  assert.match(page.url(), /situacao=received/);
  assert.match(page.url(), /agrupar=regiao/);
  assert.equal(await selectedLabel(filters.getByLabel('Relatório agrupado por')), 'Região');
  await page.context().close();
});

test('a wrong due date is refused beside its field and the customer links to its Financeiro tab', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, `${SCREEN}?venc_de=32/01/2026`);
  const field = page.getByLabel('Vencimento de');
  await assertBeside(page.locator('#receivables-filter-venc_de-error'), field);
  await eventually(async () => assert.equal(await field.getAttribute('aria-invalid'), 'true'));
  // Typed as on every form: the slashes come as the digits do.
  await field.fill('');
  await field.pressSequentially('01122026');
  assert.equal(await field.inputValue(), '01/12/2026');

  // A code the company has no entry for is named beside its field, not read as nothing owed.
  await open(page, `${SCREEN}?grupo=XYZ`);
  const group = page.getByLabel('Grupo de clientes');
  const unknown = page.locator('#receivables-filter-grupo-error');
  await assertBeside(unknown, group);
  assert.equal(await unknown.textContent(), 'Nenhum grupo de clientes com o código XYZ nesta empresa.');
  // The select still shows the code asked for, beside "Todos" and the company's groups.
  assert.equal(await selectedLabel(group), 'XYZ');

  await open(page, `${SCREEN}?situacao=open`);
  const grid = page.getByRole('table', { name: 'Títulos a receber da empresa' });
  const link = grid.getByRole('link').first();
  assert.match(await link.getAttribute('href'), /^\/clientes\/\d+\?aba=financeiro$/);

  // The customer is found by the start of its name too, as in the customer list.
  const [, name] = (await link.textContent()).match(/^\d+ - (.+)$/);
  const words = name.split(/\s+/).slice(0, 2);
  const typed = words.map((w) => w.slice(0, 4).toLowerCase()).join(' ');
  const customerField = page.getByLabel('Cliente', { exact: true });
  await customerField.fill(typed);
  await customerField.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('cliente') === typed);
  await eventually(async () => {
    const customers = await grid.locator('td[data-label="Cliente"]').allTextContents();
    assert.ok(customers.length > 0, 'some row');
    const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
    for (const customer of customers) {
      const its = fold(customer).split(/[^A-Z0-9]+/);
      for (const start of fold(typed).split(/[^A-Z0-9]+/).filter(Boolean)) {
        assert.ok(its.some((word) => word.startsWith(start)), `${customer} has a word starting ${start}`);
      }
    }
  });
  await page.context().close();
});

async function download(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

async function pdfText(bytes) {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    pages.push((await (await pdf.getPage(n)).getTextContent()).items.map((i) => i.str).join(' '));
  }
  return pages.join(' ').replace(/\s+/g, ' ');
}

// R$ 1.234,56 → 1234,56 (how the CSV writes money).
const plain = (brl) => brl.replace('R$', '').replace(/\./g, '').trim();

test('the report by region, overdue, shows the same grand total on screen, in the PDF, the CSV and the XLSX (R-HIST-3)', async () => {
  const page = await newPage(browser, { width: 1366, height: 900 });
  await signIn(page, admin);
  await open(page, `${SCREEN}?situacao=overdue&agrupar=regiao`);
  const subtotals = page.getByRole('table', { name: 'Subtotais do relatório' });
  await subtotals.waitFor();
  assert.equal(await selectedLabel(page.getByLabel('Relatório agrupado por')), 'Região');
  // One region of those with overdue receivables, by its code.
  const region = (await subtotals.getByRole('rowheader').first().textContent()).split(' - ')[0].trim();
  // Picked from the company's regions, each by its code and name, not typed.
  const regions = page.getByLabel('Região', { exact: true });
  assert.match(await regions.locator(`option[value="${region}"]`).textContent(), new RegExp(`^${region} - `));
  await regions.selectOption(region);
  await page.waitForURL((url) => url.search === `?situacao=overdue&regiao=${encodeURIComponent(region)}&agrupar=regiao`);
  await eventually(async () => assert.deepEqual(
    (await subtotals.getByRole('rowheader').allTextContents()).map((s) => s.split(' - ')[0].trim()),
    [region, 'Total geral'],
  ));
  const grand = subtotals.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Total geral' }) });
  const [count, amount, balance] = (await grand.getByRole('cell').allTextContents()).map((s) => s.trim());
  assert.match(balance, /^R\$ [\d.]+,\d{2}$/);
  // The screen's totals by status say the same for these filters.
  const byStatus = page.getByRole('table', { name: 'Totais por situação' });
  const statusTotal = byStatus.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Total' }) });
  assert.equal((await statusTotal.locator('td[data-label="Saldo"]').textContent()).trim(), balance);

  const csv = await download(page, 'Exportar CSV');
  assert.equal(csv.name, 'contas-a-receber.csv');
  const lines = csv.bytes.toString('utf8').trim().split('\r\n');
  const last = lines.at(-1).split(';');
  assert.equal(last[0], `Total geral (${count.replace(/\./g, '')} títulos)`);
  assert.deepEqual(last.slice(-2), [plain(amount), plain(balance)]);
  assert.ok(lines.slice(2, -1).every((line) => line.includes(';Vencido;') || line.startsWith('Subtotal')));

  const pdf = await download(page, 'Exportar PDF');
  assert.equal(pdf.name, 'contas-a-receber.pdf');
  const text = await pdfText(pdf.bytes);
  assert.ok(text.includes('Relatório de contas a receber'));
  // Its heading says how it is grouped, not the header's title again.
  assert.match(text, /Contas a receber por /);
  assert.ok(text.includes(balance), `the PDF shows the grand total ${balance}`);
  assert.ok(text.includes(`Região: ${region}`), 'the PDF names its filters');

  const xlsx = await download(page, 'Exportar planilha (XLSX)');
  assert.equal(xlsx.name, 'contas-a-receber.xlsx');
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip');
  assert.ok(xlsx.bytes.includes(Buffer.from('xl/worksheets/sheet1.xml')));

  // Filtered by a customer group and grouped by it, the overdue ones download as XLSX too.
  await open(page, `${SCREEN}?situacao=overdue&agrupar=grupo`);
  const group = (await subtotals.getByRole('rowheader').allTextContents())
    .filter((name) => name.includes(' - '))[0].split(' - ')[0].trim();
  await open(page, `${SCREEN}?situacao=overdue&grupo=${encodeURIComponent(group)}&agrupar=grupo`);
  await eventually(async () => assert.deepEqual(
    (await subtotals.getByRole('rowheader').allTextContents()).map((s) => s.split(' - ')[0].trim()),
    [group, 'Total geral'],
  ));
  const byGroup = await download(page, 'Exportar planilha (XLSX)');
  assert.equal(byGroup.name, 'contas-a-receber.xlsx');
  assert.equal(byGroup.bytes.subarray(0, 2).toString('latin1'), 'PK');
  await page.context().close();
});

const [, , finance, salesperson] = DEMO_USERS;

// The row of document `doc` in the screen's rows, and one of its cells by column.
function rowOf(page, doc) {
  return page.getByRole('table', { name: 'Títulos a receber da empresa' })
    .getByRole('row').filter({ has: page.getByRole('rowheader', { name: doc, exact: true }) });
}
const cell = (row, label) => row.locator(`td[data-label="${label}"]`);

// An overdue receivable of the last 60 days never paid in part (a standing settlement would
// keep it from being cancelled), and its customer's code: the oldest overdue ones of the demo
// were mostly paid in part.
async function neverPaidInPart(page) {
  const since = new Date(Date.now() - 60 * 86_400_000).toLocaleDateString('pt-BR', { timeZone: 'America/Sao_Paulo' });
  await open(page, `${SCREEN}?situacao=overdue&venc_de=${since}`);
  const grid = page.getByRole('table', { name: 'Títulos a receber da empresa' });
  await grid.waitFor();
  const rows = grid.getByRole('row').filter({ has: page.getByRole('rowheader') });
  const count = await rows.count();
  for (let n = 0; n < count; n += 1) {
    const candidate = rows.nth(n);
    if ((await cell(candidate, 'Valor').textContent()) === (await cell(candidate, 'Saldo').textContent())) {
      return {
        doc: (await candidate.getByRole('rowheader').textContent()).trim(),
        customer: (await candidate.getByRole('link').textContent()).split(' - ')[0].trim(),
      };
    }
  }
  throw new Error('no overdue receivable never paid in part on the first page');
}

test('a receivable paid in part offers no "Cancelar" (its settlements would have to be reversed first); one never paid does', async () => {
  const page = await newPage(browser, { width: 1366, height: 900 });
  await signIn(page, finance);
  const seen = { partly: 0, never: 0 };
  // The oldest overdue ones of the demo were mostly paid in part, the last 60 days' mostly not.
  const since = new Date(Date.now() - 60 * 86_400_000).toLocaleDateString('pt-BR', { timeZone: 'America/Sao_Paulo' });
  for (const query of ['situacao=overdue', `situacao=overdue&venc_de=${since}`]) {
    await open(page, `${SCREEN}?${query}`);
    await page.waitForSelector('body[data-hydrated="true"]');
    const grid = page.getByRole('table', { name: 'Títulos a receber da empresa' });
    const rows = grid.getByRole('row').filter({ has: page.getByRole('rowheader') });
    await rows.first().waitFor();
    for (let n = 0; n < await rows.count(); n += 1) {
      const row = rows.nth(n);
      const doc = (await row.getByRole('rowheader').textContent()).trim();
      const paidInPart = (await cell(row, 'Valor').textContent()) !== (await cell(row, 'Saldo').textContent());
      assert.equal(await row.getByRole('button', { name: `Baixar ${doc}` }).count(), 1, `${doc} can be settled`);
      assert.equal(await row.getByRole('button', { name: `Cancelar ${doc}` }).count(), paidInPart ? 0 : 1, doc);
      seen[paidInPart ? 'partly' : 'never'] += 1;
    }
  }
  assert.ok(seen.partly > 0 && seen.never > 0, JSON.stringify(seen));
  await page.context().close();
});

const focusedId = (page) => page.evaluate(() => document.activeElement?.id);

test('from the screen the financial user settles a receivable, reverses the settlement and cancels it; the salesperson only sees', async () => {
  const page = await newPage(browser, { width: 1366, height: 900 });
  await signIn(page, finance);
  const { doc, customer } = await neverPaidInPart(page);

  // One customer's receivables fit a page: the row stays in view whatever its status.
  await open(page, `${SCREEN}?cliente=${customer}`);
  await page.waitForSelector('body[data-hydrated="true"]');
  const row = rowOf(page, doc);
  const balance = (await cell(row, 'Saldo').textContent()).trim();
  assert.equal((await cell(row, 'Situação').textContent()).trim(), 'Vencido');
  // Where and how it is collected, and by whom (LOP).
  assert.match((await cell(row, 'Cobrança (LOP)').textContent()).trim(), /^(Carteira|Banco|Escritório de cobrança) · Cobrança (simples|descontada) · [A-Z]+$/);
  const settleButton = row.getByRole('button', { name: `Baixar ${doc}` });
  const settle = page.getByRole('form', { name: `Baixar ${doc} (saldo ${balance})` });
  // Escape closes the form, and the focus is back on the row's button.
  await settleButton.click();
  await settle.waitFor();
  await page.keyboard.press('Escape');
  await eventually(async () => assert.equal(await settle.count(), 0));
  await eventually(async () => assert.equal(await focusedId(page), await settleButton.getAttribute('id')));
  await settleButton.click();
  await settle.waitFor();
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'settle-title'));
  // Before "Registrar baixa": how late, what it charges and the total, or why it would be refused.
  const preview = settle.locator('#settle-preview');
  const shown = /^(\d+ dias? de atraso)(: juros de R\$ [\d.]+,\d\d e multa de R\$ [\d.]+,\d\d|; o título não tem juros nem multa por atraso)\. Total a receber: (R\$ [\d.]+,\d\d)\.$/;
  await eventually(async () => assert.match(await preview.textContent(), shown));
  const principal = settle.getByLabel('Valor baixado (R$)');
  const typedBalance = await principal.inputValue();
  await principal.fill('99999999,00');
  await eventually(async () => assert.match(await preview.textContent(), /^O valor a baixar \(R\$ 99\.999\.999,00\) é maior que o saldo do título/));
  // Sent anyway: the server says it beside the field, and the preview does not repeat it.
  await settle.getByRole('button', { name: 'Registrar baixa' }).click();
  const tooMuch = settle.getByRole('alert').filter({ hasText: /^O valor a baixar \(R\$ 99\.999\.999,00\)/ });
  await tooMuch.waitFor();
  await eventually(async () => assert.equal((await preview.textContent()).trim(), ''));
  // Corrected: the old message goes with what it was about.
  await principal.fill(typedBalance);
  await tooMuch.waitFor({ state: 'detached' });
  assert.equal(await principal.getAttribute('aria-invalid'), null);
  await eventually(async () => assert.match(await preview.textContent(), shown));
  const [, , charges, total] = (await preview.textContent()).match(shown);
  await settle.getByRole('button', { name: 'Registrar baixa' }).click();
  const said = page.locator('#receivables-said');
  await eventually(async () => assert.match(await said.textContent(), new RegExp(`^Baixa de ${doc} registrada em`)));
  // What was recorded is what the preview said.
  if (charges.startsWith(':')) assert.ok((await said.textContent()).endsWith(`recebido ${total}.`), await said.textContent());
  await eventually(async () => assert.equal((await cell(row, 'Situação').textContent()).trim(), 'Recebido'));
  assert.equal((await cell(row, 'Saldo').textContent()).trim(), 'R$ 0,00');
  assert.equal(await settle.count(), 0, 'the form closes once saved');
  // The focus goes where the user reads what happened, not to the top of the page.
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'receivables-said'));

  await row.getByRole('button', { name: `Ver baixas de ${doc}` }).click();
  const settlements = page.getByRole('table', { name: 'Baixas do título' });
  await settlements.getByRole('button', { name: 'Estornar' }).last().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Estornar' }).click();
  await eventually(async () => assert.match(await said.textContent(), /estornada\.$/));
  await eventually(async () => assert.equal((await cell(row, 'Situação').textContent()).trim(), 'Vencido'));
  assert.equal((await cell(row, 'Saldo').textContent()).trim(), balance, 'the reversal gives the balance back');

  await row.getByRole('button', { name: `Cancelar ${doc}` }).click();
  const cancel = page.getByRole('form', { name: `Cancelar o título ${doc}?` });
  await cancel.getByRole('button', { name: 'Cancelar título' }).click();
  await assertBeside(page.locator('#cancel-reason-error'), cancel.getByLabel('Motivo do cancelamento'));
  // The refused field takes the focus.
  await eventually(async () => assert.equal(await focusedId(page), 'cancel-reason'));
  await cancel.getByLabel('Motivo do cancelamento').fill('Renegociado fora do sistema');
  await cancel.getByRole('button', { name: 'Cancelar título' }).click();
  await eventually(async () => assert.equal(await said.textContent(), `Título ${doc} cancelado.`));
  await eventually(async () => assert.equal((await cell(row, 'Situação').textContent()).trim(), 'Cancelado'));
  assert.equal((await cell(row, 'Saldo').textContent()).trim(), 'R$ 0,00', 'a cancelled receivable owes nothing');
  assert.equal(await row.getByRole('button', { name: `Baixar ${doc}` }).count(), 0, 'a cancelled receivable is not settled');
  // Its settlements say when, by whom and why it was cancelled.
  await row.getByRole('button', { name: `Ver baixas de ${doc}` }).click();
  await page.getByText(/^Cancelado em \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} por Fernanda Financeiro: Renegociado fora do sistema$/).waitFor();
  await page.context().close();

  const seller = await newPage(browser);
  await signIn(seller, salesperson);
  await open(seller, `${SCREEN}?cliente=${customer}`);
  await seller.getByRole('table', { name: 'Títulos a receber da empresa' }).waitFor();
  await seller.waitForSelector('body[data-hydrated="true"]');
  for (const name of [/^Baixar /, /^Cancelar /]) {
    assert.equal(await seller.getByRole('button', { name }).count(), 0, String(name));
  }
  assert.ok(await seller.getByRole('button', { name: /^Ver baixas de / }).count() > 0, 'settlements can be seen');
  await seller.context().close();
});

test('two people settle one receivable from the screen: the second is told, and sees it reloaded', async () => {
  const first = await newPage(browser, { width: 1366, height: 900 });
  await signIn(first, finance);
  const { doc, customer } = await neverPaidInPart(first);
  const second = await newPage(browser, { width: 1366, height: 900 });
  await signIn(second, admin);
  const forms = [];
  for (const page of [first, second]) {
    await open(page, `${SCREEN}?cliente=${customer}`);
    await page.waitForSelector('body[data-hydrated="true"]');
    await rowOf(page, doc).getByRole('button', { name: `Baixar ${doc}` }).click();
    const form = page.getByRole('form', { name: new RegExp(`^Baixar ${doc.replace(/[/.]/g, '\\$&')} \\(saldo `) });
    await form.waitFor();
    forms.push(form);
  }
  await forms[0].getByRole('button', { name: 'Registrar baixa' }).click();
  await eventually(async () => assert.match(await first.locator('#receivables-said').textContent(), new RegExp(`^Baixa de ${doc} registrada em`)));

  // The second form was opened on what is no longer there: refused, closed, the rows reloaded.
  await forms[1].getByRole('button', { name: 'Registrar baixa' }).click();
  const said = second.locator('#receivables-said');
  await eventually(async () => assert.equal(
    await said.textContent(),
    'Este título foi alterado por outro usuário depois que você o abriu; nada foi gravado. '
      + 'Os títulos foram recarregados: confira e tente de novo.',
  ));
  await eventually(async () => assert.equal(await focusedId(second), 'receivables-said'));
  assert.equal(await forms[1].count(), 0, 'the stale form is closed');
  const row = rowOf(second, doc);
  await eventually(async () => assert.equal((await cell(row, 'Situação').textContent()).trim(), 'Recebido'));
  assert.equal((await cell(row, 'Saldo').textContent()).trim(), 'R$ 0,00');
  // Nothing was settled twice: one standing settlement.
  await row.getByRole('button', { name: `Ver baixas de ${doc}` }).click();
  const settlements = second.getByRole('table', { name: 'Baixas do título' });
  await settlements.waitFor();
  assert.equal(await settlements.getByRole('button', { name: 'Estornar' }).count(), 1);
  await first.context().close();
  await second.context().close();
});
