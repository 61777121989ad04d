//! The price-list part of `server bench-bulk` (issue 11): "alter all" of the customers' price
//! lists with replace semantics (R-SALES-4) over the benchmark's filter, (a) through the app's
//! code path and (b) as the same statements run directly, with the ratio a/b.

use std::time::Instant;

use app::customers::list_types::CustomerFilter;
use app::server::auth::Caller;
use app::server::bulk_progress::Progress;
use app::server::{bulk_store, bulk_undo};
use rules::bulk::{check_changes, BulkChangeInput};
use rules::lookup::LookupKind;
use sqlx::PgPool;

use crate::bulk_bench::secs;
use crate::seed::sales;

pub async fn run(
    pool: &PgPool,
    caller: &Caller,
    filter: &CustomerFilter,
) -> Result<(), Box<dyn std::error::Error>> {
    // The sales fields live in the customers' sales defaults of the company.
    sales::assign_sales_defaults(pool, caller.tenant_id).await?;
    let entry = |code: &'static str| {
        sqlx::query_scalar::<_, i64>(
            "select id from lookup_entries
             where tenant_id = $1 and company_id = $2 and kind = 'price_list' and code = $3",
        )
        .bind(caller.tenant_id)
        .bind(caller.company_id)
        .bind(code)
        .fetch_one(pool)
    };
    let (retail, wholesale, promotion) = (
        entry("VAREJO-RS").await?,
        entry("ATACADO-RS").await?,
        entry("PROMO-VER").await?,
    );
    // Every filtered customer starts on the retail list, so (b) and (a) each change all.
    direct(pool, caller, filter, &[retail]).await?;
    let started = Instant::now();
    let direct_changed = direct(pool, caller, filter, &[wholesale, promotion]).await?;
    let direct_time = started.elapsed();
    direct(pool, caller, filter, &[retail]).await?;

    let changes = check_changes(
        &caller.permissions,
        &[BulkChangeInput {
            field: "price_lists".into(),
            value: format!("{wholesale},{promotion}"),
            notes: String::new(),
        }],
    )
    .map_err(|e| format!("{e:?}"))?;
    let preview = bulk_store::preview(pool, caller, filter, &changes)
        .await
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let applied = bulk_store::apply(
        pool,
        caller,
        filter,
        &changes,
        &preview.preview_token,
        false,
        &Progress::unwatched(),
    )
    .await
    .map_err(|e| e.to_string())?;
    let app_time = started.elapsed();
    let started = Instant::now();
    bulk_undo::undo(pool, caller, applied.batch_id, false)
        .await
        .map_err(|e| e.to_string())?;
    let undo_time = started.elapsed();
    println!(
        "listas de preço (b) DELETE + INSERT + histórico + versões diretos: {direct_changed} clientes em {}",
        secs(direct_time)
    );
    println!(
        "listas de preço (a) alterar todos pelo código do app:             {} clientes em {}",
        applied.changed,
        secs(app_time)
    );
    println!(
        "listas de preço: razão a/b {:.2}; desfazer o lote {}",
        app_time.as_secs_f64() / direct_time.as_secs_f64(),
        secs(undo_time)
    );
    Ok(())
}

/// (b): what a hand-written batch would run to give the filtered customers exactly `lists`,
/// in one transaction: the links replaced, one history row per customer changed (the lists
/// before and after by label), the customer's and the sales tab's versions bumped.
async fn direct(
    pool: &PgPool,
    caller: &Caller,
    filter: &CustomerFilter,
    lists: &[i64],
) -> Result<u64, sqlx::Error> {
    let mut lists = lists.to_vec();
    lists.sort_unstable();
    let lists = &lists[..];
    let mut tx = pool.begin().await?;
    sqlx::query(
        "create temporary table relisted on commit drop as
         select p.customer_id,
                (select string_agg(e.code || ' - ' || e.description, ', ' order by e.code)
                 from customer_price_lists l
                 join lookup_entries e on e.tenant_id = l.tenant_id and e.id = l.price_list_id
                 where l.tenant_id = p.tenant_id and l.company_id = p.company_id
                   and l.customer_id = p.customer_id) as old_lists
         from customer_profiles p
         join customer_sales_defaults d on d.tenant_id = p.tenant_id
              and d.company_id = p.company_id and d.customer_id = p.customer_id
         where p.tenant_id = $1 and p.company_id = $2
           and ($3::bigint is null or p.customer_group_id = $3)
           and ($4::bigint is null or p.region_id = $4)
           and ($5::bigint is null or p.category_id = $5)
           and array(select l.price_list_id from customer_price_lists l
                     where l.tenant_id = p.tenant_id and l.company_id = p.company_id
                       and l.customer_id = p.customer_id order by 1) <> $6::bigint[]",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(filter.lookup(LookupKind::CustomerGroup))
    .bind(filter.lookup(LookupKind::Region))
    .bind(filter.lookup(LookupKind::Category))
    .bind(lists)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "delete from customer_price_lists l using relisted r
         where l.tenant_id = $1 and l.company_id = $2 and l.customer_id = r.customer_id
           and l.price_list_id <> all($3)",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(lists)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "insert into customer_price_lists (tenant_id, company_id, customer_id, price_list_id)
         select $1, $2, r.customer_id, l from relisted r cross join unnest($3::bigint[]) as l
         on conflict do nothing",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(lists)
    .execute(&mut *tx)
    .await?;
    let changed = sqlx::query(
        "insert into customer_changes (tenant_id, customer_id, company_id, user_id, user_name,
                                       field, old_value, new_value, company_scoped)
         select $1, r.customer_id, $2, $3, $4, 'Listas de preço', coalesce(r.old_lists, ''),
                (select string_agg(e.code || ' - ' || e.description, ', ' order by e.code)
                 from lookup_entries e where e.tenant_id = $1 and e.id = any($5)), true
         from relisted r",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(caller.user_id)
    .bind(&caller.user_name)
    .bind(lists)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query(
        "update customers c set version = c.version + 1, updated_at = now(), updated_by_name = $2
         from relisted r where c.tenant_id = $1 and c.id = r.customer_id",
    )
    .bind(caller.tenant_id)
    .bind(&caller.user_name)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "update customer_sales_defaults d set version = d.version + 1, updated_at = now(),
             updated_by_name = $3
         from relisted r where d.tenant_id = $1 and d.company_id = $2 and d.customer_id = r.customer_id",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(&caller.user_name)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(changed)
}
