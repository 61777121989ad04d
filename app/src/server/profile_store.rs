//! The customer's commercial profile in the caller's company: read, offer, and save inside the
//! record's transaction with its audit rows and, when the salesperson changes, the change
//! with its notes (R-SELLER-1).

use std::collections::HashMap;

use rules::customer::FieldChange;
use rules::lookup::LookupKind;
use rules::profile::{form_field, profile_changes, salesperson_changed, ProfileRefs};
use sqlx::{PgPool, Postgres, Transaction};

use super::auth::Caller;
use super::brasilia_time::date_time;
use crate::customers::record_types::{KindOptions, OptionItem, SalespersonChangeView};
use crate::error::AppError;

pub async fn load_refs(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
) -> Result<ProfileRefs, AppError> {
    let row = sqlx::query!(
        "select customer_group_id, activity_branch_id, region_id, salesperson_id, category_id
         from customer_profiles where tenant_id = $1 and company_id = $2 and customer_id = $3",
        caller.tenant_id,
        caller.company_id,
        customer_id,
    )
    .fetch_optional(pool)
    .await?;
    Ok(row
        .map(|r| ProfileRefs {
            customer_group: r.customer_group_id,
            activity_branch: r.activity_branch_id,
            region: r.region_id,
            salesperson: r.salesperson_id,
            category: r.category_id,
        })
        .unwrap_or_default())
}

/// Every row of the five tables in the caller's company, grouped by kind, for the selects.
pub async fn options(pool: &PgPool, caller: &Caller) -> Result<Vec<KindOptions>, AppError> {
    let rows = sqlx::query!(
        "select id, kind, code, description, active from lookup_entries
         where tenant_id = $1 and company_id = $2 order by kind, code",
        caller.tenant_id,
        caller.company_id,
    )
    .fetch_all(pool)
    .await?;
    Ok(LookupKind::ALL
        .into_iter()
        .map(|kind| KindOptions {
            kind,
            field: form_field(kind).to_string(),
            label: rules::profile::field_name(kind).to_string(),
            options: rows
                .iter()
                .filter(|r| r.kind == kind.code())
                .map(|r| OptionItem {
                    id: r.id,
                    code: r.code.clone(),
                    label: format!(
                        "{} - {}{}",
                        r.code,
                        r.description,
                        if r.active { "" } else { " (inativo)" }
                    ),
                })
                .collect(),
        })
        .collect())
}

/// Saves the profile; returns the audited changes (already written) so the caller knows
/// whether the record changed.
pub async fn save(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    customer_id: i64,
    after: &ProfileRefs,
    salesperson_notes: &str,
) -> Result<Vec<FieldChange>, AppError> {
    let before_row = sqlx::query!(
        "select customer_group_id, activity_branch_id, region_id, salesperson_id, category_id
         from customer_profiles where tenant_id = $1 and company_id = $2 and customer_id = $3
         for update",
        caller.tenant_id,
        caller.company_id,
        customer_id,
    )
    .fetch_optional(&mut **tx)
    .await?;
    let before = before_row
        .map(|r| ProfileRefs {
            customer_group: r.customer_group_id,
            activity_branch: r.activity_branch_id,
            region: r.region_id,
            salesperson: r.salesperson_id,
            category: r.category_id,
        })
        .unwrap_or_default();

    // One read gives the kind (to check each choice) and the label (for the history).
    let ids: Vec<i64> = before
        .by_kind()
        .iter()
        .chain(after.by_kind().iter())
        .filter_map(|(_, id)| *id)
        .collect();
    let known: HashMap<i64, (String, String)> = sqlx::query!(
        "select id, kind, code || ' - ' || description as \"label!\" from lookup_entries
         where tenant_id = $1 and company_id = $2 and id = any($3)",
        caller.tenant_id,
        caller.company_id,
        &ids,
    )
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(|r| (r.id, (r.kind, r.label)))
    .collect();
    for (kind, id) in after.by_kind() {
        if let Some(id) = id {
            if known.get(&id).map(|(k, _)| k.as_str()) != Some(kind.code()) {
                return Err(AppError::field(
                    form_field(kind),
                    "Escolha uma opção da lista.",
                ));
            }
        }
    }
    let label = |id: Option<i64>| {
        id.and_then(|id| known.get(&id))
            .map(|(_, l)| l.clone())
            .unwrap_or_default()
    };
    let found = profile_changes(&before, after, label);
    if found.is_empty() {
        return Ok(found);
    }
    sqlx::query!(
        "insert into customer_profiles (tenant_id, company_id, customer_id, customer_group_id,
                                        activity_branch_id, region_id, salesperson_id, category_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (tenant_id, company_id, customer_id) do update set
             customer_group_id = excluded.customer_group_id, activity_branch_id = excluded.activity_branch_id,
             region_id = excluded.region_id, salesperson_id = excluded.salesperson_id,
             category_id = excluded.category_id",
        caller.tenant_id,
        caller.company_id,
        customer_id,
        after.customer_group,
        after.activity_branch,
        after.region,
        after.salesperson,
        after.category,
    )
    .execute(&mut **tx)
    .await?;
    if salesperson_changed(&before, after) {
        sqlx::query!(
            "insert into salesperson_changes (tenant_id, company_id, customer_id, user_id, user_name,
                 old_salesperson_id, new_salesperson_id, old_salesperson, new_salesperson, notes)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            caller.tenant_id,
            caller.company_id,
            customer_id,
            caller.user_id,
            caller.user_name,
            before.salesperson,
            after.salesperson,
            label(before.salesperson),
            label(after.salesperson),
            salesperson_notes.trim(),
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(found)
}

pub async fn salesperson_history(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
) -> Result<Vec<SalespersonChangeView>, AppError> {
    let rows = sqlx::query!(
        "select changed_at, user_name, old_salesperson, new_salesperson, notes from salesperson_changes
         where tenant_id = $1 and company_id = $2 and customer_id = $3
         order by changed_at desc, id desc",
        caller.tenant_id,
        caller.company_id,
        customer_id,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| SalespersonChangeView {
            changed_at: date_time(r.changed_at),
            user_name: r.user_name,
            old_salesperson: r.old_salesperson,
            new_salesperson: r.new_salesperson,
            notes: r.notes,
        })
        .collect())
}
