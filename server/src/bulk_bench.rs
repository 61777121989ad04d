//! `server bench-bulk [--customers N]`: the batch maintenance benchmark. Tops the demo tenant
//! up to N customers (1,000,000 by default), picks a filter matching about 100,000 customers of
//! company 1 and measures, in one run:
//! (a) "alter all" of the salesperson with notes through the app's own code path
//!     (`bulk_store::apply`: batch record, undo data, audit, salesperson history, versions);
//! (b) the same profile UPDATE, audit and salesperson history INSERTs and version bump run
//!     directly in one transaction;
//! and prints both, the ratio a/b, the undo, the same for the price lists (replace semantics,
//! `bulk_bench_lists`), and the p50/p95 of a filtered list page at depth
//! 0 and 400,000 and of the unfiltered list at depth 400,000. Half the customers have a
//! profile in company 1.

use std::time::{Duration, Instant};

use app::customers::filter_conditions::{LookupChoice, LookupOp};
use app::customers::list_types::CustomerFilter;
use app::server::auth::Caller;
use app::server::bulk_progress::Progress;
use app::server::customer_list::{list, Scope};
use app::server::{bulk_store, bulk_undo};
use rules::bulk::{check_changes, BulkChangeInput};
use rules::lookup::LookupKind;
use rules::permission::Permission;
use sqlx::PgPool;

use crate::seed::{customers, demo, lookups};

const WANTED: i64 = 100_000;

pub async fn run(pool: &PgPool, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let target: i64 = match args {
        [] => 1_000_000,
        [flag, value] if flag == "--customers" => value.replace('_', "").parse()?,
        _ => return Err("uso: server bench-bulk [--customers N]".into()),
    };
    demo::ensure_demo(pool).await?;
    let tenant_id = demo::demo_tenant_id(pool).await?;
    top_up(pool, tenant_id, target).await?;
    let (company_id, user_id): (i64, i64) = sqlx::query_as(
        "select c.id, u.id from companies c, users u
         where c.tenant_id = $1 and u.tenant_id = $1 and c.code = 1 and u.email = 'admin@demo.clientela.app'",
    )
    .bind(tenant_id)
    .fetch_one(pool)
    .await?;
    let caller = Caller::for_tool(
        tenant_id,
        user_id,
        company_id,
        "Benchmark",
        Permission::ALL.to_vec(),
    );

    keep_half_in_company(pool, tenant_id, company_id, target).await?;
    let (filter, matching) = filter_near(pool, &caller, WANTED).await?;
    let salespeople: Vec<i64> = sqlx::query_scalar(
        "select id from lookup_entries where tenant_id = $1 and company_id = $2 and kind = 'salesperson' order by code",
    )
    .bind(tenant_id)
    .bind(company_id)
    .fetch_all(pool)
    .await?;
    let [first, second, third, ..] = salespeople[..] else {
        return Err("a empresa 1 precisa de três vendedores".into());
    };
    println!("filtro: {} → {matching} clientes", filter.to_query());

    // Every filtered customer starts on the first salesperson, so (b) and (a) each change all.
    direct(pool, &caller, &filter, first, "preparação").await?;
    let started = Instant::now();
    let direct_changed = direct(pool, &caller, &filter, second, "troca direta").await?;
    let direct_time = started.elapsed();

    let changes = check_changes(
        &caller.permissions,
        &[BulkChangeInput {
            field: "salesperson".into(),
            value: third.to_string(),
            notes: "Benchmark: carteira redistribuída".into(),
        }],
    )
    .map_err(|e| format!("{e:?}"))?;
    // The screen previews first; the apply refuses customers saved after the preview.
    let preview = bulk_store::preview(pool, &caller, &filter, &changes)
        .await
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let applied = bulk_store::apply(
        pool,
        &caller,
        &filter,
        &changes,
        &preview.preview_token,
        false,
        &Progress::unwatched(),
    )
    .await
    .map_err(|e| e.to_string())?;
    let app_time = started.elapsed();
    let started = Instant::now();
    bulk_undo::undo(pool, &caller, applied.batch_id, false)
        .await
        .map_err(|e| e.to_string())?;
    let undo_time = started.elapsed();

    println!(
        "(b) UPDATE + INSERTs diretos, uma transação: {direct_changed} clientes em {}",
        secs(direct_time)
    );
    println!(
        "(a) alterar todos pelo código do app:        {} clientes em {}",
        applied.changed,
        secs(app_time)
    );
    println!(
        "razão a/b: {:.2}",
        app_time.as_secs_f64() / direct_time.as_secs_f64()
    );
    println!("desfazer o lote: {}", secs(undo_time));
    crate::bulk_bench_lists::run(pool, &caller, &filter).await?;

    let scope = Scope {
        tenant_id,
        company_id,
    };
    let deep: i64 = sqlx::query_scalar(
        "select code from customers where tenant_id = $1 order by code offset 400000 limit 1",
    )
    .bind(tenant_id)
    .fetch_optional(pool)
    .await?
    .unwrap_or(0);
    let deep_filter = CustomerFilter {
        after: deep.to_string(),
        ..Default::default()
    };
    // "Has a group in company 1" matches the company's half: a filtered page 400,000 deep.
    let in_company = CustomerFilter {
        lookups: vec![LookupChoice {
            kind: LookupKind::CustomerGroup,
            op: LookupOp::NotEmpty,
            ids: Vec::new(),
        }],
        ..Default::default()
    };
    let deep_in_company: i64 = sqlx::query_scalar(
        "select c.code from customers c
         join customer_profiles p on p.tenant_id = c.tenant_id and p.customer_id = c.id
         where c.tenant_id = $1 and p.company_id = $2 and p.customer_group_id is not null
         order by c.code offset 400000 limit 1",
    )
    .bind(tenant_id)
    .bind(company_id)
    .fetch_optional(pool)
    .await?
    .unwrap_or(0);
    let deep_in_company = CustomerFilter {
        after: deep_in_company.to_string(),
        ..in_company
    };
    for (name, f) in [
        ("página filtrada, profundidade 0", &filter),
        (
            "página filtrada (grupo preenchido na empresa 1), profundidade 400.000",
            &deep_in_company,
        ),
        ("lista sem filtro, profundidade 400.000", &deep_filter),
    ] {
        let mut times = Vec::new();
        for _ in 0..40 {
            let started = Instant::now();
            list(pool, scope, f).await?;
            times.push(started.elapsed());
        }
        times.sort();
        println!(
            "{name}: p50 {} p95 {}",
            millis(times[times.len() / 2]),
            millis(times[times.len() * 95 / 100])
        );
    }
    Ok(())
}

async fn top_up(
    pool: &PgPool,
    tenant_id: i64,
    target: i64,
) -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let mut added = 0;
    // Generated documents that collide with existing ones are skipped, hence a few rounds.
    for round in 0..5 {
        let present: i64 =
            sqlx::query_scalar("select count(*) from customers where tenant_id = $1")
                .bind(tenant_id)
                .fetch_one(pool)
                .await?;
        if present >= target {
            break;
        }
        added +=
            customers::insert_generated(pool, tenant_id, (target - present) as usize, 11 + round)
                .await?;
    }
    if added > 0 {
        lookups::assign_profiles(pool, tenant_id).await?;
        sqlx::query("analyze").execute(pool).await?;
        println!("{added} clientes gerados em {}", secs(started.elapsed()));
    }
    Ok(())
}

/// The benchmark's shape: of the tenant's `target` customers, half have a profile in company 1
/// (the demo gives company 1 everyone); the newest beyond half lose it.
async fn keep_half_in_company(
    pool: &PgPool,
    tenant_id: i64,
    company_id: i64,
    target: i64,
) -> Result<(), sqlx::Error> {
    let started = Instant::now();
    let removed = sqlx::query(
        "delete from customer_profiles
         where tenant_id = $1 and company_id = $2 and customer_id in (
             select customer_id from customer_profiles
             where tenant_id = $1 and company_id = $2
             order by customer_id desc
             limit greatest(0, (select count(*) from customer_profiles
                                where tenant_id = $1 and company_id = $2) - $3))",
    )
    .bind(tenant_id)
    .bind(company_id)
    .bind(target / 2)
    .execute(pool)
    .await?
    .rows_affected();
    if removed > 0 {
        sqlx::query("analyze customer_profiles")
            .execute(pool)
            .await?;
        println!(
            "{removed} perfis retirados da empresa 1 (metade dos clientes nela) em {}",
            secs(started.elapsed())
        );
    }
    Ok(())
}

/// The profile filter (group, region, category, or a combination) whose match count is
/// nearest `wanted`.
async fn filter_near(
    pool: &PgPool,
    caller: &Caller,
    wanted: i64,
) -> Result<(CustomerFilter, i64), sqlx::Error> {
    type Combination = (Option<i64>, Option<i64>, Option<i64>, i64);
    let rows: Vec<Combination> = sqlx::query_as(
        "select customer_group_id, region_id, category_id, count(*) from customer_profiles
         where tenant_id = $1 and company_id = $2
         group by cube (customer_group_id, region_id, category_id)",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .fetch_all(pool)
    .await?;
    let (group, region, category, count) = rows
        .into_iter()
        .filter(|(g, r, c, _)| g.is_some() || r.is_some() || c.is_some())
        .min_by_key(|(_, _, _, n)| (n - wanted).abs())
        .unwrap_or((None, None, None, 0));
    let lookups = [
        (LookupKind::CustomerGroup, group),
        (LookupKind::Region, region),
        (LookupKind::Category, category),
    ]
    .into_iter()
    .filter_map(|(kind, id)| id.map(|id| LookupChoice::equal(kind, id)))
    .collect();
    Ok((
        CustomerFilter {
            lookups,
            ..Default::default()
        },
        count,
    ))
}

/// (b): the statements a hand-written batch would run, in one transaction.
async fn direct(
    pool: &PgPool,
    caller: &Caller,
    filter: &CustomerFilter,
    salesperson: i64,
    notes: &str,
) -> Result<u64, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "create temporary table moved on commit drop as
         select p.customer_id, p.salesperson_id as old_id from customer_profiles p
         where p.tenant_id = $1 and p.company_id = $2
           and ($3::bigint is null or p.customer_group_id = $3)
           and ($4::bigint is null or p.region_id = $4)
           and ($5::bigint is null or p.category_id = $5)
           and p.salesperson_id is distinct from $6",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(filter.lookup(LookupKind::CustomerGroup))
    .bind(filter.lookup(LookupKind::Region))
    .bind(filter.lookup(LookupKind::Category))
    .bind(salesperson)
    .execute(&mut *tx)
    .await?;
    let changed = sqlx::query(
        "update customer_profiles p set salesperson_id = $3 from moved m
         where p.tenant_id = $1 and p.company_id = $2 and p.customer_id = m.customer_id",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(salesperson)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query(
        "insert into customer_changes (tenant_id, customer_id, company_id, user_id, user_name, field, old_value, new_value)
         select $1, m.customer_id, $2, $3, $4, 'Vendedor',
                coalesce(o.code || ' - ' || o.description, ''), n.code || ' - ' || n.description
         from moved m left join lookup_entries o on o.tenant_id = $1 and o.id = m.old_id
         join lookup_entries n on n.tenant_id = $1 and n.id = $5",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(caller.user_id)
    .bind(&caller.user_name)
    .bind(salesperson)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "insert into salesperson_changes (tenant_id, company_id, customer_id, user_id, user_name,
             old_salesperson_id, new_salesperson_id, old_salesperson, new_salesperson, notes)
         select $1, $2, m.customer_id, $3, $4, m.old_id, $5,
                coalesce(o.code || ' - ' || o.description, ''), n.code || ' - ' || n.description, $6
         from moved m left join lookup_entries o on o.tenant_id = $1 and o.id = m.old_id
         join lookup_entries n on n.tenant_id = $1 and n.id = $5",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(caller.user_id)
    .bind(&caller.user_name)
    .bind(salesperson)
    .bind(notes)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "update customers c set version = c.version + 1, updated_at = now(), updated_by_name = $2
         from moved m where c.tenant_id = $1 and c.id = m.customer_id",
    )
    .bind(caller.tenant_id)
    .bind(&caller.user_name)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(changed)
}

pub(crate) fn secs(duration: Duration) -> String {
    format!("{:.2} s", duration.as_secs_f64())
}

fn millis(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}
