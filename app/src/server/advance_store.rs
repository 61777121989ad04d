//! Customer advances (R-ADV-1..2), in the caller's company: register one, settle receivables
//! with it, refund what is left. One transaction each, locking the customer row first, then the
//! receivables in id order, then the advance — so two people spending the same advance at once
//! take turns, and the second sees what the first left: an advance is never spent twice.

use chrono::NaiveDate;
use rules::finance::advance::{self, AdvanceSettings, AdvanceUse};
use rules::finance::advance_input::{self, AdvanceInput, RefundInput};
use rules::finance::day::Day;
use rules::finance::status::ReceivableFacts;
use rules::permission::Permission;
use rust_decimal::Decimal;
use sqlx::{PgPool, Postgres, Row, Transaction};

use super::auth::Caller;
use crate::error::AppError;

fn day(date: NaiveDate) -> Day {
    Day::from_days_from_ce(chrono::Datelike::num_days_from_ce(&date))
}

async fn settings(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
) -> Result<AdvanceSettings, AppError> {
    let row = sqlx::query(
        "select advances_enabled, advance_entry_history_code, advance_refund_history_code
         from company_sales_settings where tenant_id = $1 and company_id = $2",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(AdvanceSettings {
        enabled: row.try_get("advances_enabled")?,
        entry_history_code: row.try_get("advance_entry_history_code")?,
        refund_history_code: row.try_get("advance_refund_history_code")?,
    })
}

async fn lock_customer(
    tx: &mut Transaction<'_, Postgres>,
    tenant_id: i64,
    customer_id: i64,
) -> Result<(), AppError> {
    sqlx::query("select 1 from customers where tenant_id = $1 and id = $2 for update")
        .bind(tenant_id)
        .bind(customer_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(())
}

/// Money not yet received or paid back is not on the books (`date` is `aaaa-mm-dd`).
fn not_after_today(date: &str) -> Result<(), AppError> {
    let today = super::brasilia_time::today().to_string();
    advance_input::check_not_after_today(date, &today).map_err(|e| AppError::invalid(vec![e]))
}

/// Registers an advance of `customer_id`; returns its id.
pub async fn register(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
    input: &AdvanceInput,
) -> Result<i64, AppError> {
    caller.require(Permission::RegisterAdvances)?;
    let (date, value, means, notes) =
        advance_input::read_advance(input).map_err(AppError::invalid)?;
    not_after_today(&date)?;
    let mut tx = pool.begin().await?;
    lock_customer(&mut tx, caller.tenant_id, customer_id).await?;
    let settings = settings(&mut tx, caller).await?;
    advance::check_registration(&settings, value).map_err(|e| AppError::invalid(vec![e]))?;
    let id: i64 = sqlx::query_scalar(
        "insert into customer_credits (tenant_id, company_id, customer_id, kind, credit_date,
             amount, balance, means, notes, created_by_name)
         values ($1, $2, $3, 'advance', $4::date, $5, $5, $6, $7, $8) returning id",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(customer_id)
    .bind(&date)
    .bind(value)
    .bind(means.code())
    .bind(&notes)
    .bind(&caller.user_name)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The advance of the caller's company with its customer, not locked yet.
async fn advance_customer(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    advance_id: i64,
) -> Result<i64, AppError> {
    sqlx::query_scalar(
        "select customer_id from customer_credits
         where tenant_id = $1 and company_id = $2 and id = $3 and kind = 'advance'",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(advance_id)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(AppError::NotFound)
}

/// The advance's balance, locked, once `date` (`aaaa-mm-dd`, a refund's or a use's) is known
/// not to come before the advance.
async fn lock_advance_balance(
    tx: &mut Transaction<'_, Postgres>,
    tenant_id: i64,
    advance_id: i64,
    date: &str,
) -> Result<Decimal, AppError> {
    let (balance, advance_date): (Decimal, String) = sqlx::query_as(
        "select balance, credit_date::text from customer_credits
         where tenant_id = $1 and id = $2 for update",
    )
    .bind(tenant_id)
    .bind(advance_id)
    .fetch_one(&mut **tx)
    .await?;
    advance_input::check_not_before_advance(date, &advance_date)
        .map_err(|e| AppError::invalid(vec![e]))?;
    Ok(balance)
}

/// Settles `receivable_ids` (in that order) of the advance's customer with the advance on the
/// typed date: `amount` of it, or as much as the advance and the receivables allow. Returns
/// the advance's balance after.
pub async fn settle_with(
    pool: &PgPool,
    caller: &Caller,
    advance_id: i64,
    receivable_ids: &[i64],
    paid_on: &str,
    amount: &str,
) -> Result<AdvanceUse, AppError> {
    caller.require(Permission::SettleReceivables)?;
    let mut errors = Vec::new();
    let paid_on = advance_input::read_date(paid_on, &mut errors);
    let amount = advance_input::read_optional_amount(amount, &mut errors);
    let (Some(paid_on), Some(amount)) = (paid_on, amount) else {
        return Err(AppError::invalid(errors));
    };
    not_after_today(&paid_on)?;
    let paid_on_day = Day::parse_iso(&paid_on).ok_or(AppError::Internal)?;
    let mut tx = pool.begin().await?;
    let customer_id = advance_customer(&mut tx, caller, advance_id).await?;
    lock_customer(&mut tx, caller.tenant_id, customer_id).await?;
    let rows = sqlx::query(
        "select id, due_date, balance, cancelled_at is not null as cancelled,
                sent_to_credit_bureau, in_collection
         from receivables
         where tenant_id = $1 and company_id = $2 and customer_id = $3 and id = any($4)
         order by id
         for update",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(customer_id)
    .bind(receivable_ids)
    .fetch_all(&mut *tx)
    .await?;
    if rows.len() != receivable_ids.len() {
        return Err(AppError::field(
            advance::RECEIVABLES_FIELD,
            "Escolha títulos deste cliente nesta empresa.",
        ));
    }
    let balance = lock_advance_balance(&mut tx, caller.tenant_id, advance_id, &paid_on).await?;
    // Only an advance with a balance offers this form: none left means someone used or
    // refunded it meanwhile, so the screen reloads (a conflict) rather than contradict itself.
    if balance <= Decimal::ZERO {
        return Err(AppError::Conflict(
            "Este adiantamento já não tem saldo: foi usado ou devolvido depois que você abriu o formulário; nada foi gravado.".to_string(),
        ));
    }
    // In the order the user gave them: the split fills the first one first.
    let mut chosen = Vec::with_capacity(receivable_ids.len());
    for id in receivable_ids {
        let row = rows
            .iter()
            .find(|r| r.try_get::<i64, _>("id").ok() == Some(*id))
            .ok_or(AppError::Internal)?;
        let due: NaiveDate = row.try_get("due_date")?;
        chosen.push(ReceivableFacts {
            due: day(due),
            balance: row.try_get("balance")?,
            cancelled: row.try_get("cancelled")?,
            sent_to_credit_bureau: row.try_get("sent_to_credit_bureau")?,
            in_collection: row.try_get("in_collection")?,
        });
    }
    let parts = advance::split(balance, amount, &chosen).map_err(|e| AppError::invalid(vec![e]))?;
    let mut used = Decimal::ZERO;
    let mut settled_count = 0;
    for ((id, facts), principal) in receivable_ids.iter().zip(&chosen).zip(parts) {
        if principal <= Decimal::ZERO {
            continue;
        }
        let settled = advance::settlement(principal, paid_on_day);
        sqlx::query(
            "insert into receivable_settlements (tenant_id, receivable_id, paid_on, principal,
                 means, credit_id, created_by_name)
             values ($1, $2, $3::date, $4, 'advance', $5, $6)",
        )
        .bind(caller.tenant_id)
        .bind(id)
        .bind(&paid_on)
        .bind(settled.principal)
        .bind(advance_id)
        .bind(&caller.user_name)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "update receivables set balance = $3, version = version + 1
             where tenant_id = $1 and id = $2",
        )
        .bind(caller.tenant_id)
        .bind(id)
        .bind(rules::finance::settlement::balance_after(
            facts.balance,
            &settled,
        ))
        .execute(&mut *tx)
        .await?;
        used += principal;
        settled_count += 1;
    }
    let left = balance - used;
    set_advance_balance(&mut tx, caller.tenant_id, advance_id, left).await?;
    tx.commit().await?;
    Ok(AdvanceUse {
        balance: left,
        settled: settled_count,
    })
}

async fn set_advance_balance(
    tx: &mut Transaction<'_, Postgres>,
    tenant_id: i64,
    advance_id: i64,
    balance: Decimal,
) -> Result<(), AppError> {
    sqlx::query(
        "update customer_credits set balance = $3, version = version + 1
         where tenant_id = $1 and id = $2",
    )
    .bind(tenant_id)
    .bind(advance_id)
    .bind(balance)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Refunds part or all of what is left of the advance; returns its balance after.
pub async fn refund(
    pool: &PgPool,
    caller: &Caller,
    advance_id: i64,
    input: &RefundInput,
) -> Result<Decimal, AppError> {
    caller.require(Permission::RefundAdvances)?;
    let (date, amount, means, reason) =
        advance_input::read_refund(input).map_err(AppError::invalid)?;
    not_after_today(&date)?;
    let mut tx = pool.begin().await?;
    let customer_id = advance_customer(&mut tx, caller, advance_id).await?;
    lock_customer(&mut tx, caller.tenant_id, customer_id).await?;
    let balance = lock_advance_balance(&mut tx, caller.tenant_id, advance_id, &date).await?;
    let settings = settings(&mut tx, caller).await?;
    let left =
        advance::refund(&settings, balance, amount).map_err(|e| AppError::invalid(vec![e]))?;
    sqlx::query(
        "insert into customer_credit_refunds (tenant_id, credit_id, refunded_on, amount, means,
             reason, created_by_name)
         values ($1, $2, $3::date, $4, $5, $6, $7)",
    )
    .bind(caller.tenant_id)
    .bind(advance_id)
    .bind(&date)
    .bind(balance - left)
    .bind(means.code())
    .bind(&reason)
    .bind(&caller.user_name)
    .execute(&mut *tx)
    .await?;
    set_advance_balance(&mut tx, caller.tenant_id, advance_id, left).await?;
    tx.commit().await?;
    Ok(left)
}
