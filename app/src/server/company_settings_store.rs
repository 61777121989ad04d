//! The settings of the company the caller acts in: read with their history, saved with a
//! stale-edit check and one history row per changed field.

use chrono::{DateTime, Utc};
use rules::sales::company_settings::{settings_changes, CompanySettingsInput};
use sqlx::{PgPool, Row};

use super::auth::Caller;
use super::brasilia_time::{date_time, hour_minute};
use super::sales_defaults_store::company_settings;
use crate::customers::company_settings_types::CompanySettingsView;
use crate::customers::record_types::ChangeView;
use crate::error::AppError;

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
    let settings = company_settings(pool, caller.tenant_id, caller.company_id).await?;
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
        input: settings.input(),
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
    let after = input.parse().map_err(|errors| {
        AppError::Invalid(
            errors
                .into_iter()
                .map(|e| crate::error::FieldMessage {
                    field: e.field.to_string(),
                    message: e.message,
                })
                .collect(),
        )
    })?;
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
    let before = company_settings(&mut *tx, caller.tenant_id, caller.company_id).await?;
    let found = settings_changes(&before, &after);
    if found.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "update company_sales_settings set pre_approved_credit_limit = $3, daily_interest = $4,
             late_fee = $5, max_discount = $6, credit_use = $7, credit_order = $8,
             version = version + 1, updated_at = now(), updated_by_name = $9
         where tenant_id = $1 and company_id = $2",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(after.pre_approved_credit_limit)
    .bind(after.daily_interest)
    .bind(after.late_fee)
    .bind(after.max_discount)
    .bind(after.credit_use.code())
    .bind(after.credit_order.code())
    .bind(&caller.user_name)
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
