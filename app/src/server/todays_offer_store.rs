//! Loads what `rules::sales::todays_offer` decides on — the company's price lists and payment
//! plans with their terms, the concepts each plan excludes — and names the answer for the tab.

use std::collections::HashMap;

use chrono::Utc;
use rules::money::format_brl;
use rules::sales::defaults::SalesDefaults;
use rules::sales::todays_offer::{todays_offer, OfferCustomer, TableEntry};
use rules::table_kind::LinkedKind;
use sqlx::PgPool;

use super::brasilia_time::brasilia;
use super::table_terms_store;
use crate::customers::sales_types::{RefusedPlanView, TodaysOfferView};

/// `customer` holds the tab as stored (its limit, "uses only own", its own sets); `limit` is
/// its effective credit limit (R-CREDIT-1).
pub async fn load(
    pool: &PgPool,
    tenant_id: i64,
    company_id: i64,
    customer_id: i64,
    defaults: &SalesDefaults,
    limit: rules::sales::credit_limit::CreditLimit,
) -> Result<TodaysOfferView, sqlx::Error> {
    let entries: Vec<(i64, String, String, String, bool)> = sqlx::query_as(
        "select id, kind, code, description, active from lookup_entries
         where tenant_id = $1 and company_id = $2 and kind = any($3) order by code",
    )
    .bind(tenant_id)
    .bind(company_id)
    .bind([LinkedKind::PriceList.code(), LinkedKind::PaymentPlan.code()])
    .fetch_all(pool)
    .await?;
    let of_kind = |kind: LinkedKind| -> Vec<i64> {
        entries
            .iter()
            .filter(|e| e.1 == kind.code())
            .map(|e| e.0)
            .collect()
    };
    let (list_ids, plan_ids) = (
        of_kind(LinkedKind::PriceList),
        of_kind(LinkedKind::PaymentPlan),
    );
    let mut terms =
        table_terms_store::load(pool, tenant_id, LinkedKind::PriceList, &list_ids).await?;
    terms.extend(
        table_terms_store::load(pool, tenant_id, LinkedKind::PaymentPlan, &plan_ids).await?,
    );
    let excluded: Vec<(i64, i64)> = sqlx::query_as(
        "select plan_id, concept_id from payment_plan_excluded_concepts
         where tenant_id = $1 and plan_id = any($2)",
    )
    .bind(tenant_id)
    .bind(&plan_ids)
    .fetch_all(pool)
    .await?;

    let table = |ids: &[i64]| -> Vec<TableEntry> {
        entries
            .iter()
            .filter(|e| ids.contains(&e.0))
            .filter_map(|e| {
                terms.get(&e.0).map(|t| TableEntry {
                    id: e.0,
                    active: e.4,
                    terms: t.clone(),
                })
            })
            .collect()
    };
    let today = brasilia(Utc::now()).date_naive();
    let offer = todays_offer(
        &table(&list_ids),
        &table(&plan_ids),
        &OfferCustomer {
            id: customer_id,
            company_id,
            limit,
            uses_only_own_lists: defaults.uses_only_own_price_lists,
            own_lists: defaults.own.get(LinkedKind::PriceList).to_vec(),
            uses_only_own_plans: defaults.uses_only_own_plans,
            own_plans: defaults.own.get(LinkedKind::PaymentPlan).to_vec(),
            concepts: Vec::new(),
        },
        |plan| {
            excluded
                .iter()
                .filter(|(p, _)| *p == plan)
                .map(|(_, concept)| *concept)
                .collect()
        },
        &today.format("%Y-%m-%d").to_string(),
    );

    let labels: HashMap<i64, String> = entries
        .iter()
        .map(|e| (e.0, format!("{} - {}", e.2, e.3)))
        .collect();
    let label = |id: i64| labels.get(&id).cloned().unwrap_or_default();
    let plan_label = |id: i64| match terms.get(&id).and_then(|t| t.minimum_order_value) {
        Some(minimum) => format!("{} (pedido mínimo {})", label(id), format_brl(minimum)),
        None => label(id),
    };
    Ok(TodaysOfferView {
        date: today.format("%d/%m/%Y").to_string(),
        // By code, as the tab lists them (the rule answers by id).
        lists: entries
            .iter()
            .filter(|e| offer.lists.contains(&e.0))
            .map(|e| label(e.0))
            .collect(),
        plans: offer.plans.offered.into_iter().map(plan_label).collect(),
        refused: offer
            .plans
            .refused
            .into_iter()
            .map(|refused| RefusedPlanView {
                plan: label(refused.plan_id),
                reason: refused.reason.message(),
            })
            .collect(),
    })
}
