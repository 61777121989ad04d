//! The demo's financial history (issue 12): about three years of receivables for every customer
//! in every company they buy from — a few tens each, most received, some open, a share of late
//! payers with overdue ones, a few sent to a credit bureau or to collection, a few cancelled —
//! their settlements, and advances and sales-return credits for some. Set-based: one statement
//! per table, whatever the number of customers. The benchmarks use the same history, thinner.

use sqlx::PgPool;

/// How many receivables each customer has in each company it buys from: `least` plus up to
/// `spread − 1` more, by the customer's hash.
#[derive(Debug, Clone, Copy)]
pub struct Density {
    pub least: i32,
    pub spread: i32,
}

/// A few tens each (12 to 41), as a real three-year history.
pub const DEMO: Density = Density {
    least: 12,
    spread: 30,
};
/// 2 to 8 each: about 5,000,000 receivables for 1,000,000 customers (issue 12's benchmarks).
pub const BENCH: Density = Density {
    least: 2,
    spread: 7,
};

/// Adds the history when the tenant has none: a demo database made before issue 12 gets it at
/// the next start, and a second start adds nothing. A bench database (more customers than the
/// demo's) is left to its benchmark, which adds a thinner one.
pub async fn ensure_demo_receivables(pool: &PgPool, tenant_id: i64) -> Result<(), sqlx::Error> {
    let (has_any, customers): (bool, i64) = sqlx::query_as(
        "select exists(select 1 from receivables where tenant_id = $1),
                (select count(*) from customers where tenant_id = $1)",
    )
    .bind(tenant_id)
    .fetch_one(pool)
    .await?;
    if has_any || customers > 2 * super::demo::DEMO_CUSTOMERS as i64 {
        return Ok(());
    }
    top_up(pool, tenant_id, DEMO).await.map(|_| ())
}

/// Gives the history to every customer and company that has no receivable yet. Returns how
/// many receivables it added.
pub async fn top_up(pool: &PgPool, tenant_id: i64, density: Density) -> Result<u64, sqlx::Error> {
    let mut tx = pool.begin().await?;
    // One seeding at a time when several servers start together on one database.
    sqlx::query("select pg_advisory_xact_lock(hashtext('clientela.demo_receivables'), $1::int)")
        .bind(tenant_id as i32)
        .execute(&mut *tx)
        .await?;
    // R-ADV-1: the demo's companies work with advances.
    sqlx::query(
        "update company_sales_settings set advances_enabled = true,
                advance_entry_history_code = 'ADT', advance_refund_history_code = 'DEV'
         where tenant_id = $1 and not advances_enabled",
    )
    .bind(tenant_id)
    .execute(&mut *tx)
    .await?;
    // The customers and companies to seed, taken once: a statement that inserted receivables
    // while asking which customers have none would scan its own growing table for every row.
    sqlx::query(
        "create temp table seed_profiles on commit drop as
         select tenant_id, company_id, customer_id, customer_id * 7919 % 100003 as h
         from customer_profiles cp where tenant_id = $1
           and not exists (select 1 from receivables r where r.tenant_id = cp.tenant_id
                           and r.customer_id = cp.customer_id and r.company_id = cp.company_id)",
    )
    .bind(tenant_id)
    .execute(&mut *tx)
    .await?;
    let added = insert_receivables_and_settlements(&mut tx, density).await?;
    insert_credits(&mut tx).await?;
    tx.commit().await?;
    Ok(added)
}

/// `h` is the customer's hash: who is a late payer, who is listed, who pays on time. Receivable
/// `i` of `n` was issued `i` steps of about 36 days before today (the newest not yet due). Each
/// paid part gets its settlement — on time for most, late (with interest) for some — in the
/// same statement. Returns how many receivables it inserted.
async fn insert_receivables_and_settlements(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    density: Density,
) -> Result<u64, sqlx::Error> {
    let inserted: i64 = sqlx::query_scalar(
        "with r as (
             select p.*, i,
                    current_date - (i * 36 + h % 20)::int as issued,
                    (array[28, 35, 42])[1 + (h + i) % 3] as term,
                    round((120 + (h * (i + 3) * 37) % 9800 + ((h + i) % 100) / 100.0)::numeric, 2) as amount,
                    -- LOP: those in collection are with an agency; one in five was discounted
                    -- at Banco do Brasil, one in five is collected by Sicredi; the rest stay in
                    -- the wallet, with the customer's bearer.
                    case when h % 9 = 0 and h % 4 = 1 and i between 1 and 3 then 'agency'
                         when (h + i) % 5 = 1 then 'bb' when (h + i) % 5 = 2 then 'sicredi'
                         else 'wallet' end as lop
             from seed_profiles p cross join lateral generate_series(0, $1 - 1 + (p.h % $2)::int) as i),
         -- The demo's bearers (seed lookups): the wallet and two banks, per company.
         bearers as (
             select company_id, max(id) filter (where code = 'CART') as wallet,
                    max(id) filter (where code = 'BB') as bb, max(id) filter (where code = 'SICREDI') as sicredi
             from lookup_entries where tenant_id = (select tenant_id from seed_profiles limit 1)
               and kind = 'bearer' group by company_id),
         inserted as (
             insert into receivables (tenant_id, company_id, customer_id, document, installment, kind,
                 issue_date, due_date, amount, balance, sale_code, sent_to_credit_bureau,
                 in_collection, cancelled_at, cancelled_by_name, cancel_reason, created_by_name,
                 daily_interest, late_fee, collection_location, collection_operation, bearer_id)
             select r.tenant_id, r.company_id, r.customer_id,
                    'NF ' || (100000 + r.customer_id * 64 + i), 1,
                    case when (h + i) % 97 = 5 then 'returned_cheque'
                         when (h + i) % 53 = 7 then 'negotiation' else 'invoice' end,
                    issued, issued + term, amount,
                    case
                        -- Not yet due: open, a few partly paid.
                        when issued + term >= current_date then
                            case when (h + i) % 7 = 3 then round(amount / 2, 2) else amount end
                        -- Late payers (one in nine) owe their last few; everyone else has paid.
                        when h % 9 = 0 and i < 4 then amount
                        when (h + i) % 41 = 0 then round(amount * 0.4, 2)
                        else 0 end,
                    'PV-' || (500000 + r.customer_id * 64 + i),
                    h % 9 = 0 and h % 4 = 0 and i between 1 and 3,
                    h % 9 = 0 and h % 4 = 1 and i between 1 and 3,
                    case when (h + i) % 61 = 9 then issued + 2 end,
                    case when (h + i) % 61 = 9 then 'Fernanda Financeiro' end,
                    case when (h + i) % 61 = 9 then 'Nota fiscal cancelada: pedido desfeito pelo cliente.' end,
                    'Importação inicial',
                    coalesce(d.daily_interest, s.daily_interest, 0),
                    coalesce(case when d.late_fee_source = 'customer' then d.late_fee end, s.late_fee, 0),
                    case lop when 'agency' then 'collection_agency' when 'wallet' then 'wallet'
                             else 'bank' end,
                    case lop when 'bb' then 'discounted' else 'simple' end,
                    case lop when 'bb' then b.bb when 'sicredi' then b.sicredi
                             else coalesce(d.bearer_id, b.wallet) end
             from r
             join company_sales_settings s on s.tenant_id = r.tenant_id and s.company_id = r.company_id
             left join bearers b on b.company_id = r.company_id
             left join customer_sales_defaults d on d.tenant_id = r.tenant_id
                  and d.company_id = r.company_id and d.customer_id = r.customer_id
             returning tenant_id, id, due_date, amount, balance, cancelled_at),
         settled as (
             insert into receivable_settlements (tenant_id, receivable_id, paid_on, principal,
                 interest, late_fee, means, created_by_name)
             select tenant_id, id,
                    least(current_date, due_date + case when id % 5 = 0 then (id % 23)::int else 0 end),
                    amount - balance,
                    case when id % 5 = 0 then round((amount - balance) * 0.0033 * (id % 23), 2) else 0 end,
                    case when id % 5 = 0 and id % 23 > 0 then round((amount - balance) * 0.02, 2) else 0 end,
                    (array['bank', 'pix', 'cash'])[1 + id % 3],
                    'Importação inicial'
             from inserted
             where cancelled_at is null and balance < amount)
         -- Data-modifying parts of a WITH always run to completion, read or not.
         select count(*) from inserted",
    )
    .bind(density.least)
    .bind(density.spread)
    .fetch_one(&mut **tx)
    .await?;
    Ok(inserted as u64)
}

/// Advances kept by one customer in twelve, sales-return credits by one in fifteen.
async fn insert_credits(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "with p as (select * from seed_profiles)
         insert into customer_credits (tenant_id, company_id, customer_id, kind, credit_date,
             amount, balance, means, notes, created_by_name)
         select tenant_id, company_id, customer_id, 'advance', current_date - (h % 90)::int,
                500 + h % 40 * 100, 500 + h % 40 * 100 - (h % 3) * 200, 'pix',
                'Adiantamento para a safra', 'Importação inicial'
         from p where h % 12 = 0
         union all
         select tenant_id, company_id, customer_id, 'sales_return', current_date - (h % 60)::int,
                round((80 + h % 700)::numeric, 2), round((80 + h % 700)::numeric, 2), null,
                'Devolução parcial da NF', 'Importação inicial'
         from p where h % 15 = 1",
    )
    .execute(&mut **tx)
    .await?
    .rows_affected())
}
