// Shared by the end-to-end tests: Debian's Chromium driven by playwright-core.
import { chromium } from 'playwright-core';

export const BASE_URL =
  process.env.CLIENTELA_BASE_URL ?? `http://${process.env.LEPTOS_SITE_ADDR ?? '127.0.0.1:3000'}`;

export const DEMO_USERS = [
  { email: 'admin@demo.clientela.app', password: 'Admin@2026', name: 'Ana Administradora', profile: 'Administrador' },
  { email: 'escritorio@demo.clientela.app', password: 'Escritorio@2026', name: 'Eduardo do Escritório', profile: 'Auxiliar de escritório' },
  { email: 'financeiro@demo.clientela.app', password: 'Financeiro@2026', name: 'Fernanda Financeiro', profile: 'Financeiro' },
  { email: 'vendedor@demo.clientela.app', password: 'Vendedor@2026', name: 'Vítor Vendedor', profile: 'Vendedor externo' },
];

// cargo-leptos starts this command together with the server: wait until it answers.
export async function waitForServer(timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${BASE_URL}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server at ${BASE_URL} did not answer /health`);
}

export async function launch() {
  await waitForServer();
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

export async function newPage(browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, locale: 'pt-BR' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // A panic in the WebAssembly (e.g. a hydration mismatch) shows up here, not in the server log.
  page.on('pageerror', (error) => console.error(`[browser error] ${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[browser console] ${page.url()}: ${message.text()}`);
  });
  return page;
}

// A page is live once the WebAssembly has hydrated it, or, on a page the server sends without
// the WebAssembly (the sign-in page: SCRIPT_FREE_PAGES in app/src/shell.rs), once its own small
// script has run (app/src/script_free.js).
const LIVE = 'body[data-hydrated="true"], body[data-ready="true"]';

// Navigates and waits until the page is live.
export async function open(page, path) {
  await page.goto(`${BASE_URL}${path}`);
  // Generous: once in six runs a cold release build took over 15 s to hydrate a page here.
  await page.waitForSelector(LIVE, { timeout: 30_000 });
}

// Reloads and waits until the page is live again.
export async function reload(page) {
  await page.reload();
  await page.waitForSelector(LIVE, { timeout: 30_000 });
}

// Signs in through the sign-in page's form, which the browser posts itself, and waits until
// the home page it lands on has hydrated.
export async function signIn(page, user) {
  await open(page, '/entrar');
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Senha', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await page.getByRole('heading', { name: 'Início' }).waitFor();
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 30_000 });
}

// The record shows one tab at a time (issue 11): opens the named one and waits until it is open.
export async function openTab(page, name) {
  const tabs = page.getByRole('navigation', { name: 'Seções do cliente' });
  await tabs.getByRole('link', { name, exact: true }).click();
  await tabs.locator('a[aria-current="page"]', { hasText: name }).waitFor();
}

// Retries an assertion until it holds (the page updates asynchronously), then returns its value.
export async function eventually(check, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

// The label of the option a <select> shows.
export async function selectedLabel(select) {
  return (await select.getByRole('option', { selected: true }).textContent()).trim();
}

// Whether the element has the keyboard focus.
export async function isFocused(locator) {
  return locator.evaluate((element) => element === document.activeElement);
}

// Waits until the element has the keyboard focus.
export async function waitForFocus(locator, timeoutMs = 5_000) {
  await eventually(async () => {
    if (!(await isFocused(locator))) throw new Error('not focused yet');
  }, timeoutMs);
}

// A message is beside its field when it sits just under (or beside) the control as laid out on
// screen: it starts within 3 lines of the control and shares part of its width.
export async function assertBeside(message, control) {
  // A form may render again as its answer settles (the message hidden for a frame and shown
  // again): measure once both are visible at the same moment.
  let m = null;
  let c = null;
  for (let attempt = 0; attempt < 20 && !(m && c); attempt += 1) {
    await message.waitFor();
    await control.waitFor();
    [m, c] = [await message.boundingBox(), await control.boundingBox()];
  }
  if (!m || !c) throw new Error('message or control is not laid out');
  const overlapsHorizontally = m.x < c.x + c.width && c.x < m.x + m.width;
  const closeVertically = m.y >= c.y && m.y <= c.y + c.height + 48;
  if (!(overlapsHorizontally && closeVertically)) {
    throw new Error(`message at ${JSON.stringify(m)} is not beside its control at ${JSON.stringify(c)}`);
  }
}
