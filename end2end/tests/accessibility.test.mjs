// Issue 10, item 15: axe-core finds no serious or critical violation on the screens a user
// works in, on a desktop (1366 px) and on a phone (375 px).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launch, open, signIn, DEMO_USERS } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin] = DEMO_USERS;
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 800 },
  { name: 'phone', width: 375, height: 740 },
];

// The page's Content-Security-Policy allows only its own scripts: this context alone bypasses
// it, so the test can inject axe.
async function newAuditPage(viewport) {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height }, locale: 'pt-BR', bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => console.error(`[browser error] ${page.url()}: ${error.message}`));
  return page;
}

// Runs axe on the page as it is and returns its serious and critical violations.
async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function describe(violations) {
  return violations.map((v) => [
    `- ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
    ...v.nodes.slice(0, 8).map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
    ...(v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : []),
  ].join('\n')).join('\n');
}

// Audits each screen, collecting every failure so one run reports all of them.
async function audit(page, screens) {
  const failures = [];
  for (const [name, reach] of screens) {
    await reach();
    const violations = await seriousViolations(page);
    if (violations.length > 0) failures.push(`${name} (${page.url()}):\n${describe(violations)}`);
  }
  assert.equal(failures.length, 0, `axe found serious or critical violations:\n${failures.join('\n\n')}`);
}

// The batch panel under the list, with a preview of changing customers' situation shown.
async function batchPreview(page) {
  await open(page, '/clientes?lote=1');
  const bulk = page.getByRole('region', { name: 'Manutenção em lote' });
  await bulk.getByLabel('Campo').selectOption({ label: 'Situação' });
  await bulk.getByLabel('Novo valor').selectOption({ label: 'Pendente' });
  await bulk.getByRole('button', { name: 'Prévia' }).click();
  await bulk.getByText(/clientes? no lote:/).waitFor();
}

for (const viewport of VIEWPORTS) {
  test(`axe finds no serious or critical violation at ${viewport.width} px: sign-in, customers, record, tables, batches (issue 10, item 15)`, async () => {
    const page = await newAuditPage(viewport);
    await audit(page, [
      ['sign-in', () => open(page, '/entrar')],
      ['home', () => signIn(page, admin)],
      ['customer list', async () => {
        await open(page, '/clientes');
        await page.getByRole('table', { name: 'Clientes' }).waitFor();
      }],
      ['customer record', async () => {
        await open(page, '/clientes/7');
        await page.getByRole('form', { name: 'Cadastro do cliente' }).waitFor();
      }],
      ['customer record, history tab', async () => {
        await open(page, '/clientes/7?aba=historico');
        await page.getByRole('heading', { name: 'Histórico de alterações' }).waitFor();
      }],
      ['customer record, sales defaults tab', async () => {
        await open(page, '/clientes/7?aba=vendas');
        await page.getByRole('form', { name: 'Padrão para vendas' }).waitFor();
      }],
      ['customer record, ledger accounts tab', async () => {
        await open(page, '/clientes/7?aba=contas');
        await page.getByRole('form', { name: 'Contas contábeis' }).waitFor();
      }],
      ['customer record, finance tab', async () => {
        await open(page, '/clientes/7?aba=financeiro');
        await page.getByRole('table', { name: 'Crédito do cliente por empresa' }).waitFor();
      }],
      ['receivables screen', async () => {
        await open(page, '/financeiro/contas-a-receber?situacao=overdue');
        await page.getByRole('table', { name: 'Totais por situação' }).waitFor();
      }],
      ['customer record, finance tab, settlement form', async () => {
        await open(page, '/clientes/7?aba=financeiro');
        await page.getByRole('button', { name: /^Baixar / }).first().click();
        await page.getByRole('form', { name: /^Baixar / }).waitFor();
      }],
      ['company settings', async () => {
        await open(page, '/empresa');
        await page.getByRole('form', { name: 'Configurações da empresa' }).waitFor();
      }],
      ['customer record, addresses tab', async () => {
        await open(page, '/clientes/7?aba=enderecos');
        await page.getByRole('heading', { name: 'Endereços' }).waitFor();
      }],
      ['customer record, address refused', async () => {
        await page.getByRole('region', { name: 'Endereços' }).getByRole('button', { name: 'Novo endereço' }).click();
        const form = page.getByRole('form', { name: 'Novo endereço' });
        await form.getByRole('button', { name: 'Gravar endereço' }).click();
        await form.getByRole('alert').first().waitFor();
        // Each refused field is marked invalid and described by its message.
        const refused = form.locator('[aria-invalid="true"]');
        assert.ok((await refused.count()) > 0, 'no field of the refused address is marked invalid');
        for (const field of await refused.all()) {
          const message = page.locator(`#${await field.getAttribute('aria-describedby')}`);
          assert.equal(await message.getAttribute('role'), 'alert');
          assert.ok((await message.textContent()).trim().length > 0);
        }
      }],
      ['customer record, city suggestions open', async () => {
        const city = page.getByRole('form', { name: 'Novo endereço' }).getByRole('combobox', { name: 'Cidade' });
        await city.pressSequentially('sao leop');
        await page.getByRole('option', { name: 'SAO LEOPOLDO - RS' }).waitFor();
        await page.keyboard.press('ArrowDown');
        await page.getByRole('option', { name: 'SAO LEOPOLDO - RS', selected: true }).waitFor();
      }],
      ['new customer', async () => {
        await open(page, '/clientes/novo');
        await page.getByLabel('Razão social / Nome').waitFor();
      }],
      ['tables', async () => {
        await open(page, '/tabelas');
        await page.getByRole('link', { name: /Grupos/ }).first().waitFor();
      }],
      ['table of groups', async () => {
        await open(page, '/tabelas/grupos');
        await page.getByRole('table').first().waitFor();
      }],
      ['chart of accounts', async () => {
        await open(page, '/tabelas/contas-gerenciais');
        await page.getByRole('table').first().waitFor();
      }],
      ['batches', async () => {
        await open(page, '/clientes/lotes');
        await page.getByRole('heading', { level: 1 }).first().waitFor();
      }],
      ['batch panel with a preview', () => batchPreview(page)],
    ]);
    await page.context().close();
  });
}
