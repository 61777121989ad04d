// Issue 12: "Financeiro → Contas a receber" — live filters kept in the URL, pages by due date,
// totals by status of everything that matches, wrong filters refused beside their field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, signIn, assertBeside, selectedLabel, DEMO_USERS } from './helpers.mjs';

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
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Contas a receber' }).click();
  await page.getByRole('heading', { name: 'Contas a receber', level: 1 }).waitFor();
  await page.waitForSelector('body[data-hydrated="true"]');

  const filters = page.getByRole('form', { name: 'Filtros dos títulos' });
  await filters.getByLabel('Situação').selectOption({ label: 'Vencido' });
  await page.waitForURL(/situacao=overdue/);
  await page.getByRole('table', { name: 'Totais por situação' }).getByRole('rowheader', { name: 'Vencido' }).waitFor();
  assert.deepEqual(await statuses(page), ['Vencido']);
  const totals = page.getByRole('table', { name: 'Totais por situação' });
  assert.deepEqual(
    (await totals.getByRole('rowheader').allTextContents()).map((s) => s.trim()),
    ['Vencido', 'Total'],
    'the totals are of the filtered status only',
  );

  // A reload shows the same; the received ones run to many pages.
  await open(page, `${SCREEN}?situacao=received`);
  assert.equal(await selectedLabel(filters.getByLabel('Situação')), 'Recebido');
  assert.deepEqual(await statuses(page), ['Recebido']);
  const firstPage = await page.getByRole('table', { name: 'Títulos a receber da empresa' }).getByRole('rowheader').allTextContents();
  assert.equal(firstPage.length, 50);
  await page.getByRole('link', { name: 'Próxima página' }).click();
  await page.waitForURL(/apos=/);
  await page.getByRole('link', { name: 'Primeira página' }).waitFor();
  const secondPage = await page.getByRole('table', { name: 'Títulos a receber da empresa' }).getByRole('rowheader').allTextContents();
  assert.ok(secondPage.length > 0);
  // A document is unique in the company: no row of the first page comes again.
  assert.ok(!secondPage.some((doc) => firstPage.includes(doc)), 'the next page starts after the first');
  assert.deepEqual(await statuses(page), ['Recebido']);
  assert.match(page.url(), /situacao=received/);
  await page.context().close();
});

test('a wrong due date is refused beside its field and the customer links to its Financeiro tab', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, `${SCREEN}?venc_de=32/01/2026`);
  const field = page.getByLabel('Vencimento de');
  await assertBeside(page.locator('#receivables-filter-venc_de-error'), field);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');

  await open(page, `${SCREEN}?situacao=open`);
  const link = page.getByRole('table', { name: 'Títulos a receber da empresa' }).getByRole('link').first();
  assert.match(await link.getAttribute('href'), /^\/clientes\/\d+\?aba=financeiro$/);
  await page.context().close();
});
