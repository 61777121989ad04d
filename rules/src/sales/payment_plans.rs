//! R-SALES-5: the payment plans offered to a customer on an order. A plan is offered when it is
//! active and valid, meant for this establishment and this customer, allowed by the customer's
//! "uses only own plans" and concepts, not on credit for a customer without credit, and the
//! order reaches its minimum (unless the order type skips that check). Every refused plan
//! carries its reason, so the screen can say why a plan the user expected is missing.
//!
//! The minimum is inclusive: an order of exactly the plan's minimum is offered the plan (the
//! seed's "superior ao valor mínimo" read together with the word "mínimo").

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::validity::{Validity, ValidityState};
use crate::money::format_brl;

/// Who a plan is for: everyone, or the ids selected on the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "ids", rename_all = "snake_case")]
pub enum Reach {
    #[default]
    All,
    Selected(Vec<i64>),
}

impl Reach {
    pub fn includes(&self, id: i64) -> bool {
        match self {
            Reach::All => true,
            Reach::Selected(ids) => ids.contains(&id),
        }
    }
}

/// A payment plan of the company, as far as this choice needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentPlan<D> {
    pub id: i64,
    pub active: bool,
    pub validity: Validity<D>,
    pub minimum_order_value: Option<Decimal>,
    pub uses_credit: bool,
    pub customers: Reach,
    pub companies: Reach,
    /// Concepts whose holders may not use the plan.
    pub excluded_concepts: Vec<i64>,
}

/// The customer as seen by the establishment the order is issued in (`company_id`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanCustomer {
    pub id: i64,
    pub company_id: i64,
    /// Whether the customer has credit to buy on (R-CREDIT-1/2, decided by the caller).
    pub has_credit: bool,
    pub uses_only_own_plans: bool,
    pub own_plan_ids: Vec<i64>,
    pub concept_ids: Vec<i64>,
}

/// The order the plans are offered for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanOrder<D> {
    pub today: D,
    pub value: Decimal,
    /// The order type's "validate the plan's minimum value" is off.
    pub skips_minimum: bool,
}

/// Why a plan is not offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum PlanRefusal {
    Inactive,
    NotYetValid,
    Expired,
    OtherCompany,
    OtherCustomers,
    NotOwnPlan,
    ExcludedConcept { concept_id: i64 },
    UsesCredit,
    BelowMinimum { minimum: Decimal },
}

impl PlanRefusal {
    pub fn message(&self) -> String {
        match self {
            PlanRefusal::Inactive => "O plano está inativo.".to_string(),
            PlanRefusal::NotYetValid => "O plano ainda não está em vigor.".to_string(),
            PlanRefusal::Expired => "A validade do plano terminou.".to_string(),
            PlanRefusal::OtherCompany => "O plano não é usado neste estabelecimento.".to_string(),
            PlanRefusal::OtherCustomers => {
                "O plano não está liberado para este cliente.".to_string()
            }
            PlanRefusal::NotOwnPlan => {
                "O cliente usa apenas os planos indicados para ele.".to_string()
            }
            PlanRefusal::ExcludedConcept { .. } => {
                "O plano não é permitido para um conceito que o cliente possui.".to_string()
            }
            PlanRefusal::UsesCredit => {
                "O plano usa o limite de crédito e o cliente não tem crédito.".to_string()
            }
            PlanRefusal::BelowMinimum { minimum } => format!(
                "O pedido não alcança o valor mínimo do plano ({}).",
                format_brl(*minimum)
            ),
        }
    }
}

/// The first reason `plan` is not offered, or `None` when it is.
pub fn refusal<D: PartialOrd>(
    plan: &PaymentPlan<D>,
    customer: &PlanCustomer,
    order: &PlanOrder<D>,
) -> Option<PlanRefusal> {
    if !plan.active {
        return Some(PlanRefusal::Inactive);
    }
    match plan.validity.state(&order.today) {
        ValidityState::NotYet => return Some(PlanRefusal::NotYetValid),
        ValidityState::Expired => return Some(PlanRefusal::Expired),
        ValidityState::Valid => {}
    }
    if !plan.companies.includes(customer.company_id) {
        return Some(PlanRefusal::OtherCompany);
    }
    if !plan.customers.includes(customer.id) {
        return Some(PlanRefusal::OtherCustomers);
    }
    if customer.uses_only_own_plans && !customer.own_plan_ids.contains(&plan.id) {
        return Some(PlanRefusal::NotOwnPlan);
    }
    if let Some(&concept_id) = customer
        .concept_ids
        .iter()
        .find(|concept| plan.excluded_concepts.contains(concept))
    {
        return Some(PlanRefusal::ExcludedConcept { concept_id });
    }
    if plan.uses_credit && !customer.has_credit {
        return Some(PlanRefusal::UsesCredit);
    }
    match plan.minimum_order_value {
        Some(minimum) if !order.skips_minimum && order.value < minimum => {
            Some(PlanRefusal::BelowMinimum { minimum })
        }
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedPlan {
    pub plan_id: i64,
    pub reason: PlanRefusal,
}

/// The plans split in offered and refused, each in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanOffer {
    pub offered: Vec<i64>,
    pub refused: Vec<RefusedPlan>,
}

pub fn offered_plans<D: PartialOrd>(
    plans: &[PaymentPlan<D>],
    customer: &PlanCustomer,
    order: &PlanOrder<D>,
) -> PlanOffer {
    let mut offer = PlanOffer::default();
    for plan in plans {
        match refusal(plan, customer, order) {
            None => offer.offered.push(plan.id),
            Some(reason) => offer.refused.push(RefusedPlan {
                plan_id: plan.id,
                reason,
            }),
        }
    }
    offer
}

#[cfg(test)]
mod tests;
