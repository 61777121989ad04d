// Layouts that fit (issue 10, items 5, 6 and 12): every route at phone width without sideways
// scrolling, a compact top bar with a menu button on phones, tables whose documents, codes and
// words stay whole at a desktop's width, and a menu whose items lead where their names say.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, newPage, open, signIn, DEMO_USERS, eventually, waitForFocus } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin, , , salesperson] = DEMO_USERS;
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1366, height: 800 };
const TABLES = ['grupos', 'ramos', 'regioes', 'vendedores', 'categorias', 'tipos-de-cobranca', 'mensagens-da-nota', 'listas-de-preco', 'planos-de-pagamento', 'transportadoras', 'frota', 'contas-gerenciais', 'contas-reais'];
const SHOTS = 'end2end/screenshots';

// Every route a signed-in user reaches, the customer record (of a demo customer) found from the list.
async function signedInRoutes(page) {
  await open(page, '/clientes');
  const record = await page.getByRole('table').getByRole('link', { name: /^\d+$/ }).first().getAttribute('href');
  return [
    '/',
    '/clientes',
    '/clientes?situacao=active&ordem=nome-desc&cidade=SANTA&q=silva',
    '/clientes?lote=1',
    '/clientes/novo',
    record,
    `${record}?aba=enderecos`,
    `${record}?aba=vendas`,
    `${record}?aba=contas`,
    `${record}?aba=financeiro`,
    `${record}?aba=historico`,
    '/clientes/lotes',
    '/tabelas',
    '/empresa',
    '/financeiro/contas-a-receber',
    '/financeiro/contas-a-receber?situacao=overdue&venc_de=01/01/2024',
    ...TABLES.map((slug) => `/tabelas/${slug}`),
  ];
}

// The page is as wide as the window: nothing sticks out to the right.
async function assertFits(page, route) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Data arrives after the first paint on a client-side load; measure the page with it.
  await page.waitForFunction(() => !document.querySelector('.loading'));
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  assert.equal(scroll, client, `${route} is ${scroll}px wide in a ${client}px window`);
}

// The top bar with its menu closed: how far down the page's content starts.
async function contentTop(page) {
  return page.evaluate(() => document.querySelector('main').getBoundingClientRect().top);
}

for (const user of [admin, salesperson]) {
  test(`at 375 px every route fits the phone without sideways scrolling (${user.profile})`, async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, user);
    mkdirSync(SHOTS, { recursive: true });
    for (const route of await signedInRoutes(page)) {
      await open(page, route);
      await assertFits(page, route);
      const top = await contentTop(page);
      assert.ok(top <= 70, `${route}: the closed top bar takes ${top}px before the content`);
    }
    await page.screenshot({ path: `${SHOTS}/layout-375-${user.profile.split(' ')[0]}.png`, fullPage: true });
    await page.context().close();
  });
}

test('at 375 px the signed-out sign-in page fits the phone', async () => {
  const page = await newPage(browser, PHONE);
  await open(page, '/entrar');
  await assertFits(page, '/entrar');
  await page.context().close();
});

test('at 375 px the menu button opens and closes the navigation, from the mouse and the keyboard', async () => {
  const page = await newPage(browser, PHONE);
  await signIn(page, admin);
  const menu = page.getByRole('button', { name: 'Menu' });
  const nav = page.getByRole('navigation', { name: 'Principal' });
  const company = page.getByLabel('Empresa', { exact: true });
  const signOut = page.getByRole('button', { name: 'Sair' });
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await menu.getAttribute('aria-controls'), 'top-menu');
  assert.ok(!(await nav.isVisible()) && !(await company.isVisible()) && !(await signOut.isVisible()));
  // Closed, the bar still says which company the user is acting in, on the brand's line.
  const barCompany = page.locator('.top-bar .bar-company');
  assert.equal((await barCompany.textContent()).trim(), '1 - Gaúcha Combustíveis');
  const [brand, shown] = [await page.locator('.top-bar .brand').boundingBox(), await barCompany.boundingBox()];
  assert.ok(Math.abs(brand.y - shown.y) < brand.height, 'the company is on the brand\'s line');

  await menu.click();
  await nav.waitFor();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  assert.ok((await company.isVisible()) && (await signOut.isVisible()));
  // Open, the menu still fits the phone.
  assert.equal(...(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])));
  await page.screenshot({ path: `${SHOTS}/menu-375-open.png` });
  await menu.click();
  await nav.waitFor({ state: 'hidden' });
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');

  // From the keyboard: Enter opens, Tab walks into the menu, Escape closes and returns to the button.
  await menu.focus();
  await page.keyboard.press('Enter');
  await nav.waitFor();
  await page.keyboard.press('Tab');
  await waitForFocus(nav.getByRole('link', { name: 'Início' }));
  await page.keyboard.press('Escape');
  await nav.waitFor({ state: 'hidden' });
  await waitForFocus(menu);
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');

  // A link followed from the menu leaves it closed on the next page.
  await menu.click();
  await nav.getByRole('link', { name: 'Tabelas' }).click();
  await page.getByRole('heading', { name: 'Tabelas', level: 1 }).waitFor();
  await nav.waitFor({ state: 'hidden' });
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  await page.context().close();
});

test('at 1366 px the navigation stands in the top bar and there is no menu button', async () => {
  const page = await newPage(browser, DESKTOP);
  await signIn(page, admin);
  await page.getByRole('navigation', { name: 'Principal' }).waitFor();
  assert.ok(await page.getByLabel('Empresa', { exact: true }).isVisible());
  assert.ok(await page.getByRole('button', { name: 'Sair' }).isVisible());
  assert.equal(await page.getByRole('button', { name: 'Menu' }).isVisible(), false);
  // The switcher names the company: the phone's label for it is not shown twice.
  assert.equal(await page.locator('.top-bar .bar-company').isVisible(), false);
  // Every item of the administrator's menu, the company and Sair on one line.
  const bar = await page.locator('.top-bar').boundingBox();
  assert.ok(bar.height <= 60, `the top bar is ${bar.height}px high: it wrapped`);
  await page.context().close();
});

test('menu items lead where their names say; nothing "Em breve" is shown (item 12)', async () => {
  const page = await newPage(browser, DESKTOP);
  await signIn(page, admin);
  const nav = page.getByRole('navigation', { name: 'Principal' });
  const names = (await nav.getByRole('link').allTextContents()).map((t) => t.trim());
  assert.deepEqual(names, ['Início', 'Clientes', 'Manutenção em lote', 'Lotes de alteração', 'Financeiro', 'Tabelas', 'Configurações']);
  assert.equal(await page.getByText('Em breve').count(), 0);
  assert.equal(await page.locator('[title="Em breve"]').count(), 0);

  const headings = {
    'Início': 'Início',
    'Clientes': 'Clientes',
    // The batch edit is the list's "alterar todos" panel: brought into view, its first field focused.
    'Manutenção em lote': 'Manutenção em lote',
    'Lotes de alteração': 'Lotes de alteração',
    // The financial section opens on its receivables.
    'Financeiro': 'Contas a receber',
    'Tabelas': 'Tabelas',
    'Configurações': 'Configurações da empresa',
  };
  for (const [link, heading] of Object.entries(headings)) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    const shown = page.getByRole('heading', { name: heading, exact: true });
    await shown.waitFor();
    await eventually(async () => {
      const box = await shown.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= DESKTOP.height, `${link}: "${heading}" is not on screen`);
    });
    // The item followed is the one current item ("Clientes" is not current on the batch panel).
    await eventually(async () => {
      const current = (await nav.locator('a[aria-current="page"]').allTextContents()).map((t) => t.trim());
      assert.deepEqual(current, [link]);
    });
  }
  await nav.getByRole('link', { name: 'Manutenção em lote' }).click();
  await waitForFocus(page.getByLabel('Campo').first());

  // Opened from an address (a bookmark, a shared link), the batch panel is found the same way.
  await open(page, '/clientes?lote=1');
  await waitForFocus(page.getByLabel('Campo').first());
  await page.context().close();
});

test('the field salesperson\'s menu offers only what their profile may do', async () => {
  const page = await newPage(browser, DESKTOP);
  await signIn(page, salesperson);
  const nav = page.getByRole('navigation', { name: 'Principal' });
  const names = (await nav.getByRole('link').allTextContents()).map((t) => t.trim());
  assert.deepEqual(names, ['Início', 'Clientes', 'Financeiro', 'Tabelas']);
  await page.context().close();
});

// Each word of the matching elements' text lies on one line (a word broken inside spans two).
function brokenWords(page, selector) {
  return page.evaluate((selector) => {
    const broken = [];
    for (const cell of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(word[0]);
        }
      }
    }
    return broken;
  }, selector);
}

// How many lines the text of an element takes.
function lineCount(locator) {
  return locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  });
}

// The horizontal room between two elements laid out side by side.
async function gapBetween(left, right) {
  const [a, b] = [await left.boundingBox(), await right.boundingBox()];
  return b.x - (a.x + a.width);
}

test('at 1366 px documents and codes stay on one line, and the list\'s actions keep apart (item 6)', async () => {
  const page = await newPage(browser, DESKTOP);
  await signIn(page, admin);
  // Alphanumeric CNPJs are the widest documents of the demo data.
  await open(page, '/clientes?ordem=codigo');
  const table = page.getByRole('table');
  await table.getByRole('row').nth(1).waitFor();
  const documents = table.getByRole('cell', { name: /^[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}\/[0-9A-Z]{4}-\d{2}$/ });
  assert.ok((await documents.count()) > 5, 'the page shows CNPJs');
  for (const cell of await documents.all()) {
    assert.equal(await lineCount(cell), 1, `CNPJ ${await cell.textContent()} wraps`);
  }
  for (const code of (await table.getByRole('link', { name: /^\d+$/ }).all()).slice(0, 10)) {
    assert.equal(await lineCount(code), 1);
  }
  const gap = await gapBetween(page.getByRole('link', { name: 'Novo cliente' }), page.getByRole('main').getByRole('link', { name: 'Lotes de alteração' }));
  assert.ok(gap >= 8, `"Novo cliente" and "Lotes de alteração" are ${gap}px apart`);
  await page.screenshot({ path: `${SHOTS}/list-1366.png` });
  await page.context().close();
});

test('at 1366 px the history table breaks no word and auxiliary tables keep their buttons apart (item 6)', async () => {
  const page = await newPage(browser, DESKTOP);
  await signIn(page, admin);
  await open(page, '/tabelas/categorias');
  const entries = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Clientes' }) });
  await entries.getByRole('row').nth(1).waitFor();
  // A change of our own, so the history has a row: "Antes" and "Depois" with words in them.
  const code = `L${Date.now() % 100000}`;
  await page.getByLabel('Código').fill(code);
  // Long values (60 characters, the most allowed) squeeze the other columns, as real history does.
  await page.getByLabel('Descrição').fill('Antes: clientes atendidos pela equipe de vendas do sul');
  await page.getByRole('button', { name: 'Incluir' }).click();
  await entries.getByRole('cell', { name: code, exact: true }).waitFor();
  await page.getByRole('button', { name: `Editar ${code}` }).click();
  await page.getByLabel('Descrição').fill('Administradora: carteira redistribuída pela gerência');
  await page.getByRole('button', { name: 'Gravar alteração' }).click();
  const history = page.getByRole('table', { name: 'Histórico de alterações' });
  await history.getByRole('cell', { name: 'Administradora: carteira redistribuída pela gerência' }).first().waitFor();

  assert.deepEqual(await brokenWords(page, 'table.history td, table.history th'), []);
  for (const cell of [history.getByRole('cell', { name: code, exact: true }).first(), history.getByRole('row').nth(1).getByRole('cell').first()]) {
    assert.equal(await lineCount(cell), 1, `${await cell.textContent()} wraps`);
  }
  assert.equal(await lineCount(entries.getByRole('cell', { name: code, exact: true })), 1);
  const gap = await gapBetween(page.getByRole('button', { name: `Editar ${code}` }), page.getByRole('button', { name: `Excluir ${code}` }));
  assert.ok(gap >= 8, `Editar and Excluir are ${gap}px apart`);
  await page.screenshot({ path: `${SHOTS}/history-1366.png`, fullPage: true });

  // Leave the table as it was (the history keeps the change).
  // Deleting asks first, naming the row; the status confirms after.
  await page.getByRole('button', { name: `Excluir ${code}` }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^Excluir ${code} - `) });
  await dialog.getByRole('button', { name: 'Excluir', exact: true }).click();
  await entries.getByRole('cell', { name: code, exact: true }).waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `${code} excluído.` }).waitFor();
  await page.context().close();
});

test('at 1366 px the customer record\'s fields keep to their columns: no control overlaps another', async () => {
  const page = await newPage(browser, DESKTOP);
  await signIn(page, admin);
  await open(page, '/clientes');
  await open(page, await page.getByRole('table').getByRole('link', { name: /^\d+$/ }).first().getAttribute('href'));
  await page.getByLabel('Ramo de atividade', { exact: true }).waitFor();
  const overlapping = await page.evaluate(() => {
    const controls = [...document.querySelectorAll('main select, main input:not([type=hidden])')]
      .map((control) => [control.id || control.name, control.getBoundingClientRect()])
      .filter(([, box]) => box.width > 0);
    const found = [];
    controls.forEach(([a, r], i) => controls.slice(i + 1).forEach(([b, q]) => {
      if (r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1 && q.top < r.bottom - 1) found.push(`${a} / ${b}`);
    }));
    return found;
  });
  assert.deepEqual(overlapping, []);
  await page.context().close();
});
