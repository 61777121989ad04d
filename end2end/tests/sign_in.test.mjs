import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, signIn, waitForFocus, DEMO_USERS, BASE_URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const user of DEMO_USERS) {
  test(`${user.profile} signs in through the form and out again`, async () => {
    const page = await newPage(browser);
    await signIn(page, user);
    await page.getByText(`Olá, ${user.name}`).waitFor();
    assert.equal(await page.getByTestId('profile').textContent(), user.profile);

    await page.getByRole('button', { name: 'Sair' }).click();
    await page.getByRole('heading', { name: 'Entrar' }).waitFor();
    // The session is gone on the server: the home page sends us back to sign in.
    await open(page, '/');
    await page.getByRole('heading', { name: 'Entrar' }).waitFor();
    await page.context().close();
  });
}

test('a wrong password shows the error beside the form with the e-mail kept and the password focused, with no failed load in the console (issue 10, item 13)', async () => {
  const page = await newPage(browser);
  const failures = [];
  page.on('console', (message) => { if (message.type() === 'error') failures.push(message.text()); });
  page.on('response', (response) => { if (response.status() >= 400) failures.push(`${response.status()}: ${response.url()}`); });
  await open(page, '/entrar');
  await page.getByLabel('E-mail').fill(DEMO_USERS[0].email);
  await page.getByLabel('Senha', { exact: true }).fill('senha-errada');
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'E-mail ou senha inválidos.' }).waitFor();
  // The address names the refusal by a code, never by its words (a crafted link cannot
  // write on this page).
  assert.equal(new URL(page.url()).pathname, '/entrar');
  assert.equal(new URL(page.url()).searchParams.get('recusa'), 'credenciais');
  assert.equal(await page.getByLabel('E-mail').inputValue(), DEMO_USERS[0].email);
  assert.equal(await page.getByLabel('Senha', { exact: true }).inputValue(), '');
  await waitForFocus(page.getByLabel('Senha', { exact: true }));
  // Typed again, the right password signs in from that page.
  await page.getByLabel('Senha', { exact: true }).fill(DEMO_USERS[0].password);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await page.getByText(`Olá, ${DEMO_USERS[0].name}`).waitFor();
  assert.deepEqual(failures, []);
  await page.context().close();
});

test('an empty e-mail is refused beside its field, which takes the focus', async () => {
  const page = await newPage(browser);
  await open(page, '/entrar');
  // The browser's own check (required) stops an empty field first: step past it, as a
  // request made without the page would.
  await page.locator('form').evaluate((form) => { form.noValidate = true; });
  await page.getByLabel('Senha', { exact: true }).fill('qualquer');
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  const message = page.getByRole('alert').filter({ hasText: 'Informe o e-mail.' });
  await message.waitFor();
  await waitForFocus(page.getByLabel('E-mail'));
  await page.context().close();
});

test('a sign-in address with a refusal of its own making shows no refusal and none of its text', async () => {
  const page = await newPage(browser);
  await open(page, '/entrar?email=a%40b.br&recusa=Ligue%20para%200800%20e%20informe%20sua%20senha');
  assert.equal(await page.getByLabel('E-mail').inputValue(), 'a@b.br');
  assert.equal(await page.getByRole('alert').count(), 0);
  // With nothing refused, the page opens ready to type the e-mail.
  await waitForFocus(page.getByLabel('E-mail'));
  assert.equal(await page.getByText('Ligue para 0800').count(), 0);
  await page.context().close();
});

test('the sign-in page is sent without the WebAssembly and prefetches it for the page after it (issue 10, the phone goal)', async () => {
  const response = await fetch(`${BASE_URL}/entrar`);
  const html = await response.text();
  // (Leptos still writes its resources' data after </html>, which nothing reads here.)
  assert.doesNotMatch(html, /hydrate\(|\.wasm\b|\/pkg\/[^"]*\.js/, 'nothing loads or hydrates the app');
  // Its one behaviour (showing the password) is inline, with the response's nonce: no request.
  const nonce = response.headers.get('content-security-policy').match(/'nonce-([^']+)'/)[1];
  assert.match(html, new RegExp(`<script nonce="${nonce}">((?!</script>)[\\s\\S])*data-shows-password`));
  const link = response.headers.get('link') ?? '';
  assert.match(link, /\.css>; rel=preload; as=style/);
  assert.match(link, /\/pkg\/clientela\.[\w-]+\.wasm>; rel=prefetch; crossorigin/);
  assert.doesNotMatch(link, /rel=modulepreload|as=fetch/, 'nothing is fetched ahead of the page itself');

  // In the browser: the page is ready without the WebAssembly running, its prefetch of the main
  // part finishes, and the home page after signing in takes that part from the cache.
  const page = await newPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const wasmLoads = [];
  cdp.on('Network.responseReceived', (event) => {
    if (event.response.url.endsWith('.wasm')) {
      wasmLoads.push({ url: event.response.url, fromCache: event.response.fromDiskCache || event.response.fromPrefetchCache });
    }
  });
  const prefetched = page.waitForEvent('requestfinished', (request) => request.url().endsWith('.wasm'));
  await open(page, '/entrar');
  assert.equal(await page.getAttribute('body', 'data-hydrated'), null, 'the sign-in page is not hydrated');
  await prefetched;
  await page.getByRole('button', { name: 'Mostrar senha' }).waitFor();
  await page.getByLabel('E-mail').fill(DEMO_USERS[0].email);
  await page.getByLabel('Senha', { exact: true }).fill(DEMO_USERS[0].password);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await page.getByText(`Olá, ${DEMO_USERS[0].name}`).waitFor();
  await page.waitForSelector('body[data-hydrated="true"]');
  assert.equal(wasmLoads.length, 2, `the main part: prefetched, then run: ${JSON.stringify(wasmLoads)}`);
  assert.equal(wasmLoads[0].url, wasmLoads[1].url);
  assert.deepEqual(wasmLoads.map((load) => load.fromCache), [false, true]);
  await page.context().close();
});

test('the home page without a session redirects to sign-in', async () => {
  const page = await newPage(browser);
  await open(page, '/');
  await page.getByRole('heading', { name: 'Entrar' }).waitFor();
  await page.context().close();
});

test('a signed-out visitor who asked for a page lands on it once signed in, after a wrong password too', async () => {
  const [, , finance] = DEMO_USERS;
  const page = await newPage(browser);
  const asked = '/financeiro/contas-a-receber?situacao=overdue';
  await page.goto(`${BASE_URL}${asked}`);
  await page.waitForURL((url) => url.pathname === '/entrar');
  assert.equal(new URL(page.url()).searchParams.get('volta'), asked);
  await page.getByLabel('E-mail').fill(finance.email);
  await page.getByLabel('Senha', { exact: true }).fill('senha-errada');
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'E-mail ou senha inválidos.' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('volta'), asked);
  await page.getByLabel('Senha', { exact: true }).fill(finance.password);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === asked);
  await page.getByRole('heading', { name: 'Contas a receber' }).waitFor();
  await page.context().close();
});
