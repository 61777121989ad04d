//! The customer's "Padrão para vendas" in the caller's company, and the company's settings it
//! starts from (R-SALES-1). A save locks the customer row first, then the tab's row (the lock
//! order of every writer), checks the tab's version, refuses a change to a field the user may
//! not alter (R-PERM-1), stores, and records each change in the customer's history.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use rules::sales::conditional_discount::ConditionalDiscount;
use rules::sales::credit_limit::CreditLimit;
use rules::sales::credit_use::{CreditOrder, CreditUse};
use rules::sales::defaults::{
    CommercialRefs, CompanySalesSettings, SalesDefaults, SalesDefaultsInput,
};
use rules::sales::defaults_audit::{changes, required_permissions, table_changes};
use rules::sales::delivery_block::DeliveryBlock;
use rules::sales::guarantees::Guarantees;
use rules::sales::insurance::InsuranceProfile;
use rules::sales::late_fee::LateFeeSource;
use rules::sales::own_entries::own_changes;
use rules::sales::percent;
use rules::sales::preferences::{EmailAttachment, EmailAttachments, SuggestedLot};
use rules::sales::purpose::{state_registration_counts, Purpose};
use rules::table_kind::{CommercialKind, LinkedKind};
use rust_decimal::Decimal;
use sqlx::{PgExecutor, PgPool, Postgres, Row, Transaction};

use super::auth::Caller;
use super::brasilia_time::{date_time, hour_minute};
use super::own_entries_store;
use crate::customers::sales_types::{CompanyHints, SalesDefaultsView};
use crate::error::AppError;

/// The company's sales settings (its chart settings are `company_settings_store`'s).
pub async fn company_settings(
    executor: impl PgExecutor<'_>,
    tenant_id: i64,
    company_id: i64,
) -> Result<CompanySalesSettings, AppError> {
    Ok(
        super::company_settings_store::settings(executor, tenant_id, company_id)
            .await?
            .sales,
    )
}

/// A stored code read back; a code no longer known reads as the default rather than failing
/// the whole record.
pub(crate) fn stored<T: Default>(code: String, from_code: fn(&str) -> Option<T>) -> T {
    from_code(&code).unwrap_or_default()
}

struct StoredDefaults {
    defaults: SalesDefaults,
    version: i32,
    updated_at: DateTime<Utc>,
    updated_by_name: Option<String>,
}

/// The columns a tab reads; the commercial tables' come from `CommercialKind::ALL`, so a table
/// added there is read, written and recorded without another list to keep in step.
static COLUMNS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "credit_limit, daily_interest, late_fee_source, late_fee, discount, allows_discount,
    max_discount, allows_conditional_discount, conditional_discount_days, conditional_discount,
    credit_use, credit_order, purpose, delivery_block, uses_only_own_price_lists, uses_only_own_plans,
    payment_plan_per_product, prints_boleto_on_invoice, requires_prepayment, suggested_lot,
    email_attachments, email_lot_pdf, email_boleto_pdf, email_document_pdf, email_document_xml,
    version, updated_at, updated_by_name, insurance_profile,
    to_char(mortgage_due, 'YYYY-MM-DD') as mortgage_due, mortgage_credit_limit, mortgage_value,
    to_char(bail_due, 'YYYY-MM-DD') as bail_due, to_char(bail_issued, 'YYYY-MM-DD') as bail_issued,
    bail_property_registry, bail_guarantor, uses_buyers_lists, {}",
        table_columns().join(", ")
    )
});

fn table_columns() -> Vec<&'static str> {
    CommercialKind::ALL.iter().map(|k| k.column()).collect()
}

/// The tab's upsert: 39 values of its own, then one per commercial table.
static UPSERT: LazyLock<String> = LazyLock::new(|| {
    let tables = table_columns();
    let values: Vec<String> = (0..tables.len()).map(|i| format!("${}", 40 + i)).collect();
    let updates: Vec<String> = tables
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!(
        "insert into customer_sales_defaults (tenant_id, company_id, customer_id,
             credit_limit, daily_interest, late_fee_source, late_fee, discount, allows_discount,
             max_discount, allows_conditional_discount, conditional_discount_days, conditional_discount,
             credit_use, credit_order, purpose, delivery_block, uses_only_own_price_lists, uses_only_own_plans,
             payment_plan_per_product, prints_boleto_on_invoice, requires_prepayment, suggested_lot,
             email_attachments, email_lot_pdf, email_boleto_pdf, email_document_pdf, email_document_xml,
             version, updated_at, updated_by_name, insurance_profile, mortgage_due,
             mortgage_credit_limit, mortgage_value, bail_due, bail_issued, bail_property_registry,
             bail_guarantor, uses_buyers_lists, {columns})
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
                 $20, $21, $22, $23, $24, $25, $26, $27, $28, $29 + 1, now(), $30,
                 $31, $32::text::date, $33, $34, $35::text::date, $36::text::date, $37, $38,
                 $39, {values})
         on conflict (tenant_id, company_id, customer_id) do update set
             credit_limit = excluded.credit_limit, daily_interest = excluded.daily_interest,
             late_fee_source = excluded.late_fee_source, late_fee = excluded.late_fee,
             discount = excluded.discount, allows_discount = excluded.allows_discount,
             max_discount = excluded.max_discount,
             allows_conditional_discount = excluded.allows_conditional_discount,
             conditional_discount_days = excluded.conditional_discount_days,
             conditional_discount = excluded.conditional_discount,
             credit_use = excluded.credit_use, credit_order = excluded.credit_order,
             purpose = excluded.purpose, delivery_block = excluded.delivery_block,
             uses_only_own_price_lists = excluded.uses_only_own_price_lists,
             uses_only_own_plans = excluded.uses_only_own_plans,
             payment_plan_per_product = excluded.payment_plan_per_product,
             prints_boleto_on_invoice = excluded.prints_boleto_on_invoice,
             requires_prepayment = excluded.requires_prepayment, suggested_lot = excluded.suggested_lot,
             email_attachments = excluded.email_attachments, email_lot_pdf = excluded.email_lot_pdf,
             email_boleto_pdf = excluded.email_boleto_pdf, email_document_pdf = excluded.email_document_pdf,
             email_document_xml = excluded.email_document_xml,
             version = excluded.version, updated_at = excluded.updated_at,
             updated_by_name = excluded.updated_by_name,
             insurance_profile = excluded.insurance_profile, mortgage_due = excluded.mortgage_due,
             mortgage_credit_limit = excluded.mortgage_credit_limit,
             mortgage_value = excluded.mortgage_value, bail_due = excluded.bail_due,
             bail_issued = excluded.bail_issued,
             bail_property_registry = excluded.bail_property_registry,
             bail_guarantor = excluded.bail_guarantor,
             uses_buyers_lists = excluded.uses_buyers_lists, {updates}",
        columns = tables.join(", "),
        values = values.join(", "),
        updates = updates.join(", "),
    )
});

fn decode(row: &sqlx::postgres::PgRow) -> Result<StoredDefaults, sqlx::Error> {
    let optional = |name: &str| -> Result<Option<String>, sqlx::Error> { row.try_get(name) };
    let days: Option<i32> = row.try_get("conditional_discount_days")?;
    let conditional_percent: Option<Decimal> = row.try_get("conditional_discount")?;
    let attachment = |name: &str| -> Result<EmailAttachment, sqlx::Error> {
        Ok(stored(row.try_get(name)?, EmailAttachment::from_code))
    };
    Ok(StoredDefaults {
        defaults: SalesDefaults {
            credit_limit: row.try_get("credit_limit")?,
            daily_interest: row.try_get("daily_interest")?,
            late_fee_source: stored(row.try_get("late_fee_source")?, LateFeeSource::from_code),
            late_fee: row.try_get("late_fee")?,
            discount: row.try_get("discount")?,
            allows_discount: row.try_get("allows_discount")?,
            max_discount: row.try_get("max_discount")?,
            allows_conditional_discount: row.try_get("allows_conditional_discount")?,
            conditional_discount: days.zip(conditional_percent).map(|(days, percent)| {
                ConditionalDiscount {
                    days_before_due: u32::try_from(days).unwrap_or_default(),
                    percent,
                }
            }),
            credit_use: optional("credit_use")?.and_then(|c| CreditUse::from_code(&c)),
            credit_order: optional("credit_order")?.and_then(|c| CreditOrder::from_code(&c)),
            purpose: optional("purpose")?.and_then(|c| Purpose::from_code(&c)),
            delivery_block: stored(row.try_get("delivery_block")?, DeliveryBlock::from_code),
            uses_only_own_price_lists: row.try_get("uses_only_own_price_lists")?,
            uses_only_own_plans: row.try_get("uses_only_own_plans")?,
            payment_plan_per_product: row.try_get("payment_plan_per_product")?,
            prints_boleto_on_invoice: row.try_get("prints_boleto_on_invoice")?,
            requires_prepayment: row.try_get("requires_prepayment")?,
            suggested_lot: stored(row.try_get("suggested_lot")?, SuggestedLot::from_code),
            attachments: EmailAttachments {
                attachments: attachment("email_attachments")?,
                lot_pdf: attachment("email_lot_pdf")?,
                boleto_pdf: attachment("email_boleto_pdf")?,
                document_pdf: attachment("email_document_pdf")?,
                document_xml: attachment("email_document_xml")?,
            },
            tables: {
                let mut tables = CommercialRefs::default();
                for kind in CommercialKind::ALL {
                    tables.set(kind, row.try_get(kind.column())?);
                }
                tables
            },
            insurance_profile: stored(
                row.try_get("insurance_profile")?,
                InsuranceProfile::from_code,
            ),
            guarantees: Guarantees {
                mortgage_due: row.try_get("mortgage_due")?,
                mortgage_credit_limit: row.try_get("mortgage_credit_limit")?,
                mortgage_value: row.try_get("mortgage_value")?,
                bail_due: row.try_get("bail_due")?,
                bail_issued: row.try_get("bail_issued")?,
                bail_property_registry: row.try_get("bail_property_registry")?,
                bail_guarantor: row.try_get("bail_guarantor")?,
            },
            uses_buyers_lists: row.try_get("uses_buyers_lists")?,
            // Kept in their own tables, read by `own_entries_store::load`.
            own: Default::default(),
        },
        version: row.try_get("version")?,
        updated_at: row.try_get("updated_at")?,
        updated_by_name: row.try_get("updated_by_name")?,
    })
}

async fn fetch(
    executor: impl PgExecutor<'_>,
    caller: &Caller,
    customer_id: i64,
    lock: bool,
) -> Result<Option<StoredDefaults>, AppError> {
    let sql = format!(
        "select {} from customer_sales_defaults
         where tenant_id = $1 and company_id = $2 and customer_id = $3{}",
        *COLUMNS,
        if lock { " for update" } else { "" }
    );
    let row = sqlx::query(&sql)
        .bind(caller.tenant_id)
        .bind(caller.company_id)
        .bind(customer_id)
        .fetch_optional(executor)
        .await?;
    Ok(row.as_ref().map(decode).transpose()?)
}

fn hints(company: &CompanySalesSettings) -> CompanyHints {
    let shown = |value: Option<Decimal>| {
        value
            .map(percent::format)
            .unwrap_or_else(|| "não informado".to_string())
    };
    CompanyHints {
        credit_limit: match CreditLimit::effective(None, company.pre_approved_credit_limit) {
            CreditLimit::Unlimited => {
                "Vazio: crédito ilimitado (a empresa não tem limite pré-aprovado).".to_string()
            }
            limit => format!("Vazio: {}.", limit.label()),
        },
        daily_interest: shown(company.daily_interest),
        late_fee: shown(company.late_fee),
        max_discount: shown(company.max_discount),
        credit_use: company.credit_use.label().to_string(),
        credit_order: company.credit_order.label().to_string(),
    }
}

pub async fn load(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
) -> Result<SalesDefaultsView, AppError> {
    let customer = sqlx::query(
        "select kind, document, state_registration from customers where tenant_id = $1 and id = $2",
    )
    .bind(caller.tenant_id)
    .bind(customer_id)
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let kind: String = customer.try_get("kind")?;
    let document: String = customer.try_get("document")?;
    let state_registration: Option<String> = customer.try_get("state_registration")?;
    let has_cnpj = kind == rules::customer::Kind::LegalEntity.code() && !document.is_empty();
    let derived = Purpose::derived(
        has_cnpj,
        state_registration_counts(state_registration.as_deref()),
    );
    let company = company_settings(pool, caller.tenant_id, caller.company_id).await?;
    let stored = fetch(pool, caller, customer_id, false).await?;
    let (defaults, version, last_saved) = match stored {
        Some(stored) => (
            stored.defaults,
            stored.version,
            stored
                .updated_by_name
                .map(|name| format!("{name} em {}", date_time(stored.updated_at))),
        ),
        None => (SalesDefaults::new_customer(&company), 0, None),
    };
    let mut defaults = defaults;
    defaults.own =
        own_entries_store::load(pool, caller.tenant_id, caller.company_id, customer_id).await?;
    let today = super::todays_offer_store::load(
        pool,
        caller.tenant_id,
        caller.company_id,
        customer_id,
        &defaults,
        CreditLimit::effective(defaults.credit_limit, company.pre_approved_credit_limit),
    )
    .await?;
    Ok(SalesDefaultsView {
        version,
        input: defaults.input(),
        company: hints(&company),
        derived_purpose: derived.label().to_string(),
        last_saved,
        tables: super::commercial_tables::choices(pool, caller.tenant_id, caller.company_id)
            .await?,
        own: own_entries_store::choices(
            pool,
            caller.tenant_id,
            caller.company_id,
            &LinkedKind::ALL,
        )
        .await?,
        today,
    })
}

/// R-SALES-1: a customer created in a company gets that company's defaults there at once.
pub async fn create_for_new_customer(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    customer_id: i64,
) -> Result<(), AppError> {
    let company = company_settings(&mut **tx, caller.tenant_id, caller.company_id).await?;
    let defaults = SalesDefaults::new_customer(&company);
    write(tx, caller, customer_id, &defaults, None).await?;
    for kind in LinkedKind::ALL {
        if !defaults.own.get(kind).is_empty() {
            own_entries_store::replace(
                tx,
                caller.tenant_id,
                caller.company_id,
                kind,
                &[customer_id],
                defaults.own.get(kind),
            )
            .await?;
        }
    }
    Ok(())
}

pub async fn save(
    pool: &PgPool,
    caller: &Caller,
    customer_id: i64,
    version: i32,
    input: &SalesDefaultsInput,
) -> Result<(), AppError> {
    let mut after = input.parse().map_err(AppError::invalid)?;
    let mut tx = pool.begin().await?;
    // The customer row first, as every writer does, so no two writers wait on each other.
    sqlx::query("select 1 from customers where tenant_id = $1 and id = $2 for update")
        .bind(caller.tenant_id)
        .bind(customer_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let stored = fetch(&mut *tx, caller, customer_id, true).await?;
    let stored_version = stored.as_ref().map_or(0, |s| s.version);
    if stored_version != version {
        let (who, at) = stored
            .as_ref()
            .map(|s| (s.updated_by_name.clone(), s.updated_at))
            .unzip();
        return Err(AppError::Conflict(format!(
            "O padrão para vendas deste cliente foi alterado por {} às {} depois que você o abriu. Recarregue a página para ver a versão atual; nada foi gravado.",
            who.flatten().unwrap_or_else(|| "outro usuário".to_string()),
            at.map(hour_minute).unwrap_or_default(),
        )));
    }
    let company = company_settings(&mut *tx, caller.tenant_id, caller.company_id).await?;
    let mut before = match stored {
        Some(stored) => stored.defaults,
        None => SalesDefaults::new_customer(&company),
    };
    before.own =
        own_entries_store::load(&mut *tx, caller.tenant_id, caller.company_id, customer_id).await?;
    after
        .check_insurance(company.insurance_enabled)
        .map_err(|error| AppError::invalid(vec![error]))?;
    let labels = super::commercial_tables::labels_checked(
        &mut *tx,
        caller.tenant_id,
        caller.company_id,
        &[&before.tables, &after.tables],
        &after.tables,
    )
    .await?;
    let label = |id: Option<i64>| {
        id.and_then(|id| labels.get(&id).cloned())
            .unwrap_or_default()
    };
    let own_ids: Vec<i64> = before.own.all_ids().chain(after.own.all_ids()).collect();
    let own_labels = own_entries_store::labels_checked(
        &mut *tx,
        caller.tenant_id,
        caller.company_id,
        &own_ids,
        &after.own,
    )
    .await?;
    let mut found = changes(&before, &after);
    found.extend(table_changes(&before.tables, &after.tables, label));
    found.extend(own_changes(&before.own, &after.own, |id| {
        own_labels.get(&id).cloned().unwrap_or_default()
    }));
    // R-PERM-1: the server decides, whatever the screen offered.
    for permission in required_permissions(&found) {
        caller.require(permission)?;
    }
    if found.is_empty() {
        return Ok(());
    }
    write(&mut tx, caller, customer_id, &after, Some(stored_version)).await?;
    for kind in LinkedKind::ALL {
        if before.own.get(kind) != after.own.get(kind) {
            own_entries_store::replace(
                &mut tx,
                caller.tenant_id,
                caller.company_id,
                kind,
                &[customer_id],
                after.own.get(kind),
            )
            .await?;
        }
    }
    super::customer_store::record_changes(&mut tx, caller, customer_id, &found).await?;
    tx.commit().await?;
    Ok(())
}

/// Inserts (`previous_version` `None` or 0) or replaces the row, bumping its version.
async fn write(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    customer_id: i64,
    values: &SalesDefaults,
    previous_version: Option<i32>,
) -> Result<(), AppError> {
    let conditional = values.conditional_discount;
    let days = conditional.map(|c| i32::try_from(c.days_before_due).unwrap_or(i32::MAX));
    let attachments = values.attachments;
    let saved_by = previous_version.map(|_| caller.user_name.clone());
    let guarantees = &values.guarantees;
    let query = sqlx::query(&UPSERT)
        .bind(caller.tenant_id)
        .bind(caller.company_id)
        .bind(customer_id)
        .bind(values.credit_limit)
        .bind(values.daily_interest)
        .bind(values.late_fee_source.code())
        .bind(values.late_fee)
        .bind(values.discount)
        .bind(values.allows_discount)
        .bind(values.max_discount)
        .bind(values.allows_conditional_discount)
        .bind(days)
        .bind(conditional.map(|c| c.percent))
        .bind(values.credit_use.map(CreditUse::code))
        .bind(values.credit_order.map(CreditOrder::code))
        .bind(values.purpose.map(Purpose::code))
        .bind(values.delivery_block.code())
        .bind(values.uses_only_own_price_lists)
        .bind(values.uses_only_own_plans)
        .bind(values.payment_plan_per_product)
        .bind(values.prints_boleto_on_invoice)
        .bind(values.requires_prepayment)
        .bind(values.suggested_lot.code())
        .bind(attachments.attachments.code())
        .bind(attachments.lot_pdf.code())
        .bind(attachments.boleto_pdf.code())
        .bind(attachments.document_pdf.code())
        .bind(attachments.document_xml.code())
        .bind(previous_version.unwrap_or(0))
        .bind(saved_by)
        .bind(values.insurance_profile.code())
        .bind(&guarantees.mortgage_due)
        .bind(guarantees.mortgage_credit_limit)
        .bind(guarantees.mortgage_value)
        .bind(&guarantees.bail_due)
        .bind(&guarantees.bail_issued)
        .bind(&guarantees.bail_property_registry)
        .bind(&guarantees.bail_guarantor)
        .bind(values.uses_buyers_lists);
    let query = CommercialKind::ALL
        .into_iter()
        .fold(query, |query, kind| query.bind(values.tables.get(kind)));
    query.execute(&mut **tx).await?;
    Ok(())
}
