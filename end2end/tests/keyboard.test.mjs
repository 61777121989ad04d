// Issue 10, items 10 and 15: the city combobox, a customer's edit and a batch, from the
// keyboard alone (no mouse clicks; the focus moves with Tab and arrow keys).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newPage, open, reload, signIn, DEMO_USERS, eventually, isFocused, waitForFocus, selectedLabel,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin] = DEMO_USERS;

// Presses Tab until the control has the focus, as a keyboard user would (bounded).
async function tabTo(page, control, maxPresses = 120) {
  for (let i = 0; i < maxPresses; i += 1) {
    if (await isFocused(control)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach the control in ${maxPresses} presses`);
}

// Moves a focused <select> with the arrow key until it shows the option (bounded).
async function arrowToOption(page, select, label, maxPresses = 30) {
  for (let i = 0; i < maxPresses; i += 1) {
    if ((await selectedLabel(select)) === label) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the select never showed "${label}"`);
}

// Waits until the suggestions for what was typed have arrived (the list is busy meanwhile).
async function suggestionsSettled(list) {
  await eventually(async () => assert.equal(await list.getAttribute('aria-busy'), 'false'));
}

const bulkPanel = (page) => page.getByRole('region', { name: 'Manutenção em lote' });

// The list's "Alterar em lote", reached and followed from the keyboard: the panel opens (its
// code fetched on the way) with its first field focused.
async function openBulkPanel(page) {
  await tabTo(page, page.getByRole('link', { name: 'Alterar em lote' }));
  await page.keyboard.press('Enter');
  await waitForFocus(bulkPanel(page).getByLabel('Campo').first());
  return bulkPanel(page);
}
const grid = (page) => page.getByRole('table', { name: 'Clientes' });

test('city combobox from the keyboard: ArrowDown highlights, Enter picks without submitting, Escape closes then clears, Tab leaves (issue 10, item 10)', async () => {
  const page = await newPage(browser);
  const saves = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/save_address')) saves.push(request.url());
  });
  await signIn(page, admin);
  await open(page, '/clientes/7?aba=enderecos');
  const addresses = page.getByRole('region', { name: 'Endereços' });
  const newAddress = addresses.getByRole('button', { name: 'Novo endereço' });
  await tabTo(page, newAddress);
  await page.keyboard.press('Enter');
  const form = addresses.getByRole('form', { name: 'Novo endereço' });
  const city = form.getByRole('combobox', { name: 'Cidade' });
  await tabTo(page, city);

  await page.keyboard.type('sao leop');
  const list = page.getByRole('listbox', { name: 'Cidades' });
  const option = list.getByRole('option', { name: 'SAO LEOPOLDO - RS' });
  await option.waitFor();
  await suggestionsSettled(list);
  assert.equal(await city.getAttribute('aria-expanded'), 'true');
  assert.equal(await city.getAttribute('aria-controls'), await list.getAttribute('id'));
  assert.equal(await city.getAttribute('aria-autocomplete'), 'list');
  assert.equal(await option.getAttribute('aria-selected'), 'false');
  assert.equal(await city.getAttribute('aria-activedescendant'), null);

  await page.keyboard.press('ArrowDown');
  await eventually(async () => assert.equal(await option.getAttribute('aria-selected'), 'true'));
  assert.equal(await city.getAttribute('aria-activedescendant'), await option.getAttribute('id'));
  assert.ok(await isFocused(city), 'the focus stays in the text box');

  await page.keyboard.press('Enter');
  await eventually(async () => assert.equal(await city.inputValue(), 'SAO LEOPOLDO - RS'));
  await list.waitFor({ state: 'hidden' });
  assert.equal(await city.getAttribute('aria-expanded'), 'false');
  assert.ok(await isFocused(city));
  // Enter picked the city: the half-filled address was not sent, and the form is still open.
  assert.deepEqual(saves, []);
  assert.equal(await form.getByRole('alert').count(), 0);
  await form.getByRole('button', { name: 'Gravar endereço' }).waitFor();

  // Arrows move both ways among several cities; Escape closes, a second Escape clears.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('sao jo');
  const options = list.getByRole('option');
  await suggestionsSettled(list);
  await eventually(async () => assert.ok((await options.count()) > 2, 'several cities start with SAO JO'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await eventually(async () => assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true'));
  await page.keyboard.press('ArrowUp');
  await eventually(async () => assert.equal(await options.nth(0).getAttribute('aria-selected'), 'true'));
  assert.equal(await options.nth(1).getAttribute('aria-selected'), 'false');
  await page.keyboard.press('Escape');
  await list.waitFor({ state: 'hidden' });
  assert.equal(await city.getAttribute('aria-expanded'), 'false');
  assert.equal(await city.inputValue(), 'sao jo');
  await page.keyboard.press('Escape');
  await eventually(async () => assert.equal(await city.inputValue(), ''));

  // Tab leaves the box, closes the list and keeps what was typed.
  await page.keyboard.type('porto ale');
  await list.getByRole('option', { name: 'PORTO ALEGRE - RS' }).waitFor();
  await page.keyboard.press('Tab');
  await list.waitFor({ state: 'hidden' });
  assert.equal(await isFocused(city), false);
  assert.equal(await city.inputValue(), 'porto ale');
  assert.deepEqual(saves, []);
  await page.context().close();
});

test('the batch panel\'s city box is the same combobox: ArrowDown and Enter pick the city (issue 10, item 10)', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  // One customer listed (by its address), so Tab reaches the panel under the list soon.
  await open(page, '/clientes');
  const code = (await grid(page).getByRole('link', { name: /^\d+$/ }).first().textContent()).trim();
  await open(page, `/clientes?q=${code}`);
  await page.getByRole('status').filter({ hasText: /^1 cliente$/ }).waitFor();
  const bulk = await openBulkPanel(page);
  const field = bulk.getByLabel('Campo');
  await tabTo(page, field);
  await arrowToOption(page, field, 'Cidade');
  const city = bulk.getByRole('combobox', { name: 'Novo valor' });
  await tabTo(page, city);
  await page.keyboard.type('sao leop');
  await bulk.getByRole('option', { name: 'SAO LEOPOLDO - RS' }).waitFor();
  await suggestionsSettled(bulk.getByRole('listbox', { name: 'Cidades' }));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await eventually(async () => assert.equal(await city.inputValue(), 'SAO LEOPOLDO - RS'));
  assert.equal(await city.getAttribute('aria-expanded'), 'false');

  // A quick typist: ArrowDown pressed before the suggestions to what was typed have come still
  // highlights one when they come (app/src/components/city_combobox.rs, highlight_after_answer).
  await page.keyboard.press('Escape');
  await eventually(async () => assert.equal(await city.inputValue(), ''));
  await page.keyboard.type('sao leop');
  await page.keyboard.press('ArrowDown');
  const leopoldo = bulk.getByRole('option', { name: 'SAO LEOPOLDO - RS' });
  await eventually(async () => assert.equal(await leopoldo.getAttribute('aria-selected'), 'true'));
  await page.keyboard.press('Enter');
  await eventually(async () => assert.equal(await city.inputValue(), 'SAO LEOPOLDO - RS'));
  await page.context().close();
});

test('a customer is edited from the keyboard alone: Tab to the list, arrow to a row, Enter opens it, Space on Gravar saves (issue 10, item 15)', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/clientes');
  const codes = grid(page).getByRole('link', { name: /^\d+$/ });
  await codes.nth(1).waitFor();
  await tabTo(page, codes.first());
  await page.keyboard.press('ArrowDown');
  await waitForFocus(codes.nth(1));
  const href = await codes.nth(1).getAttribute('href');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === href);

  const tradeName = page.getByLabel('Nome fantasia');
  await tradeName.waitFor();
  await tabTo(page, tradeName);
  // Letters only: digits in a name would match another test's search by code.
  const newName = `Teclado ${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
  await page.keyboard.press('Control+A');
  await page.keyboard.type(newName);
  await tabTo(page, page.getByRole('button', { name: 'Gravar', exact: true }));
  await page.keyboard.press('Space');
  await page.getByRole('status').filter({ hasText: 'Alterações gravadas.' }).waitFor();
  await reload(page);
  assert.equal(await page.getByLabel('Nome fantasia').inputValue(), newName);
  await page.context().close();
});

test('a batch is run from the keyboard alone: field, value, Prévia, Confirmar alteração (issue 10, item 15)', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/clientes');
  // One customer, by its code in the address (Tab then reaches the panel under the list soon).
  const code = (await grid(page).getByRole('link', { name: /^\d+$/ }).nth(2).textContent()).trim();
  await open(page, `/clientes?q=${code}`);
  await page.getByRole('status').filter({ hasText: /^1 cliente$/ }).waitFor();
  const row = grid(page).getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) });
  const current = (await row.locator('td[data-label="Situação"]').textContent()).trim();

  const bulk = await openBulkPanel(page);
  const field = bulk.getByLabel('Campo');
  await tabTo(page, field);
  await arrowToOption(page, field, 'Situação');
  const value = bulk.getByLabel('Novo valor');
  await tabTo(page, value);
  const labels = (await value.getByRole('option').allTextContents()).map((o) => o.trim());
  const target = labels.find((l) => l !== current && l !== 'Escolha…');
  await arrowToOption(page, value, target);

  await tabTo(page, bulk.getByRole('button', { name: 'Prévia' }));
  await page.keyboard.press('Enter');
  await bulk.getByText('1 cliente no lote: 1 será alterado; 0 já têm esses valores.', { exact: true }).waitFor();
  // The focus goes on from the preview's confirmation, not from the top of the page.
  await waitForFocus(bulk.getByRole('button', { name: 'Confirmar alteração' }));
  await page.keyboard.press('Space');
  await bulk.getByRole('status').filter({ hasText: /Lote \d+ gravado: 1 cliente/ }).waitFor();

  await open(page, `/clientes?q=${code}`);
  await eventually(async () => {
    const shown = (await grid(page).getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) })
      .locator('td[data-label="Situação"]').textContent()).trim();
    assert.equal(shown, target);
  });
  await page.context().close();
});

test('addresses from the keyboard: the form opens on its first field and closes back to "Novo endereço"; deleting asks first, names the address and says it is done', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/clientes/44?aba=enderecos');
  const addresses = page.getByRole('region', { name: 'Endereços' });
  const newAddress = addresses.getByRole('button', { name: 'Novo endereço' });
  await tabTo(page, newAddress);
  await page.keyboard.press('Enter');
  const form = addresses.getByRole('form', { name: 'Novo endereço' });
  const role = form.getByLabel('Tipo', { exact: true });
  await waitForFocus(role);
  await tabTo(page, form.getByRole('button', { name: 'Cancelar' }));
  await page.keyboard.press('Enter');
  await form.waitFor({ state: 'detached' });
  await waitForFocus(newAddress);

  await page.keyboard.press('Enter');
  await waitForFocus(role);
  await arrowToOption(page, role, 'Cobrança');
  await page.keyboard.press('Tab');
  await page.keyboard.type('93010000');
  await tabTo(page, form.getByLabel('Logradouro'));
  await page.keyboard.type('Rua do Teclado');
  await tabTo(page, form.getByLabel('Número', { exact: true }));
  await page.keyboard.type('44');
  await tabTo(page, form.getByLabel('Bairro'));
  await page.keyboard.type('Centro');
  const city = form.getByRole('combobox', { name: 'Cidade' });
  await tabTo(page, city);
  await page.keyboard.type('sao leop');
  const list = page.getByRole('listbox', { name: 'Cidades' });
  await list.getByRole('option', { name: 'SAO LEOPOLDO - RS' }).waitFor();
  await suggestionsSettled(list);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await eventually(async () => assert.equal(await city.inputValue(), 'SAO LEOPOLDO - RS'));
  await tabTo(page, form.getByRole('button', { name: 'Gravar endereço' }));
  await page.keyboard.press('Enter');
  await addresses.getByRole('status').filter({ hasText: 'Endereço gravado.' }).waitFor();
  await waitForFocus(newAddress);
  const line = 'Rua do Teclado, 44 - Centro - SAO LEOPOLDO - RS - CEP 93010-000';
  const saved = addresses.getByRole('listitem').filter({ hasText: line });
  await saved.waitFor();

  // Deleting asks first: "Cancelar" (focused) keeps the address, and the focus comes back.
  const remove = saved.getByRole('button', { name: 'Excluir endereço Cobrança' });
  await tabTo(page, remove);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Excluir o endereço Cobrança?' });
  await dialog.waitFor();
  assert.equal(await dialog.getByText(`${line}. Não há como desfazer.`).count(), 1);
  await waitForFocus(dialog.getByRole('button', { name: 'Cancelar' }));
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await waitForFocus(remove);
  assert.equal(await saved.count(), 1);

  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await tabTo(page, dialog.getByRole('button', { name: 'Excluir' }));
  await page.keyboard.press('Enter');
  await addresses.getByRole('status').filter({ hasText: 'Endereço excluído.' }).waitFor();
  await saved.waitFor({ state: 'detached' });
  await waitForFocus(newAddress);

  // The customer's only main address: the question says what its deletion leaves without one.
  await addresses.getByRole('button', { name: 'Excluir endereço Principal' }).click();
  const lastMain = page.getByRole('dialog', { name: 'Excluir o endereço Principal?' });
  await lastMain.getByText(/É o único endereço principal do cliente: sem ele, pedidos e notas fiscais ficam sem endereço\./).waitFor();
  await lastMain.getByRole('button', { name: 'Cancelar' }).click();
  await lastMain.waitFor({ state: 'hidden' });
  await page.context().close();
});

test('the first Tab offers to skip the top bar: Enter takes the keyboard straight to the page', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/tabelas/regioes');
  const skip = page.getByRole('link', { name: 'Pular para o conteúdo' });
  await page.keyboard.press('Tab');
  await waitForFocus(skip);
  // Seen once focused: inside the window, not off its top.
  const box = await skip.boundingBox();
  assert.ok(box && box.y >= 0, `the skip link shows: ${JSON.stringify(box)}`);
  await page.keyboard.press('Enter');
  await waitForFocus(page.locator('main#conteudo'));
  assert.equal(new URL(page.url()).pathname, '/tabelas/regioes', 'the page stays');
  // The next Tab lands inside the page, not on the top bar.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.querySelector('main').contains(document.activeElement)));
  await page.context().close();
});
