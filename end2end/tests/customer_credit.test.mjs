// Issue 12: the record's "Financeiro" tab shows the customer's credit in each company the user
// acts in (R-CREDIT-1..2, R-COMPANY-3), at a desk and on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, reload, signIn, DEMO_USERS, eventually } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin, , , salesperson] = DEMO_USERS;
const BRL = /^-?R\$ \d{1,3}(\.\d{3})*,\d{2}$/;

async function creditTable(page, code) {
  await open(page, `/clientes/${code}?aba=financeiro`);
  const table = page.getByRole('table', { name: 'Crédito do cliente por empresa' });
  await table.waitFor();
  return table;
}

test('the administrator sees limit, owed, credits and available per company; the salesperson only company 1', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  const table = await creditTable(page, 7);
  const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
  assert.equal(await rows.count(), 2, 'the administrator acts in companies 1 and 2');
  const first = rows.first();
  assert.match(await first.getByRole('rowheader').textContent(), /^1 - .+ \(atual\)$/);
  const cells = await first.getByRole('cell').allTextContents();
  assert.equal(cells.length, 5);
  for (const money of cells.slice(1, 4)) assert.match(money.trim(), BRL);
  assert.match(cells[4].trim(), /^(Ilimitado|-?R\$ .+)$/);
  await page.context().close();

  const sellerPage = await newPage(browser);
  await signIn(sellerPage, salesperson);
  const sellerTable = await creditTable(sellerPage, 7);
  assert.equal(await sellerTable.getByRole('rowheader').count(), 1, 'the salesperson acts in company 1 only');
  await sellerPage.context().close();
});

test('on a phone each company is a card whose figures carry their labels', async () => {
  const page = await newPage(browser, { width: 375, height: 800 });
  await signIn(page, admin);
  const table = await creditTable(page, 7);
  const available = table.getByRole('row').nth(1).getByRole('cell').last();
  const label = await available.evaluate((e) => getComputedStyle(e, '::before').content);
  assert.equal(label, '"Disponível: "');
  await page.context().close();
});

test('the receivables of the current company, opening on what is owed, filtered by status (R-HIST-1)', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/clientes/7?aba=financeiro');
  const section = page.getByRole('region', { name: 'Títulos a receber nesta empresa' });
  await section.getByRole('status').filter({ hasText: /^Total a receber: R\$ .+ · Vencido: R\$ .+$/ }).waitFor();
  const grid = section.getByRole('table', { name: 'Títulos a receber do cliente' });
  // It opens on what the customer still owes.
  const status = section.getByLabel('Situação do título');
  assert.equal(await status.evaluate((s) => s.selectedOptions[0].textContent), 'A receber (abertos e vencidos)');
  await grid.waitFor();
  const owed = await grid.locator('tbody td[data-label="Situação"]').allTextContents();
  assert.ok(owed.length > 0 && owed.every((s) => ['Vencido', 'Em aberto', 'Negativado', 'Cobrança'].includes(s.trim())), `only owed: ${owed}`);
  // Oldest due first: the overdue ones lead.
  const due = (await grid.locator('tbody td[data-label="Vencimento"]').allTextContents())
    .map((d) => d.trim().split('/').reverse().join(''));
  assert.deepEqual(due, [...due].sort(), `oldest due first: ${due}`);
  // The demo's history is mostly received: the filter keeps only those.
  // Settlements opened on a row close when the filter changes: the row may no longer be listed.
  await grid.getByRole('button', { name: /^Ver baixas de / }).first().click();
  const settlements = section.getByRole('heading', { name: /^Baixas de / });
  await settlements.waitFor();
  await section.getByLabel('Situação do título').selectOption({ label: 'Recebido' });
  const onlyReceived = async () => {
    const statuses = await grid.locator('tbody td[data-label="Situação"]').allTextContents();
    assert.ok(statuses.length > 0, 'some received receivable');
    assert.deepEqual([...new Set(statuses.map((s) => s.trim()))], ['Recebido']);
    const balances = await grid.locator('tbody td[data-label="Saldo"]').allTextContents();
    assert.deepEqual([...new Set(balances.map((s) => s.trim()))], ['R$ 0,00']);
  };
  await eventually(onlyReceived);
  await settlements.waitFor({ state: 'detached' });
  // The address keeps the filter: a reload (or a shared link) shows the same titles.
  assert.equal(new URL(page.url()).search, '?aba=financeiro&situacao=received');
  await reload(page);
  assert.equal(await section.getByLabel('Situação do título').evaluate((s) => s.selectedOptions[0].textContent), 'Recebido');
  await eventually(onlyReceived);
  await page.context().close();
});
