//! SQL of the auxiliary tables. Rows belong to a company; "copy to all companies" writes the
//! same code into every company the user may act in, in one statement (R-COMPANY-2, R-PERM-2).

use rules::lookup::{lookup_changes, validate_lookup_with, LookupInput, LookupState};
use rules::sales::table_terms::{terms_changes, Terms, TermsInput};
use rules::table_kind::TableKind;
use sqlx::{PgPool, Postgres, Transaction};

use super::lookup_deletion;
use super::lookup_usage;
use super::table_terms_store;

use super::auth::Caller;
use crate::error::{AppError, FieldMessage};
use crate::lookups::LookupRow;

pub async fn list(
    pool: &PgPool,
    caller: &Caller,
    kind: TableKind,
) -> Result<Vec<LookupRow>, AppError> {
    // How many customers of the company point to each row: their profile for the five profile
    // tables, their sales defaults for a commercial one.
    let usage = lookup_usage::usage_sql(kind);
    let rows: Vec<(i64, String, String, bool, i64, i32)> = sqlx::query_as(&format!(
        "with usage as ({usage})
         select e.id, e.code, e.description, e.active, coalesce(u.n, 0), e.version
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
    let mut terms = match kind.terms() {
        Some(terms_kind) => {
            let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
            table_terms_store::load(pool, caller.tenant_id, terms_kind, &ids).await?
        }
        None => Default::default(),
    };
    Ok(rows
        .into_iter()
        .map(
            |(id, code, description, active, customers, version)| LookupRow {
                id,
                code,
                description,
                active,
                customers,
                version,
                terms: terms.remove(&id),
            },
        )
        .collect())
}

/// What the table's form sends for one row.
pub struct RowInput<'a> {
    /// `None` creates the row.
    pub id: Option<i64>,
    /// The version the row was opened at; required to alter one.
    pub version: Option<i32>,
    pub input: &'a LookupInput,
    /// A price list's or a payment plan's terms.
    pub terms: Option<&'a TermsInput>,
    pub active: bool,
    pub copy_to_all: bool,
}

/// Creates (`id` None) or alters a row; with `copy_to_all`, the same code is created or
/// updated in every other company the user may act in (R-COMPANY-2, R-PERM-2). Every row
/// written records its changes (who, when, field, old, new).
pub async fn save(
    pool: &PgPool,
    caller: &Caller,
    kind: TableKind,
    row: RowInput<'_>,
) -> Result<(), AppError> {
    let RowInput {
        id,
        version,
        input,
        terms,
        active,
        copy_to_all,
    } = row;
    let (valid, after_terms) = check(kind, input, terms)?;
    let after = RowState {
        lookup: LookupState {
            description: valid.description.clone(),
            active,
        },
        terms: after_terms,
    };
    let taken = || {
        AppError::field(
            "code",
            format!("O código {} já existe nesta empresa.", valid.code),
        )
    };
    let mut tx = pool.begin().await?;
    if let (TableKind::Ledger(_), Some(terms)) = (kind, &after.terms) {
        super::ledger_chart_store::check_link(&mut tx, caller, terms).await?;
    }
    let before: Option<RowState> = match id {
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
            let created = created.ok_or_else(taken)?;
            write_terms(&mut tx, caller, kind, &[created], &after).await?;
            None
        }
        Some(id) => {
            // The code identifies a row across companies, so it is kept when altering.
            let opened = version.ok_or_else(|| {
                AppError::BadRequest("falta a versão do registro alterado".to_string())
            })?;
            let row: Option<(String, bool, i32)> = sqlx::query_as(
                "select description, active, version from lookup_entries
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
            let (description, was_active, current) = row.ok_or(AppError::NotFound)?;
            if current != opened {
                return Err(AppError::Conflict(format!(
                    "{} foi alterado por outro usuário depois que você o abriu; nada foi gravado. Recarregue a página para ver a versão atual.",
                    valid.code
                )));
            }
            sqlx::query(
                "update lookup_entries set description = $3, active = $4, version = version + 1
                 where tenant_id = $1 and id = $2",
            )
            .bind(caller.tenant_id)
            .bind(id)
            .bind(&valid.description)
            .bind(active)
            .execute(&mut *tx)
            .await?;
            let terms = terms_of(&mut tx, caller, kind, &[id]).await?.remove(&id);
            write_terms(&mut tx, caller, kind, &[id], &after).await?;
            Some(RowState {
                lookup: LookupState {
                    description,
                    active: was_active,
                },
                terms,
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

/// A row as its history compares it: code and description, and the terms of a price list or
/// a payment plan.
#[derive(Clone)]
struct RowState {
    lookup: LookupState,
    terms: Option<Terms>,
}

type RowChange = (i64, Option<RowState>, Option<RowState>);

/// The row and, for a price list or a payment plan, its terms, checked together so every
/// wrong field is named at once.
fn check(
    kind: TableKind,
    input: &LookupInput,
    terms: Option<&TermsInput>,
) -> Result<(rules::lookup::ValidLookup, Option<Terms>), AppError> {
    let mut errors: Vec<FieldMessage> = Vec::new();
    let valid = validate_lookup_with(input, |typed| rules::lookup::read_code(kind, typed));
    let valid = valid.map_err(|found| {
        errors.extend(found.into_iter().map(|(field, message)| FieldMessage {
            field: field.to_string(),
            message,
        }))
    });
    let terms = match kind.terms() {
        Some(terms_kind) => terms
            .cloned()
            .unwrap_or_default()
            .parse(terms_kind)
            .map(Some)
            .map_err(|found| {
                errors.extend(found.into_iter().map(|e| FieldMessage {
                    field: format!("terms[{}]", e.field),
                    message: e.message,
                }))
            }),
        None => Ok(None),
    };
    match (valid, terms) {
        (Ok(valid), Ok(terms)) if errors.is_empty() => Ok((valid, terms)),
        _ => Err(AppError::Invalid(errors)),
    }
}

async fn terms_of(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    kind: TableKind,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, Terms>, sqlx::Error> {
    match kind.terms() {
        Some(terms_kind) => {
            table_terms_store::load(&mut **tx, caller.tenant_id, terms_kind, ids).await
        }
        None => Ok(Default::default()),
    }
}

async fn write_terms(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    kind: TableKind,
    ids: &[i64],
    after: &RowState,
) -> Result<(), sqlx::Error> {
    match (kind.terms(), &after.terms) {
        (Some(terms_kind), Some(terms)) => {
            table_terms_store::write(tx, caller.tenant_id, terms_kind, ids, terms).await
        }
        _ => Ok(()),
    }
}

/// Writes the row into the user's other companies in one statement; answers each company's
/// state before and after.
async fn copy_to_users_companies(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    kind: TableKind,
    code: &str,
    after: &RowState,
) -> Result<Vec<RowChange>, AppError> {
    let companies: Vec<i64> = sqlx::query_scalar(
        "select company_id from user_companies
         where tenant_id = $1 and user_id = $2 and company_id <> $3 order by company_id",
    )
    .bind(caller.tenant_id)
    .bind(caller.user_id)
    .bind(caller.company_id)
    .fetch_all(&mut **tx)
    .await?;
    if let (TableKind::Ledger(_), Some(terms)) = (kind, &after.terms) {
        super::ledger_chart_store::check_link_in(tx, caller, terms, &companies).await?;
    }
    let existing: Vec<(i64, i64, String, bool)> = sqlx::query_as(
        "select company_id, id, description, active from lookup_entries
         where tenant_id = $1 and company_id = any($2) and kind = $3 and code = $4
         order by company_id for update",
    )
    .bind(caller.tenant_id)
    .bind(&companies)
    .bind(kind.code())
    .bind(code)
    .fetch_all(&mut **tx)
    .await?;
    let existing_ids: Vec<i64> = existing.iter().map(|row| row.1).collect();
    let mut existing_terms = terms_of(tx, caller, kind, &existing_ids).await?;
    let written: Vec<i64> = sqlx::query_scalar(
        "insert into lookup_entries (tenant_id, company_id, kind, code, description, active)
         select $1, company, $3, $4, $5, $6 from unnest($2::bigint[]) as company
         on conflict (tenant_id, company_id, kind, code)
         do update set description = excluded.description, active = excluded.active,
                       version = lookup_entries.version + 1
         returning id",
    )
    .bind(caller.tenant_id)
    .bind(&companies)
    .bind(kind.code())
    .bind(code)
    .bind(&after.lookup.description)
    .bind(after.lookup.active)
    .fetch_all(&mut **tx)
    .await?;
    write_terms(tx, caller, kind, &written, after).await?;
    Ok(companies
        .into_iter()
        .map(|company| {
            let before =
                existing
                    .iter()
                    .find(|row| row.0 == company)
                    .map(|(_, id, description, active)| RowState {
                        lookup: LookupState {
                            description: description.clone(),
                            active: *active,
                        },
                        terms: existing_terms.remove(id),
                    });
            (company, before, Some(after.clone()))
        })
        .collect())
}

/// Records a row the system created (a customer's doubtful-debt account) in its table's
/// history, as a row included by hand is.
pub(crate) async fn record_created(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    kind: TableKind,
    code: &str,
    description: &str,
    terms: Terms,
) -> Result<(), sqlx::Error> {
    let after = RowState {
        lookup: LookupState {
            description: description.to_string(),
            active: true,
        },
        terms: Some(terms),
    };
    record(
        tx,
        caller,
        kind,
        code,
        &[(caller.company_id, None, Some(after))],
    )
    .await
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
    let linked = kind.terms();
    for (company, before, after) in changed {
        let lookup = |state: &Option<RowState>| state.as_ref().map(|s| s.lookup.clone());
        let terms = |state: &Option<RowState>| state.as_ref().and_then(|s| s.terms.clone());
        let mut lines = lookup_changes(code, lookup(before).as_ref(), lookup(after).as_ref());
        if let Some(linked) = linked {
            // A deleted row's terms go with it; the "Exclusão" line says so.
            if after.is_some() {
                lines.extend(terms_changes(
                    linked,
                    terms(before).as_ref(),
                    terms(after).as_ref(),
                ));
            }
        }
        for (field, old, new) in lines {
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
    if let Some(refusal) = lookup_deletion::refusal(&mut tx, caller, kind, id).await? {
        return Err(AppError::Conflict(refusal));
    }
    sqlx::query("delete from lookup_entries where tenant_id = $1 and id = $2")
        .bind(caller.tenant_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let before = RowState {
        lookup: LookupState {
            description,
            active,
        },
        terms: None,
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
