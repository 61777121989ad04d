// Two people on one customer's general data: the second save is refused (nothing is
// overwritten), and the second person may load what the first saved with their own changes
// typed back on top, told which fields were theirs and which the other person changed too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, reload, signIn, DEMO_USERS, waitForFocus } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin, clerk] = DEMO_USERS;
const RECORD = '/clientes/26';

test('a stale save keeps what was typed: the version saved meanwhile loads with the user\'s changes typed back and named, and saves', async () => {
  const run = Date.now().toString(36);
  const digits = String(Date.now()).slice(-7);
  const phone = `(51) 3${digits.slice(0, 3)}-${digits.slice(3)}`;
  const income = `${1000 + (Date.now() % 8000)},00`;
  const clerkPage = await newPage(browser);
  await signIn(clerkPage, clerk);
  await open(clerkPage, RECORD);
  const adminPage = await newPage(browser);
  await signIn(adminPage, admin);
  await open(adminPage, RECORD);

  // The administrator changes the phone and the trade name, and saves first.
  await adminPage.getByLabel('Telefones').fill(phone);
  await adminPage.getByLabel('Nome fantasia').fill(`Fantasia do Administrador ${run}`);
  await adminPage.getByRole('button', { name: 'Gravar' }).click();
  await adminPage.getByRole('status').filter({ hasText: 'Alterações gravadas.' }).waitFor();
  await adminPage.context().close();

  // The clerk, who opened it before, changes the income and the trade name: refused.
  await clerkPage.getByLabel('Renda mensal (R$)').fill(income);
  await clerkPage.getByLabel('Nome fantasia').fill(`Fantasia do Escritório ${run}`);
  await clerkPage.getByRole('button', { name: 'Gravar' }).click();
  const stale = clerkPage.getByRole('alert').filter({ hasText: /alterado por Ana Administradora/ });
  await stale.waitFor();

  await clerkPage.getByRole('button', { name: 'Carregar a versão atual com as minhas alterações' }).click();
  const notice = clerkPage.getByRole('status').filter({ hasText: 'Esta é a versão que o outro usuário gravou' });
  await notice.waitFor();
  assert.equal(
    (await notice.textContent()).trim(),
    'Esta é a versão que o outro usuário gravou (ele alterou Nome fantasia, Telefones), com as suas alterações em: '
      + `Nome fantasia, Renda mensal (R$). Nome fantasia foi alterado pelos dois: ele gravou “Fantasia do Administrador ${run}”, `
      + 'e fica o que você digitou. Confira e grave.',
  );
  // Said where the user is: the notice takes the focus from the button that is gone.
  await waitForFocus(notice);
  await stale.waitFor({ state: 'detached' });
  // Theirs where the clerk typed nothing, the clerk's where the clerk did.
  assert.equal(await clerkPage.getByLabel('Telefones').inputValue(), phone);
  assert.equal(await clerkPage.getByLabel('Nome fantasia').inputValue(), `Fantasia do Escritório ${run}`);
  assert.equal(await clerkPage.getByLabel('Renda mensal (R$)').inputValue(), income);

  await clerkPage.getByRole('button', { name: 'Gravar' }).click();
  await clerkPage.getByRole('status').filter({ hasText: 'Alterações gravadas.' }).waitFor();
  await reload(clerkPage);
  assert.equal(await clerkPage.getByLabel('Telefones').inputValue(), phone);
  assert.equal(await clerkPage.getByLabel('Nome fantasia').inputValue(), `Fantasia do Escritório ${run}`);
  assert.equal((await clerkPage.getByLabel('Renda mensal (R$)').inputValue()).replace(/\./g, ''), income);
  await clerkPage.context().close();
});
