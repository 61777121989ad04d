// Issue 11: price lists and payment plans in Chromium — the plan's terms under Tabelas, the
// customer's own lists on the sales tab, and the list filter "is none of" followed by
// "alter all" replacing the lists (R-SALES-4, R-BULK-2, R-BULK-3).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newPage, open, reload, signIn, DEMO_USERS, assertBeside, openTab,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin, clerk] = DEMO_USERS;

test('issue 11: a payment plan is registered with its installments, wrong terms named beside their fields (R-SALES-5)', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/tabelas/planos-de-pagamento');
  await page.getByRole('heading', { name: 'Planos de pagamento', level: 1 }).waitFor();
  // A code of its own, so the test may run again on the same database.
  const code = `P${Date.now() % 100_000_000}`;
  await page.getByLabel('Código').fill(code);
  await page.getByLabel('Descrição').fill('30/45/60 dias');
  await page.getByLabel('Parcelas (dias)').fill('60/30');
  await page.getByLabel('Valor mínimo do pedido (R$)').fill('dois mil');
  await page.getByRole('button', { name: 'Incluir' }).click();
  const wrongDays = page.getByRole('alert').filter({ hasText: 'Os dias das parcelas devem ser crescentes' });
  await wrongDays.waitFor();
  await assertBeside(wrongDays, page.getByLabel('Parcelas (dias)'));
  assert.equal(await page.getByLabel('Parcelas (dias)').getAttribute('aria-invalid'), 'true');

  await page.getByLabel('Parcelas (dias)').fill('30/45/60');
  await page.getByLabel('Valor mínimo do pedido (R$)').fill('2.000,00');
  await page.getByLabel('Usa limite de crédito').check();
  await page.getByRole('button', { name: 'Incluir' }).click();
  const row = page.getByRole('table', { name: 'Planos de pagamento' }).getByRole('row', { name: new RegExp(code) });
  await row.waitFor();
  assert.match(await row.textContent(), /30\/45\/60 dias · mínimo R\$ 2\.000,00 · usa crédito/);
});

test('a plan for all customers reads "Todos" under Clientes, not the 0 customers who have it as their own', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/tabelas/planos-de-pagamento');
  const code = `T${Date.now() % 100_000_000}`;
  await page.getByLabel('Código').fill(code);
  await page.getByLabel('Descrição').fill('À vista para todos');
  await page.getByLabel('Parcelas (dias)').fill('0');
  await page.getByLabel(/^Para todos os clientes/).check();
  await page.getByRole('button', { name: 'Incluir' }).click();
  const table = page.getByRole('table', { name: 'Planos de pagamento' });
  const row = table.getByRole('row', { name: new RegExp(code) });
  await row.waitFor();
  const customers = row.locator('td[data-label="Clientes"]');
  assert.equal((await customers.textContent()).trim(), 'Todos');
  // A list only for its linked customers counts them (ATACADO-SC is not public).
  await open(page, '/tabelas/listas-de-preco');
  const wholesale = page.getByRole('table', { name: 'Listas de preço' }).getByRole('row', { name: /ATACADO-SC/ });
  assert.match((await wholesale.locator('td[data-label="Clientes"]').textContent()).trim(), /^[\d.]+$/);
  // Code and description stop at their limits (rules::lookup).
  assert.equal(await page.getByLabel('Código').getAttribute('maxlength'), '10');
  assert.equal(await page.getByLabel('Descrição').getAttribute('maxlength'), '60');
  await page.context().close();
});

// The labels of the boxes ticked in a group of check boxes.
async function ticked(group) {
  const boxes = group.getByRole('checkbox');
  const labels = [];
  for (let i = 0; i < await boxes.count(); i += 1) {
    if (await boxes.nth(i).isChecked()) {
      labels.push((await group.locator('label').nth(i).textContent()).trim());
    }
  }
  return labels;
}

test('issue 11: the clerk ticks the customer\'s own price lists; the set survives a reload and lands in the history (R-SALES-4)', async () => {
  const page = await newPage(browser);
  await signIn(page, clerk);
  await open(page, '/clientes/31?aba=vendas');
  const form = page.getByRole('form', { name: 'Padrão para vendas' });
  const lists = form.getByRole('group', { name: 'Listas de preço' });
  await lists.waitFor();
  const wholesale = lists.getByLabel(/ATACADO-SC - /);
  // A real change whatever an earlier run left.
  const wasTicked = await wholesale.isChecked();
  await wholesale.setChecked(!wasTicked);
  await form.getByRole('button', { name: 'Gravar padrão para vendas' }).click();
  await form.getByRole('status').filter({ hasText: 'Padrão para vendas gravado.' }).waitFor();

  await reload(page);
  const again = page.getByRole('form', { name: 'Padrão para vendas' }).getByRole('group', { name: 'Listas de preço' });
  await again.waitFor();
  assert.equal(await again.getByLabel(/ATACADO-SC - /).isChecked(), !wasTicked);
  // ATACADO-SC is not public: today's orders get it only while it is the customer's own.
  const today = page.getByRole('region', { name: 'Para pedidos de hoje' });
  assert.equal(await today.locator('dd').first().getByText(/^ATACADO-SC - /).count(), wasTicked ? 0 : 1);

  await openTab(page, 'Histórico');
  const history = page.getByRole('table', { name: 'Histórico de alterações' });
  await history.getByRole('row', { name: /Listas de preço/ }).first().waitFor();
});

test('issue 11: "is none of" a price list in the filter, then "alter all" gives those customers exactly that list (R-BULK-2, R-BULK-3)', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  const code = '1501';
  // The list the customer does not hold now, so the batch changes something on every run.
  await open(page, `/clientes/${code}?aba=vendas`);
  const lists = page.getByRole('form', { name: 'Padrão para vendas' }).getByRole('group', { name: 'Listas de preço' });
  await lists.waitFor();
  const holds = (await ticked(lists)).join(' ');
  const target = holds.startsWith('PROMO-VER') && !holds.includes('ATACADO-RS') ? 'ATACADO-RS' : 'PROMO-VER';

  await open(page, `/clientes?q=${code}&lote=1`);
  await page.getByText('Listas de preço e planos de pagamento', { exact: true }).click();
  await page.getByLabel('Listas de preço', { exact: true }).selectOption({ label: 'Não é nenhuma de' });
  await page.getByLabel('Listas de preço: códigos').fill(target.toLowerCase());
  await page.getByLabel('Listas de preço: códigos').press('Enter');
  await page.waitForURL(/listas=nao/);
  await page.getByRole('status').filter({ hasText: /^1 cliente$/ }).waitFor();

  const bulk = page.getByRole('region', { name: 'Manutenção em lote' });
  await bulk.getByLabel('Campo').selectOption({ label: 'Listas de preço' });
  const choices = bulk.getByRole('group', { name: 'Novo valor: Listas de preço' });
  await choices.getByLabel(new RegExp(`${target} - `)).check();
  await bulk.getByRole('button', { name: 'Prévia' }).click();
  await bulk.getByText('1 cliente no lote: 1 será alterado; 0 já têm esses valores.', { exact: true }).waitFor();
  await bulk.getByRole('button', { name: 'Confirmar alteração' }).click();
  await bulk.getByRole('status').filter({ hasText: /^Lote \d+ gravado: 1 cliente alterado\./ }).waitFor();

  // Replace semantics: the customer now holds that list and no other.
  await open(page, `/clientes/${code}?aba=vendas`);
  const after = page.getByRole('form', { name: 'Padrão para vendas' }).getByRole('group', { name: 'Listas de preço' });
  await after.waitFor();
  const now = await ticked(after);
  assert.equal(now.length, 1, now.join(' | '));
  assert.ok(now[0].startsWith(`${target} - `), now[0]);
});

test('issue 11: a driver is registered with a CPF, a wrong one named beside its field; a vehicle with a Mercosul plate (R-SALES-10)', async () => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await open(page, '/tabelas/transportadoras');
  await page.getByRole('heading', { name: 'Transportadoras e motoristas', level: 1 }).waitFor();
  const code = `M${Date.now() % 100_000_000}`;
  await page.getByLabel('Código').fill(code);
  await page.getByLabel('Descrição').fill('Motorista de teste');
  await page.getByLabel('Tipo').selectOption({ label: 'Motorista (CPF)' });
  await page.getByLabel('CPF/CNPJ').fill('529.982.247-26');
  await page.getByRole('button', { name: 'Incluir' }).click();
  const wrong = page.getByRole('alert').filter({ hasText: 'CPF inválido' });
  await wrong.waitFor();
  await assertBeside(wrong, page.getByLabel('CPF/CNPJ'));
  await page.getByLabel('CPF/CNPJ').fill('529.982.247-25');
  await page.getByRole('button', { name: 'Incluir' }).click();
  const row = page.getByRole('table', { name: 'Transportadoras e motoristas' }).getByRole('row', { name: new RegExp(code) });
  await row.waitFor();
  assert.match(await row.textContent(), /Motorista.*529\.982\.247-25/);

  await open(page, '/tabelas/frota');
  const plateCode = `V${Date.now() % 100_000_000}`;
  await page.getByLabel('Código').fill(plateCode);
  await page.getByLabel('Descrição').fill('Caminhão de teste');
  await page.getByLabel('Placa').fill('abc1d23');
  await page.getByRole('button', { name: 'Incluir' }).click();
  const vehicle = page.getByRole('table', { name: 'Frota (veículos)' }).getByRole('row', { name: new RegExp(plateCode) });
  await vehicle.waitFor();
  assert.match(await vehicle.textContent(), /ABC1D23/);
});
