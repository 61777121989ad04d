import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, newPage, open, reload, signIn, DEMO_USERS, eventually, selectedLabel } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin] = DEMO_USERS;

// The grid's rows of customers (the header row holds no customer code link), as read.
const customerRows = (page) => page.getByRole('row').filter({ has: page.getByRole('link', { name: /^\d+$/ }) });
const listedRows = (page) => customerRows(page).allTextContents();
// City cells hold an IBGE identification, "SAO LEOPOLDO - RS".
const listedCities = (page) => page.getByRole('cell', { name: /^[A-Z' -]+ - [A-Z]{2}$/ }).allTextContents();
const listedCodes = (page) => page.getByRole('table').getByRole('link', { name: /^\d+$/ }).allTextContents();

test('typing filters the list live; the URL keeps the filter across a reload', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Clientes', exact: true }).click();
  await page.getByRole('heading', { name: 'Clientes', exact: true }).waitFor();
  await page.getByRole('status').waitFor();

  await page.getByLabel('Buscar').fill('Schneider');
  await page.waitForURL(/[?&]q=Schneider/);
  // Each row names a Schneider, in its legal or its trade name.
  const rows = await eventually(async () => {
    const found = await listedRows(page);
    assert.ok(found.length > 0, 'some demo customers are Schneiders');
    for (const row of found) assert.match(row, /schneider/i);
    return found;
  });

  await reload(page);
  assert.equal(await page.getByLabel('Buscar').inputValue(), 'Schneider');
  assert.deepEqual(await listedRows(page), rows);

  await page.getByLabel('Situação').selectOption({ label: 'Inativo' });
  await page.waitForURL(/situacao=inactive/);
  // Only the inactive Schneiders remain (fewer than all of them), each shown as inactive, and
  // the count line says how many.
  await eventually(async () => {
    const listed = customerRows(page);
    const n = await listed.count();
    assert.ok(n < rows.length, 'the list follows the new filter');
    assert.equal(await listed.filter({ has: page.getByRole('cell', { name: 'Inativo', exact: true }) }).count(), n);
    for (const row of await listed.allTextContents()) assert.match(row, /schneider/i);
    const count = n === 0 ? 'Nenhum cliente encontrado' : n === 1 ? '1 cliente' : `${n} clientes`;
    assert.equal(await page.getByRole('status').textContent(), count);
  });
  await page.context().close();
});

test('Enter in the search box applies the filters without reloading the page; the address holds only what is set', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/clientes');
  await page.getByRole('status').waitFor();
  // Gone if the page were loaded again.
  await page.evaluate(() => { window.__samePage = true; });
  const search = page.getByLabel('Buscar');
  await search.fill('Schneider');
  await search.press('Enter');
  await page.waitForURL((url) => url.search === '?q=Schneider');
  await eventually(async () => {
    for (const row of await listedRows(page)) assert.match(row, /schneider/i);
  });
  assert.equal(await page.evaluate(() => window.__samePage), true, 'the page was not reloaded');
  assert.equal(await search.inputValue(), 'Schneider');
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
  const found = await eventually(async () => {
    const rows = await listedRows(page);
    assert.ok(rows.length > 0, 'demo customers named Silva live in Santa Catarina');
    for (const row of rows) assert.match(row, /silva/i);
    // The demo's regions follow the state of the customer's city: one city per row, all in SC.
    const cities = await listedCities(page);
    assert.equal(cities.length, rows.length);
    for (const city of cities) assert.match(city, / - SC$/);
    return { rows, count: await page.getByRole('status').textContent() };
  });

  await reload(page);
  assert.equal(await page.getByLabel('Buscar').inputValue(), 'Silva');
  assert.match(await selectedLabel(page.getByLabel('Região', { exact: true })), /Santa Catarina/);
  assert.deepEqual(await listedRows(page), found.rows);
  assert.equal(await page.getByRole('status').textContent(), found.count);

  await page.getByLabel('Região', { exact: true }).selectOption({ label: 'Todas' });
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
  const states = async () => (await listedCities(page)).map((city) => city.trim().slice(-2));
  await eventually(async () => {
    const listed = await states();
    assert.equal(listed.length, (await listedRows(page)).length, 'every listed customer has a city');
    assert.ok(listed.length > 0);
    for (const state of listed) assert.ok(!['RS', 'SC'].includes(state), `found ${state}`);
  });
  assert.match(await selectedLabel(page.getByLabel('Região', { exact: true })), /vários códigos/);

  await reload(page);
  for (const state of await states()) assert.ok(!['RS', 'SC'].includes(state), `found ${state} after reload`);
  const regionParam = () => new URL(page.url()).searchParams.get('regiao');
  const applied = regionParam();
  assert.match(applied, /^nao:\d+,\d+$/);

  // "Filtrar" sends the whole form: the list condition, which the select cannot show, stays.
  // (The address it goes to is the same: wait for the router to have written it.)
  await page.evaluate(() => {
    window.__written = 0;
    for (const method of ['pushState', 'replaceState']) {
      const original = history[method].bind(history);
      history[method] = (...args) => { original(...args); window.__written += 1; };
    }
  });
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await eventually(async () => assert.ok(await page.evaluate(() => window.__written > 0)));
  assert.equal(regionParam(), applied);
  // Codes typed and then "Filtrar" pressed at once apply too.
  await box.fill('não: RS');
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await eventually(async () => assert.match(regionParam() ?? '', /^nao:\d+$/));

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
  const first = (await listedCodes(page)).map(Number);
  assert.equal(first.length, 50);
  await page.getByRole('link', { name: 'Próxima página →' }).click();
  await page.waitForURL(/apos=/);
  const second = await eventually(async () => {
    const found = (await listedCodes(page)).map(Number);
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
  assert.ok((await customerRows(page).count()) > 0, 'customers listed');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  mkdirSync('end2end/screenshots', { recursive: true });
  await page.screenshot({ path: 'end2end/screenshots/customers-375.png', fullPage: false });

  // A tap anywhere on a card opens its customer, not only on its code; the box still picks.
  const first = customerRows(page).first();
  const code = (await first.getByRole('link').textContent()).trim();
  await first.getByLabel(`Selecionar cliente ${code}`, { exact: true }).check();
  assert.match(page.url(), /\/clientes\?ordem=nome$/, 'ticking the box stays on the list');
  // Where the name is drawn: the code's link, stretched over the card, takes the tap.
  const name = await first.getByRole('cell').filter({ has: page.locator('strong') }).boundingBox();
  await page.mouse.click(name.x + name.width / 2, name.y + name.height / 2);
  await page.waitForURL(new RegExp(`/clientes/${code}$`));
  await page.context().close();
});

test('"Voltar à lista" on a record comes back to the search it was opened from; leaving a record, by the link or Back, panics nothing', async () => {
  const page = await newPage(browser);
  const panics = [];
  page.on('pageerror', (error) => panics.push(error.message));
  page.on('console', (message) => { if (message.text().includes('panicked')) panics.push(message.text()); });
  await signIn(page, admin);
  await open(page, '/clientes');
  await page.getByLabel('Buscar').fill('Schneider');
  await page.waitForURL(/[?&]q=Schneider/);
  const first = page.getByRole('table').getByRole('link', { name: /^\d+$/ }).first();
  await eventually(async () => assert.match(await listedRows(page).then((rows) => rows[0]), /schneider/i));
  await first.click();
  await page.waitForURL(/\/clientes\/\d+$/);
  await page.getByRole('link', { name: 'Voltar à lista' }).click();
  await page.waitForURL(/\/clientes\?.*q=Schneider/);
  assert.equal(await page.getByLabel('Buscar').inputValue(), 'Schneider');
  // Back to the record, Back again to the list: the list is drawn and answers, no panic.
  await page.goBack();
  await page.getByRole('link', { name: 'Voltar à lista' }).waitFor();
  await page.goBack();
  await page.waitForURL(/\/clientes\?.*q=Schneider/);
  await eventually(async () => assert.match(await listedRows(page).then((rows) => rows[0]), /schneider/i));
  await first.click();
  await page.waitForURL(/\/clientes\/\d+$/);
  assert.deepEqual(panics, []);
  await page.context().close();
});

test('on a phone, Back from a record finds the list scrolled where it was left', async () => {
  const page = await newPage(browser, { width: 375, height: 740 });
  await signIn(page, admin);
  await open(page, '/clientes');
  const codes = page.getByRole('table').getByRole('link', { name: /^\d+$/ });
  await codes.nth(20).waitFor();
  await codes.nth(20).scrollIntoViewIfNeeded();
  const left = await page.evaluate(() => window.scrollY);
  assert.ok(left > 1000, `scrolled down the list: ${left}`);
  await codes.nth(20).click();
  await page.waitForURL(/\/clientes\/\d+$/);
  await page.getByLabel('Nome fantasia').waitFor();
  await page.goBack();
  await page.waitForURL(/\/clientes$/);
  await eventually(async () => {
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(y - left) < 40, `back at ${y}, left at ${left}`);
  });
  await page.context().close();
});
