//! What a customer's orders in a company get today, as the sales tab shows it under the
//! customer's own lists and plans: the price lists that serve (R-SALES-4) and the payment plans
//! offered (R-SALES-5), the others with the reason they are not. The order's value is not known
//! on the tab, so a plan's minimum is named beside it instead of refusing it.
//!
//! Whether the customer has credit is read from its limit alone (R-CREDIT-1: its own, else the
//! company's pre-approved, else unlimited); the receivables that narrow it (R-CREDIT-2) arrive
//! with the receivables.

use rust_decimal::Decimal;

use super::credit_limit::CreditLimit;
use super::payment_plans::{offered_plans, PaymentPlan, PlanCustomer, PlanOffer, PlanOrder, Reach};
use super::price_lists::{applicable_lists, PriceList};
use super::table_terms::Terms;
use super::validity::Validity;

/// An entry of the company's price lists or payment plans with its terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableEntry {
    pub id: i64,
    pub active: bool,
    pub terms: Terms,
}

/// The customer in the company, as far as today's offer needs it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfferCustomer {
    pub id: i64,
    pub company_id: i64,
    pub limit: CreditLimit,
    pub uses_only_own_lists: bool,
    pub own_lists: Vec<i64>,
    pub uses_only_own_plans: bool,
    pub own_plans: Vec<i64>,
    /// The customer's concepts (they arrive with a later issue; none until then).
    pub concepts: Vec<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TodaysOffer {
    /// The price lists that serve, ascending by id.
    pub lists: Vec<i64>,
    pub plans: PlanOffer,
}

/// R-CREDIT-1 as far as the limit goes: a limit of zero leaves no credit.
pub fn has_credit(limit: CreditLimit) -> bool {
    limit.amount().is_none_or(|amount| amount > Decimal::ZERO)
}

/// `today` and the terms' dates as stored, `aaaa-mm-dd` (they compare as dates).
pub fn todays_offer(
    lists: &[TableEntry],
    plans: &[TableEntry],
    customer: &OfferCustomer,
    excluded_concepts: impl Fn(i64) -> Vec<i64>,
    today: &str,
) -> TodaysOffer {
    let lists: Vec<PriceList<String>> = lists
        .iter()
        .map(|entry| PriceList {
            id: entry.id,
            public: entry.terms.public,
            active: entry.active,
            validity: validity(&entry.terms),
        })
        .collect();
    let plans: Vec<PaymentPlan<String>> = plans
        .iter()
        .map(|entry| PaymentPlan {
            id: entry.id,
            active: entry.active,
            validity: validity(&entry.terms),
            minimum_order_value: entry.terms.minimum_order_value,
            uses_credit: entry.terms.uses_credit,
            // A plan not for every customer serves those linked to it.
            customers: if entry.terms.all_customers {
                Reach::All
            } else {
                Reach::Selected(if customer.own_plans.contains(&entry.id) {
                    vec![customer.id]
                } else {
                    Vec::new()
                })
            },
            // Each company holds its own plans: one of this company's is meant for it.
            companies: Reach::All,
            excluded_concepts: excluded_concepts(entry.id),
        })
        .collect();
    let today = today.to_string();
    TodaysOffer {
        lists: applicable_lists(
            &lists,
            customer.uses_only_own_lists,
            &customer.own_lists,
            &today,
        ),
        plans: offered_plans(
            &plans,
            &PlanCustomer {
                id: customer.id,
                company_id: customer.company_id,
                has_credit: has_credit(customer.limit),
                uses_only_own_plans: customer.uses_only_own_plans,
                own_plan_ids: customer.own_plans.clone(),
                concept_ids: customer.concepts.clone(),
            },
            &PlanOrder {
                today,
                value: Decimal::ZERO,
                skips_minimum: true,
            },
        ),
    }
}

fn validity(terms: &Terms) -> Validity<String> {
    terms.validity.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sales::payment_plans::PlanRefusal;
    use crate::sales::table_terms::TermsInput;
    use crate::table_kind::LinkedKind;

    fn terms(kind: LinkedKind, input: TermsInput) -> Terms {
        input.parse(kind).unwrap()
    }

    fn list(id: i64, public: bool) -> TableEntry {
        TableEntry {
            id,
            active: true,
            terms: terms(
                LinkedKind::PriceList,
                TermsInput {
                    public: if public { "on".into() } else { String::new() },
                    ..Default::default()
                },
            ),
        }
    }

    fn plan(id: i64, all: bool, credit: bool, valid_to: &str) -> TableEntry {
        TableEntry {
            id,
            active: true,
            terms: terms(
                LinkedKind::PaymentPlan,
                TermsInput {
                    installments: "30".into(),
                    minimum_order_value: "500,00".into(),
                    uses_credit: if credit { "on".into() } else { String::new() },
                    all_customers: if all { "on".into() } else { String::new() },
                    valid_to: valid_to.into(),
                    ..Default::default()
                },
            ),
        }
    }

    fn customer() -> OfferCustomer {
        OfferCustomer {
            id: 7,
            company_id: 1,
            limit: CreditLimit::Unlimited,
            ..Default::default()
        }
    }

    #[test]
    fn r_sales_4_public_lists_and_the_customers_own_serve_unless_only_own() {
        let lists = [list(1, true), list(2, false), list(3, false)];
        let mut who = OfferCustomer {
            own_lists: vec![3],
            ..customer()
        };
        let offer = todays_offer(&lists, &[], &who, |_| Vec::new(), "2026-12-05");
        assert_eq!(offer.lists, vec![1, 3]);
        who.uses_only_own_lists = true;
        let offer = todays_offer(&lists, &[], &who, |_| Vec::new(), "2026-12-05");
        assert_eq!(offer.lists, vec![3]);
    }

    #[test]
    fn r_sales_5_plans_for_all_or_linked_valid_today_and_on_credit_only_with_credit() {
        let plans = [
            plan(10, true, false, ""),
            plan(11, false, false, ""),
            plan(12, false, false, ""),
            plan(13, true, true, ""),
            plan(14, true, false, "30/11/2026"),
        ];
        let who = OfferCustomer {
            own_plans: vec![12],
            limit: CreditLimit::Customer(Decimal::ZERO),
            ..customer()
        };
        let offer = todays_offer(&[], &plans, &who, |_| Vec::new(), "2026-12-05");
        // The minimum (R$ 500,00) does not refuse: the order's value is not known here.
        assert_eq!(offer.plans.offered, vec![10, 12]);
        let refused: Vec<(i64, PlanRefusal)> = offer
            .plans
            .refused
            .iter()
            .map(|r| (r.plan_id, r.reason))
            .collect();
        assert_eq!(
            refused,
            vec![
                (11, PlanRefusal::OtherCustomers),
                (13, PlanRefusal::UsesCredit),
                (14, PlanRefusal::Expired),
            ]
        );
        // With a limit above zero the plan on credit is offered too.
        let with_credit = OfferCustomer {
            limit: CreditLimit::CompanyPreApproved(Decimal::new(5000, 0)),
            ..who
        };
        let offer = todays_offer(&[], &plans, &with_credit, |_| Vec::new(), "2026-12-05");
        assert_eq!(offer.plans.offered, vec![10, 12, 13]);
    }

    #[test]
    fn r_sales_5_a_plan_excluding_a_concept_of_the_customer_is_not_offered() {
        let plans = [plan(10, true, false, "")];
        let who = OfferCustomer {
            concepts: vec![99],
            ..customer()
        };
        let offer = todays_offer(&[], &plans, &who, |_| vec![99], "2026-12-05");
        assert_eq!(
            offer.plans.refused[0].reason,
            PlanRefusal::ExcludedConcept { concept_id: 99 }
        );
    }

    #[test]
    fn r_credit_1_no_credit_only_with_a_limit_of_zero() {
        assert!(has_credit(CreditLimit::Unlimited));
        assert!(has_credit(CreditLimit::Customer(Decimal::ONE)));
        assert!(!has_credit(CreditLimit::Customer(Decimal::ZERO)));
        assert!(!has_credit(CreditLimit::CompanyPreApproved(Decimal::ZERO)));
    }
}
