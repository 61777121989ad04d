import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, newPage, open, signIn, DEMO_USERS } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin, , , salesperson] = DEMO_USERS;

test('the administrator switches the current company', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  const current = page.getByTestId('current-company');
  assert.equal(await current.textContent(), '1 - Gaúcha Combustíveis');

  await page.getByLabel('Empresa', { exact: true }).selectOption({ label: '2 - Atacado Catarinense' });
  await page.getByRole('button', { name: 'Trocar empresa' }).click();
  await page.getByTestId('current-company').filter({ hasText: '2 - Atacado Catarinense' }).waitFor();

  // The choice lives in the server-side session: a reload keeps it.
  await page.reload();
  await page.getByTestId('current-company').filter({ hasText: '2 - Atacado Catarinense' }).waitFor();
  await page.getByLabel('Empresa', { exact: true }).selectOption({ label: '1 - Gaúcha Combustíveis' });
  await page.getByRole('button', { name: 'Trocar empresa' }).click();
  await page.getByTestId('current-company').filter({ hasText: '1 - Gaúcha Combustíveis' }).waitFor();
  await page.context().close();
});

test('the field salesperson, in one company only, sees it named with nothing to switch', async () => {
  const page = await newPage(browser);
  await signIn(page, salesperson);
  await page.locator('.company-switcher .company-name').waitFor();
  assert.equal((await page.locator('.company-switcher .company-name').textContent()).trim(), '1 - Gaúcha Combustíveis');
  assert.equal(await page.getByLabel('Empresa', { exact: true }).count(), 0, 'no company select');
  assert.equal(await page.getByRole('button', { name: 'Trocar empresa' }).count(), 0);
  await page.context().close();
});

test('showing the password works on the sign-in page, which runs no WebAssembly, also when reached by signing out of the running app', async () => {
  const page = await newPage(browser);
  const toggles = async () => {
    const password = page.getByLabel('Senha', { exact: true });
    assert.equal(await password.getAttribute('type'), 'password');
    await page.getByRole('button', { name: 'Mostrar senha' }).click();
    assert.equal(await password.getAttribute('type'), 'text');
    assert.equal(await page.getByRole('button', { name: 'Ocultar senha' }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Ocultar senha' }).click();
    assert.equal(await password.getAttribute('type'), 'password');
  };
  await open(page, '/entrar');
  await toggles();
  await signIn(page, admin);
  await page.getByRole('button', { name: 'Sair' }).click();
  // The app leaves for the server's page (app/src/pages/sign_in.rs) rather than drawing it.
  await page.waitForSelector('body[data-ready="true"]');
  await page.getByRole('heading', { name: 'Entrar' }).waitFor();
  assert.equal(await page.getAttribute('body', 'data-hydrated'), null);
  await toggles();
  await page.context().close();
});

test('at 375 px (phone) the signed-in shell fits without sideways scrolling', async () => {
  const page = await newPage(browser, { width: 375, height: 740 });
  await signIn(page, admin);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  // The compact bar: brand and menu button on one line; sign-out waits behind the button.
  const top = await page.evaluate(() => document.querySelector('main').getBoundingClientRect().top);
  assert.ok(top <= 70, `the top bar takes ${top}px before the content`);
  assert.equal(await page.getByRole('button', { name: 'Sair' }).isVisible(), false);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Sair' }).waitFor();
  mkdirSync('end2end/screenshots', { recursive: true });
  await page.screenshot({ path: 'end2end/screenshots/home-375.png', fullPage: true });
  await page.context().close();
});

test('when the session ends elsewhere, the next request says so, in sight, with a way back in; the form keeps what was typed', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/clientes/7');
  await page.getByLabel('Nome fantasia').fill('Digitado antes do fim da sessão');
  // Signed out in another tab of the same browser.
  const other = await page.context().newPage();
  await open(other, '/');
  const status = await other.evaluate(async () => (await fetch('/api/sign_out', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: '',
  })).status);
  assert.equal(status, 200);
  await other.close();

  await page.getByRole('button', { name: 'Gravar' }).first().click();
  const banner = page.locator('.session-ended[role="alert"]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /Sua sessão terminou/);
  // Down at the form's button, the banner is still on screen (sticky at the top).
  const top = await banner.evaluate((element) => element.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 5, `the banner is at ${top}px`);
  assert.equal(await page.getByLabel('Nome fantasia').inputValue(), 'Digitado antes do fim da sessão');
  // What was typed is lost by leaving: asked first (app/src/pages/customer_record/leave_guard.rs).
  let asked = null;
  page.once('dialog', async (dialog) => { asked = dialog.message(); await dialog.accept(); });
  await banner.getByRole('link', { name: 'Entrar novamente' }).click();
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(asked, /^Há alterações não gravadas neste cliente/);
  await page.getByRole('heading', { name: 'Entrar' }).waitFor();
  await page.context().close();
});

test('on a phone the start page offers what each profile does most, in the first screen', async () => {
  const seller = await newPage(browser, { width: 375, height: 740 });
  await signIn(seller, salesperson);
  const shortcuts = seller.getByRole('navigation', { name: 'Atalhos' });
  const names = (await shortcuts.getByRole('link').allTextContents()).map((t) => t.trim());
  assert.deepEqual(names, ['Buscar clientes', 'Novo cliente', 'Contas a receber']);
  const box = await shortcuts.getByRole('link', { name: 'Novo cliente' }).boundingBox();
  assert.ok(box.y + box.height <= 740, `"Novo cliente" ends at ${box.y + box.height}px, below the first screen`);
  await shortcuts.getByRole('link', { name: 'Novo cliente' }).click();
  await seller.getByRole('heading', { name: 'Novo cliente' }).waitFor();
  await seller.context().close();

  const boss = await newPage(browser);
  await signIn(boss, admin);
  const bossNames = (await boss.getByRole('navigation', { name: 'Atalhos' }).getByRole('link').allTextContents()).map((t) => t.trim());
  assert.deepEqual(bossNames, ['Buscar clientes', 'Novo cliente', 'Contas a receber', 'Manutenção em lote']);
  await boss.context().close();
});
