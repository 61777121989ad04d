//! The settings of the company the caller acts in: read with their history, saved with a
//! stale-edit check and one history row per changed field.

use chrono::{DateTime, Utc};
use rules::finance::advance::AdvanceSettings;
use rules::sales::company_settings::{settings_changes, CompanySettings, CompanySettingsInput};
use rules::sales::credit_use::{CreditOrder, CreditUse};
use rules::sales::defaults::{CommercialRefs, CompanySalesSettings};
use rules::sales::defaults_audit::company_table_changes;
use rules::sales::ledger_accounts::LedgerSettings;
use rules::sales::own_entries::{company_own_changes, OwnEntries};
use rules::table_kind::{CommercialKind, LinkedKind};
use sqlx::{PgExecutor, PgPool, Row};

use super::auth::Caller;
use super::brasilia_time::{date_time, hour_minute};
use super::sales_defaults_store::stored;
use crate::customers::company_settings_types::CompanySettingsView;
use crate::customers::record_types::ChangeView;
use crate::error::AppError;

/// The columns of the commercial tables whose entry the company gives its new customers
/// (R-SALES-1), named like the customer's (`CommercialKind::column`).
pub(crate) fn default_columns() -> Vec<&'static str> {
    CommercialKind::ALL
        .into_iter()
        .filter(|k| k.company_default())
        .map(CommercialKind::column)
        .collect()
}

/// Every setting of the company; a company without its row (never, by the trigger that makes
/// it) reads as the defaults.
pub async fn settings(
    executor: impl PgExecutor<'_>,
    tenant_id: i64,
    company_id: i64,
) -> Result<CompanySettings, AppError> {
    let row = sqlx::query(&format!(
        "select pre_approved_credit_limit, daily_interest, late_fee, max_discount, credit_use,
                credit_order, ledger_prefix, real_ledger_prefix, ledger_code_width,
                expense_revenue_account, doubtful_debt_synthetic, doubtful_debt_real_synthetic,
                doubtful_debt_automatic, {}, insurance_enabled,
                restricts_pickup_carriers, restricts_pickup_fleet, commission_per_customer,
                price_list_id, payment_plan_id, advances_enabled, advance_entry_history_code,
                advance_refund_history_code
         from company_sales_settings where tenant_id = $1 and company_id = $2",
        default_columns().join(", ")
    ))
    .bind(tenant_id)
    .bind(company_id)
    .fetch_optional(executor)
    .await?;
    let Some(row) = row else {
        return Ok(CompanySettings::default());
    };
    let width: i16 = row.try_get("ledger_code_width")?;
    Ok(CompanySettings {
        sales: CompanySalesSettings {
            pre_approved_credit_limit: row.try_get("pre_approved_credit_limit")?,
            daily_interest: row.try_get("daily_interest")?,
            late_fee: row.try_get("late_fee")?,
            max_discount: row.try_get("max_discount")?,
            credit_use: stored(row.try_get("credit_use")?, CreditUse::from_code),
            credit_order: stored(row.try_get("credit_order")?, CreditOrder::from_code),
            tables: {
                let mut tables = CommercialRefs::default();
                for kind in CommercialKind::ALL
                    .into_iter()
                    .filter(|k| k.company_default())
                {
                    tables.set(kind, row.try_get(kind.column())?);
                }
                tables
            },
            insurance_enabled: row.try_get("insurance_enabled")?,
            restricts_pickup_carriers: row.try_get("restricts_pickup_carriers")?,
            restricts_pickup_fleet: row.try_get("restricts_pickup_fleet")?,
            commission_per_customer: row.try_get("commission_per_customer")?,
            own: {
                let mut own = OwnEntries::default();
                for kind in LinkedKind::COMMERCIAL {
                    let entry: Option<i64> = row.try_get(kind.entry_column())?;
                    own.set(kind, entry);
                }
                own
            },
        },
        ledger: LedgerSettings {
            prefix: row.try_get("ledger_prefix")?,
            real_prefix: row.try_get("real_ledger_prefix")?,
            code_width: u8::try_from(width).unwrap_or(5),
            expense_revenue_account: row.try_get("expense_revenue_account")?,
            doubtful_debt_synthetic: row.try_get("doubtful_debt_synthetic")?,
            doubtful_debt_real_synthetic: row.try_get("doubtful_debt_real_synthetic")?,
            doubtful_debt_automatic: row.try_get("doubtful_debt_automatic")?,
        },
        advances: AdvanceSettings {
            enabled: row.try_get("advances_enabled")?,
            entry_history_code: row.try_get("advance_entry_history_code")?,
            refund_history_code: row.try_get("advance_refund_history_code")?,
        },
    })
}

pub async fn load(pool: &PgPool, caller: &Caller) -> Result<CompanySettingsView, AppError> {
    let company = sqlx::query(
        "select c.code, c.trade_name, s.version from companies c
         join company_sales_settings s on s.tenant_id = c.tenant_id and s.company_id = c.id
         where c.tenant_id = $1 and c.id = $2",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let current = settings(pool, caller.tenant_id, caller.company_id).await?;
    let history: Vec<(DateTime<Utc>, String, String, String, String)> = sqlx::query_as(
        "select changed_at, user_name, field, old_value, new_value from company_settings_changes
         where tenant_id = $1 and company_id = $2 order by changed_at desc, id desc",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .fetch_all(pool)
    .await?;
    Ok(CompanySettingsView {
        company: format!(
            "{} - {}",
            company.try_get::<i32, _>("code")?,
            company.try_get::<String, _>("trade_name")?
        ),
        version: company.try_get("version")?,
        input: current.input(),
        tables: super::commercial_tables::choices(pool, caller.tenant_id, caller.company_id)
            .await?
            .into_iter()
            .filter(|t| CommercialKind::from_code(&t.kind).is_some_and(|k| k.company_default()))
            .collect(),
        own: super::own_entries_store::choices(
            pool,
            caller.tenant_id,
            caller.company_id,
            &LinkedKind::COMMERCIAL,
        )
        .await?,
        history: history
            .into_iter()
            .map(
                |(changed_at, user_name, field, old_value, new_value)| ChangeView {
                    changed_at: date_time(changed_at),
                    user_name,
                    field,
                    old_value,
                    new_value,
                },
            )
            .collect(),
    })
}

pub async fn save(
    pool: &PgPool,
    caller: &Caller,
    version: i32,
    input: &CompanySettingsInput,
) -> Result<(), AppError> {
    let after = input.parse().map_err(AppError::invalid)?;
    let mut tx = pool.begin().await?;
    let row = sqlx::query(
        "select version, updated_at, updated_by_name from company_sales_settings
         where tenant_id = $1 and company_id = $2 for update",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    if row.try_get::<i32, _>("version")? != version {
        let who: Option<String> = row.try_get("updated_by_name")?;
        let at: DateTime<Utc> = row.try_get("updated_at")?;
        return Err(AppError::Conflict(format!(
            "As configurações foram alteradas por {} às {} depois que você as abriu. Recarregue a página para ver a versão atual; nada foi gravado.",
            who.unwrap_or_else(|| "outro usuário".to_string()),
            hour_minute(at),
        )));
    }
    let before = settings(&mut *tx, caller.tenant_id, caller.company_id).await?;
    super::ledger_chart_store::check_settings(&mut tx, caller, &before.ledger, &after.ledger)
        .await?;
    let labels = super::commercial_tables::labels_checked(
        &mut *tx,
        caller.tenant_id,
        caller.company_id,
        &[&before.sales.tables, &after.sales.tables],
        &after.sales.tables,
    )
    .await?;
    let label = |id: Option<i64>| {
        id.and_then(|id| labels.get(&id).cloned())
            .unwrap_or_default()
    };
    let own_ids: Vec<i64> = before
        .sales
        .own
        .all_ids()
        .chain(after.sales.own.all_ids())
        .collect();
    let own_labels = super::own_entries_store::labels_checked(
        &mut *tx,
        caller.tenant_id,
        caller.company_id,
        &own_ids,
        &after.sales.own,
    )
    .await?;
    let mut found = settings_changes(&before, &after);
    found.extend(company_table_changes(
        &before.sales.tables,
        &after.sales.tables,
        label,
    ));
    found.extend(company_own_changes(
        &before.sales.own,
        &after.sales.own,
        |id| own_labels.get(&id).cloned().unwrap_or_default(),
    ));
    if found.is_empty() {
        return Ok(());
    }
    let table_sets: Vec<String> = default_columns()
        .iter()
        .enumerate()
        .map(|(i, column)| format!("{column} = ${}", 26 + i))
        .collect();
    let sql = format!(
        "update company_sales_settings set pre_approved_credit_limit = $3, daily_interest = $4,
             late_fee = $5, max_discount = $6, credit_use = $7, credit_order = $8,
             ledger_prefix = $10, real_ledger_prefix = $11, ledger_code_width = $12,
             expense_revenue_account = $13, doubtful_debt_synthetic = $14,
             doubtful_debt_real_synthetic = $15, doubtful_debt_automatic = $16,
             insurance_enabled = $17, restricts_pickup_carriers = $18, restricts_pickup_fleet = $19,
             commission_per_customer = $20, price_list_id = $21, payment_plan_id = $22,
             advances_enabled = $23, advance_entry_history_code = $24,
             advance_refund_history_code = $25, {},
             version = version + 1, updated_at = now(), updated_by_name = $9
         where tenant_id = $1 and company_id = $2",
        table_sets.join(", ")
    );
    let update = sqlx::query(&sql)
        .bind(caller.tenant_id)
        .bind(caller.company_id)
        .bind(after.sales.pre_approved_credit_limit)
        .bind(after.sales.daily_interest)
        .bind(after.sales.late_fee)
        .bind(after.sales.max_discount)
        .bind(after.sales.credit_use.code())
        .bind(after.sales.credit_order.code())
        .bind(&caller.user_name)
        .bind(&after.ledger.prefix)
        .bind(&after.ledger.real_prefix)
        .bind(i16::from(after.ledger.code_width))
        .bind(&after.ledger.expense_revenue_account)
        .bind(&after.ledger.doubtful_debt_synthetic)
        .bind(&after.ledger.doubtful_debt_real_synthetic)
        .bind(after.ledger.doubtful_debt_automatic)
        .bind(after.sales.insurance_enabled)
        .bind(after.sales.restricts_pickup_carriers)
        .bind(after.sales.restricts_pickup_fleet)
        .bind(after.sales.commission_per_customer)
        .bind(after.sales.own.get(LinkedKind::PriceList).first())
        .bind(after.sales.own.get(LinkedKind::PaymentPlan).first())
        .bind(after.advances.enabled)
        .bind(&after.advances.entry_history_code)
        .bind(&after.advances.refund_history_code);
    CommercialKind::ALL
        .into_iter()
        .filter(|k| k.company_default())
        .fold(update, |update, kind| {
            update.bind(after.sales.tables.get(kind))
        })
        .execute(&mut *tx)
        .await?;
    let fields: Vec<&str> = found.iter().map(|c| c.field.as_str()).collect();
    let olds: Vec<&str> = found.iter().map(|c| c.old_value.as_str()).collect();
    let news: Vec<&str> = found.iter().map(|c| c.new_value.as_str()).collect();
    sqlx::query(
        "insert into company_settings_changes (tenant_id, company_id, user_id, user_name, field,
                                               old_value, new_value)
         select $1, $2, $3, $4, * from unnest($5::text[], $6::text[], $7::text[])",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(caller.user_id)
    .bind(&caller.user_name)
    .bind(&fields)
    .bind(&olds)
    .bind(&news)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
