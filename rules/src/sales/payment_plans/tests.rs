use super::*;
use proptest::prelude::*;
use std::str::FromStr;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn plan(id: i64) -> PaymentPlan<u32> {
    PaymentPlan {
        id,
        active: true,
        validity: Validity::default(),
        minimum_order_value: None,
        uses_credit: false,
        customers: Reach::All,
        companies: Reach::All,
        excluded_concepts: Vec::new(),
    }
}

fn customer() -> PlanCustomer {
    PlanCustomer {
        id: 7,
        company_id: 1,
        has_credit: true,
        uses_only_own_plans: false,
        own_plan_ids: Vec::new(),
        concept_ids: Vec::new(),
    }
}

fn order(value: &str) -> PlanOrder<u32> {
    PlanOrder {
        today: 100,
        value: d(value),
        skips_minimum: false,
    }
}

fn reason(
    plan: &PaymentPlan<u32>,
    customer: &PlanCustomer,
    order: &PlanOrder<u32>,
) -> Option<PlanRefusal> {
    refusal(plan, customer, order)
}

#[test]
fn r_sales_5_an_open_plan_is_offered() {
    assert_eq!(reason(&plan(1), &customer(), &order("10")), None);
}

#[test]
fn r_sales_5_an_inactive_or_out_of_date_plan_is_refused() {
    let mut inactive = plan(1);
    inactive.active = false;
    assert_eq!(
        reason(&inactive, &customer(), &order("10")),
        Some(PlanRefusal::Inactive)
    );
    let mut future = plan(2);
    future.validity.from = Some(101);
    assert_eq!(
        reason(&future, &customer(), &order("10")),
        Some(PlanRefusal::NotYetValid)
    );
    let mut past = plan(3);
    past.validity.to = Some(99);
    assert_eq!(
        reason(&past, &customer(), &order("10")),
        Some(PlanRefusal::Expired)
    );
}

#[test]
fn r_sales_5_the_order_must_reach_the_plans_minimum_unless_the_order_type_skips_it() {
    let mut with_minimum = plan(1);
    with_minimum.minimum_order_value = Some(d("500.00"));
    let refused = reason(&with_minimum, &customer(), &order("499.99"));
    assert_eq!(
        refused,
        Some(PlanRefusal::BelowMinimum {
            minimum: d("500.00")
        })
    );
    assert_eq!(
        refused.unwrap().message(),
        "O pedido não alcança o valor mínimo do plano (R$ 500,00)."
    );
    assert_eq!(reason(&with_minimum, &customer(), &order("500.00")), None);
    let skipping = PlanOrder {
        skips_minimum: true,
        ..order("1")
    };
    assert_eq!(reason(&with_minimum, &customer(), &skipping), None);
}

#[test]
fn r_sales_5_a_plan_on_credit_is_refused_to_a_customer_without_credit() {
    let mut on_credit = plan(1);
    on_credit.uses_credit = true;
    let broke = PlanCustomer {
        has_credit: false,
        ..customer()
    };
    assert_eq!(
        reason(&on_credit, &broke, &order("10")),
        Some(PlanRefusal::UsesCredit)
    );
    assert_eq!(reason(&on_credit, &customer(), &order("10")), None);
    assert_eq!(reason(&plan(2), &broke, &order("10")), None);
}

#[test]
fn r_sales_5_uses_only_own_plans_offers_only_the_customers_plans() {
    let own = PlanCustomer {
        uses_only_own_plans: true,
        own_plan_ids: vec![2],
        ..customer()
    };
    assert_eq!(
        reason(&plan(1), &own, &order("10")),
        Some(PlanRefusal::NotOwnPlan)
    );
    assert_eq!(reason(&plan(2), &own, &order("10")), None);
}

#[test]
fn r_sales_5_a_plan_excluding_a_concept_the_customer_holds_is_refused() {
    let mut excluding = plan(1);
    excluding.excluded_concepts = vec![30, 40];
    let holder = PlanCustomer {
        concept_ids: vec![10, 40],
        ..customer()
    };
    assert_eq!(
        reason(&excluding, &holder, &order("10")),
        Some(PlanRefusal::ExcludedConcept { concept_id: 40 })
    );
    assert_eq!(reason(&excluding, &customer(), &order("10")), None);
}

#[test]
fn r_sales_5_a_plan_selected_for_other_customers_or_companies_is_refused() {
    let mut others = plan(1);
    others.customers = Reach::Selected(vec![8, 9]);
    assert_eq!(
        reason(&others, &customer(), &order("10")),
        Some(PlanRefusal::OtherCustomers)
    );
    others.customers = Reach::Selected(vec![7]);
    assert_eq!(reason(&others, &customer(), &order("10")), None);
    others.companies = Reach::Selected(vec![2]);
    assert_eq!(
        reason(&others, &customer(), &order("10")),
        Some(PlanRefusal::OtherCompany)
    );
    others.companies = Reach::Selected(vec![1, 2]);
    assert_eq!(reason(&others, &customer(), &order("10")), None);
}

#[test]
fn r_sales_5_the_offer_lists_every_refused_plan_with_its_reason() {
    let mut inactive = plan(2);
    inactive.active = false;
    let offer = offered_plans(&[plan(1), inactive, plan(3)], &customer(), &order("10"));
    assert_eq!(offer.offered, vec![1, 3]);
    assert_eq!(
        offer.refused,
        vec![RefusedPlan {
            plan_id: 2,
            reason: PlanRefusal::Inactive
        }]
    );
    assert_eq!(offer.refused[0].reason.message(), "O plano está inativo.");
}

#[test]
fn r_sales_5_every_refusal_has_a_portuguese_message() {
    for refusal in [
        PlanRefusal::Inactive,
        PlanRefusal::NotYetValid,
        PlanRefusal::Expired,
        PlanRefusal::OtherCompany,
        PlanRefusal::OtherCustomers,
        PlanRefusal::NotOwnPlan,
        PlanRefusal::ExcludedConcept { concept_id: 1 },
        PlanRefusal::UsesCredit,
        PlanRefusal::BelowMinimum { minimum: d("1") },
    ] {
        let message = refusal.message();
        assert!(
            message.starts_with(char::is_uppercase) && message.ends_with('.'),
            "{message}"
        );
    }
}

fn reach() -> impl Strategy<Value = Reach> {
    prop_oneof![
        Just(Reach::All),
        proptest::collection::vec(0i64..4, 0..3).prop_map(Reach::Selected),
    ]
}

fn plans() -> impl Strategy<Value = Vec<PaymentPlan<u32>>> {
    let one = (
        any::<bool>(),
        proptest::option::of(90u32..110),
        proptest::option::of(90u32..110),
        proptest::option::of((0i64..100_000).prop_map(|c| Decimal::new(c, 2))),
        any::<bool>(),
        reach(),
        reach(),
        proptest::collection::vec(0i64..5, 0..3),
    );
    proptest::collection::vec(one, 0..8).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(
                |(i, (active, from, to, minimum, uses_credit, customers, companies, excluded))| {
                    PaymentPlan {
                        id: i as i64,
                        active,
                        validity: Validity { from, to },
                        minimum_order_value: minimum,
                        uses_credit,
                        customers,
                        companies,
                        excluded_concepts: excluded,
                    }
                },
            )
            .collect()
    })
}

fn customers() -> impl Strategy<Value = PlanCustomer> {
    (
        0i64..4,
        0i64..4,
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(0i64..8, 0..5),
        proptest::collection::vec(0i64..5, 0..3),
    )
        .prop_map(
            |(id, company_id, has_credit, uses_only_own_plans, own_plan_ids, concept_ids)| {
                PlanCustomer {
                    id,
                    company_id,
                    has_credit,
                    uses_only_own_plans,
                    own_plan_ids,
                    concept_ids,
                }
            },
        )
}

fn orders() -> impl Strategy<Value = PlanOrder<u32>> {
    (
        95u32..105,
        (0i64..100_000).prop_map(|c| Decimal::new(c, 2)),
        any::<bool>(),
    )
        .prop_map(|(today, value, skips_minimum)| PlanOrder {
            today,
            value,
            skips_minimum,
        })
}

fn is_subset(small: &[i64], large: &[i64]) -> bool {
    small.iter().all(|id| large.contains(id))
}

proptest! {
    #[test]
    fn r_sales_5_the_offer_is_a_subset_and_every_plan_is_offered_or_refused(
        plans in plans(), customer in customers(), order in orders(),
    ) {
        let offer = offered_plans(&plans, &customer, &order);
        let ids: Vec<i64> = plans.iter().map(|p| p.id).collect();
        prop_assert!(is_subset(&offer.offered, &ids));
        prop_assert_eq!(offer.offered.len() + offer.refused.len(), plans.len());
        for refused in &offer.refused {
            prop_assert!(!offer.offered.contains(&refused.plan_id));
        }
    }

    #[test]
    fn r_sales_5_uses_only_own_plans_never_adds_a_plan(
        plans in plans(), customer in customers(), order in orders(),
    ) {
        let open = PlanCustomer { uses_only_own_plans: false, ..customer.clone() };
        let own = PlanCustomer { uses_only_own_plans: true, ..customer };
        let with_own = offered_plans(&plans, &own, &order).offered;
        prop_assert!(is_subset(&with_own, &offered_plans(&plans, &open, &order).offered));
        prop_assert!(is_subset(&with_own, &own.own_plan_ids));
    }

    #[test]
    fn r_sales_5_raising_the_order_value_never_removes_a_plan(
        plans in plans(), customer in customers(), order in orders(),
        raise in (0i64..100_000).prop_map(|c| Decimal::new(c, 2)),
    ) {
        let higher = PlanOrder { value: order.value + raise, ..order };
        prop_assert!(is_subset(
            &offered_plans(&plans, &customer, &order).offered,
            &offered_plans(&plans, &customer, &higher).offered,
        ));
    }

    #[test]
    fn r_sales_5_skipping_the_minimum_or_having_credit_never_removes_a_plan(
        plans in plans(), customer in customers(), order in orders(),
    ) {
        let base = offered_plans(&plans, &customer, &order).offered;
        let skipping = PlanOrder { skips_minimum: true, ..order };
        prop_assert!(is_subset(&base, &offered_plans(&plans, &customer, &skipping).offered));
        let with_credit = PlanCustomer { has_credit: true, ..customer.clone() };
        prop_assert!(is_subset(&base, &offered_plans(&plans, &with_credit, &order).offered));
    }
}
