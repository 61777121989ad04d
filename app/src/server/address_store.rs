//! Reading and writing customer addresses (R-CUST-5). Each write locks the customer row, so
//! two people adding the first delivery address at once cannot both make theirs preferred;
//! checks the address version (stale edits are refused); keeps one preferred address per
//! role; and audits the change in the customer's history in the same transaction.

use chrono::{DateTime, Utc};
use rules::address::{
    audit_text, cep_state_refusal, is_preferred, stored_audit_line, validate_address, AddressInput,
    AddressRole, ValidAddress,
};
use rules::customer::FieldChange;
use sqlx::{PgPool, Postgres, Transaction};

use super::auth::Caller;
use super::brasilia_time::hour_minute;
use super::customer_store::record_changes;
use crate::customers::address_types::AddressView;
use crate::error::{AppError, FieldMessage};

struct StoredAddress {
    id: i64,
    version: i32,
    role: String,
    preferred: bool,
    cep: String,
    street: String,
    number: String,
    complement: Option<String>,
    district: String,
    city: String,
    updated_at: DateTime<Utc>,
    updated_by_name: String,
}

impl StoredAddress {
    fn input(&self) -> AddressInput {
        AddressInput {
            role: self.role.clone(),
            cep: self.cep.clone(),
            street: self.street.clone(),
            number: self.number.clone(),
            complement: self.complement.clone().unwrap_or_default(),
            district: self.district.clone(),
            city: self.city.clone(),
            preferred: if self.preferred { "on" } else { "" }.to_string(),
        }
    }

    /// The address line to show; a legacy row that fails today's rules shows none.
    fn valid(&self) -> Option<ValidAddress> {
        validate_address(&self.input()).ok()
    }

    /// The history's field and text of this row as stored, preferred or not: legacy rows
    /// included, so that no change to them is left out of the history.
    fn audit(&self, preferred: bool) -> (String, String) {
        let (field, line) = stored_audit_line(&self.input());
        (field, audit_text(&line, preferred))
    }

    /// The history row of this stored address becoming `new` (`None`: removed).
    fn change_to(&self, new: Option<String>) -> FieldChange {
        let (field, old_value) = self.audit(self.preferred);
        FieldChange {
            field,
            old_value,
            new_value: new.unwrap_or_default(),
        }
    }

    fn view(&self) -> AddressView {
        let valid = self.valid();
        AddressView {
            id: self.id,
            version: self.version,
            role_label: AddressRole::from_code(&self.role)
                .map(AddressRole::label)
                .unwrap_or_default()
                .to_string(),
            line: valid.map(|v| v.line()).unwrap_or_default(),
            preferred: self.preferred,
            input: self.input(),
        }
    }
}

async fn fetch_all(
    executor: impl sqlx::PgExecutor<'_>,
    tenant_id: i64,
    customer_id: i64,
) -> Result<Vec<StoredAddress>, sqlx::Error> {
    sqlx::query_as!(
        StoredAddress,
        "select a.id, a.version, a.role, a.preferred, a.cep, a.street, a.number, a.complement,
                a.district, ci.identification as city, a.updated_at, a.updated_by_name
         from customer_addresses a join cities ci on ci.id = a.city_id
         where a.tenant_id = $1 and a.customer_id = $2
         order by array_position(array['main', 'billing', 'delivery', 'invoicing', 'consumption'], a.role),
                  a.preferred desc, a.id",
        tenant_id,
        customer_id,
    )
    .fetch_all(executor)
    .await
}

pub async fn list(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
) -> Result<Vec<AddressView>, AppError> {
    lock_customer_or_not_found(pool, caller, customer_id, false).await?;
    Ok(fetch_all(pool, caller.tenant_id, customer_id)
        .await?
        .iter()
        .map(StoredAddress::view)
        .collect())
}

/// The customer must exist in the caller's tenant; with `lock`, inside a transaction, its row
/// is locked until commit.
async fn lock_customer_or_not_found(
    executor: impl sqlx::PgExecutor<'_>,
    caller: &Caller,
    customer_id: i64,
    lock: bool,
) -> Result<(), AppError> {
    let found = if lock {
        sqlx::query_scalar!(
            "select id from customers where tenant_id = $1 and id = $2 for update",
            caller.tenant_id,
            customer_id
        )
        .fetch_optional(executor)
        .await?
    } else {
        sqlx::query_scalar!(
            "select id from customers where tenant_id = $1 and id = $2",
            caller.tenant_id,
            customer_id
        )
        .fetch_optional(executor)
        .await?
    };
    found.map(|_| ()).ok_or(AppError::NotFound)
}

fn invalid(errors: Vec<(&'static str, String)>) -> AppError {
    AppError::Invalid(
        errors
            .into_iter()
            .map(|(field, message)| FieldMessage {
                field: field.to_string(),
                message,
            })
            .collect(),
    )
}

fn stale(row: &StoredAddress) -> AppError {
    AppError::Conflict(format!(
        "Este endereço foi alterado por {} às {} depois que você o abriu. Recarregue a página para ver a versão atual; nada foi gravado.",
        row.updated_by_name,
        hour_minute(row.updated_at)
    ))
}

/// The address the form was opened on is no longer there: someone deleted it meanwhile.
fn gone() -> AppError {
    AppError::Conflict(
        "Este endereço foi excluído por outro usuário depois que você o abriu. Recarregue a página para ver os endereços atuais; nada foi gravado."
            .to_string(),
    )
}

/// Creates (no `address_id`) or alters (with the `version` the form was opened at) one address.
pub async fn save(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
    address_id: Option<i64>,
    version: Option<i32>,
    input: &AddressInput,
) -> Result<i64, AppError> {
    let mut valid = validate_address(input).map_err(invalid)?;
    if let Some(refusal) = cep_state_refusal(&valid) {
        return Err(invalid(vec![refusal]));
    }
    let mut tx = pool.begin().await?;
    lock_customer_or_not_found(&mut *tx, caller, customer_id, true).await?;
    let picked = sqlx::query_scalar!(
        "select id from cities where identification = $1",
        valid.city
    )
    .fetch_optional(&mut *tx)
    .await?;
    let city_id = match picked {
        Some(id) => id,
        None => {
            // Typed, not picked from the list: the city of that name, if it tells which.
            let same_name: Vec<String> = sqlx::query_scalar(
                "select identification from cities where identification like $1
                 order by identification",
            )
            .bind(format!(
                "{} - __",
                super::customer_list::escape_like(&valid.city)
            ))
            .fetch_all(&mut *tx)
            .await?;
            valid.city = rules::city_meant::city_meant(&valid.city, &same_name, &valid.cep)
                .map_err(|message| AppError::field("city", message))?;
            if let Some(refusal) = cep_state_refusal(&valid) {
                return Err(invalid(vec![refusal]));
            }
            sqlx::query_scalar("select id from cities where identification = $1")
                .bind(&valid.city)
                .fetch_one(&mut *tx)
                .await?
        }
    };
    let existing = fetch_all(&mut *tx, caller.tenant_id, customer_id).await?;
    let before = match address_id {
        None => None,
        Some(address_id) => {
            let row = existing
                .iter()
                .find(|a| a.id == address_id)
                .ok_or_else(gone)?;
            if Some(row.version) != version {
                return Err(stale(row));
            }
            Some(row)
        }
    };
    let others_of_role = existing
        .iter()
        .filter(|a| a.role == valid.role.code() && Some(a.id) != address_id)
        .count();
    let was_preferred = before.is_some_and(|b| b.preferred && b.role == valid.role.code());
    valid.preferred = is_preferred(valid.preferred || was_preferred, others_of_role);

    let mut audit = Vec::new();
    if valid.preferred {
        // The role's previous preferred address gives way; its history shows that too.
        for other in existing
            .iter()
            .filter(|a| a.preferred && a.role == valid.role.code() && Some(a.id) != address_id)
        {
            audit.push(other.change_to(Some(other.audit(false).1)));
        }
        sqlx::query!(
            "update customer_addresses set preferred = false, version = version + 1,
                    updated_at = now(), updated_by_name = $4
             where tenant_id = $1 and customer_id = $2 and role = $3 and preferred and id <> coalesce($5::bigint, 0)",
            caller.tenant_id,
            customer_id,
            valid.role.code(),
            caller.user_name,
            address_id,
        )
        .execute(&mut *tx)
        .await?;
    }
    let id = match address_id {
        None => {
            sqlx::query_scalar!(
                "insert into customer_addresses (tenant_id, customer_id, role, preferred, cep, street, number,
                                                 complement, district, city_id, updated_by_name)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id",
                caller.tenant_id,
                customer_id,
                valid.role.code(),
                valid.preferred,
                valid.cep.digits(),
                valid.street,
                valid.number,
                valid.complement,
                valid.district,
                city_id,
                caller.user_name,
            )
            .fetch_one(&mut *tx)
            .await?
        }
        Some(address_id) => {
            sqlx::query!(
                "update customer_addresses set role = $3, preferred = $4, cep = $5, street = $6, number = $7,
                        complement = $8, district = $9, city_id = $10, updated_by_name = $11,
                        version = version + 1, updated_at = now()
                 where tenant_id = $1 and id = $2",
                caller.tenant_id,
                address_id,
                valid.role.code(),
                valid.preferred,
                valid.cep.digits(),
                valid.street,
                valid.number,
                valid.complement,
                valid.district,
                city_id,
                caller.user_name,
            )
            .execute(&mut *tx)
            .await?;
            address_id
        }
    };
    match before {
        Some(old) if old.role != valid.role.code() => {
            audit.push(old.change_to(None));
            audit.push(added(&valid));
        }
        Some(old) if old.audit(old.preferred) != (valid.audit_field(), valid.audit_value()) => {
            audit.push(old.change_to(Some(valid.audit_value())))
        }
        Some(_) => {}
        None => audit.push(added(&valid)),
    }
    if let Some(old) = before.filter(|b| b.preferred && b.role != valid.role.code()) {
        promote_next(
            &mut tx,
            caller,
            customer_id,
            &old.role,
            &mut audit,
            &existing,
        )
        .await?;
    }
    follow_main_city(&mut tx, caller, customer_id).await?;
    record_changes(&mut tx, caller, customer_id, &audit).await?;
    tx.commit().await?;
    Ok(id)
}

/// The customer's city (what the list shows and filters by) is the preferred main address's.
/// A customer without a main address keeps the city it had.
async fn follow_main_city(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    customer_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "update customers c set city_id = coalesce(
             (select a.city_id from customer_addresses a
              where a.tenant_id = c.tenant_id and a.customer_id = c.id and a.role = 'main' and a.preferred),
             c.city_id)
         where c.tenant_id = $1 and c.id = $2",
        caller.tenant_id,
        customer_id,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn added(new: &ValidAddress) -> FieldChange {
    FieldChange {
        field: new.audit_field(),
        old_value: String::new(),
        new_value: new.audit_value(),
    }
}

/// When a role loses its preferred address (deleted or moved to another role), the oldest
/// remaining address of the role takes its place: a role with addresses always has one to
/// suggest on orders.
async fn promote_next(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    customer_id: i64,
    role: &str,
    audit: &mut Vec<FieldChange>,
    existing: &[StoredAddress],
) -> Result<(), sqlx::Error> {
    let promoted = sqlx::query_scalar!(
        "update customer_addresses set preferred = true, version = version + 1, updated_at = now(),
                updated_by_name = $4
         where tenant_id = $1 and id = (
             select min(id) from customer_addresses
             where tenant_id = $1 and customer_id = $2 and role = $3
               and not exists (select 1 from customer_addresses p
                               where p.tenant_id = $1 and p.customer_id = $2 and p.role = $3 and p.preferred))
         returning id",
        caller.tenant_id,
        customer_id,
        role,
        caller.user_name,
    )
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(row) = promoted.and_then(|id| existing.iter().find(|a| a.id == id)) {
        audit.push(row.change_to(Some(row.audit(true).1)));
    }
    Ok(())
}

pub async fn delete(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
    address_id: i64,
    version: i32,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    lock_customer_or_not_found(&mut *tx, caller, customer_id, true).await?;
    let existing = fetch_all(&mut *tx, caller.tenant_id, customer_id).await?;
    let row = existing
        .iter()
        .find(|a| a.id == address_id)
        .ok_or_else(gone)?;
    if row.version != version {
        return Err(stale(row));
    }
    sqlx::query!(
        "delete from customer_addresses where tenant_id = $1 and id = $2",
        caller.tenant_id,
        address_id
    )
    .execute(&mut *tx)
    .await?;
    let mut audit = vec![row.change_to(None)];
    if row.preferred {
        promote_next(
            &mut tx,
            caller,
            customer_id,
            &row.role,
            &mut audit,
            &existing,
        )
        .await?;
    }
    // The preferred main address may have gone or changed: the customer's city follows.
    follow_main_city(&mut tx, caller, customer_id).await?;
    record_changes(&mut tx, caller, customer_id, &audit).await?;
    tx.commit().await?;
    Ok(())
}

/// Cities whose identification starts with what was typed (accents and case ignored), for
/// the address form's autocomplete.
pub async fn search_cities(pool: &PgPool, typed: &str) -> Result<Vec<String>, AppError> {
    let folded = rules::city::fold(typed);
    if folded.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let pattern = format!(
        "{}%",
        folded
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    Ok(sqlx::query_scalar!(
        "select identification from cities where identification like $1 order by identification limit 12",
        pattern
    )
    .fetch_all(pool)
    .await?)
}
