//! Tests of `company_settings`: the settings form read and written back.
use super::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

#[test]
fn the_settings_read_what_brazilians_type_and_empty_means_none() {
    let input = CompanySettingsInput {
        credit_limit: "5.000,00".into(),
        daily_interest: "0,0333".into(),
        late_fee: "2".into(),
        credit_use: "optional".into(),
        credit_order: "split".into(),
        ledger_prefix: "0101.".into(),
        real_ledger_prefix: "1.1.02.01.".into(),
        doubtful_debt_real_synthetic: "1.1.01.02.00000".into(),
        doubtful_debt_automatic: "on".into(),
        ..Default::default()
    };
    let read = input.parse().unwrap();
    assert_eq!(
        read.sales.pre_approved_credit_limit,
        Some(Decimal::new(5000, 0))
    );
    assert_eq!(read.sales.daily_interest, Some(Decimal::new(333, 4)));
    assert_eq!(read.sales.max_discount, None);
    assert_eq!(read.sales.credit_order, CreditOrder::Split);
    assert_eq!(read.ledger.prefix.as_deref(), Some("0101."));
    assert_eq!(read.ledger.code_width, DEFAULT_CODE_WIDTH);
    assert!(read.ledger.doubtful_debt_automatic);
    assert_eq!(read.input().parse(), Ok(read));
}

#[test]
fn every_wrong_setting_is_named_and_the_credit_use_must_be_chosen() {
    let input = CompanySettingsInput {
        credit_limit: "abc".into(),
        late_fee: "101".into(),
        credit_use: String::new(),
        credit_order: "ascending".into(),
        ledger_code_width: "12".into(),
        doubtful_debt_real_synthetic: "1.1.01.02.00042".into(),
        ..Default::default()
    };
    let fields: Vec<_> = input
        .parse()
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        vec![
            "credit_limit",
            "late_fee",
            "credit_use",
            "ledger_code_width",
            "doubtful_debt_real_synthetic"
        ]
    );
}

#[test]
fn r_company_2_each_changed_setting_is_one_history_line() {
    let before = CompanySettings::default();
    let mut after = before.clone();
    after.sales.pre_approved_credit_limit = Some(Decimal::new(250000, 2));
    after.sales.credit_use = CreditUse::Always;
    after.ledger.prefix = Some("0101.".into());
    let found = settings_changes(&before, &after);
    let shown: Vec<_> = found
        .iter()
        .map(|c| (c.field.as_str(), c.old_value.as_str(), c.new_value.as_str()))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("Limite de crédito pré-aprovado", "", "R$ 2.500,00"),
            ("Uso do crédito", "Opcional", "Sempre utilizar"),
            ("Prefixo da conta contábil", "", "0101."),
        ]
    );
}

proptest! {
    #[test]
    fn settings_shown_read_back_as_stored(
        limit in prop::option::of(0i64..1_000_000_000),
        interest in prop::option::of(0i64..=100_000),
        fee in prop::option::of(0i64..=10_000),
        max in prop::option::of(0i64..=10_000),
        usage in prop::sample::select(CreditUse::ALL),
        order in prop::sample::select(CreditOrder::ALL),
        prefix in prop::option::of("[0-9]{1,4}\\.[0-9]{2}\\."),
        width in 1u8..=10,
        automatic in any::<bool>(),
    ) {
        let settings = CompanySettings {
            sales: CompanySalesSettings {
                pre_approved_credit_limit: limit.map(|c| Decimal::new(c, 2)),
                daily_interest: interest.map(|c| Decimal::new(c, 4)),
                late_fee: fee.map(|c| Decimal::new(c, 2)),
                max_discount: max.map(|c| Decimal::new(c, 2)),
                credit_use: usage,
                credit_order: order,
                tables: CommercialRefs::default(),
                insurance_enabled: automatic,
                restricts_pickup_carriers: !automatic,
                restricts_pickup_fleet: automatic,
                commission_per_customer: !automatic,
                own: OwnEntries {
                    price_lists: limit.map(|c| c.abs() + 1).into_iter().collect(),
                    payment_plans: interest.map(|c| c.abs() + 1).into_iter().collect(),
                    ..OwnEntries::default()
                },
            },
            ledger: LedgerSettings {
                prefix,
                code_width: width,
                doubtful_debt_real_synthetic: Some("1.1.01.02.00000".into()),
                doubtful_debt_automatic: automatic,
                ..Default::default()
            },
            advances: rules_advances(automatic),
        };
        prop_assert_eq!(settings.input().parse(), Ok(settings));
    }
}

/// R-ADV-1: enabled with both codes, or off with the entry code kept.
fn rules_advances(enabled: bool) -> crate::finance::advance::AdvanceSettings {
    crate::finance::advance::AdvanceSettings {
        enabled,
        entry_history_code: Some("ADT".into()),
        refund_history_code: enabled.then(|| "DEV".into()),
    }
}

#[test]
fn the_real_accounts_prefix_is_numbers_and_dots_like_the_real_chart() {
    assert_eq!(
        super::parse_real_prefix(" 1.1.02.01. ").unwrap().as_deref(),
        Some("1.1.02.01.")
    );
    assert_eq!(super::parse_real_prefix("").unwrap(), None);
    for typed in ["abc", "1.1.A", "..."] {
        let refused = super::parse_real_prefix(typed).unwrap_err();
        assert_eq!(refused.field, "real_ledger_prefix", "{typed}");
    }
}
