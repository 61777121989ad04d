//! Writing receivables (issue 12): register one by hand, settle it (full or partial), reverse a
//! settlement, cancel it. Each is one transaction that locks the customer row first, then the
//! receivable, then its settlement — the project's lock order — so a settlement racing another,
//! a reversal or a cancellation waits its turn and decides on the balance as it is then: the
//! balance never goes below zero nor comes back twice. `rules::finance` decides.

use chrono::NaiveDate;
use rules::finance::day::Day;
use rules::finance::receivable::{self, ReceivableInput};
use rules::finance::settlement::{self, LateTerms, Settlement, SettlementMeans};
use rules::finance::settlement_input::{self, SettlementInput};
use rules::finance::status::ReceivableFacts;
use rules::permission::Permission;
use rust_decimal::Decimal;
use sqlx::{PgPool, Postgres, Row, Transaction};

use super::auth::Caller;
use super::brasilia_time::today;
use crate::error::AppError;

fn day(date: NaiveDate) -> Day {
    Day::from_days_from_ce(chrono::Datelike::num_days_from_ce(&date))
}

/// The customer row, locked: first in every writer's order. Not found outside the tenant.
async fn lock_customer(
    tx: &mut Transaction<'_, Postgres>,
    tenant_id: i64,
    customer_id: i64,
) -> Result<Option<NaiveDate>, AppError> {
    let row = sqlx::query(
        "select valid_until from customers where tenant_id = $1 and id = $2 for update",
    )
    .bind(tenant_id)
    .bind(customer_id)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(row.try_get("valid_until")?)
}

/// Registers a receivable of `customer_id` in the caller's company; its late terms are the
/// customer's of that company at this moment. Returns its id.
pub async fn register(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
    input: &ReceivableInput,
) -> Result<i64, AppError> {
    caller.require(Permission::RegisterReceivables)?;
    let mut tx = pool.begin().await?;
    let valid_until = lock_customer(&mut tx, caller.tenant_id, customer_id).await?;
    let valid_until = valid_until.map(|d| d.to_string());
    let valid = receivable::validate(input, valid_until.as_deref(), &today().to_string())
        .map_err(AppError::invalid)?;
    let bearer_id = match &valid.route.bearer_code {
        Some(code) => Some(bearer_id(&mut tx, caller, code).await?),
        None => None,
    };
    // No bearer typed: the customer's (R-SALES-1).
    let inserted = sqlx::query(
        "insert into receivables (tenant_id, company_id, customer_id, document, installment, kind,
             issue_date, due_date, amount, balance, sale_code, created_by_name, daily_interest, late_fee,
             bearer_id, collection_location, collection_operation)
         select $1, $2, $3, $4, $5, $6, $7::date, $8::date, $9, $9, $10, $11,
                coalesce(d.daily_interest, s.daily_interest, 0),
                coalesce(case when d.late_fee_source = 'customer' then d.late_fee end, s.late_fee, 0),
                coalesce($12, d.bearer_id), $13, $14
         from company_sales_settings s
         left join customer_sales_defaults d
                on d.tenant_id = s.tenant_id and d.company_id = s.company_id and d.customer_id = $3
         where s.tenant_id = $1 and s.company_id = $2
         on conflict (tenant_id, company_id, document, installment) do nothing
         returning id",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(customer_id)
    .bind(&valid.document)
    .bind(valid.installment)
    .bind(valid.kind.code())
    .bind(&valid.issue_date)
    .bind(&valid.due_date)
    .bind(valid.amount)
    .bind(&valid.sale_code)
    .bind(&caller.user_name)
    .bind(bearer_id)
    .bind(valid.route.location.code())
    .bind(valid.route.operation.code())
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = inserted else {
        return Err(AppError::field(
            "document",
            format!(
                "Já existe o título {}/{} nesta empresa.",
                valid.document, valid.installment
            ),
        ));
    };
    let id: i64 = row.try_get("id")?;
    tx.commit().await?;
    Ok(id)
}

/// The active bearer `code` of the caller's company, or the refusal beside the field.
async fn bearer_id(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    code: &str,
) -> Result<i64, AppError> {
    sqlx::query_scalar(
        "select id from lookup_entries
         where tenant_id = $1 and company_id = $2 and kind = 'bearer' and code = $3 and active",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(code)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or_else(|| {
        AppError::field(
            "bearer",
            format!("Não há portador ativo de código {code} nesta empresa."),
        )
    })
}

/// A receivable of the caller's company, locked after its customer.
struct Locked {
    facts: ReceivableFacts<Day>,
    issued: Day,
    terms: LateTerms,
    version: i32,
}

async fn lock_receivable(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    receivable_id: i64,
) -> Result<Locked, AppError> {
    let customer_id: i64 = sqlx::query_scalar(
        "select customer_id from receivables where tenant_id = $1 and company_id = $2 and id = $3",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(receivable_id)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(AppError::NotFound)?;
    lock_customer(tx, caller.tenant_id, customer_id).await?;
    let row = sqlx::query(
        "select issue_date, due_date, balance, cancelled_at is not null as cancelled, sent_to_credit_bureau,
                in_collection, daily_interest, late_fee, version
         from receivables where tenant_id = $1 and id = $2 for update",
    )
    .bind(caller.tenant_id)
    .bind(receivable_id)
    .fetch_one(&mut **tx)
    .await?;
    let due: NaiveDate = row.try_get("due_date")?;
    let issued: NaiveDate = row.try_get("issue_date")?;
    Ok(Locked {
        issued: day(issued),
        facts: ReceivableFacts {
            due: day(due),
            balance: row.try_get("balance")?,
            cancelled: row.try_get("cancelled")?,
            sent_to_credit_bureau: row.try_get("sent_to_credit_bureau")?,
            in_collection: row.try_get("in_collection")?,
        },
        terms: super::receivable_list_store::late_terms(&row)?,
        version: row.try_get("version")?,
    })
}

fn stale() -> AppError {
    AppError::Conflict(
        "Este título foi alterado por outro usuário depois que você o abriu; nada foi gravado."
            .to_string(),
    )
}

/// Settles `principal` of the receivable opened at `version`, charging the interest and late
/// fee stamped on it. Returns the settlement as recorded.
pub async fn settle(
    pool: &PgPool,
    caller: &Caller,
    receivable_id: i64,
    version: i32,
    input: &SettlementInput,
) -> Result<Settlement, AppError> {
    caller.require(Permission::SettleReceivables)?;
    let request = settlement_input::read(input).map_err(AppError::invalid)?;
    settlement::check_paid_on(request.paid_on, day(today()))
        .map_err(|e| AppError::invalid(vec![e]))?;
    let mut tx = pool.begin().await?;
    let locked = lock_receivable(&mut tx, caller, receivable_id).await?;
    if locked.version != version {
        return Err(stale());
    }
    settlement::check_paid_after_issue(request.paid_on, locked.issued)
        .map_err(|e| AppError::invalid(vec![e]))?;
    let settled = settlement::settle(&locked.facts, &request, &locked.terms)
        .map_err(|e| AppError::invalid(vec![e]))?;
    let (year, month, dom) = settled.paid_on.ymd();
    let paid_on = NaiveDate::from_ymd_opt(year, month, dom).ok_or(AppError::Internal)?;
    sqlx::query(
        "insert into receivable_settlements (tenant_id, receivable_id, paid_on, principal, interest,
             late_fee, discount, means, created_by_name)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(caller.tenant_id)
    .bind(receivable_id)
    .bind(paid_on)
    .bind(settled.principal)
    .bind(settled.interest)
    .bind(settled.late_fee)
    .bind(settled.discount)
    .bind(settled.means.code())
    .bind(&caller.user_name)
    .execute(&mut *tx)
    .await?;
    set_balance(
        &mut tx,
        caller.tenant_id,
        receivable_id,
        settlement::balance_after(locked.facts.balance, &settled),
    )
    .await?;
    tx.commit().await?;
    Ok(settled)
}

async fn set_balance(
    tx: &mut Transaction<'_, Postgres>,
    tenant_id: i64,
    receivable_id: i64,
    balance: Decimal,
) -> Result<(), AppError> {
    sqlx::query(
        "update receivables set balance = $3, version = version + 1 where tenant_id = $1 and id = $2",
    )
    .bind(tenant_id)
    .bind(receivable_id)
    .bind(balance)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Reverses a settlement of the caller's company: its principal back on the balance, the
/// settlement kept and marked. A settlement reversed already is refused.
pub async fn reverse(pool: &PgPool, caller: &Caller, settlement_id: i64) -> Result<(), AppError> {
    caller.require(Permission::SettleReceivables)?;
    let mut tx = pool.begin().await?;
    let receivable_id: i64 = sqlx::query_scalar(
        "select s.receivable_id from receivable_settlements s
         join receivables r on r.tenant_id = s.tenant_id and r.id = s.receivable_id
         where s.tenant_id = $1 and s.id = $2 and r.company_id = $3",
    )
    .bind(caller.tenant_id)
    .bind(settlement_id)
    .bind(caller.company_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let locked = lock_receivable(&mut tx, caller, receivable_id).await?;
    let row = sqlx::query(
        "select paid_on, principal, interest, late_fee, discount, means, credit_id,
                reversed_at is not null as reversed
         from receivable_settlements where tenant_id = $1 and id = $2 for update",
    )
    .bind(caller.tenant_id)
    .bind(settlement_id)
    .fetch_one(&mut *tx)
    .await?;
    if row.try_get::<bool, _>("reversed")? {
        return Err(AppError::Conflict(
            "Esta baixa já foi estornada.".to_string(),
        ));
    }
    let means: String = row.try_get("means")?;
    let means = SettlementMeans::from_code(&means).ok_or(AppError::Internal)?;
    let credit_id: Option<i64> = row.try_get("credit_id")?;
    let paid_on = day(row.try_get("paid_on")?);
    let recorded = Settlement {
        paid_on,
        means,
        principal: row.try_get("principal")?,
        days_late: settlement::days_late(locked.facts.due, paid_on),
        interest: row.try_get("interest")?,
        late_fee: row.try_get("late_fee")?,
        discount: row.try_get("discount")?,
    };
    let balance =
        settlement::reverse(&locked.facts, &recorded).map_err(|e| AppError::invalid(vec![e]))?;
    sqlx::query(
        "update receivable_settlements set reversed_at = now(), reversed_by_name = $3
         where tenant_id = $1 and id = $2",
    )
    .bind(caller.tenant_id)
    .bind(settlement_id)
    .bind(&caller.user_name)
    .execute(&mut *tx)
    .await?;
    set_balance(&mut tx, caller.tenant_id, receivable_id, balance).await?;
    if let Some(credit_id) = credit_id {
        // Paid by an advance or a sales-return credit: the money goes back to it, locked last
        // (customer, receivable, settlement, credit), as the advance's writers lock it.
        sqlx::query(
            "update customer_credits set balance = balance + $3, version = version + 1
             where tenant_id = $1 and id = $2",
        )
        .bind(caller.tenant_id)
        .bind(credit_id)
        .bind(recorded.principal)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Cancels the receivable opened at `version`, saying why. One with a settlement still standing
/// is refused: reverse the settlement first.
pub async fn cancel(
    pool: &PgPool,
    caller: &Caller,
    receivable_id: i64,
    version: i32,
    reason: &str,
) -> Result<(), AppError> {
    caller.require(Permission::CancelReceivables)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::field(
            "reason",
            "Informe o motivo do cancelamento.",
        ));
    }
    let mut tx = pool.begin().await?;
    let locked = lock_receivable(&mut tx, caller, receivable_id).await?;
    if locked.version != version {
        return Err(stale());
    }
    if locked.facts.cancelled {
        return Err(AppError::Conflict(
            "Este título já está cancelado.".to_string(),
        ));
    }
    let settled: bool = sqlx::query_scalar(
        "select exists(select 1 from receivable_settlements
                       where tenant_id = $1 and receivable_id = $2 and reversed_at is null)",
    )
    .bind(caller.tenant_id)
    .bind(receivable_id)
    .fetch_one(&mut *tx)
    .await?;
    if settled {
        return Err(AppError::field(
            "reason",
            "Este título tem baixas: estorne-as antes de cancelá-lo.",
        ));
    }
    sqlx::query(
        "update receivables set cancelled_at = now(), cancelled_by_name = $3, cancel_reason = $4,
                version = version + 1
         where tenant_id = $1 and id = $2",
    )
    .bind(caller.tenant_id)
    .bind(receivable_id)
    .bind(&caller.user_name)
    .bind(reason)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
