//! Reading a customer's advances in the caller's company (R-ADV-2..3): the advances with what
//! is left of each, the settlements of a receivable, and the movements the statement folds —
//! advances in, receivables settled with them out, reversals of those back in, refunds out.
//! `rules::finance::statement` computes the balances; this file only loads.

use chrono::NaiveDate;
use rules::finance::settlement::SettlementMeans;
use rules::finance::statement::{self, Movement, MovementKind};
use sqlx::{PgPool, Row};

use super::auth::Caller;
use super::credit_store::cents;
use crate::customers::advance_types::{
    AdvanceRow, AdvancesView, SettlementRow, StatementLineView, StatementView,
};
use crate::error::AppError;

fn date(d: NaiveDate) -> String {
    rules::display::date(&d.to_string())
}

fn means_label(code: &str) -> &'static str {
    SettlementMeans::from_code(code).map_or("", SettlementMeans::label)
}

/// The customer's advances in the caller's company, newest first.
pub async fn advances(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
) -> Result<AdvancesView, AppError> {
    let enabled: bool = sqlx::query_scalar(
        "select advances_enabled from company_sales_settings
         where tenant_id = $1 and company_id = $2",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .fetch_optional(pool)
    .await?
    .unwrap_or(false);
    let rows = sqlx::query(
        "select id, credit_date, amount, balance, coalesce(means, '') as means, notes
         from customer_credits
         where tenant_id = $1 and company_id = $2 and customer_id = $3 and kind = 'advance'
         order by credit_date desc, id desc",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(customer_id)
    .fetch_all(pool)
    .await?;
    let rows = rows
        .iter()
        .map(|row| {
            let means: String = row.try_get("means")?;
            Ok(AdvanceRow {
                id: row.try_get("id")?,
                date: date(row.try_get("credit_date")?),
                amount: cents(row.try_get("amount")?),
                balance: cents(row.try_get("balance")?),
                means: means_label(&means).to_string(),
                notes: row.try_get("notes")?,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(AdvancesView {
        enabled,
        rows,
        today: date(super::brasilia_time::today()),
    })
}

/// The settlements of one receivable of the caller's company, oldest first.
pub async fn settlements(
    pool: &PgPool,
    caller: &Caller,
    receivable_id: i64,
) -> Result<Vec<SettlementRow>, AppError> {
    let exists: bool = sqlx::query_scalar(
        "select exists(select 1 from receivables
                       where tenant_id = $1 and company_id = $2 and id = $3)",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(receivable_id)
    .fetch_one(pool)
    .await?;
    if !exists {
        return Err(AppError::NotFound);
    }
    let rows = sqlx::query(
        "select id, paid_on, principal, interest, late_fee, discount, means, credit_id,
                coalesce(created_by_name, '') as by_name,
                (reversed_at at time zone 'America/Sao_Paulo')::date as reversed_on,
                coalesce(reversed_by_name, '') as reversed_by
         from receivable_settlements
         where tenant_id = $1 and receivable_id = $2
         order by paid_on, id",
    )
    .bind(caller.tenant_id)
    .bind(receivable_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            let means: String = row.try_get("means")?;
            let credit_id: Option<i64> = row.try_get("credit_id")?;
            let means = match credit_id {
                Some(id) => format!("{} nº {id}", means_label(&means)),
                None => means_label(&means).to_string(),
            };
            let reversed_on: Option<NaiveDate> = row.try_get("reversed_on")?;
            let reversed_by: String = row.try_get("reversed_by")?;
            Ok(SettlementRow {
                id: row.try_get("id")?,
                paid_on: date(row.try_get("paid_on")?),
                principal: cents(row.try_get("principal")?),
                interest: cents(row.try_get("interest")?),
                late_fee: cents(row.try_get("late_fee")?),
                discount: cents(row.try_get("discount")?),
                means,
                by: row.try_get("by_name")?,
                reversed: reversed_on
                    .map(|d| format!("Estornada em {} por {reversed_by}", date(d))),
            })
        })
        .collect()
}

/// Every movement of the customer's advances in the caller's company, in the order recorded.
async fn movements(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
) -> Result<Vec<Movement<NaiveDate>>, AppError> {
    let rows = sqlx::query(
        "with advances as (
             select id from customer_credits
             where tenant_id = $1 and company_id = $2 and customer_id = $3 and kind = 'advance'
         )
         select c.credit_date as on_date, c.created_at as recorded, 'advance' as kind, c.amount,
                c.id as advance_id, null as receivable, c.means, null as reason
         from customer_credits c join advances a on a.id = c.id
         where c.tenant_id = $1
         union all
         select s.paid_on, s.created_at, 'settlement', s.principal, s.credit_id,
                r.document || '/' || r.installment, null, null
         from receivable_settlements s
         join advances a on a.id = s.credit_id
         join receivables r on r.tenant_id = s.tenant_id and r.id = s.receivable_id
         where s.tenant_id = $1
         union all
         select (s.reversed_at at time zone 'America/Sao_Paulo')::date, s.reversed_at,
                'settlement_reversal', s.principal, s.credit_id,
                r.document || '/' || r.installment, null, null
         from receivable_settlements s
         join advances a on a.id = s.credit_id
         join receivables r on r.tenant_id = s.tenant_id and r.id = s.receivable_id
         where s.tenant_id = $1 and s.reversed_at is not null
         union all
         select f.refunded_on, f.created_at, 'refund', f.amount, f.credit_id, null, f.means,
                f.reason
         from customer_credit_refunds f join advances a on a.id = f.credit_id
         where f.tenant_id = $1
         order by 1, 2",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(customer_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            let kind: String = row.try_get("kind")?;
            let advance_id: i64 = row.try_get("advance_id")?;
            let receivable: Option<String> = row.try_get("receivable")?;
            let means: Option<String> = row.try_get("means")?;
            let reason: Option<String> = row.try_get("reason")?;
            // `NF 123/1 · adiantamento nº 12`, `nº 12 · PIX · motivo`.
            let detail = [
                receivable,
                Some(format!("adiantamento nº {advance_id}")),
                means.map(|m| means_label(&m).to_string()),
                reason,
            ]
            .into_iter()
            .flatten()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
            Ok(Movement {
                date: row.try_get("on_date")?,
                kind: MovementKind::from_code(&kind).ok_or(AppError::Internal)?,
                amount: row.try_get("amount")?,
                detail,
            })
        })
        .collect()
}

/// The statement of the customer's advances from `from` to `to` (typed `dd/mm/aaaa`).
pub async fn statement(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
    from: &str,
    to: &str,
) -> Result<StatementView, AppError> {
    let (from_day, to_day) = read_period(from, to)?;
    let header = sqlx::query(
        "select c.code, c.trade_name, c.legal_name, c.document,
                co.code as company_code, co.trade_name as company_name
         from customers c
         join companies co on co.tenant_id = c.tenant_id and co.id = $3
         where c.tenant_id = $1 and c.id = $2",
    )
    .bind(caller.tenant_id)
    .bind(customer_id)
    .bind(caller.company_id)
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let moves = movements(pool, caller, customer_id).await?;
    let computed =
        statement::statement(&moves, &from_day, &to_day).map_err(|e| AppError::invalid(vec![e]))?;
    let code: i64 = header.try_get("code")?;
    let legal_name: String = header.try_get("legal_name")?;
    let company_code: i32 = header.try_get("company_code")?;
    let company_name: String = header.try_get("company_name")?;
    let document: String = header.try_get("document")?;
    Ok(StatementView {
        company: format!("{company_code} - {company_name}"),
        customer: format!("{code} - {legal_name}"),
        document: rules::document::mask_stored(&document),
        from: date(from_day),
        to: date(to_day),
        opening: cents(computed.opening),
        lines: computed
            .lines
            .into_iter()
            .map(|line| StatementLineView {
                date: date(line.date),
                label: line.kind.label().to_string(),
                detail: line.detail,
                credit: line.kind.is_in().then(|| cents(line.amount)),
                debit: (!line.kind.is_in()).then(|| cents(line.amount)),
                balance: cents(line.balance),
            })
            .collect(),
        total_in: cents(computed.total_in),
        total_out: cents(computed.total_out),
        closing: cents(computed.closing),
    })
}

/// Both ends typed `dd/mm/aaaa`, each wrong one named beside its field.
fn read_period(from: &str, to: &str) -> Result<(NaiveDate, NaiveDate), AppError> {
    let read = |field: &'static str, typed: &str| match rules::date_input::parse(typed) {
        Ok(Some(iso)) => iso
            .parse::<NaiveDate>()
            .map_err(|_| rules::customer::FieldError {
                field,
                message: rules::date_input::INVALID_DATE.to_string(),
            }),
        Ok(None) => Err(rules::customer::FieldError {
            field,
            message: "Informe a data (dd/mm/aaaa).".to_string(),
        }),
        Err(message) => Err(rules::customer::FieldError {
            field,
            message: message.to_string(),
        }),
    };
    match (read("from", from), read(statement::TO_FIELD, to)) {
        (Ok(from), Ok(to)) => Ok((from, to)),
        (from, to) => Err(AppError::invalid(
            [from.err(), to.err()].into_iter().flatten().collect(),
        )),
    }
}
