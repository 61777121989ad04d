//! The company's chart of accounts as the other screens read it (R-SALES-12): a managerial
//! account's link to a real one, the settings' doubtful-debt synthetics and the customer's own
//! accounts are checked against it (`rules::sales::ledger_chart` decides), and the
//! doubtful-debt numbering adds the accounts it creates to it. The chart's rows are
//! `lookup_entries` of the two ledger kinds, kept by `lookup_store`.

use std::collections::HashMap;

use rules::sales::ledger_account::DoubtfulDebtAccounts;
use rules::sales::ledger_accounts::{LedgerAccounts, LedgerSettings};
use rules::sales::ledger_chart::{
    customer_account_description, customer_account_refusal, link_refusal, synthetic_refusal,
    AccountNature,
};
use rules::sales::table_terms::Terms;
use rules::table_kind::{LedgerChart, TableKind};
use sqlx::{PgExecutor, Postgres, Transaction};

use super::auth::Caller;
use super::table_terms_store;
use crate::error::{AppError, FieldMessage};

/// The nature of each of `codes` the company's `chart` holds; a code it does not hold is
/// absent. The rows are share-locked, so an account checked here is not deleted before the
/// caller's transaction ends.
async fn natures(
    executor: impl PgExecutor<'_>,
    caller: &Caller,
    chart: LedgerChart,
    codes: &[&str],
) -> Result<HashMap<String, AccountNature>, sqlx::Error> {
    let rows: Vec<(String, bool)> = sqlx::query_as(
        "select e.code, coalesce(t.synthetic, false)
         from lookup_entries e
         left join ledger_account_terms t on t.tenant_id = e.tenant_id and t.entry_id = e.id
         where e.tenant_id = $1 and e.company_id = $2 and e.kind = $3 and e.code = any($4)
         for share of e",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(chart.code())
    .bind(codes)
    .fetch_all(executor)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(code, synthetic)| (code, AccountNature::from_synthetic(synthetic)))
        .collect())
}

/// A managerial account's linked real account exists in the company and has its nature.
pub async fn check_link(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    terms: &Terms,
) -> Result<(), AppError> {
    let Some(code) = terms.real_account.as_deref() else {
        return Ok(());
    };
    let found = natures(&mut **tx, caller, LedgerChart::Real, &[code]).await?;
    let nature = AccountNature::from_synthetic(terms.synthetic);
    match link_refusal(nature, code, found.get(code).copied()) {
        Some(message) => Err(AppError::field("terms[real_account]", message)),
        None => Ok(()),
    }
}

/// A managerial account copied to the user's other companies links to a real account each
/// of them holds with its nature.
pub async fn check_link_in(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    terms: &Terms,
    companies: &[i64],
) -> Result<(), AppError> {
    let Some(code) = terms.real_account.as_deref() else {
        return Ok(());
    };
    let holding: i64 = sqlx::query_scalar(
        "select count(*) from lookup_entries e
         join ledger_account_terms t on t.tenant_id = e.tenant_id and t.entry_id = e.id
         where e.tenant_id = $1 and e.company_id = any($2) and e.kind = $3 and e.code = $4
           and t.synthetic = $5",
    )
    .bind(caller.tenant_id)
    .bind(companies)
    .bind(LedgerChart::Real.code())
    .bind(code)
    .bind(terms.synthetic)
    .fetch_one(&mut **tx)
    .await?;
    if holding < companies.len() as i64 {
        return Err(AppError::field(
            "terms[real_account]",
            format!(
                "A conta real {code} não está, {}, em todas as suas empresas: copie-a para elas antes.",
                AccountNature::from_synthetic(terms.synthetic).label().to_lowercase()
            ),
        ));
    }
    Ok(())
}

/// Each account the user changed, with its chart and form field.
fn changed<'a>(
    pairs: [(
        Option<&'a String>,
        Option<&'a String>,
        LedgerChart,
        &'static str,
    ); 2],
) -> impl Iterator<Item = (&'a str, LedgerChart, &'static str)> {
    pairs
        .into_iter()
        .filter(|(before, after, _, _)| after.is_some() && before != after)
        .filter_map(|(_, after, chart, field)| Some((after?.as_str(), chart, field)))
}

/// Collects the refusals of `checks` (code, chart, field) into one 422, every field named.
async fn refusals(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    checks: Vec<(&str, LedgerChart, &'static str)>,
    refuse: impl Fn(&str, LedgerChart, Option<AccountNature>) -> Option<String>,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    for (code, chart, field) in checks {
        let found = natures(&mut **tx, caller, chart, &[code]).await?;
        if let Some(message) = refuse(code, chart, found.get(code).copied()) {
            errors.push(FieldMessage {
                field: field.to_string(),
                message,
            });
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// The company's doubtful-debt synthetics, where changed, are synthetic accounts of their
/// charts (the customers' doubtful-debt accounts are created under them).
pub async fn check_settings(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    before: &LedgerSettings,
    after: &LedgerSettings,
) -> Result<(), AppError> {
    let checks = changed([
        (
            before.doubtful_debt_synthetic.as_ref(),
            after.doubtful_debt_synthetic.as_ref(),
            LedgerChart::Managerial,
            "doubtful_debt_synthetic",
        ),
        (
            before.doubtful_debt_real_synthetic.as_ref(),
            after.doubtful_debt_real_synthetic.as_ref(),
            LedgerChart::Real,
            "doubtful_debt_real_synthetic",
        ),
    ])
    .collect();
    refusals(tx, caller, checks, |code, chart, found| {
        synthetic_refusal(chart, code, found)
    })
    .await
}

/// The customer's accounts, where changed, are not synthetic accounts of their charts; the
/// expense/revenue account, of either chart, is not a synthetic one of either.
pub async fn check_customer_accounts(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    before: &LedgerAccounts,
    after: &LedgerAccounts,
) -> Result<(), AppError> {
    let expense = (
        before.expense_revenue_account.as_ref(),
        after.expense_revenue_account.as_ref(),
    );
    let checks = changed([
        (
            before.ledger_account.as_ref(),
            after.ledger_account.as_ref(),
            LedgerChart::Managerial,
            "ledger_account",
        ),
        (
            before.real_ledger_account.as_ref(),
            after.real_ledger_account.as_ref(),
            LedgerChart::Real,
            "real_ledger_account",
        ),
    ])
    .chain(changed([
        (
            expense.0,
            expense.1,
            LedgerChart::Managerial,
            "expense_revenue_account",
        ),
        (
            expense.0,
            expense.1,
            LedgerChart::Real,
            "expense_revenue_account",
        ),
    ]))
    .collect();
    refusals(tx, caller, checks, |code, _, found| {
        customer_account_refusal(code, found)
    })
    .await
}

/// The real account the managerial synthetic `code` is linked to in the company's chart.
pub async fn linked_real_account(
    executor: impl PgExecutor<'_>,
    caller: &Caller,
    code: &str,
) -> Result<Option<String>, sqlx::Error> {
    Ok(sqlx::query_scalar(
        "select t.real_account from lookup_entries e
         join ledger_account_terms t on t.tenant_id = e.tenant_id and t.entry_id = e.id
         where e.tenant_id = $1 and e.company_id = $2 and e.kind = $3 and e.code = $4",
    )
    .bind(caller.tenant_id)
    .bind(caller.company_id)
    .bind(LedgerChart::Managerial.code())
    .bind(code)
    .fetch_optional(executor)
    .await?
    .flatten())
}

/// Adds a customer's doubtful-debt accounts to the chart as analytic accounts named after
/// the customer, the managerial one linked to the real one, each recorded in its table's
/// history. A code the chart already holds is left as it is.
pub async fn add_doubtful_debt_accounts(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    customer_name: &str,
    created: &DoubtfulDebtAccounts,
) -> Result<(), AppError> {
    let description = customer_account_description(customer_name);
    let real = created.real.as_deref().map(|code| {
        (
            LedgerChart::Real,
            code,
            Terms {
                synthetic: false,
                ..Terms::default()
            },
        )
    });
    let managerial = (
        LedgerChart::Managerial,
        created.managerial.as_str(),
        Terms {
            synthetic: false,
            real_account: created.real.clone(),
            ..Terms::default()
        },
    );
    // The real account first: the managerial one links to it.
    for (chart, code, terms) in real.into_iter().chain([managerial]) {
        let inserted: Option<i64> = sqlx::query_scalar(
            "insert into lookup_entries (tenant_id, company_id, kind, code, description, active)
             values ($1, $2, $3, $4, $5, true)
             on conflict (tenant_id, company_id, kind, code) do nothing returning id",
        )
        .bind(caller.tenant_id)
        .bind(caller.company_id)
        .bind(chart.code())
        .bind(code)
        .bind(&description)
        .fetch_optional(&mut **tx)
        .await?;
        if let Some(id) = inserted {
            table_terms_store::write(tx, caller.tenant_id, chart, &[id], &terms).await?;
            super::lookup_store::record_created(
                tx,
                caller,
                TableKind::Ledger(chart),
                code,
                &description,
                terms,
            )
            .await?;
        }
    }
    Ok(())
}
