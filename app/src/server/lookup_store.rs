//! SQL of the auxiliary tables. Rows belong to a company; "copy to all companies" writes the
//! same code into every company the user may act in, in one statement (R-COMPANY-2, R-PERM-2).

use rules::lookup::{
    batch_refusal, deletion_refusal, lookup_changes, validate_lookup, LookupInput, LookupState,
};
use rules::table_kind::TableKind;
use sqlx::{PgPool, Postgres, Transaction};

use super::auth::Caller;
use crate::error::{AppError, FieldMessage};
use crate::lookups::{LookupChangeView, LookupRow};

pub async fn list(
    pool: &PgPool,
    caller: &Caller,
    kind: TableKind,
) -> Result<Vec<LookupRow>, AppError> {
    // How many customers of the company point to each row: their profile for the five profile
    // tables, their sales defaults for a commercial one.
    let usage = match kind {
        TableKind::Profile(_) => "select v.ref, count(*) as n
               from customer_profiles p,
                    lateral (values (p.customer_group_id), (p.activity_branch_id), (p.region_id),
                                    (p.salesperson_id), (p.category_id)) as v(ref)
               where p.tenant_id = $1 and p.company_id = $2 and v.ref is not null
               group by v.ref"
            .to_string(),
        TableKind::Commercial(table) => format!(
            "select d.{column} as ref, count(*) as n from customer_sales_defaults d
             where d.tenant_id = $1 and d.company_id = $2 and d.{column} is not null
             group by d.{column}",
            column = table.column()
        ),
    };
    let rows: Vec<(i64, String, String, bool, i64)> = sqlx::query_as(&format!(
        "with usage as ({usage})
         select e.id, e.code, e.description, e.active, coalesce(u.n, 0)
         from lookup_entries e
         left join usage u on u.ref = e.id
         where e.tenant_id = $1 and e.company_id = $2 and e.kind = $3
         order by e.code"
    ))
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(kind.code())
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, code, description, active, customers)| LookupRow {
            id,
            code,
            description,
            active,
            customers,
        })
        .collect())
}

/// Creates (`id` None) or alters a row; with `copy_to_all`, the same code is created or
/// updated in every other company the user may act in (R-COMPANY-2, R-PERM-2). Every row
/// written records its changes (who, when, field, old, new).
pub async fn save(
    pool: &PgPool,
    caller: &Caller,
    kind: TableKind,
    id: Option<i64>,
    input: &LookupInput,
    active: bool,
    copy_to_all: bool,
) -> Result<(), AppError> {
    let valid = validate_lookup(input).map_err(|errors| {
        AppError::Invalid(
            errors
                .into_iter()
                .map(|(field, message)| FieldMessage {
                    field: field.to_string(),
                    message,
                })
                .collect(),
        )
    })?;
    let after = LookupState {
        description: valid.description.clone(),
        active,
    };
    let taken = || {
        AppError::field(
            "code",
            format!("O código {} já existe nesta empresa.", valid.code),
        )
    };
    let mut tx = pool.begin().await?;
    let before: Option<LookupState> = match id {
        None => {
            // No upsert here: of two people creating the same code at once, the second is
            // told, not silently written over.
            let created: Option<i64> = sqlx::query_scalar(
                "insert into lookup_entries (tenant_id, company_id, kind, code, description, active)
                 values ($1, $2, $3, $4, $5, $6)
                 on conflict (tenant_id, company_id, kind, code) do nothing returning id",
            )
            .bind(caller.tenant_id)
            .bind(caller.company_id)
            .bind(kind.code())
            .bind(&valid.code)
            .bind(&valid.description)
            .bind(active)
            .fetch_optional(&mut *tx)
            .await?;
            created.ok_or_else(taken)?;
            None
        }
        Some(id) => {
            // The code identifies a row across companies, so it is kept when altering.
            let row: Option<(String, bool)> = sqlx::query_as(
                "select description, active from lookup_entries
                 where tenant_id = $1 and company_id = $2 and kind = $3 and id = $4 and code = $5
                 for update",
            )
            .bind(caller.tenant_id)
            .bind(caller.company_id)
            .bind(kind.code())
            .bind(id)
            .bind(&valid.code)
            .fetch_optional(&mut *tx)
            .await?;
            let (description, was_active) = row.ok_or(AppError::NotFound)?;
            sqlx::query(
                "update lookup_entries set description = $3, active = $4
                 where tenant_id = $1 and id = $2",
            )
            .bind(caller.tenant_id)
            .bind(id)
            .bind(&valid.description)
            .bind(active)
            .execute(&mut *tx)
            .await?;
            Some(LookupState {
                description,
                active: was_active,
            })
        }
    };
    let mut changed = vec![(caller.company_id, before, Some(after.clone()))];
    if copy_to_all {
        changed.extend(copy_to_users_companies(&mut tx, caller, kind, &valid.code, &after).await?);
    }
    record(&mut tx, caller, kind, &valid.code, &changed).await?;
    tx.commit().await?;
    Ok(())
}

type RowChange = (i64, Option<LookupState>, Option<LookupState>);

/// Writes the row into the user's other companies in one statement; answers each company's
/// state before and after.
async fn copy_to_users_companies(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    kind: TableKind,
    code: &str,
    after: &LookupState,
) -> Result<Vec<RowChange>, sqlx::Error> {
    let companies: Vec<i64> = sqlx::query_scalar(
        "select company_id from user_companies
         where tenant_id = $1 and user_id = $2 and company_id <> $3 order by company_id",
    )
    .bind(caller.tenant_id)
    .bind(caller.user_id)
    .bind(caller.company_id)
    .fetch_all(&mut **tx)
    .await?;
    let existing: Vec<(i64, String, bool)> = sqlx::query_as(
        "select company_id, description, active from lookup_entries
         where tenant_id = $1 and company_id = any($2) and kind = $3 and code = $4
         order by company_id for update",
    )
    .bind(caller.tenant_id)
    .bind(&companies)
    .bind(kind.code())
    .bind(code)
    .fetch_all(&mut **tx)
    .await?;
    sqlx::query(
        "insert into lookup_entries (tenant_id, company_id, kind, code, description, active)
         select $1, company, $3, $4, $5, $6 from unnest($2::bigint[]) as company
         on conflict (tenant_id, company_id, kind, code)
         do update set description = excluded.description, active = excluded.active",
    )
    .bind(caller.tenant_id)
    .bind(&companies)
    .bind(kind.code())
    .bind(code)
    .bind(&after.description)
    .bind(after.active)
    .execute(&mut **tx)
    .await?;
    Ok(companies
        .into_iter()
        .map(|company| {
            let before =
                existing
                    .iter()
                    .find(|(c, _, _)| *c == company)
                    .map(|(_, description, active)| LookupState {
                        description: description.clone(),
                        active: *active,
                    });
            (company, before, Some(after.clone()))
        })
        .collect())
}

/// The history rows of every company's row that changed, in one statement.
async fn record(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    kind: TableKind,
    code: &str,
    changed: &[RowChange],
) -> Result<(), sqlx::Error> {
    let (mut companies, mut fields, mut olds, mut news) = (vec![], vec![], vec![], vec![]);
    for (company, before, after) in changed {
        for (field, old, new) in lookup_changes(code, before.as_ref(), after.as_ref()) {
            companies.push(*company);
            fields.push(field.to_string());
            olds.push(old);
            news.push(new);
        }
    }
    sqlx::query(
        "insert into lookup_changes (tenant_id, company_id, kind, code, user_id, user_name, field,
                                     old_value, new_value)
         select $1, company, $2, $3, $4, $5, field, old, new
         from unnest($6::bigint[], $7::text[], $8::text[], $9::text[]) as t (company, field, old, new)",
    )
    .bind(caller.tenant_id)
    .bind(kind.code())
    .bind(code)
    .bind(caller.user_id)
    .bind(&caller.user_name)
    .bind(&companies)
    .bind(&fields)
    .bind(&olds)
    .bind(&news)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn delete(
    pool: &PgPool,
    caller: &Caller,
    kind: TableKind,
    id: i64,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let found: Option<(String, String, bool)> = sqlx::query_as(
        "select code, description, active from lookup_entries
         where tenant_id = $1 and company_id = $2 and kind = $3 and id = $4 for update",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(kind.code())
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let (code, description, active) = found.ok_or(AppError::NotFound)?;
    let using_sql = match kind {
        TableKind::Profile(_) => "select count(*) from customer_profiles
             where tenant_id = $1 and $2 in (customer_group_id, activity_branch_id, region_id, salesperson_id, category_id)"
            .to_string(),
        TableKind::Commercial(table) => format!(
            "select (select count(*) from customer_sales_defaults where tenant_id = $1 and {column} = $2)
                  + (select count(*) from company_sales_settings
                     where tenant_id = $1 and $2 in (billing_type_id, currency_id, bearer_id))",
            column = table.column()
        ),
    };
    let using: i64 = sqlx::query_scalar(&using_sql)
        .bind(caller.tenant_id)
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    if let Some(message) = deletion_refusal(using) {
        return Err(AppError::Conflict(message));
    }
    let batch: Option<i64> = sqlx::query_scalar(
        "select min(batch_id) from bulk_batch_entries where tenant_id = $1 and entry_id = $2",
    )
    .bind(caller.tenant_id)
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    if let Some(batch) = batch {
        return Err(AppError::Conflict(batch_refusal(batch)));
    }
    sqlx::query("delete from lookup_entries where tenant_id = $1 and id = $2")
        .bind(caller.tenant_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let before = LookupState {
        description,
        active,
    };
    record(
        &mut tx,
        caller,
        kind,
        &code,
        &[(caller.company_id, Some(before), None)],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The table's recent changes in the caller's company, newest first.
pub async fn history(
    pool: &PgPool,
    caller: &Caller,
    kind: TableKind,
) -> Result<Vec<LookupChangeView>, AppError> {
    let rows: Vec<(
        chrono::DateTime<chrono::Utc>,
        String,
        String,
        String,
        String,
        String,
    )> = sqlx::query_as(
        "select changed_at, user_name, code, field, old_value, new_value from lookup_changes
             where tenant_id = $1 and company_id = $2 and kind = $3
             order by changed_at desc, id desc limit 100",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(kind.code())
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(changed_at, user_name, code, field, old_value, new_value)| LookupChangeView {
                changed_at: super::brasilia_time::date_time(changed_at),
                user_name,
                code,
                field,
                old_value,
                new_value,
            },
        )
        .collect())
}
