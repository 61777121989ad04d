import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, signIn, DEMO_USERS, eventually } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin, clerk] = DEMO_USERS;

test('a customer with an alphanumeric CNPJ is created, masked as typed, and its history shows it', async () => {
  const page = await newPage(browser);
  await signIn(page, clerk);
  await open(page, '/clientes');
  await page.getByRole('link', { name: 'Novo cliente' }).click();
  await page.getByRole('heading', { name: 'Novo cliente' }).waitFor();

  await page.getByLabel('Tipo de pessoa').selectOption({ label: 'Jurídica' });
  await page.getByLabel('CNPJ').pressSequentially('12abc34501de35');
  assert.equal(await page.getByLabel('CNPJ').inputValue(), '12.ABC.345/01DE-35');
  await page.getByLabel('Razão social / Nome').fill('Cooperativa Alfanumérica Ltda');
  await page.getByLabel('Inscrição estadual').fill('isento');
  await page.getByRole('button', { name: 'Gravar' }).click();

  await page.waitForURL(/\/clientes\/\d+$/);
  await page.getByRole('heading', { name: /Cooperativa Alfanumérica Ltda/ }).waitFor();
  const history = page.getByRole('table').filter({ hasText: 'CPF/CNPJ' });
  await history.getByRole('cell', { name: '12ABC34501DE35' }).waitFor();

  // Edit the name; the change appears in the history, newest first, with who did it.
  await page.getByLabel('Razão social / Nome').fill('Cooperativa Alfa Ltda');
  await page.getByRole('button', { name: 'Gravar' }).click();
  await page.getByRole('status').filter({ hasText: 'Alterações gravadas.' }).waitFor();
  await eventually(async () => {
    const first = page.locator('table.history:not(.salesperson-changes) tbody tr').first();
    assert.match(await first.textContent(), /Eduardo do Escritório.*Razão social.*Cooperativa Alfanumérica Ltda.*Cooperativa Alfa Ltda/);
  });
  await page.context().close();
});

test('an invalid CPF shows its error beside the field and nothing is saved', async () => {
  const page = await newPage(browser);
  await signIn(page, clerk);
  await open(page, '/clientes/novo');
  await page.getByLabel('Tipo de pessoa').selectOption({ label: 'Física' });
  await page.getByLabel('CPF').fill('529.982.247-24');
  await page.getByLabel('Razão social / Nome').fill('Fulano de Tal');
  await page.getByRole('button', { name: 'Gravar' }).click();
  const error = page.getByRole('alert').filter({ hasText: 'CPF inválido: dígito verificador não confere.' });
  await error.waitFor();
  // Beside the field: in the same field block as the CPF input.
  const cpfId = await page.getByLabel('CPF').getAttribute('id');
  assert.equal(await error.evaluate((el) => el.closest('.field').querySelector('input').id), cpfId);
  // A refused save keeps what was typed.
  assert.equal(await page.getByLabel('CPF').inputValue(), '529.982.247-24');
  assert.equal(await page.getByLabel('Razão social / Nome').inputValue(), 'Fulano de Tal');
  assert.match(page.url(), /\/clientes\/novo$/);

  await open(page, '/clientes?q=Fulano%20de%20Tal');
  await page.getByRole('status').filter({ hasText: 'Nenhum cliente encontrado' }).waitFor();
  await page.context().close();
});

test('the clerk is not offered the delete button; the administrator is', async () => {
  const clerkPage = await newPage(browser);
  await signIn(clerkPage, clerk);
  await open(clerkPage, '/clientes/1');
  await clerkPage.getByRole('button', { name: 'Gravar' }).waitFor();
  assert.equal(await clerkPage.getByRole('button', { name: 'Excluir cliente' }).count(), 0);
  await clerkPage.context().close();

  const adminPage = await newPage(browser);
  await signIn(adminPage, admin);
  await open(adminPage, '/clientes/1');
  await adminPage.getByRole('button', { name: 'Excluir cliente' }).waitFor();
  await adminPage.context().close();
});

test('changing the salesperson asks for notes and the change shows in the history', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/clientes/2');
  const salesperson = page.getByLabel('Vendedor', { exact: true });
  await salesperson.waitFor();
  assert.equal(await page.getByLabel('Observação da troca de vendedor').count(), 0);

  const current = await salesperson.inputValue();
  const options = await salesperson.locator('option').evaluateAll((els) => els.map((o) => ({ value: o.value, label: o.textContent })));
  const other = options.find((o) => o.value !== '' && o.value !== current);
  await salesperson.selectOption(other.value);
  await page.getByLabel('Observação da troca de vendedor').fill('Carteira da Serra redistribuída');
  await page.getByRole('button', { name: 'Gravar' }).click();
  await page.getByRole('status').filter({ hasText: 'Alterações gravadas.' }).waitFor();

  const changes = page.getByRole('table').filter({ hasText: 'Observação' });
  await changes.getByRole('cell', { name: 'Carteira da Serra redistribuída' }).waitFor();
  await changes.getByRole('cell', { name: other.label }).waitFor();
  await eventually(async () => {
    const first = page.locator('table.history:not(.salesperson-changes) tbody tr').first();
    assert.match(await first.textContent(), /Ana Administradora.*Vendedor/);
  });
  await page.context().close();
});

test('an address is added with a masked CEP and a city chosen as typed; bad input stays beside its field', async () => {
  const page = await newPage(browser);
  await signIn(page, clerk);
  await open(page, '/clientes/7');
  const addresses = page.locator('section', { has: page.getByRole('heading', { name: 'Endereços' }) });
  await page.getByRole('button', { name: 'Novo endereço' }).click();
  await page.getByLabel('Tipo', { exact: true }).selectOption({ label: 'Entrega' });
  await page.getByLabel('CEP').pressSequentially('9301');
  await page.getByLabel('Logradouro').fill('Rua Independência');
  await page.getByLabel('Número', { exact: true }).fill('120');
  await page.getByLabel('Bairro').fill('Centro');
  await page.getByLabel('Cidade', { exact: true }).pressSequentially('sao leop');
  await page.getByRole('option', { name: 'SAO LEOPOLDO - RS' }).click();
  assert.equal(await page.getByLabel('Cidade', { exact: true }).inputValue(), 'SAO LEOPOLDO - RS');
  await page.getByRole('button', { name: 'Gravar endereço' }).click();

  const cepError = page.getByRole('alert').filter({ hasText: 'CEP deve ter 8 dígitos.' });
  await cepError.waitFor();
  assert.equal(await cepError.evaluate((el) => el.closest('.field').querySelector('input').id), 'address-cep');
  assert.equal(await page.getByLabel('Logradouro').inputValue(), 'Rua Independência');

  await page.getByLabel('CEP').fill('93010000');
  assert.equal(await page.getByLabel('CEP').inputValue(), '93010-000');
  await page.getByRole('button', { name: 'Gravar endereço' }).click();
  const line = 'Rua Independência, 120 - Centro - SAO LEOPOLDO - RS - CEP 93010-000';
  await addresses.getByText(line).waitFor();
  assert.match(await addresses.locator('li', { hasText: line }).textContent(), /Entrega.*Preferencial/);
  await eventually(async () => {
    const first = page.locator('table.history:not(.salesperson-changes) tbody tr').first();
    assert.match(await first.textContent(), /Eduardo do Escritório.*Endereço \(Entrega\).*Rua Independência.*\(preferencial\)/);
  });

  // Server-rendered on a fresh load, too.
  await page.reload();
  await addresses.getByText(line).waitFor();
  await page.context().close();
});

test('several e-mails and the monthly income are saved, tidied and shown in reais', async () => {
  const page = await newPage(browser);
  await signIn(page, clerk);
  await open(page, '/clientes/8');
  await page.getByLabel('E-mails').fill('Compras@Exemplo.com.br, financeiro@exemplo.com.br');
  await page.getByLabel('Renda mensal (R$)').fill('3.500,5');
  await page.getByRole('button', { name: 'Gravar', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Alterações gravadas.' }).waitFor();
  await eventually(async () => {
    const history = await page.locator('table.history tbody').textContent();
    assert.match(history, /Renda mensal.*R\$ 3\.500,50/);
  });
  await page.reload();
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 30_000 });
  assert.equal(await page.getByLabel('E-mails').inputValue(), 'compras@exemplo.com.br; financeiro@exemplo.com.br');
  assert.equal(await page.getByLabel('Renda mensal (R$)').inputValue(), '3.500,50');
  await page.context().close();
});
