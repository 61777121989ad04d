//! The receivables screen and report at bench scale (issue 12), run by `server bench-finance`
//! after the credit column: the list filtered by status and region at the first page and 90%
//! down its matches (goal p95 ≤ 50 ms), the totals by status of a customer group's receivables
//! (about a million), of a region's and of the overdue ones, and the report of one region over
//! one year (goal ≤ 1 s each). Each case
//! calls the store functions the screen's server functions call.

use std::future::Future;
use std::time::{Duration, Instant};

use app::error::AppError;
use app::server::auth::Caller;
use app::server::customer_list::Scope;
use app::server::{brasilia_time, receivables_report_store, receivables_screen_store};
use chrono::{Duration as Days, NaiveDate};
use rules::finance::receivable_filter::ReceivableFilter;
use rules::finance::report_grouping::ReportGrouping;
use rules::finance::status::ReceivableStatus;
use sqlx::PgPool;

use crate::list_bench::{millis, percentile};

const LIST_ROUNDS: usize = 20;
const LIST_GOAL_MS: f64 = 50.0;
const AGGREGATE_ROUNDS: usize = 5;
const AGGREGATE_GOAL_MS: f64 = 1000.0;
/// The region of the list and report cases: one of the demo's four, about a quarter of the
/// customers.
const REGION: &str = "SC";

/// Prints every case's line; returns the names of those over their goal.
pub async fn run(pool: &PgPool, scope: Scope) -> Result<Vec<String>, AppError> {
    let caller = Caller::for_tool(scope.tenant_id, 0, scope.company_id, "bench", Vec::new());
    let today = brasilia_time::today();
    let mut over = Vec::new();
    header("contas a receber: página (50 títulos)");
    for status in ReceivableStatus::ALL {
        let filter = ReceivableFilter {
            status: Some(*status),
            region_code: Some(REGION.to_string()),
            ..ReceivableFilter::default()
        };
        for (tenths, depth) in [(0, "1ª página"), (9, "a 90%")] {
            let after = match tenths {
                0 => String::new(),
                _ => {
                    match receivables_screen_store::cursor_at(pool, &caller, &filter, tenths, today)
                        .await?
                    {
                        Some(after) => after,
                        None => continue,
                    }
                }
            };
            let name = format!("{} + região {REGION}, {depth}", status.label());
            let times = time(LIST_ROUNDS, || {
                receivables_screen_store::rows(pool, &caller, &filter, &after, today)
            })
            .await?;
            report(&name, &times, LIST_GOAL_MS, &mut over);
        }
    }

    header("contas a receber: totais por situação");
    let year_ago = today - Days::days(365);
    let group = largest_group(pool, scope).await?;
    let totals_cases = [
        (
            format!("grupo {group}"),
            ReceivableFilter {
                group_code: Some(group.clone()),
                ..ReceivableFilter::default()
            },
        ),
        (
            format!("região {REGION}"),
            ReceivableFilter {
                region_code: Some(REGION.to_string()),
                ..ReceivableFilter::default()
            },
        ),
        (
            "situação vencido".to_string(),
            ReceivableFilter {
                status: Some(ReceivableStatus::Overdue),
                ..ReceivableFilter::default()
            },
        ),
    ];
    for (label, filter) in totals_cases {
        let matches = count(pool, &caller, &filter, today).await?;
        let name = format!("{label} ({matches} títulos)");
        let times = time(AGGREGATE_ROUNDS, || {
            receivables_screen_store::totals(pool, &caller, &filter, today)
        })
        .await?;
        report(&name, &times, AGGREGATE_GOAL_MS, &mut over);
    }

    header("relatório de contas a receber (resumo na tela)");
    let filter = ReceivableFilter {
        region_code: Some(REGION.to_string()),
        ..due_within(year_ago, today)
    };
    let matches = count(pool, &caller, &filter, today).await?;
    for grouping in ReportGrouping::ALL {
        let name = format!(
            "região {REGION}, último ano, por {} ({matches} títulos)",
            grouping.code()
        );
        let times = time(AGGREGATE_ROUNDS, || {
            receivables_report_store::summary(pool, &caller, &filter, grouping, today)
        })
        .await?;
        report(&name, &times, AGGREGATE_GOAL_MS, &mut over);
    }
    Ok(over)
}

/// The code of the customer group with the most customers in the company: its receivables are
/// about a million at bench scale.
async fn largest_group(pool: &PgPool, scope: Scope) -> Result<String, AppError> {
    Ok(sqlx::query_scalar(
        "select l.code from customer_profiles p
         join lookup_entries l on l.tenant_id = p.tenant_id and l.id = p.customer_group_id
         where p.tenant_id = $1 and p.company_id = $2
         group by l.code order by count(*) desc, l.code limit 1",
    )
    .bind(scope.tenant_id)
    .bind(scope.company_id)
    .fetch_one(pool)
    .await?)
}

fn due_within(from: NaiveDate, to: NaiveDate) -> ReceivableFilter {
    ReceivableFilter {
        due_from: Some(from.to_string()),
        due_to: Some(to.to_string()),
        ..ReceivableFilter::default()
    }
}

async fn count(
    pool: &PgPool,
    caller: &Caller,
    filter: &ReceivableFilter,
    today: NaiveDate,
) -> Result<i64, AppError> {
    let totals = receivables_screen_store::totals(pool, caller, filter, today).await?;
    Ok(totals.iter().map(|t| t.count).sum())
}

async fn time<T, F, Fut>(rounds: usize, mut call: F) -> Result<Vec<Duration>, AppError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let started = Instant::now();
        call().await?;
        times.push(started.elapsed());
    }
    times.sort();
    Ok(times)
}

fn header(title: &str) {
    println!("{title:<60} {:>9} {:>9} {:>9}", "p50", "p95", "máximo");
}

fn report(name: &str, sorted: &[Duration], goal_ms: f64, over: &mut Vec<String>) {
    let p95 = percentile(sorted, 95);
    println!(
        "{name:<60} {:>9} {:>9} {:>9}",
        millis(percentile(sorted, 50)),
        millis(p95),
        millis(sorted[sorted.len() - 1])
    );
    if p95.as_secs_f64() * 1000.0 > goal_ms {
        over.push(name.to_string());
    }
}
