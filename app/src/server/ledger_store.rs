//! The customer's ledger accounts in the caller's company (R-SALES-12): suggested from the
//! company's chart, saved with a stale-edit check by who may modify them (R-PERM-1), and the
//! doubtful-debt accounts numbered from the company's sequence. Every writer locks the customer
//! row first, then its accounts row, then (numbering only) the company's settings row.

use chrono::{DateTime, Utc};
use rules::permission::Permission;
use rules::sales::ledger_account::doubtful_debt_accounts;
use rules::sales::ledger_accounts::{ledger_changes, LedgerAccounts, LedgerAccountsInput};
use sqlx::{PgExecutor, PgPool, Postgres, Row, Transaction};

use super::auth::Caller;
use super::brasilia_time::{date_time, hour_minute};
use super::company_settings_store::settings;
use super::ledger_chart_store;
use crate::customers::ledger_types::LedgerAccountsView;
use crate::error::AppError;

struct StoredAccounts {
    accounts: LedgerAccounts,
    version: i32,
    updated_at: DateTime<Utc>,
    updated_by_name: Option<String>,
}

async fn fetch(
    executor: impl PgExecutor<'_>,
    caller: &Caller,
    customer_id: i64,
    lock: bool,
) -> Result<Option<StoredAccounts>, AppError> {
    let sql = format!(
        "select ledger_account, real_ledger_account, expense_revenue_account, doubtful_debt_account,
                doubtful_debt_real_account, version, updated_at, updated_by_name
         from customer_ledger_accounts
         where tenant_id = $1 and company_id = $2 and customer_id = $3{}",
        if lock { " for update" } else { "" }
    );
    let row = sqlx::query(&sql)
        .bind(caller.tenant_id)
        .bind(caller.company_id)
        .bind(customer_id)
        .fetch_optional(executor)
        .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(StoredAccounts {
        accounts: LedgerAccounts {
            ledger_account: row.try_get("ledger_account")?,
            real_ledger_account: row.try_get("real_ledger_account")?,
            expense_revenue_account: row.try_get("expense_revenue_account")?,
            doubtful_debt_account: row.try_get("doubtful_debt_account")?,
            doubtful_debt_real_account: row.try_get("doubtful_debt_real_account")?,
        },
        version: row.try_get("version")?,
        updated_at: row.try_get("updated_at")?,
        updated_by_name: row.try_get("updated_by_name")?,
    }))
}

/// The customer's code, locking the row when asked (every writer locks it first).
async fn customer_code(
    executor: impl PgExecutor<'_>,
    caller: &Caller,
    customer_id: i64,
    lock: bool,
) -> Result<i64, AppError> {
    let sql = format!(
        "select code from customers where tenant_id = $1 and id = $2{}",
        if lock { " for update" } else { "" }
    );
    sqlx::query_scalar(&sql)
        .bind(caller.tenant_id)
        .bind(customer_id)
        .fetch_optional(executor)
        .await?
        .ok_or(AppError::NotFound)
}

/// The name the customer's chart accounts are given.
async fn customer_name(
    executor: impl PgExecutor<'_>,
    caller: &Caller,
    customer_id: i64,
) -> Result<String, AppError> {
    sqlx::query_scalar("select legal_name from customers where tenant_id = $1 and id = $2")
        .bind(caller.tenant_id)
        .bind(customer_id)
        .fetch_optional(executor)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn load(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
) -> Result<LedgerAccountsView, AppError> {
    let code = customer_code(pool, caller, customer_id, false).await?;
    let chart = settings(pool, caller.tenant_id, caller.company_id)
        .await?
        .ledger;
    let suggested = LedgerAccounts::suggested(&chart, code);
    let stored = fetch(pool, caller, customer_id, false).await?;
    let (accounts, version, last_saved) = match stored {
        Some(s) => (
            s.accounts,
            s.version,
            s.updated_by_name
                .map(|name| format!("{name} em {}", date_time(s.updated_at))),
        ),
        None => (suggested.clone(), 0, None),
    };
    let cannot_generate = if accounts.doubtful_debt_account.is_some() {
        Some("O cliente já tem conta de devedores duvidosos nesta empresa.".to_string())
    } else if chart.doubtful_debt_synthetic.is_none() {
        Some(
            "Informe a conta sintética de devedores duvidosos nas configurações da empresa."
                .to_string(),
        )
    } else {
        None
    };
    Ok(LedgerAccountsView {
        version,
        input: accounts.input(),
        suggested: suggested.input(),
        doubtful_debt_account: accounts.doubtful_debt_account.unwrap_or_default(),
        doubtful_debt_real_account: accounts.doubtful_debt_real_account.unwrap_or_default(),
        cannot_generate,
        last_saved,
    })
}

/// R-SALES-12: a new customer gets the accounts its company's chart suggests, if any.
pub async fn create_for_new_customer(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    customer_id: i64,
    customer_code: i64,
) -> Result<(), AppError> {
    let chart = settings(&mut **tx, caller.tenant_id, caller.company_id)
        .await?
        .ledger;
    let suggested = LedgerAccounts::suggested(&chart, customer_code);
    if suggested == LedgerAccounts::default() {
        return Ok(());
    }
    write(tx, caller, customer_id, &suggested, None, None).await
}

fn stale(stored: Option<&StoredAccounts>) -> AppError {
    let (who, at) = stored
        .map(|s| (s.updated_by_name.clone(), s.updated_at))
        .unzip();
    AppError::Conflict(format!(
        "As contas contábeis deste cliente foram alteradas por {} às {} depois que você as abriu. Recarregue a página para ver a versão atual; nada foi gravado.",
        who.flatten().unwrap_or_else(|| "outro usuário".to_string()),
        at.map(hour_minute).unwrap_or_default(),
    ))
}

/// The customer row locked, then the accounts row, the version checked: what the tab shows now.
async fn lock_current(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    customer_id: i64,
    version: i32,
) -> Result<(LedgerAccounts, i32), AppError> {
    let code = customer_code(&mut **tx, caller, customer_id, true).await?;
    let stored = fetch(&mut **tx, caller, customer_id, true).await?;
    let stored_version = stored.as_ref().map_or(0, |s| s.version);
    if stored_version != version {
        return Err(stale(stored.as_ref()));
    }
    let current = match stored {
        Some(stored) => stored.accounts,
        None => {
            let chart = settings(&mut **tx, caller.tenant_id, caller.company_id)
                .await?
                .ledger;
            LedgerAccounts::suggested(&chart, code)
        }
    };
    Ok((current, stored_version))
}

pub async fn save(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
    version: i32,
    input: &LedgerAccountsInput,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let (before, stored_version) = lock_current(&mut tx, caller, customer_id, version).await?;
    let after = input.parse(&before).map_err(AppError::invalid)?;
    let found = ledger_changes(&before, &after);
    if found.is_empty() {
        return Ok(());
    }
    caller.require(Permission::ModifyLedgerAccounts)?;
    ledger_chart_store::check_customer_accounts(&mut tx, caller, &before, &after).await?;
    write(
        &mut tx,
        caller,
        customer_id,
        &after,
        Some(stored_version),
        None,
    )
    .await?;
    super::customer_store::record_changes(&mut tx, caller, customer_id, &found).await?;
    tx.commit().await?;
    Ok(())
}

/// R-SALES-12: the doubtful-debt accounts with the company's next sequence. The settings row
/// is locked while the number is taken, so concurrent generations queue there: no number is
/// handed out twice, and a failed generation gives its number back with its transaction.
pub async fn generate_doubtful_debt(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
    version: i32,
) -> Result<(), AppError> {
    caller.require(Permission::ModifyLedgerAccounts)?;
    let mut tx = pool.begin().await?;
    let (before, stored_version) = lock_current(&mut tx, caller, customer_id, version).await?;
    if before.doubtful_debt_account.is_some() {
        return Err(AppError::Conflict(
            "O cliente já tem conta de devedores duvidosos nesta empresa.".to_string(),
        ));
    }
    let company = sqlx::query(
        "select doubtful_debt_synthetic, doubtful_debt_real_synthetic, doubtful_debt_last
         from company_sales_settings where tenant_id = $1 and company_id = $2 for update",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let synthetic: Option<String> = company.try_get("doubtful_debt_synthetic")?;
    let real_synthetic: Option<String> = company.try_get("doubtful_debt_real_synthetic")?;
    let last: i32 = company.try_get("doubtful_debt_last")?;
    let Some(synthetic) = synthetic else {
        return Err(AppError::Conflict(
            "Informe a conta sintética de devedores duvidosos nas configurações da empresa."
                .to_string(),
        ));
    };
    // Seed 003: the real account is created when the managerial synthetic is linked to a
    // real one; the settings may name the real synthetic themselves.
    let real_synthetic = match real_synthetic {
        Some(code) => Some(code),
        None => ledger_chart_store::linked_real_account(&mut *tx, caller, &synthetic).await?,
    };
    let created =
        doubtful_debt_accounts(real_synthetic.as_deref(), u64::try_from(last).unwrap_or(0))
            .map_err(AppError::Conflict)?;
    let sequence = i32::try_from(created.sequence).map_err(|_| AppError::Internal)?;
    sqlx::query(
        "update company_sales_settings set doubtful_debt_last = $3
         where tenant_id = $1 and company_id = $2",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(sequence)
    .execute(&mut *tx)
    .await?;
    let name = customer_name(&mut *tx, caller, customer_id).await?;
    ledger_chart_store::add_doubtful_debt_accounts(&mut tx, caller, &name, &created).await?;
    let after = LedgerAccounts {
        doubtful_debt_account: Some(created.managerial),
        doubtful_debt_real_account: created.real,
        ..before.clone()
    };
    write(
        &mut tx,
        caller,
        customer_id,
        &after,
        Some(stored_version),
        Some(sequence),
    )
    .await?;
    super::customer_store::record_changes(
        &mut tx,
        caller,
        customer_id,
        &ledger_changes(&before, &after),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Inserts (`previous_version` `None` or 0) or replaces the row, bumping its version.
async fn write(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    customer_id: i64,
    accounts: &LedgerAccounts,
    previous_version: Option<i32>,
    sequence: Option<i32>,
) -> Result<(), AppError> {
    sqlx::query(
        "insert into customer_ledger_accounts (tenant_id, company_id, customer_id, ledger_account,
             real_ledger_account, expense_revenue_account, doubtful_debt_account,
             doubtful_debt_real_account, doubtful_debt_sequence, version, updated_at, updated_by_name)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10 + 1, now(), $11)
         on conflict (tenant_id, company_id, customer_id) do update set
             ledger_account = excluded.ledger_account,
             real_ledger_account = excluded.real_ledger_account,
             expense_revenue_account = excluded.expense_revenue_account,
             doubtful_debt_account = excluded.doubtful_debt_account,
             doubtful_debt_real_account = excluded.doubtful_debt_real_account,
             doubtful_debt_sequence = coalesce(excluded.doubtful_debt_sequence,
                                               customer_ledger_accounts.doubtful_debt_sequence),
             version = excluded.version, updated_at = excluded.updated_at,
             updated_by_name = excluded.updated_by_name",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(customer_id)
    .bind(&accounts.ledger_account)
    .bind(&accounts.real_ledger_account)
    .bind(&accounts.expense_revenue_account)
    .bind(&accounts.doubtful_debt_account)
    .bind(&accounts.doubtful_debt_real_account)
    .bind(sequence)
    .bind(previous_version.unwrap_or(0))
    .bind(previous_version.map(|_| caller.user_name.clone()))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
