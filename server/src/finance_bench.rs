//! `server bench-finance [--customers N]`: the demo tenant topped up to N customers (1,000,000
//! by default) and about five receivables per customer and company (5,000,000 at a million),
//! then times the credit column of the customer list: the available credit of a page's 50
//! customers in one statement (issue 12: p95 ≤ 20 ms), for pages across the list; then the
//! receivables screen and report (`receivables_bench`).

use std::time::{Duration, Instant};

use app::customers::list_types::{CustomerFilter, SortOrder};
use app::server::credit_store::available_for_customers;
use app::server::customer_list::{cursor_at, list, Scope};
use sqlx::PgPool;

use crate::list_bench::{customers_arg, millis, percentile, prepare};
use crate::seed::receivables::{top_up, BENCH};

const ROUNDS: usize = 20;
const GOAL_MS: f64 = 20.0;

pub async fn run(pool: &PgPool, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let target = match args {
        [] => 1_000_000,
        _ => customers_arg(args, "bench-finance")?,
    };
    let scope = prepare(pool, target).await?;
    let started = Instant::now();
    let added = top_up(pool, scope.tenant_id, BENCH).await?;
    if added > 0 {
        sqlx::query("vacuum (analyze) receivables, receivable_settlements, customer_credits")
            .execute(pool)
            .await?;
        println!(
            "{added} títulos gerados em {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    let (receivables, customers): (i64, i64) = sqlx::query_as(
        "select (select count(*) from receivables where tenant_id = $1),
                (select count(*) from customers where tenant_id = $1)",
    )
    .bind(scope.tenant_id)
    .fetch_one(pool)
    .await?;
    println!("{customers} clientes, {receivables} títulos; {ROUNDS} execuções por caso");
    println!(
        "{:<48} {:>9} {:>9} {:>9}",
        "coluna de crédito disponível", "p50", "p95", "máximo"
    );
    let mut over = Vec::new();
    for (name, page_ids) in pages(pool, scope).await? {
        let mut times: Vec<Duration> = Vec::with_capacity(ROUNDS);
        for _ in 0..ROUNDS {
            let started = Instant::now();
            let credit =
                available_for_customers(pool, scope.tenant_id, scope.company_id, &page_ids).await?;
            times.push(started.elapsed());
            assert_eq!(credit.len(), page_ids.len());
        }
        times.sort();
        let p95 = percentile(&times, 95);
        println!(
            "{name:<48} {:>9} {:>9} {:>9}",
            millis(percentile(&times, 50)),
            millis(p95),
            millis(times[ROUNDS - 1])
        );
        if p95.as_secs_f64() * 1000.0 > GOAL_MS {
            over.push(name);
        }
    }
    over.extend(crate::receivables_bench::run(pool, scope).await?);
    if over.is_empty() {
        println!("todos os casos dentro da meta");
    } else {
        println!("p95 acima da meta: {}", over.join("; "));
    }
    Ok(())
}

/// The customers of list pages: first, middle and last of the list by code and by name.
async fn pages(pool: &PgPool, scope: Scope) -> Result<Vec<(String, Vec<i64>)>, sqlx::Error> {
    let mut pages = Vec::new();
    for (sort, sort_name) in [
        (SortOrder::Code, "código"),
        (SortOrder::Name, "razão social"),
    ] {
        for (tenths, depth) in [(0, "1ª página"), (5, "a 50%"), (9, "a 90%")] {
            let first = CustomerFilter {
                sort,
                ..CustomerFilter::default()
            };
            let filter = match tenths {
                0 => first,
                _ => match cursor_at(pool, scope, &first, tenths).await? {
                    Some(after) => CustomerFilter { after, ..first },
                    None => continue,
                },
            };
            let page = list(pool, scope, &filter).await?;
            pages.push((
                format!("por {sort_name}, {depth}"),
                page.rows.iter().map(|r| r.id).collect(),
            ));
        }
    }
    Ok(pages)
}
