//! The commercial tables a customer's sales defaults (and a company's) point to: the choices of
//! each in the caller's company, the check that a chosen entry is one of them, and the labels
//! the history shows.

use std::collections::HashMap;

use rules::sales::defaults::{table_field, CommercialRefs};
use rules::table_kind::CommercialKind;
use sqlx::PgExecutor;

use crate::customers::record_types::OptionItem;
use crate::customers::sales_types::TableChoices;
use crate::error::AppError;

/// Every entry of the commercial tables in the company, by table, for the selects.
pub async fn choices(
    executor: impl PgExecutor<'_>,
    tenant_id: i64,
    company_id: i64,
) -> Result<Vec<TableChoices>, AppError> {
    let codes: Vec<&str> = CommercialKind::ALL.iter().map(|k| k.code()).collect();
    let rows: Vec<(i64, String, String, String, bool)> = sqlx::query_as(
        "select id, kind, code, description, active from lookup_entries
         where tenant_id = $1 and company_id = $2 and kind = any($3) order by kind, code",
    )
    .bind(tenant_id)
    .bind(company_id)
    .bind(&codes)
    .fetch_all(executor)
    .await?;
    Ok(CommercialKind::ALL
        .into_iter()
        .map(|kind| TableChoices {
            kind: kind.code().to_string(),
            label: kind.field_name().to_string(),
            options: rows
                .iter()
                .filter(|r| r.1 == kind.code())
                .map(|(id, _, code, description, active)| OptionItem {
                    id: *id,
                    code: code.clone(),
                    label: format!(
                        "{code} - {description}{}",
                        if *active { "" } else { " (inativo)" }
                    ),
                })
                .collect(),
        })
        .collect())
}

/// "BOL - Boleto bancário" for each entry any of `refs` points to, checking on the way that
/// each of `chosen`'s entries belongs to the company and to its own table.
pub async fn labels_checked(
    executor: impl PgExecutor<'_>,
    tenant_id: i64,
    company_id: i64,
    refs: &[&CommercialRefs],
    chosen: &CommercialRefs,
) -> Result<HashMap<i64, String>, AppError> {
    let ids: Vec<i64> = refs
        .iter()
        .flat_map(|r| r.by_kind().filter_map(|(_, id)| id))
        .collect();
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "select id, kind, code || ' - ' || description from lookup_entries
         where tenant_id = $1 and company_id = $2 and id = any($3)",
    )
    .bind(tenant_id)
    .bind(company_id)
    .bind(&ids)
    .fetch_all(executor)
    .await?;
    for (kind, id) in chosen.by_kind() {
        if let Some(id) = id {
            if !rows
                .iter()
                .any(|(found, k, _)| *found == id && k == kind.code())
            {
                return Err(AppError::field(
                    table_field(kind),
                    "Escolha uma opção da lista.",
                ));
            }
        }
    }
    Ok(rows.into_iter().map(|(id, _, label)| (id, label)).collect())
}
