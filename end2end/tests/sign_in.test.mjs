import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, signIn, DEMO_USERS } from './helpers.mjs';

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

test('a wrong password shows the error and stays on the sign-in page, with no failed load in the console (issue 10, item 13)', async () => {
  const page = await newPage(browser);
  const failures = [];
  page.on('console', (message) => { if (message.type() === 'error') failures.push(message.text()); });
  page.on('response', (response) => { if (response.status() >= 400) failures.push(`${response.status()}: ${response.url()}`); });
  await open(page, '/entrar');
  await page.getByLabel('E-mail').fill(DEMO_USERS[0].email);
  await page.getByLabel('Senha', { exact: true }).fill('senha-errada');
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'E-mail ou senha inválidos.' }).waitFor();
  assert.match(page.url(), /\/entrar$/);
  assert.deepEqual(failures, []);
  await page.context().close();
});

test('the home page without a session redirects to sign-in', async () => {
  const page = await newPage(browser);
  await open(page, '/');
  await page.getByRole('heading', { name: 'Entrar' }).waitFor();
  await page.context().close();
});
