//! SQL of the terms of price lists, payment plans, carriers, fleet vehicles and chart accounts
//! (`rules::sales::table_terms`), kept one row per table entry beside `lookup_entries`.

use std::collections::HashMap;

use rules::sales::table_terms::Terms;
use rules::sales::validity::Validity;
use rules::table_kind::{LinkedKind, TermsKind};
use rust_decimal::Decimal;
use sqlx::{FromRow, PgExecutor, Postgres, Transaction};

/// One kind's terms row, the other kinds' columns null.
#[derive(FromRow)]
struct Row {
    entry_id: i64,
    valid_from: Option<String>,
    valid_to: Option<String>,
    public: Option<bool>,
    installment_days: Option<Vec<i16>>,
    minimum_order_value: Option<Decimal>,
    uses_credit: Option<bool>,
    all_customers: Option<bool>,
    driver: Option<bool>,
    document: Option<String>,
    plate: Option<String>,
    synthetic: Option<bool>,
    real_account: Option<String>,
}

impl Row {
    fn terms(self) -> Terms {
        let defaults = Terms::default();
        Terms {
            validity: Validity {
                from: self.valid_from,
                to: self.valid_to,
            },
            public: self.public.unwrap_or(defaults.public),
            installment_days: self
                .installment_days
                .unwrap_or_default()
                .into_iter()
                .filter_map(|d| u16::try_from(d).ok())
                .collect(),
            minimum_order_value: self.minimum_order_value,
            uses_credit: self.uses_credit.unwrap_or(defaults.uses_credit),
            all_customers: self.all_customers.unwrap_or(defaults.all_customers),
            driver: self.driver.unwrap_or(defaults.driver),
            document: self.document,
            plate: self.plate,
            synthetic: self.synthetic.unwrap_or(defaults.synthetic),
            real_account: self.real_account,
        }
    }
}

/// The terms of the entries `ids` (of `kind`), by entry.
pub async fn load(
    executor: impl PgExecutor<'_>,
    tenant_id: i64,
    kind: impl Into<TermsKind>,
    ids: &[i64],
) -> Result<HashMap<i64, Terms>, sqlx::Error> {
    let kind = match kind.into() {
        TermsKind::Linked(kind) => kind,
        TermsKind::Ledger(_) => {
            return load_accounts(executor, tenant_id, ids).await;
        }
    };
    let (table, columns) = match kind {
        LinkedKind::PriceList => (
            "price_list_terms",
            "to_char(valid_from, 'YYYY-MM-DD') as valid_from,
             to_char(valid_to, 'YYYY-MM-DD') as valid_to, public",
        ),
        LinkedKind::PaymentPlan => (
            "payment_plan_terms",
            "to_char(valid_from, 'YYYY-MM-DD') as valid_from,
             to_char(valid_to, 'YYYY-MM-DD') as valid_to, installment_days,
             minimum_order_value, uses_credit, all_customers",
        ),
        LinkedKind::Carrier => ("carrier_terms", "driver, document"),
        LinkedKind::FleetVehicle => ("fleet_vehicle_terms", "plate"),
    };
    // Every column the row reads, null where the kind has none.
    let all = [
        ("valid_from", "null::text"),
        ("valid_to", "null::text"),
        ("public", "null::boolean"),
        ("installment_days", "null::smallint[]"),
        ("minimum_order_value", "null::numeric"),
        ("uses_credit", "null::boolean"),
        ("all_customers", "null::boolean"),
        ("driver", "null::boolean"),
        ("document", "null::text"),
        ("plate", "null::text"),
        ("synthetic", "null::boolean"),
        ("real_account", "null::text"),
    ];
    let missing: Vec<String> = all
        .iter()
        .filter(|(name, _)| !columns.contains(name))
        .map(|(name, null)| format!("{null} as {name}"))
        .collect();
    let sql = format!(
        "select entry_id, {columns}, {} from {table} where tenant_id = $1 and entry_id = any($2)",
        missing.join(", ")
    );
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(tenant_id)
        .bind(ids)
        .fetch_all(executor)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.entry_id, row.terms()))
        .collect())
}

/// The terms of the chart accounts `ids`.
async fn load_accounts(
    executor: impl PgExecutor<'_>,
    tenant_id: i64,
    ids: &[i64],
) -> Result<HashMap<i64, Terms>, sqlx::Error> {
    let rows: Vec<(i64, bool, Option<String>)> = sqlx::query_as(
        "select entry_id, synthetic, real_account from ledger_account_terms
         where tenant_id = $1 and entry_id = any($2)",
    )
    .bind(tenant_id)
    .bind(ids)
    .fetch_all(executor)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, synthetic, real_account)| {
            let terms = Terms {
                synthetic,
                real_account,
                ..Terms::default()
            };
            (id, terms)
        })
        .collect())
}

/// Gives every entry of `ids` the same terms, in one statement.
pub async fn write(
    tx: &mut Transaction<'_, Postgres>,
    tenant_id: i64,
    kind: impl Into<TermsKind>,
    ids: &[i64],
    terms: &Terms,
) -> Result<(), sqlx::Error> {
    let kind = match kind.into() {
        TermsKind::Linked(kind) => kind,
        TermsKind::Ledger(_) => {
            sqlx::query(
                "insert into ledger_account_terms (tenant_id, entry_id, synthetic, real_account)
                 select $1, entry, $3, $4 from unnest($2::bigint[]) as entry
                 on conflict (tenant_id, entry_id) do update set synthetic = excluded.synthetic,
                     real_account = excluded.real_account",
            )
            .bind(tenant_id)
            .bind(ids)
            .bind(terms.synthetic)
            .bind(terms.real_account.clone())
            .execute(&mut **tx)
            .await?;
            return Ok(());
        }
    };
    let from = terms.validity.from.as_deref();
    let to = terms.validity.to.as_deref();
    let query = match kind {
        LinkedKind::PriceList => sqlx::query(
            "insert into price_list_terms (tenant_id, entry_id, public, valid_from, valid_to)
             select $1, entry, $3, $4::text::date, $5::text::date from unnest($2::bigint[]) as entry
             on conflict (tenant_id, entry_id) do update set public = excluded.public,
                 valid_from = excluded.valid_from, valid_to = excluded.valid_to",
        )
        .bind(tenant_id)
        .bind(ids)
        .bind(terms.public)
        .bind(from)
        .bind(to),
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
            .bind(days)
            .bind(terms.minimum_order_value)
            .bind(terms.uses_credit)
            .bind(terms.all_customers)
        }
        LinkedKind::Carrier => sqlx::query(
            "insert into carrier_terms (tenant_id, entry_id, driver, document)
             select $1, entry, $3, $4 from unnest($2::bigint[]) as entry
             on conflict (tenant_id, entry_id) do update set driver = excluded.driver,
                 document = excluded.document",
        )
        .bind(tenant_id)
        .bind(ids)
        .bind(terms.driver)
        .bind(terms.document.clone()),
        LinkedKind::FleetVehicle => sqlx::query(
            "insert into fleet_vehicle_terms (tenant_id, entry_id, plate)
             select $1, entry, $3 from unnest($2::bigint[]) as entry
             on conflict (tenant_id, entry_id) do update set plate = excluded.plate",
        )
        .bind(tenant_id)
        .bind(ids)
        .bind(terms.plate.clone()),
    };
    query.execute(&mut **tx).await?;
    Ok(())
}
