import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, signIn, DEMO_USERS, eventually, isFocused } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin, , , salesperson] = DEMO_USERS;

// The table of entries, told from the page's history table by its "Clientes" column.
const entriesTable = (page) => page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Clientes' }) });

test('regions: include one for all companies; one in use cannot be deleted', async () => {
  const page = await newPage(browser);
  const entries = entriesTable(page);
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Tabelas' }).click();
  await page.getByRole('link', { name: 'Regiões' }).click();
  await page.getByRole('heading', { name: 'Regiões' }).waitFor();
  await entries.getByRole('cell', { name: 'Rio Grande do Sul' }).waitFor();

  await page.getByLabel('Código').fill('SERRA');
  await page.getByLabel('Descrição').fill('Serra Gaúcha');
  await page.getByLabel('Copiar para as outras empresas em que atuo').check();
  await page.getByRole('button', { name: 'Incluir' }).click();
  await entries.getByRole('cell', { name: 'Serra Gaúcha' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Gravado.' }).waitFor();

  // The live filter narrows the rows without a round trip.
  await page.getByLabel('Filtrar').fill('serra');
  // Rows of entries hold cells; the header row holds column headers.
  const rows = entries.getByRole('row').filter({ has: page.getByRole('cell') });
  await eventually(async () => assert.equal(await rows.count(), 1));
  await rows.filter({ hasText: 'Serra Gaúcha' }).waitFor();
  await page.getByLabel('Filtrar').fill('');

  const deleteRs = page.getByRole('button', { name: 'Excluir RS' });
  await deleteRs.click();
  const dialog = page.getByRole('dialog', { name: 'RS - Rio Grande do Sul não pode ser excluído' });
  // In use: the dialog says why and what to do instead, and offers no deletion it would refuse.
  await dialog.getByText(/^[\d.]+ clientes usam este registro\. Para tirá-lo de uso, desative-o\.$/).waitFor();
  assert.equal(await dialog.getByRole('button', { name: 'Excluir', exact: true }).count(), 0);
  await dialog.getByRole('button', { name: 'Fechar' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await eventually(async () => assert.ok(await isFocused(deleteRs), 'the focus is back on the row'));
  await entries.getByRole('cell', { name: 'Rio Grande do Sul' }).waitFor();

  // Copied to the other company too.
  await page.getByLabel('Empresa', { exact: true }).selectOption({ label: '2 - Atacado Catarinense' });
  await page.getByRole('button', { name: 'Trocar empresa' }).click();
  await open(page, '/tabelas/regioes');
  await entries.getByRole('cell', { name: 'Serra Gaúcha' }).waitFor();
  await page.getByLabel('Empresa', { exact: true }).selectOption({ label: '1 - Gaúcha Combustíveis' });
  await page.getByRole('button', { name: 'Trocar empresa' }).click();
  await page.context().close();
});

test('a table the profile may not alter says so, with no form to fill', async () => {
  const page = await newPage(browser);
  await signIn(page, salesperson);
  await open(page, '/tabelas/regioes');
  await entriesTable(page).getByRole('cell', { name: 'Rio Grande do Sul' }).waitFor();
  await page.getByRole('note').filter({ hasText: 'Somente leitura: seu perfil não permite alterar esta tabela.' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Incluir' }).count(), 0);
  await page.context().close();
});
