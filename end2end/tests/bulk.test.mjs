import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, signIn, DEMO_USERS, eventually } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin, clerk] = DEMO_USERS;
const CODE = '1500';

test('alter all: filter by region, change the salesperson with notes, see it in the history, undo the batch', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);

  // Customer 1500's salesperson and region, as they are now.
  await open(page, `/clientes/${CODE}`);
  const salesperson = page.getByLabel('Vendedor', { exact: true });
  const before = (await salesperson.locator('option:checked').textContent()).trim();
  const region = (await page.getByLabel('Região', { exact: true }).locator('option:checked').textContent()).trim();
  const options = (await salesperson.locator('option').allTextContents()).map((o) => o.trim());
  const target = options.find((o) => o && o !== before && !o.startsWith('('));

  await open(page, `/clientes?q=${CODE}`);
  await page.getByLabel('Região', { exact: true }).selectOption({ label: region });
  await page.waitForURL(/regiao=\d+/);
  await page.getByRole('status').filter({ hasText: /cliente/ }).waitFor();
  const bulk = page.locator('section.bulk');
  await bulk.getByLabel('Campo').selectOption({ label: 'Vendedor' });
  await bulk.getByLabel('Novo valor').selectOption({ label: target });
  await bulk.getByLabel('Observações da troca de vendedor').fill('Carteira redistribuída pela gerência');
  await bulk.getByRole('button', { name: 'Prévia' }).click();
  await bulk.getByRole('status').filter({ hasText: /serão alterados/ }).waitFor();
  assert.match(await bulk.getByRole('status').textContent(), /no filtro: 1 serão alterados|1 serão alterados/);
  await bulk.getByRole('button', { name: 'Confirmar alteração' }).click();
  const done = bulk.getByRole('status').filter({ hasText: /Lote \d+ gravado: 1 cliente/ });
  await done.waitFor();
  const batch = (await done.textContent()).match(/Lote (\d+)/)[1];

  await open(page, `/clientes/${CODE}`);
  assert.equal((await page.getByLabel('Vendedor', { exact: true }).locator('option:checked').textContent()).trim(), target);
  await eventually(async () => {
    const first = page.locator('table.history:not(.salesperson-changes) tbody tr').first();
    assert.match(await first.textContent(), new RegExp(`Ana Administradora.*Vendedor.*${before}.*${target}`));
  });
  assert.match(await page.locator('body').textContent(), /Carteira redistribuída pela gerência/);

  await open(page, '/clientes/lotes');
  await page.getByRole('button', { name: `Desfazer lote ${batch}` }).click();
  await page.getByRole('cell', { name: /Desfeito por Ana Administradora/ }).waitFor();
  await open(page, `/clientes/${CODE}`);
  assert.equal((await page.getByLabel('Vendedor', { exact: true }).locator('option:checked').textContent()).trim(), before);
  await page.context().close();
});

test('the clerk, without "bulk update", is not offered alter all', async () => {
  const page = await newPage(browser);
  await signIn(page, clerk);
  await open(page, '/clientes');
  await page.getByRole('status').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Alterar todos os clientes filtrados' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Lotes de alteração' }).count(), 0);
  await page.context().close();
});

test('grid: pick two rows for a batch, move between rows with the arrow keys, sort by a column header', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/clientes');
  await page.getByRole('status').filter({ hasText: /cliente/ }).waitFor();
  const rows = page.locator('table.customers tbody tr');
  const firstCode = (await rows.nth(0).getByRole('link').textContent()).trim();
  const secondCode = (await rows.nth(1).getByRole('link').textContent()).trim();

  await page.getByLabel(`Selecionar cliente ${firstCode}`, { exact: true }).check();
  await page.getByLabel(`Selecionar cliente ${secondCode}`, { exact: true }).check();
  await page.getByRole('heading', { name: 'Alterar os 2 clientes selecionados' }).waitFor();
  const bulk = page.locator('section.bulk');
  await bulk.getByLabel('Campo').selectOption({ label: 'Situação' });
  await bulk.getByLabel('Novo valor').selectOption({ label: 'Pendente' });
  await bulk.getByRole('button', { name: 'Prévia' }).click();
  const preview = bulk.getByRole('status').filter({ hasText: /no lote/ });
  await preview.waitFor();
  assert.match(await preview.textContent(), /^2 cliente\(s\) no lote/);

  // A second field in the same batch: the same field twice is refused, two fields are counted each.
  await bulk.getByRole('button', { name: '+ Outro campo' }).click();
  const fieldSelects = bulk.getByLabel('Campo', { exact: true });
  await fieldSelects.nth(1).selectOption({ label: 'Situação' });
  await bulk.getByRole('button', { name: 'Prévia' }).click();
  await bulk.getByRole('alert').filter({ hasText: 'Situação aparece mais de uma vez.' }).waitFor();
  await fieldSelects.nth(1).selectOption({ label: 'Bairro' });
  await bulk.getByLabel('Novo valor', { exact: true }).nth(1).fill('Centro');
  await bulk.getByRole('button', { name: 'Prévia' }).click();
  await bulk.getByRole('status').filter({ hasText: /\(Situação: \d; Bairro: \d/ }).waitFor();
  await bulk.getByRole('button', { name: 'Remover campo' }).nth(1).click();
  assert.equal(await fieldSelects.count(), 1);

  await page.getByRole('button', { name: 'Usar todos os do filtro' }).click();
  await page.getByRole('heading', { name: 'Alterar todos os clientes filtrados' }).waitFor();

  // ↓ from the first row's code goes to the second row's code.
  await rows.nth(0).getByRole('link').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), secondCode);

  await page.getByRole('link', { name: 'Razão social / Nome' }).click();
  await page.waitForURL(/ordem=nome/);
  await page.getByRole('columnheader', { name: /Razão social/ }).and(page.locator('[aria-sort="ascending"]')).waitFor();
  // Clicked again, the column sorts the other way round.
  const firstAscending = (await rows.nth(0).getByRole('link').textContent()).trim();
  await page.getByRole('link', { name: /Razão social \/ Nome/ }).click();
  await page.waitForURL(/ordem=nome-desc/);
  await page.getByRole('columnheader', { name: /Razão social/ }).and(page.locator('[aria-sort="descending"]')).waitFor();
  await eventually(async () => {
    assert.notEqual((await rows.nth(0).getByRole('link').textContent()).trim(), firstAscending);
  });
  await page.context().close();
});
