//! Tests of `defaults`: the form read and written back, per rule id.

use super::*;
use proptest::prelude::*;
use std::str::FromStr;

use crate::table_kind::LinkedKind;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn company() -> CompanySalesSettings {
    CompanySalesSettings {
        pre_approved_credit_limit: Some(d("5000")),
        daily_interest: Some(d("0.0333")),
        late_fee: Some(d("2")),
        max_discount: Some(d("10")),
        credit_use: CreditUse::Optional,
        credit_order: CreditOrder::Ascending,
        tables: CommercialRefs::default(),
        insurance_enabled: true,
        ..Default::default()
    }
}

fn errors_of(input: &SalesDefaultsInput) -> Vec<(&'static str, String)> {
    input
        .parse()
        .unwrap_err()
        .into_iter()
        .map(|e| (e.field, e.message))
        .collect()
}

#[test]
fn r_sales_1_a_new_customer_takes_the_companys_interest_and_follows_the_rest_of_it() {
    let new = SalesDefaults::new_customer(&company());
    assert_eq!(new.daily_interest, Some(d("0.0333")));
    assert_eq!(
        new.credit_limit, None,
        "R-CREDIT-1: the pre-approved limit applies"
    );
    assert_eq!(new.late_fee_source, LateFeeSource::Company);
    assert_eq!(new.credit_use, None);
    assert_eq!(new.credit_order, None);
    assert!(new.allows_discount);
    assert_eq!(new.input().parse(), Ok(new));
}

#[test]
fn the_form_reads_what_brazilians_type() {
    let input = SalesDefaultsInput {
        credit_limit: "R$ 12.500,00".into(),
        daily_interest: "0,033".into(),
        late_fee_source: "customer".into(),
        late_fee: "2,5".into(),
        discount: "-3".into(),
        allows_discount: "on".into(),
        max_discount: "12,5%".into(),
        conditional_discount: ConditionalDiscountInput {
            days_before_due: "5".into(),
            percent: "1,5".into(),
        },
        credit_use: "always".into(),
        purpose: "resale".into(),
        delivery_block: "blocks_pickup".into(),
        attachments: AttachmentsInput {
            boleto_pdf: "send".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    let read = input.parse().unwrap();
    assert_eq!(read.credit_limit, Some(d("12500")));
    assert_eq!(read.daily_interest, Some(d("0.033")));
    assert_eq!(read.late_fee, Some(d("2.5")));
    assert_eq!(
        read.discount,
        Some(d("-3")),
        "R-SALES-2: negative is a surcharge"
    );
    assert_eq!(read.max_discount, Some(d("12.5")));
    assert_eq!(read.credit_use, Some(CreditUse::Always));
    assert_eq!(read.credit_order, None);
    assert_eq!(read.purpose, Some(Purpose::Resale));
    assert_eq!(read.delivery_block, DeliveryBlock::BlocksPickup);
    assert_eq!(read.attachments.boleto_pdf, EmailAttachment::Send);
    assert_eq!(
        read.attachments.lot_pdf,
        EmailAttachment::FollowEstablishment
    );
    assert_eq!(read.suggested_lot, SuggestedLot::None);
}

#[test]
fn every_wrong_field_is_named_at_once() {
    let input = SalesDefaultsInput {
        credit_limit: "-10".into(),
        daily_interest: "12".into(),
        discount: "150".into(),
        max_discount: "abc".into(),
        conditional_discount: ConditionalDiscountInput {
            days_before_due: "3".into(),
            percent: String::new(),
        },
        credit_use: "sometimes".into(),
        ..Default::default()
    };
    let fields: Vec<_> = errors_of(&input).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        vec![
            "credit_limit",
            "daily_interest",
            "discount",
            "max_discount",
            "conditional_discount_percent",
            "credit_use"
        ]
    );
}

#[test]
fn r_sales_9_choosing_the_customers_late_fee_asks_for_it() {
    let input = SalesDefaultsInput {
        late_fee_source: "customer".into(),
        ..Default::default()
    };
    assert_eq!(
        errors_of(&input),
        vec![(
            "late_fee",
            "Informe a multa do cliente ou use a da empresa.".to_string()
        )]
    );
}

#[test]
fn r_sales_3_a_customer_who_may_not_get_discounts_has_theirs_stored_as_zero() {
    let input = SalesDefaultsInput {
        discount: "8".into(),
        allows_discount: String::new(),
        ..Default::default()
    };
    let read = input.parse().unwrap();
    assert!(!read.allows_discount);
    assert_eq!(read.discount, Some(Decimal::ZERO));
}

#[test]
fn r_sales_1_a_new_customer_takes_the_companys_billing_type_currency_bearer_and_carrier_only() {
    let mut settings = company();
    for (n, kind) in CommercialKind::ALL.into_iter().enumerate() {
        settings.tables.set(kind, Some(n as i64 + 1));
    }
    let new = SalesDefaults::new_customer(&settings);
    let taken: Vec<_> = new
        .tables
        .by_kind()
        .filter_map(|(k, id)| id.map(|id| (k, id)))
        .collect();
    assert_eq!(
        taken,
        vec![
            (CommercialKind::BillingType, 1),
            (CommercialKind::Currency, 2),
            (CommercialKind::Bearer, 3),
            (CommercialKind::Carrier, 6)
        ]
    );
}

#[test]
fn a_table_choice_that_is_no_entry_is_named_beside_its_select() {
    let mut input = SalesDefaultsInput::default();
    input.tables.insert("currency".into(), "BRL".into());
    input.tables.insert("bearer".into(), "12".into());
    assert_eq!(
        errors_of(&input),
        vec![("tables.currency", "Escolha uma opção da lista.".to_string())]
    );
}

#[test]
fn r_sales_11_a_mandatory_insurance_needs_its_insurance_and_none_drops_a_leftover() {
    let mut mandatory = SalesDefaults::new_customer(&company());
    mandatory.insurance_profile = InsuranceProfile::Mandatory;
    let error = mandatory.check_insurance(true).unwrap_err();
    assert_eq!(error.field, "tables.insurance");
    mandatory.tables.set(CommercialKind::Insurance, Some(4));
    assert_eq!(mandatory.check_insurance(true), Ok(()));
    assert!(
        mandatory.check_insurance(false).is_err(),
        "the company works without insurance"
    );
    let mut none = mandatory.clone();
    none.insurance_profile = InsuranceProfile::None;
    assert_eq!(none.check_insurance(false), Ok(()));
    assert_eq!(none.tables.get(CommercialKind::Insurance), None);
}

#[test]
fn daily_interest_keeps_four_decimals_and_refuses_more() {
    assert_eq!(parse_daily_interest("0,0333"), Ok(Some(d("0.0333"))));
    assert!(parse_daily_interest("0,03333").is_err());
    assert!(parse_daily_interest("10,5").is_err());
    assert_eq!(parse_daily_interest(""), Ok(None));
}

fn percent_strategy(max: i64) -> impl Strategy<Value = Option<Decimal>> {
    prop::option::of((0..=max * 100).prop_map(|cents| Decimal::new(cents, 2)))
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(all)
}

prop_compose! {
    fn any_defaults()(
        credit_limit in prop::option::of((0i64..1_000_000_000).prop_map(|c| Decimal::new(c, 2))),
        daily_interest in prop::option::of((0i64..=100_000).prop_map(|c| Decimal::new(c, 4))),
        customer_fee in any::<bool>(),
        late_fee in percent_strategy(100),
        discount in prop::option::of((-10_000i64..=10_000).prop_map(|c| Decimal::new(c, 2))),
        allows_discount in any::<bool>(),
        max_discount in percent_strategy(100),
        flags in prop::array::uniform7(any::<bool>()),
        conditional in prop::option::of((0u32..=999, 1i64..=10_000)),
        credit_use in prop::option::of(pick(CreditUse::ALL)),
        credit_order in prop::option::of(pick(CreditOrder::ALL)),
        purpose in prop::option::of(pick(Purpose::ALL)),
        delivery_block in pick(DeliveryBlock::ALL),
        suggested_lot in pick(SuggestedLot::ALL),
        attachments in prop::array::uniform5(pick(EmailAttachment::ALL)),
        entries in prop::array::uniform11(prop::option::of(1i64..1_000_000)),
        insurance_profile in pick(InsuranceProfile::ALL),
        mortgage_value in prop::option::of((0i64..1_000_000_000).prop_map(|c| Decimal::new(c, 2))),
        price_lists in prop::collection::vec(1i64..1_000_000, 0..5),
        payment_plans in prop::collection::vec(1i64..1_000_000, 0..5),
    ) -> SalesDefaults {
        let mut own = OwnEntries::default();
        own.set(LinkedKind::PriceList, price_lists);
        own.set(LinkedKind::PaymentPlan, payment_plans);
        let (late_fee_source, late_fee) = match (customer_fee, late_fee) {
            (true, Some(fee)) => (LateFeeSource::Customer, Some(fee)),
            (_, fee) => (LateFeeSource::Company, fee),
        };
        let mut all = EmailAttachments::default();
        for (&kind, value) in AttachmentKind::ALL.iter().zip(attachments) {
            all.set(kind, value);
        }
        SalesDefaults {
            credit_limit,
            daily_interest,
            late_fee_source,
            late_fee,
            discount: stored_customer_discount(allows_discount, discount),
            allows_discount,
            max_discount,
            allows_conditional_discount: flags[0],
            conditional_discount: conditional.map(|(days, cents)| ConditionalDiscount {
                days_before_due: days,
                percent: Decimal::new(cents, 2),
            }),
            credit_use,
            credit_order,
            purpose,
            delivery_block,
            uses_only_own_price_lists: flags[1],
            uses_only_own_plans: flags[2],
            payment_plan_per_product: flags[3],
            prints_boleto_on_invoice: flags[4],
            requires_prepayment: flags[5],
            suggested_lot,
            attachments: all,
            tables: CommercialRefs(entries),
            insurance_profile,
            guarantees: Guarantees { mortgage_value, ..Default::default() },
            uses_buyers_lists: flags[6],
            own,
        }
    }
}

proptest! {
    #[test]
    fn what_the_form_shows_reads_back_as_it_was_stored(defaults in any_defaults()) {
        let read = defaults.input().parse().unwrap();
        prop_assert_eq!(read, defaults);
    }
}
