//! SQL of the terms of price lists and payment plans (`rules::sales::table_terms`), kept one
//! row per table entry beside `lookup_entries`.

use std::collections::HashMap;

use rules::sales::table_terms::Terms;
use rules::sales::validity::Validity;
use rules::table_kind::LinkedKind;
use rust_decimal::Decimal;
use sqlx::{PgExecutor, Postgres, Transaction};

type Row = (
    i64,
    Option<String>,
    Option<String>,
    bool,
    Option<Vec<i16>>,
    Option<Decimal>,
    bool,
    bool,
);

/// The terms of the entries `ids` (of `kind`), by entry.
pub async fn load(
    executor: impl PgExecutor<'_>,
    tenant_id: i64,
    kind: LinkedKind,
    ids: &[i64],
) -> Result<HashMap<i64, Terms>, sqlx::Error> {
    let sql = match kind {
        LinkedKind::PriceList => {
            "select entry_id, to_char(valid_from, 'YYYY-MM-DD'), to_char(valid_to, 'YYYY-MM-DD'),
                    public, null::smallint[], null::numeric, false, true
             from price_list_terms where tenant_id = $1 and entry_id = any($2)"
        }
        LinkedKind::PaymentPlan => {
            "select entry_id, to_char(valid_from, 'YYYY-MM-DD'), to_char(valid_to, 'YYYY-MM-DD'),
                    false, installment_days, minimum_order_value, uses_credit, all_customers
             from payment_plan_terms where tenant_id = $1 and entry_id = any($2)"
        }
    };
    let rows: Vec<Row> = sqlx::query_as(sql)
        .bind(tenant_id)
        .bind(ids)
        .fetch_all(executor)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, from, to, public, days, minimum, uses_credit, all_customers)| {
                let terms = Terms {
                    validity: Validity { from, to },
                    public,
                    installment_days: days
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|d| u16::try_from(d).ok())
                        .collect(),
                    minimum_order_value: minimum,
                    uses_credit,
                    all_customers,
                };
                (id, terms)
            },
        )
        .collect())
}

/// Gives every entry of `ids` the same terms, in one statement.
pub async fn write(
    tx: &mut Transaction<'_, Postgres>,
    tenant_id: i64,
    kind: LinkedKind,
    ids: &[i64],
    terms: &Terms,
) -> Result<(), sqlx::Error> {
    let from = terms.validity.from.as_deref();
    let to = terms.validity.to.as_deref();
    match kind {
        LinkedKind::PriceList => {
            sqlx::query(
                "insert into price_list_terms (tenant_id, entry_id, public, valid_from, valid_to)
                 select $1, entry, $3, $4::text::date, $5::text::date from unnest($2::bigint[]) as entry
                 on conflict (tenant_id, entry_id) do update set public = excluded.public,
                     valid_from = excluded.valid_from, valid_to = excluded.valid_to",
            )
            .bind(tenant_id)
            .bind(ids)
            .bind(terms.public)
            .bind(from)
            .bind(to)
            .execute(&mut **tx)
            .await?;
        }
        LinkedKind::PaymentPlan => {
            let days: Vec<i16> = terms
                .installment_days
                .iter()
                .map(|d| i16::try_from(*d).unwrap_or(i16::MAX))
                .collect();
            sqlx::query(
                "insert into payment_plan_terms (tenant_id, entry_id, valid_from, valid_to,
                     installment_days, minimum_order_value, uses_credit, all_customers)
                 select $1, entry, $3::text::date, $4::text::date, $5, $6, $7, $8
                 from unnest($2::bigint[]) as entry
                 on conflict (tenant_id, entry_id) do update set valid_from = excluded.valid_from,
                     valid_to = excluded.valid_to, installment_days = excluded.installment_days,
                     minimum_order_value = excluded.minimum_order_value,
                     uses_credit = excluded.uses_credit, all_customers = excluded.all_customers",
            )
            .bind(tenant_id)
            .bind(ids)
            .bind(from)
            .bind(to)
            .bind(&days)
            .bind(terms.minimum_order_value)
            .bind(terms.uses_credit)
            .bind(terms.all_customers)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}
