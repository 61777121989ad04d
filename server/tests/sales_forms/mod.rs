//! The sales-defaults tab as the browser drives it, shared by the tab's integration tests.
#![allow(dead_code)] // each test binary uses a different subset of these helpers

use axum::http::StatusCode;
use rules::sales::defaults::SalesDefaultsInput;
use serde_json::Value;
use sqlx::PgPool;

use crate::common::*;
// The tab's tests start from this customer; not every test binary does.
#[allow(unused_imports)]
pub use crate::record_forms::new_customer;

/// The tab's form as the browser posts it: every field, as `SalesDefaultsInput` names them.
pub fn sales_form(customer_id: i64, version: i64, input: &SalesDefaultsInput) -> String {
    let a = &input.attachments;
    let c = &input.conditional_discount;
    let g = &input.guarantees;
    [
        ("customer_id", customer_id.to_string()),
        ("version", version.to_string()),
        ("input[credit_limit]", input.credit_limit.clone()),
        ("input[daily_interest]", input.daily_interest.clone()),
        ("input[late_fee_source]", input.late_fee_source.clone()),
        ("input[late_fee]", input.late_fee.clone()),
        ("input[discount]", input.discount.clone()),
        ("input[allows_discount]", input.allows_discount.clone()),
        ("input[max_discount]", input.max_discount.clone()),
        (
            "input[allows_conditional_discount]",
            input.allows_conditional_discount.clone(),
        ),
        (
            "input[conditional_discount][days_before_due]",
            c.days_before_due.clone(),
        ),
        ("input[conditional_discount][percent]", c.percent.clone()),
        ("input[credit_use]", input.credit_use.clone()),
        ("input[credit_order]", input.credit_order.clone()),
        ("input[purpose]", input.purpose.clone()),
        ("input[delivery_block]", input.delivery_block.clone()),
        (
            "input[uses_only_own_price_lists]",
            input.uses_only_own_price_lists.clone(),
        ),
        (
            "input[uses_only_own_plans]",
            input.uses_only_own_plans.clone(),
        ),
        (
            "input[payment_plan_per_product]",
            input.payment_plan_per_product.clone(),
        ),
        (
            "input[prints_boleto_on_invoice]",
            input.prints_boleto_on_invoice.clone(),
        ),
        (
            "input[requires_prepayment]",
            input.requires_prepayment.clone(),
        ),
        ("input[suggested_lot]", input.suggested_lot.clone()),
        ("input[attachments][attachments]", a.attachments.clone()),
        ("input[attachments][lot_pdf]", a.lot_pdf.clone()),
        ("input[attachments][boleto_pdf]", a.boleto_pdf.clone()),
        ("input[attachments][document_pdf]", a.document_pdf.clone()),
        ("input[attachments][document_xml]", a.document_xml.clone()),
        ("input[insurance_profile]", input.insurance_profile.clone()),
        ("input[guarantees][mortgage_due]", g.mortgage_due.clone()),
        (
            "input[guarantees][mortgage_credit_limit]",
            g.mortgage_credit_limit.clone(),
        ),
        (
            "input[guarantees][mortgage_value]",
            g.mortgage_value.clone(),
        ),
        ("input[guarantees][bail_due]", g.bail_due.clone()),
        ("input[guarantees][bail_issued]", g.bail_issued.clone()),
        (
            "input[guarantees][bail_property_registry]",
            g.bail_property_registry.clone(),
        ),
        (
            "input[guarantees][bail_guarantor]",
            g.bail_guarantor.clone(),
        ),
        ("input[uses_buyers_lists]", input.uses_buyers_lists.clone()),
    ]
    .into_iter()
    .chain(input.tables.iter().map(|(kind, id)| {
        (
            Box::leak(format!("input[tables][{kind}]").into_boxed_str()) as &str,
            id.clone(),
        )
    }))
    .chain(input.own.iter().flat_map(|(kind, ticked)| {
        ticked.iter().map(move |(id, on)| {
            (
                Box::leak(format!("input[own][{kind}][{id}]").into_boxed_str()) as &str,
                on.clone(),
            )
        })
    }))
    .collect::<Vec<_>>()
    .iter()
    // An unticked box is not sent at all, as in a browser.
    .filter(|(k, v)| !(v.is_empty() && is_checkbox(k)))
    .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
    .collect::<Vec<_>>()
    .join("&")
}

fn is_checkbox(name: &str) -> bool {
    name.contains("allows_")
        || name.contains("uses_only")
        || name.contains("per_product")
        || name.contains("prints_")
        || name.contains("requires_")
        || name.contains("uses_buyers")
}

/// The tab as the browser receives it: version and the form's values.
pub async fn open_tab(
    app: &axum::Router,
    cookie: &str,
    customer_id: i64,
) -> (i64, SalesDefaultsInput, Value) {
    let (status, body, _) = send(
        app,
        call(
            "get_sales_defaults",
            &format!("customer_id={customer_id}"),
            Some(cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let view: Value = serde_json::from_str(&body).unwrap();
    let input: SalesDefaultsInput = serde_json::from_value(view["input"].clone()).unwrap();
    (view["version"].as_i64().unwrap(), input, view)
}

pub async fn save_tab(
    app: &axum::Router,
    cookie: &str,
    customer_id: i64,
    version: i64,
    input: &SalesDefaultsInput,
) -> (StatusCode, String) {
    let (status, body, _) = send(
        app,
        call(
            "save_sales_defaults",
            &sales_form(customer_id, version, input),
            Some(cookie),
        ),
    )
    .await;
    (status, body)
}

pub async fn grant(pool: &PgPool, tenant_id: i64, profile: &str, permission: &str) {
    sqlx::query(
        "insert into profile_permissions (tenant_id, profile_id, permission)
         select tenant_id, id, $3 from profiles where tenant_id = $1 and name = $2",
    )
    .bind(tenant_id)
    .bind(profile)
    .bind(permission)
    .execute(pool)
    .await
    .unwrap();
}

/// (field, old, new) of the customer's history rows for the tab's fields, oldest first.
pub async fn sales_history(pool: &PgPool, customer_id: i64) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "select field, old_value, new_value from customer_changes
         where customer_id = $1 and company_scoped order by id",
    )
    .bind(customer_id)
    .fetch_all(pool)
    .await
    .unwrap()
}

pub async fn stored_row(pool: &PgPool, customer_id: i64) -> (Option<String>, Option<String>, i32) {
    sqlx::query_as(
        "select credit_limit::text, discount::text, version from customer_sales_defaults
         where customer_id = $1",
    )
    .bind(customer_id)
    .fetch_one(pool)
    .await
    .unwrap()
}
