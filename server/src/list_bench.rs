//! `server bench-list [--customers N]`: tops the demo tenant up to N customers (500,000 by
//! default), then times the customer list query — page and capped count together, as the
//! screen asks for them — for each kind of filter, at the first page and deep in the list.
//! Prints the median and the slowest of `ROUNDS` runs per case.

use std::time::{Duration, Instant};

use app::customers::filter_conditions::LookupChoice;
use app::customers::list_types::{CustomerFilter, SortOrder};
use app::server::customer_list::{list, Scope};
use rules::lookup::LookupKind;
use sqlx::PgPool;

use crate::seed::{customers, demo, lookups};

const ROUNDS: usize = 15;

struct Case {
    name: &'static str,
    filter: CustomerFilter,
}

pub async fn run(pool: &PgPool, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let target: i64 = match args {
        [] => 500_000,
        [flag, value] if flag == "--customers" => value.replace('_', "").parse()?,
        _ => return Err("uso: server bench-list [--customers N]".into()),
    };
    demo::ensure_demo(pool).await?;
    let tenant_id = demo::demo_tenant_id(pool).await?;
    let present: i64 = sqlx::query_scalar("select count(*) from customers where tenant_id = $1")
        .bind(tenant_id)
        .fetch_one(pool)
        .await?;
    if present < target {
        let started = Instant::now();
        let added =
            customers::insert_generated(pool, tenant_id, (target - present) as usize, 7).await?;
        lookups::assign_profiles(pool, tenant_id).await?;
        sqlx::query("analyze").execute(pool).await?;
        println!(
            "{added} clientes gerados em {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    let company_id: i64 =
        sqlx::query_scalar("select id from companies where tenant_id = $1 order by code limit 1")
            .bind(tenant_id)
            .fetch_one(pool)
            .await?;
    let scope = Scope {
        tenant_id,
        company_id,
    };
    let cases = cases(pool, scope).await?;
    let total: i64 = sqlx::query_scalar("select count(*) from customers where tenant_id = $1")
        .bind(tenant_id)
        .fetch_one(pool)
        .await?;
    println!("{total} clientes no inquilino de demonstração; {ROUNDS} execuções por caso");
    println!(
        "{:<46} {:>9} {:>9} {:>6}",
        "caso", "mediana", "máximo", "linhas"
    );
    for case in cases {
        let mut times = Vec::with_capacity(ROUNDS);
        let mut rows = 0;
        for _ in 0..ROUNDS {
            let started = Instant::now();
            let page = list(pool, scope, &case.filter).await?;
            times.push(started.elapsed());
            rows = page.rows.len();
        }
        times.sort();
        println!(
            "{:<46} {:>9} {:>9} {:>6}",
            case.name,
            millis(times[ROUNDS / 2]),
            millis(times[ROUNDS - 1]),
            rows
        );
    }
    Ok(())
}

fn millis(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

async fn cases(pool: &PgPool, scope: Scope) -> Result<Vec<Case>, sqlx::Error> {
    let deep_code: i64 = sqlx::query_scalar(
        "select code from customers where tenant_id = $1 order by code offset
             (select count(*) * 9 / 10 from customers where tenant_id = $1) limit 1",
    )
    .bind(scope.tenant_id)
    .fetch_one(pool)
    .await?;
    let (deep_id, deep_name): (i64, String) = sqlx::query_as(
        "select id, legal_name from customers where tenant_id = $1 order by legal_name, id offset
             (select count(*) * 9 / 10 from customers where tenant_id = $1) limit 1",
    )
    .bind(scope.tenant_id)
    .fetch_one(pool)
    .await?;
    let entry = |kind: &'static str, code: &'static str| {
        sqlx::query_scalar::<_, i64>(
            "select id from lookup_entries
             where tenant_id = $1 and company_id = $2 and kind = $3
             order by (code = $4) desc, code limit 1",
        )
        .bind(scope.tenant_id)
        .bind(scope.company_id)
        .bind(kind)
        .bind(code)
        .fetch_one(pool)
    };
    let region = LookupChoice::equal(LookupKind::Region, entry("region", "SC").await?);
    let salesperson = LookupChoice::equal(LookupKind::Salesperson, entry("salesperson", "").await?);
    let group = LookupChoice::equal(
        LookupKind::CustomerGroup,
        entry("customer_group", "").await?,
    );
    let base = CustomerFilter::default;
    let by_name = || CustomerFilter {
        sort: SortOrder::Name,
        ..base()
    };
    Ok(vec![
        Case {
            name: "sem filtro, 1ª página, por código",
            filter: base(),
        },
        Case {
            name: "sem filtro, a 90% da lista, por código",
            filter: CustomerFilter {
                after: deep_code.to_string(),
                ..base()
            },
        },
        Case {
            name: "sem filtro, 1ª página, por razão social",
            filter: by_name(),
        },
        Case {
            name: "sem filtro, a 90% da lista, por razão social",
            filter: CustomerFilter {
                after: format!("{deep_id}:{deep_name}"),
                ..by_name()
            },
        },
        Case {
            name: "texto comum \"silva\"",
            filter: CustomerFilter {
                text: "silva".into(),
                ..base()
            },
        },
        Case {
            name: "texto raro \"zanella\"",
            filter: CustomerFilter {
                text: "zanella".into(),
                ..base()
            },
        },
        Case {
            name: "texto \"silva\", por razão social",
            filter: CustomerFilter {
                text: "silva".into(),
                ..by_name()
            },
        },
        Case {
            name: "início de CPF/CNPJ \"529.98\"",
            filter: CustomerFilter {
                text: "529.98".into(),
                ..base()
            },
        },
        Case {
            name: "código exato",
            filter: CustomerFilter {
                text: deep_code.to_string(),
                ..base()
            },
        },
        Case {
            name: "situação pendente",
            filter: CustomerFilter {
                status: "pending".into(),
                ..base()
            },
        },
        Case {
            name: "cidade \"SAO LEOPOLDO\"",
            filter: CustomerFilter {
                city: "SAO LEOPOLDO".into(),
                ..base()
            },
        },
        Case {
            name: "região SC",
            filter: CustomerFilter {
                lookups: vec![region.clone()],
                ..base()
            },
        },
        Case {
            name: "região SC, a 90% da lista",
            filter: CustomerFilter {
                lookups: vec![region.clone()],
                after: deep_code.to_string(),
                ..base()
            },
        },
        Case {
            name: "grupo + região + vendedor",
            filter: CustomerFilter {
                lookups: vec![group, region.clone(), salesperson],
                ..base()
            },
        },
        Case {
            name: "região SC + texto \"silva\"",
            filter: CustomerFilter {
                text: "silva".into(),
                lookups: vec![region],
                ..base()
            },
        },
    ])
}
