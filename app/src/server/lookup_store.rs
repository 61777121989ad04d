//! SQL of the auxiliary tables. Rows belong to a company; "copy to all companies" writes the
//! same code into every company of the tenant in one statement (R-COMPANY-2).

use rules::lookup::{deletion_refusal, validate_lookup, LookupInput, LookupKind};
use sqlx::PgPool;

use super::auth::Caller;
use crate::error::{AppError, FieldMessage};
use crate::lookups::LookupRow;

pub async fn list(
    pool: &PgPool,
    caller: &Caller,
    kind: LookupKind,
) -> Result<Vec<LookupRow>, AppError> {
    Ok(sqlx::query_as!(
        LookupRow,
        r#"with usage as (
               select v.ref, count(*) as n
               from customer_profiles p,
                    lateral (values (p.customer_group_id), (p.activity_branch_id), (p.region_id),
                                    (p.salesperson_id), (p.category_id)) as v(ref)
               where p.tenant_id = $1 and p.company_id = $2 and v.ref is not null
               group by v.ref)
           select e.id, e.code, e.description, e.active, coalesce(u.n, 0) as "customers!"
           from lookup_entries e
           left join usage u on u.ref = e.id
           where e.tenant_id = $1 and e.company_id = $2 and e.kind = $3
           order by e.code"#,
        caller.tenant_id,
        caller.company_id,
        kind.code(),
    )
    .fetch_all(pool)
    .await?)
}

/// Creates (`id` None) or alters a row; with `copy_to_all`, the same code is created or
/// updated in every company of the tenant.
pub async fn save(
    pool: &PgPool,
    caller: &Caller,
    kind: LookupKind,
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
    let mut tx = pool.begin().await?;
    let existing = sqlx::query!(
        "select id, code from lookup_entries
         where tenant_id = $1 and company_id = $2 and kind = $3 and (id = $4 or code = $5)
         for update",
        caller.tenant_id,
        caller.company_id,
        kind.code(),
        id.unwrap_or(0),
        valid.code,
    )
    .fetch_all(&mut *tx)
    .await?;
    match id {
        None if !existing.is_empty() => {
            return Err(AppError::field(
                "code",
                format!("O código {} já existe nesta empresa.", valid.code),
            ));
        }
        // The code identifies a row across companies, so it is kept when altering.
        Some(id)
            if !existing
                .iter()
                .any(|row| row.id == id && row.code == valid.code) =>
        {
            return Err(AppError::NotFound);
        }
        _ => {}
    }
    sqlx::query!(
        "insert into lookup_entries (tenant_id, company_id, kind, code, description, active)
         select $1, c.id, $3, $4, $5, $6 from companies c
         where c.tenant_id = $1 and ($7 or c.id = $2)
         on conflict (tenant_id, company_id, kind, code)
         do update set description = excluded.description, active = excluded.active",
        caller.tenant_id,
        caller.company_id,
        kind.code(),
        valid.code,
        valid.description,
        active,
        copy_to_all,
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete(
    pool: &PgPool,
    caller: &Caller,
    kind: LookupKind,
    id: i64,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let found = sqlx::query_scalar!(
        "select id from lookup_entries where tenant_id = $1 and company_id = $2 and kind = $3 and id = $4 for update",
        caller.tenant_id,
        caller.company_id,
        kind.code(),
        id,
    )
    .fetch_optional(&mut *tx)
    .await?;
    if found.is_none() {
        return Err(AppError::NotFound);
    }
    let using = sqlx::query_scalar!(
        r#"select count(*) as "n!" from customer_profiles
           where tenant_id = $1 and $2 in (customer_group_id, activity_branch_id, region_id, salesperson_id, category_id)"#,
        caller.tenant_id,
        id,
    )
    .fetch_one(&mut *tx)
    .await?;
    if let Some(message) = deletion_refusal(using) {
        return Err(AppError::Conflict(message));
    }
    sqlx::query!(
        "delete from lookup_entries where tenant_id = $1 and id = $2",
        caller.tenant_id,
        id
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
