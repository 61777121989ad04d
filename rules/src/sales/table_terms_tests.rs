//! Tests of `table_terms`: the terms of each linked table read, shown and recorded.
use super::*;
use proptest::prelude::*;

fn plan(installments: &str) -> TermsInput {
    TermsInput {
        installments: installments.into(),
        all_customers: "on".into(),
        ..TermsInput::default()
    }
}

#[test]
fn r_sales_5_installments_are_days_ascending_zero_is_cash() {
    assert_eq!(parse_installments("30/60/90"), Ok(vec![30, 60, 90]));
    assert_eq!(parse_installments(" 0 "), Ok(vec![0]));
    assert_eq!(parse_installments("28, 35;42 49"), Ok(vec![28, 35, 42, 49]));
    assert!(parse_installments("").is_err());
    assert!(parse_installments("60/30").is_err());
    assert!(parse_installments("30/30").is_err());
    assert!(parse_installments("30/x").is_err());
    assert!(parse_installments("1000").is_err());
    assert!(parse_installments(&"1/".repeat(49)).is_err());
}

#[test]
fn r_sales_5_a_plan_reads_its_minimum_credit_and_reach() {
    let input = TermsInput {
        minimum_order_value: "1.500,00".into(),
        uses_credit: "on".into(),
        all_customers: String::new(),
        ..plan("30/60")
    };
    let terms = input.parse(LinkedKind::PaymentPlan).unwrap();
    assert_eq!(terms.installment_days, vec![30, 60]);
    assert_eq!(terms.minimum_order_value, Some(Decimal::new(150000, 2)));
    assert!(terms.uses_credit);
    assert!(!terms.all_customers);
    assert_eq!(terms.input().minimum_order_value, "1.500,00");
}

#[test]
fn wrong_terms_are_each_named_beside_their_field() {
    let input = TermsInput {
        valid_from: "31/02/2026".into(),
        minimum_order_value: "-5,00".into(),
        ..plan("")
    };
    let errors = input.parse(LinkedKind::PaymentPlan).unwrap_err();
    let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec!["valid_from", "installments", "minimum_order_value"]
    );
    let backwards = TermsInput {
        valid_from: "01/02/2026".into(),
        valid_to: "31/01/2026".into(),
        ..TermsInput::default()
    };
    let errors = backwards.parse(LinkedKind::PriceList).unwrap_err();
    assert_eq!(errors[0].field, "valid_to");
}

#[test]
fn r_sales_4_a_price_list_is_public_only_when_ticked_and_ignores_plan_fields() {
    let input = TermsInput {
        public: "on".into(),
        installments: "nonsense".into(),
        valid_from: "01/01/2026".into(),
        ..TermsInput::default()
    };
    let terms = input.parse(LinkedKind::PriceList).unwrap();
    assert!(terms.public);
    assert_eq!(terms.validity.from.as_deref(), Some("2026-01-01"));
    assert_eq!(terms.validity_label(), "a partir de 01/01/2026");
    assert!(
        !TermsInput::default()
            .parse(LinkedKind::PriceList)
            .unwrap()
            .public
    );
}

#[test]
fn the_history_names_each_changed_term_as_the_form_shows_it() {
    let before = plan("30/60").parse(LinkedKind::PaymentPlan).unwrap();
    let after = TermsInput {
        minimum_order_value: "100".into(),
        ..plan("30/60/90")
    }
    .parse(LinkedKind::PaymentPlan)
    .unwrap();
    assert_eq!(
        terms_changes(LinkedKind::PaymentPlan, Some(&before), Some(&after)),
        vec![
            ("Parcelas (dias)", "30/60".into(), "30/60/90".into()),
            ("Valor mínimo do pedido", String::new(), "R$ 100,00".into()),
        ]
    );
    assert!(terms_changes(LinkedKind::PaymentPlan, Some(&after), Some(&after)).is_empty());
    let created = terms_changes(LinkedKind::PriceList, None, Some(&Terms::default()));
    assert_eq!(created, vec![("Pública", String::new(), "Não".into())]);
}

#[test]
fn r_sales_10_a_carrier_has_a_cnpj_a_driver_a_cpf_and_a_vehicle_a_plate() {
    let carrier = TermsInput {
        document: "11.222.333/0001-81".into(),
        ..TermsInput::default()
    };
    let terms = carrier.parse(LinkedKind::Carrier).unwrap();
    assert_eq!(terms.document.as_deref(), Some("11222333000181"));
    assert!(!terms.driver);
    assert_eq!(terms.input().document, "11.222.333/0001-81");
    let driver = TermsInput {
        carrier_kind: "driver".into(),
        document: "11.222.333/0001-81".into(),
        ..TermsInput::default()
    };
    let errors = driver.parse(LinkedKind::Carrier).unwrap_err();
    assert_eq!(errors[0].field, "document");
    assert!(errors[0].message.starts_with("CPF inválido"));
    let driver = TermsInput {
        carrier_kind: "driver".into(),
        document: "529.982.247-25".into(),
        ..TermsInput::default()
    };
    assert!(driver.parse(LinkedKind::Carrier).unwrap().driver);
    let vehicle = TermsInput {
        plate: "iab-1234".into(),
        ..TermsInput::default()
    };
    let terms = vehicle.parse(LinkedKind::FleetVehicle).unwrap();
    assert_eq!(terms.input().plate, "IAB-1234");
    assert_eq!(
        terms_changes(LinkedKind::FleetVehicle, None, Some(&terms)),
        vec![("Placa", String::new(), "IAB-1234".to_string())]
    );
    let wrong = TermsInput {
        plate: "IAB12".into(),
        ..TermsInput::default()
    };
    assert_eq!(
        wrong.parse(LinkedKind::FleetVehicle).unwrap_err()[0].field,
        "plate"
    );
}

proptest! {
    #[test]
    fn r_sales_5_installments_read_back_from_what_the_form_shows(
        days in proptest::collection::btree_set(0u16..=MAX_INSTALLMENT_DAYS, 1..MAX_INSTALLMENTS)
    ) {
        let days: Vec<u16> = days.into_iter().collect();
        prop_assert_eq!(parse_installments(&format_installments(&days)), Ok(days));
    }
}

#[test]
fn r_sales_12_a_chart_account_reads_its_nature_and_its_linked_real_account() {
    let input = TermsInput {
        account_kind: "synthetic".into(),
        real_account: " 1.1.01.02.00000 ".into(),
        ..TermsInput::default()
    };
    let managerial = input.parse(LedgerChart::Managerial).unwrap();
    assert!(managerial.synthetic);
    assert_eq!(managerial.real_account.as_deref(), Some("1.1.01.02.00000"));
    assert_eq!(managerial.input().account_kind, "synthetic");
    // A real account links to nothing: what was typed there is not kept.
    assert_eq!(input.parse(LedgerChart::Real).unwrap().real_account, None);
    let wrong = TermsInput {
        real_account: "DD00001".into(),
        ..TermsInput::default()
    };
    let errors = wrong.parse(LedgerChart::Managerial).unwrap_err();
    assert_eq!(errors[0].field, "real_account");
    assert!(
        !TermsInput::default()
            .parse(LedgerChart::Managerial)
            .unwrap()
            .synthetic
    );
}

#[test]
fn r_sales_12_a_chart_account_change_is_recorded_by_label() {
    let analytic = TermsInput::default()
        .parse(LedgerChart::Managerial)
        .unwrap();
    let linked = TermsInput {
        account_kind: "synthetic".into(),
        real_account: "1.1.01.02.00000".into(),
        ..TermsInput::default()
    }
    .parse(LedgerChart::Managerial)
    .unwrap();
    assert_eq!(
        terms_changes(LedgerChart::Managerial, Some(&analytic), Some(&linked)),
        vec![
            ("Tipo", "Analítica".to_string(), "Sintética".to_string()),
            (
                "Conta real vinculada",
                String::new(),
                "1.1.01.02.00000".to_string()
            ),
        ]
    );
    assert_eq!(
        terms_changes(LedgerChart::Real, None, Some(&analytic)),
        vec![("Tipo", String::new(), "Analítica".to_string())]
    );
}
