//! Reading and writing the customer record. Writes go through one transaction that locks the
//! row, checks its version, stores the record and its audit rows together.

use chrono::{DateTime, Utc};
use rules::customer::{
    changes, stored_audited_fields, validate, CustomerInput, FieldChange, ValidCustomer,
};
use rules::profile::{ProfileInput, ProfileRefs};
use sqlx::{PgPool, Postgres, Transaction};

use super::auth::Caller;
use super::brasilia_time::{date_time, hour_minute};
use crate::customers::record_types::CustomerRecord;
use crate::error::{AppError, FieldMessage};

struct StoredRow {
    id: i64,
    version: i32,
    code: i64,
    kind: String,
    document: String,
    state_registration: Option<String>,
    legal_name: String,
    trade_name: String,
    status: String,
    email: Option<String>,
    phone: Option<String>,
    valid_until: Option<String>,
    monthly_income: Option<rust_decimal::Decimal>,
    updated_at: DateTime<Utc>,
    updated_by_name: Option<String>,
}

impl StoredRow {
    fn input(&self) -> CustomerInput {
        CustomerInput {
            code: self.code.to_string(),
            kind: self.kind.clone(),
            document: self.document.clone(),
            state_registration: self.state_registration.clone().unwrap_or_default(),
            legal_name: self.legal_name.clone(),
            trade_name: self.trade_name.clone(),
            status: self.status.clone(),
            email: self.email.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            valid_until: self.valid_until.clone().unwrap_or_default(),
            monthly_income: self
                .monthly_income
                .map(rules::money::format_plain)
                .unwrap_or_default(),
        }
    }
}

async fn fetch(
    tx: &mut Transaction<'_, Postgres>,
    tenant_id: i64,
    id: i64,
    lock: bool,
) -> Result<Option<StoredRow>, sqlx::Error> {
    // Two statements rather than a dynamic one: the lock is what differs.
    if lock {
        sqlx::query_as!(
            StoredRow,
            r#"select id, version, code, kind, document, state_registration, legal_name, trade_name, status,
                      email, phone, to_char(valid_until, 'YYYY-MM-DD') as valid_until, monthly_income, updated_at, updated_by_name
               from customers where tenant_id = $1 and id = $2 for update"#,
            tenant_id,
            id
        )
        .fetch_optional(&mut **tx)
        .await
    } else {
        sqlx::query_as!(
            StoredRow,
            r#"select id, version, code, kind, document, state_registration, legal_name, trade_name, status,
                      email, phone, to_char(valid_until, 'YYYY-MM-DD') as valid_until, monthly_income, updated_at, updated_by_name
               from customers where tenant_id = $1 and id = $2"#,
            tenant_id,
            id
        )
        .fetch_optional(&mut **tx)
        .await
    }
}

pub async fn load(
    pool: &PgPool,
    caller: &Caller,
    id: i64,
) -> Result<Option<CustomerRecord>, AppError> {
    let mut tx = pool.begin().await?;
    let row = fetch(&mut tx, caller.tenant_id, id, false).await?;
    let uf = main_address_state(&mut tx, caller.tenant_id, id).await?;
    tx.commit().await?;
    let profile = super::profile_store::load_refs(pool, caller, id).await?;
    Ok(row.map(|row| CustomerRecord {
        profile,
        id: row.id,
        version: row.version,
        state_registration_warning: rules::customer::state_registration_warning(
            uf.as_deref(),
            row.input().state_registration.as_str(),
        ),
        input: shown(row.input(), uf.as_deref()),
        last_saved: row
            .updated_by_name
            .clone()
            .map(|name| format!("{name} em {}", date_time(row.updated_at))),
    }))
}

/// The record as the form shows it: the IE with its state's punctuation (`251.040.852` in SC),
/// as on the registration paper; the save takes it back to digits.
fn shown(mut input: CustomerInput, uf: Option<&str>) -> CustomerInput {
    if let Some(uf) = uf {
        input.state_registration = rules::state_registration::format(uf, &input.state_registration);
    }
    input
}

/// The customer with this code in the caller's tenant: codes are unique per tenant
/// (`customers_code_key`), and they are what the record's URL carries (issue 10, item 13).
pub async fn id_by_code(pool: &PgPool, tenant_id: i64, code: i64) -> Result<Option<i64>, AppError> {
    Ok(
        sqlx::query_scalar::<_, i64>("select id from customers where tenant_id = $1 and code = $2")
            .bind(tenant_id)
            .bind(code)
            .fetch_optional(pool)
            .await?,
    )
}

pub async fn next_code(pool: &PgPool, tenant_id: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select coalesce(max(code), 0) + 1 as "next!" from customers where tenant_id = $1"#,
        tenant_id
    )
    .fetch_one(pool)
    .await?)
}

/// Unique violations become messages beside the field, naming who already has the value. The
/// database names one violated key; both the code and the CPF/CNPJ are looked up, so a form
/// with both in use hears of both at once. `own_id` is the customer being edited.
async fn explain_conflict(
    pool: &PgPool,
    tenant_id: i64,
    own_id: Option<i64>,
    valid: &ValidCustomer,
    error: sqlx::Error,
) -> AppError {
    let constraint = match &error {
        sqlx::Error::Database(db) => db.constraint().map(str::to_string),
        _ => None,
    };
    if !matches!(
        constraint.as_deref(),
        Some("customers_document_key" | "customers_code_key")
    ) {
        return error.into();
    }
    let holders = sqlx::query!(
        r#"select code, legal_name, code = $2 as "same_code!", document = $3 as "same_document!"
           from customers
           where tenant_id = $1 and (code = $2 or document = $3) and id is distinct from $4"#,
        tenant_id,
        valid.code,
        valid.document,
        own_id
    )
    .fetch_all(pool)
    .await
    .unwrap_or_default();
    let mut messages = Vec::new();
    if constraint.as_deref() == Some("customers_code_key") || holders.iter().any(|h| h.same_code) {
        messages.push(FieldMessage {
            field: "code".to_string(),
            message: format!("O código {} já está em uso.", valid.code),
        });
    }
    if constraint.as_deref() == Some("customers_document_key")
        || holders.iter().any(|h| h.same_document)
    {
        let who = holders
            .iter()
            .find(|h| h.same_document)
            .map(|h| format!("{} - {}", h.code, h.legal_name))
            .unwrap_or_else(|| "outro cliente".to_string());
        messages.push(FieldMessage {
            field: "document".to_string(),
            // "… S.A." ends its own sentence: no second period.
            message: format!(
                "CPF/CNPJ já cadastrado no cliente {who}{}",
                if who.ends_with('.') { "" } else { "." }
            ),
        });
    }
    AppError::Invalid(messages)
}

pub(crate) async fn record_changes(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    customer_id: i64,
    found: &[FieldChange],
) -> Result<(), sqlx::Error> {
    let fields: Vec<String> = found.iter().map(|c| c.field.clone()).collect();
    let olds: Vec<String> = found.iter().map(|c| c.old_value.clone()).collect();
    let news: Vec<String> = found.iter().map(|c| c.new_value.clone()).collect();
    let scoped: Vec<bool> = found
        .iter()
        .map(|c| rules::profile::is_company_field(&c.field))
        .collect();
    sqlx::query(
        "insert into customer_changes (tenant_id, customer_id, company_id, user_id, user_name, field,
                                       old_value, new_value, company_scoped)
         select $1, $2, $3, $4, $5, * from unnest($6::text[], $7::text[], $8::text[], $9::bool[])",
    )
    .bind(caller.tenant_id)
    .bind(customer_id)
    .bind(caller.company_id)
    .bind(caller.user_id)
    .bind(&caller.user_name)
    .bind(&fields)
    .bind(&olds)
    .bind(&news)
    .bind(&scoped)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The profile part of a save: `None` leaves the profile as it is.
pub struct ProfileEdit {
    pub refs: ProfileRefs,
    pub salesperson_notes: String,
}

pub fn profile_edit(
    input: Option<&ProfileInput>,
    notes: Option<String>,
) -> Result<Option<ProfileEdit>, AppError> {
    let refs = input
        .map(|p| {
            p.parse()
                .map_err(|(field, message)| AppError::field(field, message))
        })
        .transpose()?;
    Ok(refs.map(|refs| ProfileEdit {
        refs,
        salesperson_notes: notes.unwrap_or_default(),
    }))
}

pub async fn create(
    pool: &PgPool,
    caller: &Caller,
    input: &CustomerInput,
    profile: Option<ProfileEdit>,
) -> Result<i64, AppError> {
    let valid = validate(input).map_err(AppError::invalid)?;
    let mut tx = pool.begin().await?;
    let inserted = sqlx::query_scalar!(
        "insert into customers (tenant_id, code, kind, document, state_registration, legal_name, trade_name,
                                status, email, phone, valid_until, search_name, updated_by_name, monthly_income)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::date, $12, $13, $14)
         returning id",
        caller.tenant_id,
        valid.code,
        valid.kind.code(),
        valid.document,
        valid.state_registration,
        valid.legal_name,
        valid.trade_name,
        valid.status.code(),
        valid.email,
        valid.phone,
        valid.valid_until,
        rules::customer_search::search_name(&valid.legal_name, &valid.trade_name),
        caller.user_name,
        valid.monthly_income,
    )
    .fetch_one(&mut *tx)
    .await;
    let id = match inserted {
        Ok(id) => id,
        Err(error) => {
            return Err(explain_conflict(pool, caller.tenant_id, None, &valid, error).await)
        }
    };
    let mut created: Vec<FieldChange> = valid
        .audited_fields()
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(field, value)| FieldChange {
            field: field.to_string(),
            old_value: String::new(),
            new_value: value,
        })
        .collect();
    if let Some(profile) = profile {
        created.extend(
            super::profile_store::save(
                &mut tx,
                caller,
                id,
                &profile.refs,
                &profile.salesperson_notes,
            )
            .await?,
        );
    }
    super::sales_defaults_store::create_for_new_customer(&mut tx, caller, id).await?;
    super::ledger_store::create_for_new_customer(&mut tx, caller, id, valid.code).await?;
    // Identity and profile changes in one statement.
    record_changes(&mut tx, caller, id, &created).await?;
    tx.commit().await?;
    Ok(id)
}

/// The state (UF) of the customer's main address, the one its city follows; `None` before
/// the first main address. A new customer has none, so its IE gets the generic check only.
async fn main_address_state(
    tx: &mut Transaction<'_, Postgres>,
    tenant_id: i64,
    customer_id: i64,
) -> Result<Option<String>, AppError> {
    let uf: Option<String> = sqlx::query_scalar(
        "select ci.state_code from customers c join cities ci on ci.id = c.city_id
         where c.tenant_id = $1 and c.id = $2",
    )
    .bind(tenant_id)
    .bind(customer_id)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(uf)
}

fn stale(row: &StoredRow) -> AppError {
    AppError::Conflict(format!(
        "Este cliente foi alterado por {} às {} depois que você o abriu; nada foi gravado.",
        row.updated_by_name
            .clone()
            .unwrap_or_else(|| "outro usuário".to_string()),
        hour_minute(row.updated_at)
    ))
}

pub async fn update(
    pool: &PgPool,
    caller: &Caller,
    id: i64,
    version: i32,
    input: &CustomerInput,
    profile: Option<ProfileEdit>,
) -> Result<(), AppError> {
    let mut valid = validate(input).map_err(AppError::invalid)?;
    let mut tx = pool.begin().await?;
    let row = fetch(&mut tx, caller.tenant_id, id, true)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.version != version {
        return Err(stale(&row));
    }
    let uf = main_address_state(&mut tx, caller.tenant_id, id).await?;
    valid.state_registration =
        rules::customer::state_registration_in(uf.as_deref(), valid.state_registration.take())
            .map_err(|error| AppError::invalid(vec![error]))?;
    // What the user sends is validated; the stored record is read as it is, so a legacy
    // record that fails today's rules can still be corrected, with its history.
    let mut found = changes(stored_audited_fields(&row.input()), &valid);
    let profile_changed = match &profile {
        Some(profile) => {
            super::profile_store::save(
                &mut tx,
                caller,
                id,
                &profile.refs,
                &profile.salesperson_notes,
            )
            .await?
        }
        None => Vec::new(),
    };
    found.extend(profile_changed);
    if found.is_empty() {
        return Ok(());
    }
    let updated = sqlx::query!(
        "update customers set code = $3, kind = $4, document = $5, state_registration = $6, legal_name = $7,
                trade_name = $8, status = $9, email = $10, phone = $11, valid_until = $12::text::date,
                search_name = $13, updated_by_name = $14, monthly_income = $15,
                version = version + 1, updated_at = now()
         where tenant_id = $1 and id = $2",
        caller.tenant_id,
        id,
        valid.code,
        valid.kind.code(),
        valid.document,
        valid.state_registration,
        valid.legal_name,
        valid.trade_name,
        valid.status.code(),
        valid.email,
        valid.phone,
        valid.valid_until,
        rules::customer_search::search_name(&valid.legal_name, &valid.trade_name),
        caller.user_name,
        valid.monthly_income,
    )
    .execute(&mut *tx)
    .await;
    if let Err(error) = updated {
        return Err(explain_conflict(pool, caller.tenant_id, Some(id), &valid, error).await);
    }
    record_changes(&mut tx, caller, id, &found).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete(pool: &PgPool, caller: &Caller, id: i64, version: i32) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let row = fetch(&mut tx, caller.tenant_id, id, true)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.version != version {
        return Err(stale(&row));
    }
    // Checked under the customer row's lock, which every financial writer takes first.
    let has_ledger: bool = sqlx::query_scalar(
        "select exists(select 1 from receivables where tenant_id = $1 and customer_id = $2)
             or exists(select 1 from customer_credits where tenant_id = $1 and customer_id = $2)",
    )
    .bind(caller.tenant_id)
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    if has_ledger {
        return Err(AppError::Conflict(
            "Este cliente tem títulos a receber ou créditos (adiantamentos, devoluções) e não \
             pode ser excluído: inative-o."
                .to_string(),
        ));
    }
    sqlx::query!(
        "delete from customers where tenant_id = $1 and id = $2",
        caller.tenant_id,
        id
    )
    .execute(&mut *tx)
    .await?;
    let removed = [FieldChange {
        field: "Exclusão".to_string(),
        old_value: format!("{} - {}", row.code, row.legal_name),
        new_value: String::new(),
    }];
    record_changes(&mut tx, caller, id, &removed).await?;
    tx.commit().await?;
    Ok(())
}
