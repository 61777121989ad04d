import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, signIn, DEMO_USERS, eventually } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin] = DEMO_USERS;

test('regions: include one for all companies; one in use cannot be deleted', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Tabelas' }).click();
  await page.getByRole('link', { name: 'Regiões' }).click();
  await page.getByRole('heading', { name: 'Regiões' }).waitFor();
  await page.getByRole('cell', { name: 'Rio Grande do Sul' }).waitFor();

  await page.getByLabel('Código').fill('SERRA');
  await page.getByLabel('Descrição').fill('Serra Gaúcha');
  await page.getByLabel('Copiar para todas as empresas').check();
  await page.getByRole('button', { name: 'Incluir' }).click();
  await page.getByRole('cell', { name: 'Serra Gaúcha' }).waitFor();

  // The live filter narrows the rows without a round trip.
  await page.getByLabel('Filtrar').fill('serra');
  await eventually(async () => assert.equal(await page.locator('table.lookups tbody tr').count(), 1));
  await page.getByLabel('Filtrar').fill('');

  await page.getByRole('button', { name: 'Excluir RS' }).click();
  await page.getByRole('alert').filter({ hasText: /clientes usam este registro/ }).waitFor();
  await page.getByRole('cell', { name: 'Rio Grande do Sul' }).waitFor();

  // Copied to the other company too.
  await page.getByLabel('Empresa', { exact: true }).selectOption({ label: '2 - Atacado Catarinense' });
  await page.getByRole('button', { name: 'Trocar empresa' }).click();
  await open(page, '/tabelas/regioes');
  await page.getByRole('cell', { name: 'Serra Gaúcha' }).waitFor();
  await page.getByLabel('Empresa', { exact: true }).selectOption({ label: '1 - Gaúcha Combustíveis' });
  await page.getByRole('button', { name: 'Trocar empresa' }).click();
  await page.context().close();
});
