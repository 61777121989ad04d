//! Sales settings of the demo companies and the sales defaults of generated customers (issue
//! 11): what a distributor's base looks like — most customers on the company's terms, some with
//! a limit or a discount of their own, a few without credit, paying in advance, or pickup only.

use sqlx::PgPool;

/// The demo companies' settings: a fuel distributor (code 1) and a food wholesaler (code 2).
pub async fn seed_demo_company_settings(pool: &PgPool, tenant_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update company_sales_settings s set
             pre_approved_credit_limit = v.credit_limit, daily_interest = v.daily_interest,
             late_fee = v.late_fee, max_discount = v.max_discount, credit_use = v.credit_use,
             credit_order = v.credit_order, ledger_prefix = v.ledger_prefix,
             real_ledger_prefix = v.real_ledger_prefix, ledger_code_width = 5,
             expense_revenue_account = v.expense, doubtful_debt_synthetic = v.synthetic,
             doubtful_debt_real_synthetic = v.real_synthetic, doubtful_debt_last = v.last
         from companies c,
              (values (1, 5000.00, 0.0333, 2.00, 5.00, 'optional', 'ascending', '0101.',
                       '1.1.02.01.', '3.1.01.001', '0100053', '1.1.01.02.00000', 4),
                      (2, 10000.00, 0.0330, 2.00, 10.00, 'selection', 'ascending', '0102.',
                       '1.1.02.02.', '3.1.01.002', '0100054', null, 0))
                  as v(code, credit_limit, daily_interest, late_fee, max_discount, credit_use,
                       credit_order, ledger_prefix, real_ledger_prefix, expense, synthetic,
                       real_synthetic, last)
         where c.tenant_id = $1 and c.code = v.code
           and s.tenant_id = c.tenant_id and s.company_id = c.id",
    )
    .bind(tenant_id)
    .execute(pool)
    .await?;
    // R-SALES-1: boleto, real, the company's own wallet and its usual carrier for each new
    // customer.
    sqlx::query(
        "update company_sales_settings s set
             billing_type_id = (select id from lookup_entries e where e.tenant_id = s.tenant_id
                                and e.company_id = s.company_id and e.kind = 'billing_type' and e.code = 'BOL'),
             currency_id = (select id from lookup_entries e where e.tenant_id = s.tenant_id
                            and e.company_id = s.company_id and e.kind = 'currency' and e.code = 'BRL'),
             bearer_id = (select id from lookup_entries e where e.tenant_id = s.tenant_id
                          and e.company_id = s.company_id and e.kind = 'bearer' and e.code = 'CART'),
             carrier_id = (select id from lookup_entries e where e.tenant_id = s.tenant_id
                           and e.company_id = s.company_id and e.kind = 'carrier' and e.code = 'TRANSLOG')
         where s.tenant_id = $1",
    )
    .bind(tenant_id)
    .execute(pool)
    .await?;
    Ok(())
}

/// Gives every customer with a profile in a company, and no sales defaults there yet, a row
/// drawn from its id: one statement for every customer (the generator runs it at 1,000,000).
pub async fn assign_sales_defaults(pool: &PgPool, tenant_id: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "with tables as (
             select company_id,
                    array_agg(id order by code) filter (where kind = 'billing_type') as billing_types,
                    array_agg(id order by code) filter (where kind = 'bearer') as bearers,
                    array_agg(id order by code) filter (where kind = 'freight_table') as freights,
                    array_agg(id order by code) filter (where kind = 'incoterm') as incoterms,
                    array_agg(id order by code) filter (where kind = 'commission_table') as commissions,
                    array_agg(id order by code) filter (where kind = 'financial_class') as classes,
                    array_agg(id order by code) filter (where kind = 'carrier') as carriers
             from lookup_entries where tenant_id = $1 group by company_id)
         insert into customer_sales_defaults (tenant_id, company_id, customer_id, credit_limit,
             daily_interest, late_fee_source, late_fee, discount, allows_discount, max_discount,
             allows_conditional_discount, conditional_discount_days, conditional_discount,
             credit_use, purpose, delivery_block, prints_boleto_on_invoice, requires_prepayment,
             suggested_lot, email_boleto_pdf, version, billing_type_id, currency_id, bearer_id,
             freight_table_id, incoterm_id, commission_table_id, financial_class_id, carrier_id)
         select p.tenant_id, p.company_id, p.customer_id,
                case when h % 20 = 0 then 0
                     when h % 5 < 3 then 1000 + (h / 7 % 98) * 500 end,
                s.daily_interest,
                case when h % 25 = 1 then 'customer' else 'company' end,
                case when h % 25 = 1 then 1.00 end,
                case when h % 17 = 2 then 0
                     when h % 10 = 3 then 2 + h / 11 % 4
                     when h % 33 = 4 then -2 end,
                h % 17 <> 2,
                case when h % 10 in (5, 6, 7) then (array[5, 10, 15])[1 + h / 13 % 3] end,
                h % 7 = 1,
                case when h % 7 = 1 then 5 end,
                case when h % 7 = 1 then 2.00 end,
                case when h % 10 = 8 then 'always' when h % 20 = 9 then 'never' end,
                case when h % 50 = 10 then 'consumption' end,
                case when h % 33 = 11 then 'blocks_delivery' else 'none' end,
                h % 5 in (1, 2),
                h % 25 = 12,
                case when h % 5 = 3 then 'oldest' else 'none' end,
                case when h % 10 in (1, 4, 7) then 'send' else 'default' end,
                1,
                -- Most pay by boleto into the company's wallet; some by PIX, a few by cheque.
                case when h % 6 = 1 then (t.billing_types)[4] when h % 19 = 2 then (t.billing_types)[2]
                     else s.billing_type_id end,
                s.currency_id,
                case when h % 4 = 1 then (t.bearers)[1] when h % 4 = 2 then (t.bearers)[3]
                     else s.bearer_id end,
                (t.freights)[1 + h % 3],
                case when h % 3 = 0 then (t.incoterms)[1 + h / 3 % 2] end,
                (t.commissions)[1 + (h % 9 = 0)::int],
                (t.classes)[2 - (h % 50 = 10)::int],
                -- Most ship with the company's carrier; some with another, a few pick up.
                case when h % 8 = 3 then (t.carriers)[2] when h % 8 = 5 then null
                     else s.carrier_id end
         from (select tenant_id, company_id, customer_id, customer_id * 7919 % 100003 as h
               from customer_profiles where tenant_id = $1) p
         join company_sales_settings s on s.tenant_id = p.tenant_id and s.company_id = p.company_id
         left join tables t on t.company_id = p.company_id
         on conflict (tenant_id, company_id, customer_id) do nothing",
    )
    .bind(tenant_id)
    .execute(pool)
    .await?
    .rows_affected())
}

/// R-SALES-12 for the generated customers: the accounts their company's chart suggests, where
/// the code fits its width. One statement.
pub async fn assign_ledger_accounts(pool: &PgPool, tenant_id: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "insert into customer_ledger_accounts (tenant_id, company_id, customer_id, ledger_account,
             real_ledger_account, expense_revenue_account)
         select p.tenant_id, p.company_id, p.customer_id,
                s.ledger_prefix || lpad(c.code::text, s.ledger_code_width, '0'),
                s.real_ledger_prefix || lpad(c.code::text, s.ledger_code_width, '0'),
                s.expense_revenue_account
         from customer_profiles p
         join customers c on c.tenant_id = p.tenant_id and c.id = p.customer_id
         join company_sales_settings s on s.tenant_id = p.tenant_id and s.company_id = p.company_id
         where p.tenant_id = $1 and s.ledger_prefix is not null
           and length(c.code::text) <= s.ledger_code_width
         on conflict (tenant_id, company_id, customer_id) do nothing",
    )
    .bind(tenant_id)
    .execute(pool)
    .await?
    .rows_affected())
}

/// The terms of the demo price lists and payment plans (their rows are `lookups`'s): public
/// retail lists, wholesale lists for chosen customers, a summer promotion with its validity;
/// cash, 30 days, 30/60/90 on credit from R$ 1.500,00, 28/35/42 for chosen customers.
pub async fn seed_demo_table_terms(pool: &PgPool, tenant_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into price_list_terms (tenant_id, entry_id, public, valid_from, valid_to)
         select e.tenant_id, e.id, t.public, t.valid_from, t.valid_to
         from lookup_entries e
         join (values ('VAREJO-RS', true, null::date, null::date),
                      ('VAREJO-SC', true, null, null),
                      ('ATACADO-RS', false, date '2026-01-01', null),
                      ('ATACADO-SC', false, date '2026-01-01', null),
                      ('PROMO-VER', true, date '2026-12-01', date '2027-02-28'))
              as t (code, public, valid_from, valid_to) on t.code = e.code
         where e.tenant_id = $1 and e.kind = 'price_list'
         on conflict (tenant_id, entry_id) do nothing",
    )
    .bind(tenant_id)
    .execute(pool)
    .await?;
    sqlx::query(
        "insert into payment_plan_terms (tenant_id, entry_id, installment_days,
             minimum_order_value, uses_credit, all_customers)
         select e.tenant_id, e.id, t.days, t.minimum, t.uses_credit, t.all_customers
         from lookup_entries e
         join (values ('AV', array[0]::smallint[], null::numeric, false, true),
                      ('30', array[30]::smallint[], 300.00, true, true),
                      ('30-60-90', array[30, 60, 90]::smallint[], 1500.00, true, true),
                      ('28-35-42', array[28, 35, 42]::smallint[], 1000.00, true, false),
                      ('ANTECIP', array[0]::smallint[], null, false, true))
              as t (code, days, minimum, uses_credit, all_customers) on t.code = e.code
         where e.tenant_id = $1 and e.kind = 'payment_plan'
         on conflict (tenant_id, entry_id) do nothing",
    )
    .bind(tenant_id)
    .execute(pool)
    .await?;
    sqlx::query(
        "insert into carrier_terms (tenant_id, entry_id, driver, document)
         select e.tenant_id, e.id, t.driver, t.document
         from lookup_entries e
         join (values ('TRANSLOG', false, '11444777000161'),
                      ('RODOSUL', false, '12ABC34501DE35'),
                      ('MOT-JOAO', true, '52998224725'))
              as t (code, driver, document) on t.code = e.code
         where e.tenant_id = $1 and e.kind = 'carrier'
         on conflict (tenant_id, entry_id) do nothing",
    )
    .bind(tenant_id)
    .execute(pool)
    .await?;
    sqlx::query(
        "insert into fleet_vehicle_terms (tenant_id, entry_id, plate)
         select e.tenant_id, e.id, t.plate
         from lookup_entries e
         join (values ('CAM-01', 'IAB1C23'), ('CAR-02', 'MLK4D56'), ('VAN-01', 'QRS1234'))
              as t (code, plate) on t.code = e.code
         where e.tenant_id = $1 and e.kind = 'fleet_vehicle'
         on conflict (tenant_id, entry_id) do nothing",
    )
    .bind(tenant_id)
    .execute(pool)
    .await?;
    // R-SALES-1: new customers start with the retail list of the company's state and 30 days.
    sqlx::query(
        "update company_sales_settings s
         set price_list_id = (select e.id from lookup_entries e
                              join companies co on co.tenant_id = e.tenant_id and co.id = s.company_id
                              where e.tenant_id = s.tenant_id and e.company_id = s.company_id
                                and e.kind = 'price_list'
                                and e.code = case when co.code = 1 then 'VAREJO-RS' else 'VAREJO-SC' end),
             payment_plan_id = (select e.id from lookup_entries e
                                where e.tenant_id = s.tenant_id and e.company_id = s.company_id
                                  and e.kind = 'payment_plan' and e.code = '30')
         where s.tenant_id = $1",
    )
    .bind(tenant_id)
    .execute(pool)
    .await?;
    Ok(())
}

/// The customers' own lists and plans: about a third hold a wholesale list of their company,
/// a fifth the 28/35/42 plan, a few use only their own lists; one in seven allows a carrier
/// on pickup orders, one in eleven a vehicle. One statement per set.
pub async fn assign_own_entries(pool: &PgPool, tenant_id: i64) -> Result<u64, sqlx::Error> {
    let mut assigned = 0;
    for (table, column, kind, codes, share) in [
        (
            "customer_price_lists",
            "price_list_id",
            "price_list",
            "array['ATACADO-RS', 'ATACADO-SC']",
            "h % 3 = 0",
        ),
        (
            "customer_payment_plans",
            "payment_plan_id",
            "payment_plan",
            "array['28-35-42', '30-60-90']",
            "h % 5 = 1",
        ),
        (
            "customer_allowed_carriers",
            "carrier_id",
            "carrier",
            "array['TRANSLOG', 'MOT-JOAO']",
            "h % 7 = 2",
        ),
        (
            "customer_allowed_fleet",
            "vehicle_id",
            "fleet_vehicle",
            "array['CAM-01', 'CAR-02']",
            "h % 11 = 3",
        ),
    ] {
        assigned += sqlx::query(&format!(
            "insert into {table} (tenant_id, company_id, customer_id, {column})
             select p.tenant_id, p.company_id, p.customer_id, e.id
             from (select tenant_id, company_id, customer_id, customer_id * 7919 % 100003 as h
                   from customer_profiles where tenant_id = $1) p
             join lookup_entries e on e.tenant_id = p.tenant_id and e.company_id = p.company_id
                  and e.kind = '{kind}' and e.code = ({codes})[1 + p.h / 3 % 2]
             where {share}
             on conflict do nothing"
        ))
        .bind(tenant_id)
        .execute(pool)
        .await?
        .rows_affected();
    }
    sqlx::query(
        "update customer_sales_defaults d set uses_only_own_price_lists = true
         where d.tenant_id = $1 and d.customer_id * 7919 % 100003 % 30 = 0
           and exists (select 1 from customer_price_lists l where l.tenant_id = d.tenant_id
                       and l.company_id = d.company_id and l.customer_id = d.customer_id)",
    )
    .bind(tenant_id)
    .execute(pool)
    .await?;
    Ok(assigned)
}
