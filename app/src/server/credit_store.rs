//! A customer's credit figures per company (R-CREDIT-1..2): one statement sums what the
//! customer owes and what the company owes them in every company asked for, through the
//! partial indexes that hold outstanding receivables and open credits only; `rules` decides
//! the limit and the available amount.

use chrono::NaiveDate;
use rules::finance::credit::{available, Available, Credits};
use rules::sales::credit_limit::CreditLimit;
use rust_decimal::Decimal;
use sqlx::{PgPool, Row};

use crate::customers::credit_types::{CompanyCreditView, LimitSource};
use crate::error::AppError;

/// Money with its two decimals, `0.00` included: PostgreSQL sends a zero sum without its scale,
/// and what leaves the server always reads the same way.
pub fn cents(mut amount: Decimal) -> Decimal {
    amount.rescale(2);
    amount
}

/// The customer's figures in each of `company_ids` the customer and the user share a tenant
/// with, by company code. `current` marks the user's current company.
pub async fn for_customer(
    pool: &PgPool,
    tenant_id: i64,
    company_ids: &[i64],
    current: i64,
    customer_id: i64,
    today: NaiveDate,
) -> Result<Vec<CompanyCreditView>, AppError> {
    let rows = sqlx::query(
        "select c.id, c.code, c.trade_name, d.credit_limit, s.pre_approved_credit_limit,
                coalesce(r.not_yet_due, 0) as not_yet_due, coalesce(r.overdue, 0) as overdue,
                coalesce(k.sales_returns, 0) as sales_returns, coalesce(k.advances, 0) as advances
         from companies c
         join company_sales_settings s on s.tenant_id = c.tenant_id and s.company_id = c.id
         left join customer_sales_defaults d
                on d.tenant_id = c.tenant_id and d.company_id = c.id and d.customer_id = $3
         left join lateral (
             select sum(balance) filter (where due_date >= $4) as not_yet_due,
                    sum(balance) filter (where due_date < $4) as overdue
             from receivables
             where tenant_id = c.tenant_id and company_id = c.id and customer_id = $3
               and cancelled_at is null and balance > 0) r on true
         left join lateral (
             select sum(balance) filter (where kind = 'sales_return') as sales_returns,
                    sum(balance) filter (where kind = 'advance') as advances
             from customer_credits
             where tenant_id = c.tenant_id and company_id = c.id and customer_id = $3
               and balance > 0) k on true
         where c.tenant_id = $1 and c.id = any($2)
         order by c.code",
    )
    .bind(tenant_id)
    .bind(company_ids)
    .bind(customer_id)
    .bind(today)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            let company_id: i64 = row.try_get("id")?;
            let code: i32 = row.try_get("code")?;
            let name: String = row.try_get("trade_name")?;
            let limit = CreditLimit::effective(
                row.try_get("credit_limit")?,
                row.try_get("pre_approved_credit_limit")?,
            );
            let not_yet_due = cents(row.try_get("not_yet_due")?);
            let overdue = cents(row.try_get("overdue")?);
            let credits = Credits {
                sales_returns: cents(row.try_get("sales_returns")?),
                advance_balance: cents(row.try_get("advances")?),
            };
            Ok(CompanyCreditView {
                company_id,
                company: format!("{code} - {name}"),
                current: company_id == current,
                limit: limit.amount(),
                limit_source: match limit {
                    CreditLimit::Customer(_) => LimitSource::Customer,
                    CreditLimit::CompanyPreApproved(_) => LimitSource::CompanyPreApproved,
                    CreditLimit::Unlimited => LimitSource::Unlimited,
                },
                not_yet_due,
                overdue,
                credits: credits.total(),
                available: available(limit, not_yet_due + overdue, credits),
            })
        })
        .collect()
}

/// Available credit (R-CREDIT-1..2) of each of `customer_ids` in one company, in one statement:
/// what a page of the list shows. Customers not found are left out.
pub async fn available_for_customers(
    pool: &PgPool,
    tenant_id: i64,
    company_id: i64,
    customer_ids: &[i64],
) -> Result<Vec<(i64, Available)>, sqlx::Error> {
    let rows = sqlx::query(
        "select p.id, d.credit_limit, s.pre_approved_credit_limit,
                coalesce(r.owed, 0) as owed, coalesce(k.sales_returns, 0) as sales_returns,
                coalesce(k.advances, 0) as advances
         from unnest($3::bigint[]) as p (id)
         join company_sales_settings s on s.tenant_id = $1 and s.company_id = $2
         left join customer_sales_defaults d
                on d.tenant_id = $1 and d.company_id = $2 and d.customer_id = p.id
         left join lateral (
             select sum(balance) as owed from receivables
             where tenant_id = $1 and company_id = $2 and customer_id = p.id
               and cancelled_at is null and balance > 0) r on true
         left join lateral (
             select sum(balance) filter (where kind = 'sales_return') as sales_returns,
                    sum(balance) filter (where kind = 'advance') as advances
             from customer_credits
             where tenant_id = $1 and company_id = $2 and customer_id = p.id and balance > 0) k on true",
    )
    .bind(tenant_id)
    .bind(company_id)
    .bind(customer_ids)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            let limit = CreditLimit::effective(
                row.try_get("credit_limit")?,
                row.try_get("pre_approved_credit_limit")?,
            );
            let credits = Credits {
                sales_returns: row.try_get("sales_returns")?,
                advance_balance: row.try_get("advances")?,
            };
            Ok((
                row.try_get("id")?,
                available(limit, row.try_get("owed")?, credits),
            ))
        })
        .collect()
}

/// Not found unless the customer is the tenant's.
pub async fn require_customer(
    pool: &PgPool,
    tenant_id: i64,
    customer_id: i64,
) -> Result<(), AppError> {
    let exists: bool = sqlx::query_scalar(
        "select exists(select 1 from customers where tenant_id = $1 and id = $2)",
    )
    .bind(tenant_id)
    .bind(customer_id)
    .fetch_one(pool)
    .await?;
    if exists {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The companies the user acts in (R-COMPANY-3).
pub async fn user_company_ids(
    pool: &PgPool,
    tenant_id: i64,
    user_id: i64,
) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar(
        "select company_id from user_companies where tenant_id = $1 and user_id = $2",
    )
    .bind(tenant_id)
    .bind(user_id)
    .fetch_all(pool)
    .await?)
}
