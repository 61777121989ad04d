import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newPage, open, reload, signIn, DEMO_USERS, eventually, isFocused, waitForFocus, selectedLabel,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin, clerk] = DEMO_USERS;
const CODE = '1500';

// The batch panel on the customer list, named by its heading.
const bulkPanel = (page) => page.getByRole('region', { name: 'Manutenção em lote' });
// The grid's rows of customers (the header row holds no customer code link).
const customerRows = (page) => page.getByRole('row').filter({ has: page.getByRole('link', { name: /^\d+$/ }) });
const listedCodes = (page) => page.getByRole('table').getByRole('link', { name: /^\d+$/ }).allTextContents();

test('alter all: filter by region, change the salesperson with notes, see it in the history, undo the batch after confirming', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);

  // Customer 1500's salesperson and region, as they are now.
  await open(page, `/clientes/${CODE}`);
  const salesperson = page.getByLabel('Vendedor', { exact: true });
  const before = await selectedLabel(salesperson);
  const region = await selectedLabel(page.getByLabel('Região', { exact: true }));
  const options = (await salesperson.getByRole('option').allTextContents()).map((o) => o.trim());
  const target = options.find((o) => o && o !== before && !o.startsWith('('));

  // Opened from the list's "Alterar em lote": the panel stays while the filter narrows.
  await open(page, `/clientes?q=${CODE}&lote=1`);
  await page.getByLabel('Região', { exact: true }).selectOption({ label: region });
  await page.waitForURL(/regiao=\d+/);
  // The filter holds exactly customer 1500.
  await page.getByRole('status').filter({ hasText: /^1 cliente$/ }).waitFor();
  assert.deepEqual(await listedCodes(page), [CODE]);
  // The address keeps asking for the panel: a reload (or a shared link) opens it again.
  assert.match(page.url(), /[?&]lote=1/);
  await reload(page);
  const bulk = bulkPanel(page);
  await bulk.getByLabel('Campo').waitFor();
  await bulk.getByLabel('Campo').selectOption({ label: 'Vendedor' });
  await bulk.getByLabel('Novo valor').selectOption({ label: target });
  await bulk.getByLabel('Observações da troca de vendedor').fill('Carteira redistribuída pela gerência');
  await bulk.getByRole('button', { name: 'Prévia' }).click();
  await bulk.getByText('1 cliente no lote: 1 será alterado; 0 já têm esses valores.', { exact: true }).waitFor();
  await bulk.getByRole('button', { name: 'Confirmar alteração' }).click();
  const saved = bulk.getByRole('status').filter({ hasText: /^Lote \d+ gravado: 1 cliente alterado\./ });
  await saved.waitFor();
  // The confirm button went with the preview: the keyboard is on the result, not the page top.
  await waitForFocus(saved);
  const batch = (await saved.textContent()).match(/^Lote (\d+)/)[1];

  await open(page, `/clientes/${CODE}`);
  assert.equal(await selectedLabel(page.getByLabel('Vendedor', { exact: true })), target);
  await open(page, `/clientes/${CODE}?aba=historico`);
  const history = page.getByRole('table', { name: 'Histórico de alterações' });
  // Newest first: on a database the suite ran on before, earlier runs left rows like this one.
  // The batch is named beside the user who ran it.
  const change = new RegExp(`Ana Administradora \\(lote ${batch}\\).*Vendedor.*${before}.*${target}`);
  await history.getByRole('row', { name: change }).first().waitFor();
  assert.match(await history.getByRole('row').nth(1).textContent(), new RegExp(`Vendedor.*${before}.*${target}`));
  await page.getByRole('table', { name: 'Trocas de vendedor' })
    .getByRole('cell', { name: 'Carteira redistribuída pela gerência' }).first().waitFor();

  // Undo asks first, naming the batch, how many customers and the field that go back.
  await open(page, '/clientes/lotes');
  const undo = page.getByRole('button', { name: `Desfazer lote ${batch}` });
  const dialog = page.getByRole('dialog', { name: `Desfazer o lote ${batch}: 1 cliente volta ao valor anterior de Vendedor?` });
  await undo.click();
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute('aria-modal'), 'true');
  await waitForFocus(dialog.getByRole('button', { name: 'Cancelar' }));
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await waitForFocus(undo);
  await undo.click();
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await waitForFocus(undo);

  // Cancelled twice, nothing was undone: the customer keeps the batch's salesperson.
  await open(page, `/clientes/${CODE}`);
  assert.equal(await selectedLabel(page.getByLabel('Vendedor', { exact: true })), target);

  await open(page, '/clientes/lotes');
  await undo.click();
  await dialog.getByRole('button', { name: 'Desfazer lote' }).click();
  const undone = page.getByRole('status').filter({ hasText: `Lote ${batch} desfeito: 1 cliente voltou ao valor anterior.` });
  await undone.waitFor();
  await waitForFocus(undone);
  const batchRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: batch, exact: true }) });
  await batchRow.getByRole('cell', { name: /^Desfeito por Ana Administradora/ }).waitFor();
  assert.equal(await undo.count(), 0);
  await open(page, `/clientes/${CODE}`);
  assert.equal(await selectedLabel(page.getByLabel('Vendedor', { exact: true })), before);
  await page.context().close();
});

test('the clerk, without "bulk update", is not offered alter all', async () => {
  const page = await newPage(browser);
  await signIn(page, clerk);
  await open(page, '/clientes');
  await page.getByRole('status').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Manutenção em lote' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Lotes de alteração' }).count(), 0);
  await page.context().close();
});

test('grid: pick two rows for a batch, move between rows with the arrow keys, sort by a column header', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/clientes');
  await page.getByRole('status').filter({ hasText: /cliente/ }).waitFor();
  const [firstCode, secondCode] = await listedCodes(page);
  // How many of the two are pending already: those the batch leaves as they are.
  let alreadyPending = 0;
  for (const code of [firstCode, secondCode]) {
    const row = customerRows(page).filter({ has: page.getByRole('link', { name: code, exact: true }) });
    alreadyPending += await row.getByRole('cell', { name: 'Pendente', exact: true }).count();
  }

  await page.getByLabel(`Selecionar cliente ${firstCode}`, { exact: true }).check();
  await page.getByLabel(`Selecionar cliente ${secondCode}`, { exact: true }).check();
  await page.getByText('Altera só os 2 clientes selecionados.').waitFor();
  const bulk = bulkPanel(page);
  await bulk.getByLabel('Campo').selectOption({ label: 'Situação' });
  await bulk.getByLabel('Novo valor').selectOption({ label: 'Pendente' });
  await bulk.getByRole('button', { name: 'Prévia' }).click();
  await bulk.getByText(
    `2 clientes no lote: ${2 - alreadyPending} ${2 - alreadyPending === 1 ? 'será alterado' : 'serão alterados'}; ${alreadyPending} ${alreadyPending === 1 ? 'já tem' : 'já têm'} esses valores.`,
    { exact: true },
  ).waitFor();

  // A second field in the same batch: the same field twice is refused, two fields are counted each.
  const fieldBoxes = bulk.getByRole('combobox', { name: 'Campo', exact: true });
  // A line's field box, told apart by the field it shows.
  const fieldBox = (label) => fieldBoxes.filter({ has: page.getByRole('option', { name: label, selected: true }) });
  await bulk.getByRole('button', { name: '+ Outro campo' }).click();
  await fieldBox('Escolha…').selectOption({ label: 'Bairro' });
  // Bairro's new value is typed: the only text box named "Novo valor".
  await bulk.getByRole('textbox', { name: 'Novo valor' }).fill('Centro');
  await bulk.getByRole('button', { name: 'Prévia' }).click();
  await bulk.getByRole('status').filter({ hasText: new RegExp(`\\(Situação: ${2 - alreadyPending}; Bairro: [0-2]\\)`) }).waitFor();

  await bulk.getByRole('button', { name: '+ Outro campo' }).click();
  await fieldBox('Escolha…').selectOption({ label: 'Situação' });
  await bulk.getByRole('button', { name: 'Prévia' }).click();
  await bulk.getByRole('alert').filter({ hasText: 'Situação aparece mais de uma vez.' }).waitFor();
  assert.equal(await fieldBox('Situação').count(), 2);

  // Each line's "Remover campo" follows its own boxes: a keyboard user tabs from the field to it.
  await fieldBox('Bairro').focus();
  await page.keyboard.press('Tab'); // the new value
  await page.keyboard.press('Tab'); // its "Remover campo"
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Remover campo');
  await page.keyboard.press('Enter');
  await eventually(async () => assert.equal(await fieldBoxes.count(), 2));
  assert.equal(await fieldBox('Bairro').count(), 0);

  await page.getByRole('button', { name: 'Usar todos os do filtro' }).click();
  await page.getByText('Altera todos os clientes filtrados.').waitFor();

  // ↓ from the first row's code goes to the second row's code.
  await page.getByRole('link', { name: firstCode, exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  assert.ok(await isFocused(page.getByRole('link', { name: secondCode, exact: true })));

  const nameHeader = page.getByRole('columnheader', { name: /Razão social/ });
  await page.getByRole('link', { name: 'Razão social / Nome' }).click();
  await page.waitForURL(/ordem=nome(&|$)/);
  await eventually(async () => assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending'));
  // Sorted by name, the codes no longer rise down the page.
  const ascending = await eventually(async () => {
    const codes = await listedCodes(page);
    assert.ok(codes.some((code, i) => i > 0 && Number(code) < Number(codes[i - 1])), 'the list follows the new order');
    return codes;
  });
  // Clicked again, the column sorts the other way round: the first page is the other end of the list.
  await page.getByRole('link', { name: /Razão social \/ Nome/ }).click();
  await page.waitForURL(/ordem=nome-desc/);
  await eventually(async () => assert.equal(await nameHeader.getAttribute('aria-sort'), 'descending'));
  await eventually(async () => {
    const descending = await listedCodes(page);
    assert.equal(descending.length, 50);
    assert.deepEqual(descending.filter((code) => ascending.includes(code)), []);
  });
  await page.context().close();
});

test('issue 10 item 11: once a batch is applied its preview is gone; the result says how many changed and links to the batch', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  const code = '1700';
  await open(page, `/clientes?q=${code}`);
  const row = customerRows(page).filter({ has: page.getByRole('link', { name: code, exact: true }) });
  await row.waitFor();
  const status = (await row.getByRole('cell', { name: /^(Ativo|Pendente|Inativo)$/ }).textContent()).trim();
  const target = status === 'Inativo' ? 'Pendente' : 'Inativo';
  await page.getByLabel(`Selecionar cliente ${code}`, { exact: true }).check();
  await page.getByText('Altera só o cliente selecionado.').waitFor();
  const bulk = bulkPanel(page);
  await bulk.getByLabel('Campo').selectOption({ label: 'Situação' });
  await bulk.getByLabel('Novo valor').selectOption({ label: target });
  await bulk.getByRole('button', { name: 'Prévia' }).click();
  await bulk.getByText('1 cliente no lote: 1 será alterado; 0 já têm esses valores.', { exact: true }).waitFor();
  const confirm = bulk.getByRole('button', { name: 'Confirmar alteração' });
  await confirm.click();

  const saved = bulk.getByRole('status').filter({ hasText: /^Lote \d+ gravado: 1 cliente alterado\.$/ });
  await saved.waitFor();
  const batch = (await saved.textContent()).match(/^Lote (\d+)/)[1];
  // The spent preview and its confirmation are gone: nothing invites a second apply.
  await confirm.waitFor({ state: 'detached' });
  assert.equal(await bulk.getByText(/clientes? no lote/).count(), 0);
  assert.equal(await page.getByRole('alert').count(), 0);
  // The list under the panel shows the new value without a reload.
  await row.getByRole('cell', { name: target, exact: true }).waitFor();

  const link = saved.getByRole('link', { name: `Lote ${batch}, na lista de lotes (desfazer)` });
  await link.click();
  await page.waitForURL(/\/clientes\/lotes/);
  await page.getByRole('heading', { name: 'Lotes de alteração' }).waitFor();
  const batchRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: batch, exact: true }) });
  await batchRow.waitFor();
  // The link's #lote-N names that very row.
  assert.equal(new URL(page.url()).hash, `#lote-${batch}`);
  assert.equal(await batchRow.getAttribute('id'), `lote-${batch}`);
  await batchRow.getByRole('button', { name: `Desfazer lote ${batch}` }).waitFor();
  // Its state reads before the button that undoes it.
  assert.equal((await batchRow.getByRole('cell').last().textContent()).trim(), 'Aplicado · Desfazer');
  await page.context().close();
});
