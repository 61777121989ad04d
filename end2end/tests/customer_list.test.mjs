import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, newPage, open, signIn, DEMO_USERS, eventually } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin] = DEMO_USERS;

async function listedNames(page) {
  return page.locator('table.customers tbody td[data-label="Nome"] strong').allTextContents();
}

test('typing filters the list live; the URL keeps the filter across a reload', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('heading', { name: 'Clientes', exact: true }).waitFor();
  await page.getByRole('status').waitFor();

  await page.getByLabel('Buscar').fill('Schneider');
  await page.waitForURL(/[?&]q=Schneider/);
  const names = await eventually(async () => {
    const found = await listedNames(page);
    assert.ok(found.length > 0, 'some demo customers are Schneiders');
    for (const name of found) assert.match(name, /schneider/i);
    return found;
  });

  await page.reload();
  await page.waitForSelector('body[data-hydrated="true"]');
  assert.equal(await page.getByLabel('Buscar').inputValue(), 'Schneider');
  assert.deepEqual(await listedNames(page), names);

  await page.getByLabel('Situação').selectOption({ label: 'Inativo' });
  await page.waitForURL(/situacao=inactive/);
  await page.getByRole('status').filter({ hasText: 'Nenhum cliente encontrado' }).waitFor();
  await page.context().close();
});

test('filter by region and text; reloading the URL shows the same result', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/clientes');
  await page.getByRole('status').waitFor();

  await page.getByLabel('Região', { exact: true }).selectOption({ label: 'SC - Santa Catarina' });
  await page.waitForURL(/[?&]regiao=\d+/);
  await page.getByLabel('Buscar').fill('Silva');
  await page.waitForURL(/[?&]q=Silva/);
  const cities = async () => page.locator('td[data-label="Cidade"]').allTextContents();
  const rows = await eventually(async () => {
    const names = await listedNames(page);
    assert.ok(names.length > 0, 'demo customers named Silva live in Santa Catarina');
    for (const name of names) assert.match(name, /silva/i);
    // The demo's regions follow the state of the customer's city.
    for (const city of await cities()) assert.match(city, / - SC$/);
    return { names, count: await page.getByRole('status').textContent() };
  });

  await page.reload();
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 30_000 });
  assert.equal(await page.getByLabel('Buscar').inputValue(), 'Silva');
  assert.match(await page.getByLabel('Região', { exact: true }).locator('option:checked').textContent(), /Santa Catarina/);
  assert.deepEqual(await listedNames(page), rows.names);
  assert.equal(await page.getByRole('status').textContent(), rows.count);

  await page.getByLabel('Região', { exact: true }).selectOption({ label: 'Todos' });
  await page.waitForURL((url) => !url.searchParams.has('regiao'));
  await page.context().close();
});

test('R-BULK-2: "is none of" typed as codes leaves those regions out, and stays in the URL', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/clientes');
  await page.getByRole('status').waitFor();
  await page.getByText('Vários códigos (é um de / não é nenhum de)').click();
  const box = page.getByLabel('Região: códigos', { exact: true });
  await box.fill('não: RS, sc');
  await box.press('Enter');
  await page.waitForURL(/[?&]regiao=nao%3A\d+%2C\d+|[?&]regiao=nao:\d+,\d+/);
  const states = async () => (await page.locator('td[data-label="Cidade"]').allTextContents())
    .map((city) => city.trim().slice(-2));
  await eventually(async () => {
    const listed = await states();
    assert.ok(listed.length > 0);
    for (const state of listed) assert.ok(!['RS', 'SC'].includes(state), `found ${state}`);
  });
  assert.match(await page.getByLabel('Região', { exact: true }).locator('option:checked').textContent(), /vários códigos/);

  await page.reload();
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 30_000 });
  for (const state of await states()) assert.ok(!['RS', 'SC'].includes(state), `found ${state} after reload`);

  await box.fill('XX');
  await box.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'Código não encontrado: XX.' }).waitFor();
  await page.context().close();
});

test('the next page continues where the first ended', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/clientes');
  await page.getByRole('status').filter({ hasText: 'mais de 1.000 clientes' }).waitFor();
  const codes = async () => page.locator('td[data-label="Código"]').allTextContents();
  const first = (await codes()).map(Number);
  assert.equal(first.length, 50);
  await page.getByRole('link', { name: 'Próxima página →' }).click();
  await page.waitForURL(/apos=/);
  const second = await eventually(async () => {
    const found = (await codes()).map(Number);
    assert.ok(found[0] > first[first.length - 1]);
    return found;
  });
  assert.equal(second.length, 50);
  await page.context().close();
});

test('at 375 px the list shows cards without sideways scrolling', async () => {
  const page = await newPage(browser, { width: 375, height: 740 });
  await signIn(page, admin);
  await open(page, '/clientes?ordem=nome');
  await page.getByRole('status').waitFor();
  assert.ok((await page.locator('table.customers tbody tr').count()) > 0, 'customers listed');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  mkdirSync('end2end/screenshots', { recursive: true });
  await page.screenshot({ path: 'end2end/screenshots/customers-375.png', fullPage: false });
  await page.context().close();
});
