// Issue 11: the record's "Padrão para vendas" tab in Chromium, as the demo users use it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newPage, open, reload, signIn, DEMO_USERS, assertBeside, openTab, selectedLabel,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [, clerk, finance] = DEMO_USERS;
// A demo customer no other end-to-end test edits.
const RECORD = '/clientes/30';

const tab = (page) => page.getByRole('form', { name: 'Padrão para vendas' });

test('issue 11: the clerk fills the sales defaults and cannot touch the credit limit; the financial user sets it (R-PERM-1)', async () => {
  const page = await newPage(browser);
  await signIn(page, clerk);
  await open(page, RECORD);
  await openTab(page, 'Padrão para vendas');
  const form = tab(page);
  await form.waitFor();
  assert.match(page.url(), /\?aba=vendas$/);

  // The limit is shown, not offered: the clerk's profile may not alter it.
  const limit = form.getByLabel('Limite de crédito (R$)', { exact: true });
  assert.equal(await limit.getAttribute('readonly'), '');
  await form.getByLabel('Juros diários (%)').fill('0,05');
  await form.getByLabel('Permite desconto', { exact: true }).check();
  await form.getByLabel(/Desconto \(\+\) ou acréscimo/).fill('-2,5');
  await form.getByLabel('Desconto máximo (%)').fill('12');
  await form.getByLabel('Uso do crédito').selectOption({ label: 'Sempre utilizar' });
  await form.getByLabel('Finalidade').selectOption({ label: 'Revenda' });
  await form.getByLabel('Exige pagamento antecipado').check();
  await form.getByLabel('PDF do boleto').selectOption({ label: 'Enviar' });
  // Commercial tables: the company's entries (issue 11).
  await form.getByLabel('Tipo de cobrança').selectOption({ label: 'PIX - PIX' });
  // A real change whatever the demo data gave this customer.
  const freight = (await selectedLabel(form.getByLabel('Tabela de frete'))).startsWith('T3')
    ? 'T1 - TABELA 1 - DENTRO CIDADE' : 'T3 - TABELA 3 - INTERIOR';
  await form.getByLabel('Tabela de frete').selectOption({ label: freight });
  // The customer's carrier (seed 003), one of the carriers and drivers.
  const carrierField = form.getByLabel('Transportadora', { exact: true });
  const carrier = (await selectedLabel(carrierField)).startsWith('RODOSUL')
    ? 'TRANSLOG - Translog Transportes Ltda' : 'RODOSUL - Rodosul Cargas S.A.';
  await carrierField.selectOption({ label: carrier });
  await form.getByRole('button', { name: 'Gravar padrão para vendas' }).click();
  await form.getByRole('status').filter({ hasText: 'Padrão para vendas gravado.' }).waitFor();

  // Wrong input: the message beside its field, and nothing saved.
  await form.getByLabel('Desconto máximo (%)').fill('150');
  await form.getByRole('button', { name: 'Gravar padrão para vendas' }).click();
  const message = form.getByRole('alert').filter({ hasText: 'Informe um percentual entre 0 e 100.' });
  await message.waitFor();
  await assertBeside(message, form.getByLabel('Desconto máximo (%)'));

  await reload(page);
  await tab(page).waitFor();
  assert.equal(await tab(page).getByLabel('Juros diários (%)').inputValue(), '0,05');
  assert.equal(await tab(page).getByLabel(/Desconto \(\+\) ou acréscimo/).inputValue(), '-2,5');
  assert.equal(await tab(page).getByLabel('Desconto máximo (%)').inputValue(), '12');
  assert.equal(await selectedLabel(tab(page).getByLabel('Uso do crédito')), 'Sempre utilizar');
  assert.equal(await tab(page).getByLabel('Exige pagamento antecipado').isChecked(), true);
  assert.equal(await selectedLabel(tab(page).getByLabel('PDF do boleto')), 'Enviar');
  assert.equal(await selectedLabel(tab(page).getByLabel('Tipo de cobrança')), 'PIX - PIX');
  assert.equal(await selectedLabel(tab(page).getByLabel('Tabela de frete')), freight);
  assert.equal(await selectedLabel(tab(page).getByLabel('Transportadora', { exact: true })), carrier);
  await page.context().close();

  // The financial user may alter the limit, and nothing else of the tab.
  const other = await newPage(browser);
  await signIn(other, finance);
  await open(other, `${RECORD}?aba=vendas`);
  const financeForm = tab(other);
  await financeForm.waitFor();
  assert.equal(await financeForm.getByLabel('Desconto máximo (%)').getAttribute('readonly'), '');
  assert.equal(await financeForm.getByLabel('Uso do crédito').isDisabled(), true);
  await financeForm.getByLabel('Limite de crédito (R$)', { exact: true }).fill('15.000,00');
  await financeForm.getByRole('button', { name: 'Gravar padrão para vendas' }).click();
  await financeForm.getByRole('status').filter({ hasText: 'Padrão para vendas gravado.' }).waitFor();
  await reload(other);
  assert.equal(await tab(other).getByLabel('Limite de crédito (R$)', { exact: true }).inputValue(), '15.000,00');
  // What the clerk set is still there: the disabled choices were sent as they were.
  assert.equal(await selectedLabel(tab(other).getByLabel('Uso do crédito')), 'Sempre utilizar');
  assert.equal(await tab(other).getByLabel('Exige pagamento antecipado').isChecked(), true);

  await openTab(other, 'Histórico');
  const history = other.getByRole('table', { name: 'Histórico de alterações' });
  await history.getByRole('row', { name: /Fernanda Financeiro.*Limite de crédito.*R\$ 15\.000,00/ }).first().waitFor();
  await history.getByRole('row', { name: /Eduardo do Escritório.*Desconto máximo.*12%/ }).first().waitFor();
  await history.getByRole('row', { name: new RegExp(`Eduardo do Escritório.*Tabela de frete.*${freight}`) }).first().waitFor();
  await other.context().close();
});

test('issue 11: a sales defaults tab saved by someone else since it was opened is refused, and nothing is overwritten', async () => {
  const first = await newPage(browser);
  const second = await newPage(browser);
  await signIn(first, clerk);
  await signIn(second, clerk);
  await open(first, `${RECORD}?aba=vendas`);
  await open(second, `${RECORD}?aba=vendas`);
  // A real change (the tests may run again on the same database): the other choice than now.
  const now = await selectedLabel(tab(first).getByLabel('Lote sugerido'));
  const chosen = now === 'Mais antigo' ? 'Mais recente' : 'Mais antigo';
  await tab(first).getByLabel('Lote sugerido').selectOption({ label: chosen });
  await tab(first).getByRole('button', { name: 'Gravar padrão para vendas' }).click();
  await tab(first).getByRole('status').filter({ hasText: 'Padrão para vendas gravado.' }).waitFor();

  await tab(second).getByLabel('Lote sugerido').selectOption({ label: 'Não sugerir' });
  await tab(second).getByRole('button', { name: 'Gravar padrão para vendas' }).click();
  await tab(second).getByRole('alert').filter({ hasText: /alterado por Eduardo do Escritório .* nada foi gravado/ }).waitFor();
  await reload(second);
  assert.equal(await selectedLabel(tab(second).getByLabel('Lote sugerido')), chosen);
  await first.context().close();
  await second.context().close();
});

test('issue 11: the administrator sets the company settings, recorded under the form, and the customer tab shows them where the customer has none', async () => {
  const page = await newPage(browser);
  await signIn(page, DEMO_USERS[0]);
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Configurações' }).click();
  const form = page.getByRole('form', { name: 'Configurações da empresa' });
  await form.waitFor();
  // A real change (the tests may run again on the same database).
  const late = form.getByLabel('Multa (%)');
  const chosen = (await late.inputValue()) === '2,5' ? '3' : '2,5';
  await late.fill(chosen);
  await form.getByLabel('Juros diários (%)').fill('1,5,');
  await form.getByRole('button', { name: 'Gravar configurações' }).click();
  const message = form.getByRole('alert').filter({ hasText: 'Use só números e vírgula' });
  await message.waitFor();
  await assertBeside(message, form.getByLabel('Juros diários (%)'));
  await form.getByLabel('Juros diários (%)').fill('0,0333');
  await form.getByRole('button', { name: 'Gravar configurações' }).click();
  await form.getByRole('status').filter({ hasText: 'Configurações gravadas.' }).waitFor();
  const history = page.getByRole('table', { name: 'Histórico de alterações' });
  await history.getByRole('row', { name: new RegExp(`Ana Administradora.*Multa.*${chosen.replace(',', '\\,')}%`) }).first().waitFor();

  await open(page, `${RECORD}?aba=vendas`);
  await tab(page).getByText(`Empresa: ${chosen}%.`).waitFor();
  await page.context().close();
});

test('issue 11 (R-SALES-11): the financial user records a bail, a wrong date refused beside its field; the clerk sees it read-only', async () => {
  const page = await newPage(browser);
  await signIn(page, finance);
  await open(page, `${RECORD}?aba=vendas`);
  const form = tab(page);
  // A real change (the tests may run again on the same database).
  const guarantorName = (await form.getByLabel('Fiança: fiador').inputValue()) === 'Ana Zanella' ? 'Bruno Zanella' : 'Ana Zanella';
  await form.getByLabel('Fiança: vencimento').fill('');
  await form.getByLabel('Fiança: vencimento').pressSequentially('31022027');
  await form.getByLabel('Fiança: fiador').fill(guarantorName);
  await form.getByRole('button', { name: 'Gravar padrão para vendas' }).click();
  const message = form.getByRole('alert').filter({ hasText: 'Data inexistente: confira o dia e o mês.' });
  await message.waitFor();
  await assertBeside(message, form.getByLabel('Fiança: vencimento'));
  await form.getByLabel('Fiança: vencimento').fill('');
  await form.getByLabel('Fiança: vencimento').pressSequentially('30062027');
  assert.equal(await form.getByLabel('Fiança: vencimento').inputValue(), '30/06/2027');
  await form.getByRole('button', { name: 'Gravar padrão para vendas' }).click();
  await form.getByRole('status').filter({ hasText: 'Padrão para vendas gravado.' }).waitFor();
  await page.context().close();

  const other = await newPage(browser);
  await signIn(other, clerk);
  await open(other, `${RECORD}?aba=vendas`);
  const guarantor = tab(other).getByLabel('Fiança: fiador');
  assert.equal(await guarantor.inputValue(), guarantorName);
  assert.equal(await guarantor.getAttribute('readonly'), '');
  assert.equal(await tab(other).getByLabel('Fiança: vencimento').inputValue(), '30/06/2027');
  await other.context().close();
});
