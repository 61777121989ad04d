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
  // Named as stored (upper case), and said until the next entry starts.
  const included = page.getByRole('status').filter({ hasText: /^SERRA incluído\.$/ });
  await included.waitFor();
  // The form is empty again and the focus on its first field, for the next entry.
  await eventually(async () => assert.ok(await isFocused(page.getByLabel('Código')), 'the focus is on Código'));
  // A code already used: said beside it, and the focus goes there from wherever Enter was.
  await page.getByLabel('Código').fill('RS');
  await included.waitFor({ state: 'detached' });
  await page.getByLabel('Descrição').fill('Repetido');
  await page.getByLabel('Descrição').press('Enter');
  await page.getByRole('alert').filter({ hasText: 'já existe' }).waitFor();
  await eventually(async () => assert.ok(await isFocused(page.getByLabel('Código')), 'the focus is on the refused Código'));

  // The live filter narrows the rows without a round trip.
  await page.getByLabel('Filtrar').fill('serra');
  // Rows of entries hold cells; the header row holds column headers.
  const rows = entries.getByRole('row').filter({ has: page.getByRole('cell') });
  await eventually(async () => assert.equal(await rows.count(), 1));
  await rows.filter({ hasText: 'Serra Gaúcha' }).waitFor();
  await page.getByLabel('Filtrar').fill('');

  const deleteRs = page.getByRole('button', { name: 'Excluir RS' });
  await deleteRs.click();
  const dialog = page.getByRole('dialog', { name: 'Não é possível excluir RS - Rio Grande do Sul' });
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

test('two people edit one table row: the second is told and saves nothing, the first change stays; saved or left, the focus is back on the row', async () => {
  const pages = [await newPage(browser), await newPage(browser)];
  for (const page of pages) {
    await signIn(page, admin);
    await open(page, '/tabelas/categorias');
  }
  const [first, second] = pages;
  const code = `C${Date.now() % 100000}`;
  await first.getByLabel('Código').fill(code);
  await first.getByLabel('Descrição').fill('Aberta pelos dois');
  await first.getByRole('button', { name: 'Incluir' }).click();
  await entriesTable(first).getByRole('cell', { name: code, exact: true }).waitFor();
  await open(second, '/tabelas/categorias');
  await entriesTable(second).getByRole('cell', { name: code, exact: true }).waitFor();

  // Escape leaves the row unedited and the focus back on its "Editar".
  const editFirst = first.getByRole('button', { name: `Editar ${code}` });
  await editFirst.click();
  await first.getByLabel('Descrição').press('Escape');
  await first.getByRole('button', { name: 'Incluir' }).waitFor();
  await eventually(async () => assert.ok(await isFocused(editFirst), 'the focus is back on the row'));

  // Both open the row before either saves.
  for (const page of pages) {
    await page.getByRole('button', { name: `Editar ${code}` }).click();
    await page.getByRole('button', { name: 'Gravar alteração' }).waitFor();
  }
  await first.getByLabel('Descrição').fill(`Mudada pelo primeiro ${code}`);
  // Saved with Enter: the focus goes back to the row, not to the emptied form.
  await first.getByLabel('Descrição').press('Enter');
  await entriesTable(first).getByRole('cell', { name: `Mudada pelo primeiro ${code}` }).waitFor();
  await eventually(async () => assert.ok(await isFocused(editFirst), 'the focus is back on the saved row'));
  await first.getByRole('status').filter({ hasText: new RegExp(`^${code} gravado\\.$`) }).waitFor();

  await second.getByLabel('Descrição').fill(`Mudada pelo segundo ${code}`);
  await second.getByRole('button', { name: 'Gravar alteração' }).click();
  await second.getByRole('alert').filter({
    hasText: `${code} foi alterado por outro usuário depois que você o abriu; nada foi gravado. Recarregue a página para ver a versão atual.`,
  }).waitFor();
  await open(second, '/tabelas/categorias');
  await entriesTable(second).getByRole('cell', { name: `Mudada pelo primeiro ${code}` }).waitFor();
  assert.equal(await entriesTable(second).getByRole('cell', { name: `Mudada pelo segundo ${code}` }).count(), 0);
  for (const page of pages) await page.context().close();
});
