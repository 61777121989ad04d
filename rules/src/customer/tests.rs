use super::*;

#[test]
fn issue_11_the_ie_follows_the_check_digits_of_the_main_address_state() {
    let in_state =
        |uf: Option<&str>, ie: Option<&str>| state_registration_in(uf, ie.map(str::to_string));
    assert_eq!(
        in_state(Some("SC"), Some("251040852")),
        Ok(Some("251040852".into()))
    );
    let refused = in_state(Some("SC"), Some("251040853")).unwrap_err();
    assert_eq!(refused.field, "state_registration");
    assert!(refused.message.contains("SC"), "{}", refused.message);
    assert_eq!(
        in_state(Some("RS"), Some("2243658792")),
        Ok(Some("2243658792".into()))
    );
    assert!(in_state(Some("SC"), Some("2243658792")).is_err());
    // MT's short form is stored padded, as the state publishes it.
    assert_eq!(
        in_state(Some("MT"), Some("130000019")),
        Ok(Some("00130000019".into()))
    );
    // No main address yet, or a foreign one: the generic check of `validate` stands.
    assert_eq!(
        in_state(None, Some("2243658792")),
        Ok(Some("2243658792".into()))
    );
    assert_eq!(in_state(Some("EX"), Some("123")), Ok(Some("123".into())));
    assert_eq!(
        in_state(Some("SC"), Some("ISENTO")),
        Ok(Some("ISENTO".into()))
    );
    assert_eq!(in_state(Some("SC"), None), Ok(None));
}

#[test]
fn sao_paulo_rural_producers_ie_keeps_its_p() {
    assert_eq!(
        parse_state_registration("P-01100424.3/002"),
        Ok(Some("P011004243002".to_string()))
    );
    assert!(parse_state_registration("P").is_err());
}

fn input() -> CustomerInput {
    CustomerInput {
        code: "10".into(),
        kind: "legal_entity".into(),
        document: "12.ABC.345/01DE-35".into(),
        state_registration: "isento".into(),
        legal_name: "  Comercial   Zanella Ltda ".into(),
        trade_name: "".into(),
        status: "active".into(),
        email: "Compras@Zanella.com.br".into(),
        phone: "(51) 3591-1234".into(),
        valid_until: "2027-02-28".into(),
        monthly_income: "".into(),
    }
}

#[test]
fn r_cust_2_a_valid_record_is_stored_bare_and_tidy() {
    let valid = validate(&input()).unwrap();
    assert_eq!(valid.document, "12ABC34501DE35");
    assert_eq!(valid.state_registration.as_deref(), Some("ISENTO"));
    assert_eq!(valid.legal_name, "Comercial Zanella Ltda");
    assert_eq!(valid.trade_name, "Comercial Zanella Ltda");
    assert_eq!(valid.email.as_deref(), Some("compras@zanella.com.br"));
}

#[test]
fn r_cust_2_the_document_is_checked_against_the_kind() {
    let mut wrong = input();
    wrong.kind = "individual".into();
    let errors = validate(&wrong).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "document");
    assert_eq!(
        errors[0].message,
        "Isto é um CNPJ: para pessoa jurídica, escolha o tipo de pessoa Jurídica."
    );

    // A CPF typed while "Jurídica" is chosen, masked as a CNPJ as it was typed.
    let mut cpf = input();
    cpf.document = "529.982.247-25".into();
    let errors = validate(&cpf).unwrap_err();
    assert_eq!(
        errors[0].message,
        "Isto é um CPF: para pessoa física, escolha o tipo de pessoa Física."
    );
    cpf.document = "52.998.224/725".into();
    assert_eq!(
        validate(&cpf).unwrap_err()[0].message,
        "Isto é um CPF: para pessoa física, escolha o tipo de pessoa Física."
    );

    // Neither: the length or check digit of the kind chosen.
    cpf.document = "529.982.247-26".into();
    assert_eq!(
        validate(&cpf).unwrap_err()[0].message,
        "CNPJ inválido: CNPJ deve ter 14 caracteres."
    );
    wrong.document = "529.982.247-26".into();
    assert!(validate(&wrong).unwrap_err()[0]
        .message
        .starts_with("CPF inválido"));
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let bad = CustomerInput {
        code: "x".into(),
        kind: "individual".into(),
        document: "111.111.111-11".into(),
        state_registration: "12AB".into(),
        legal_name: " ".into(),
        status: "?".into(),
        email: "sem-arroba".into(),
        phone: "123".into(),
        valid_until: "2026-02-30".into(),
        monthly_income: "muito".into(),
        ..Default::default()
    };
    let fields: Vec<&str> = validate(&bad)
        .unwrap_err()
        .iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        vec![
            "code",
            "document",
            "state_registration",
            "legal_name",
            "status",
            "email",
            "phone",
            "monthly_income",
            "valid_until"
        ]
    );
}

#[test]
fn monthly_income_is_money_and_audited_in_reais() {
    let mut with_income = input();
    with_income.monthly_income = "3.500,00".into();
    let valid = validate(&with_income).unwrap();
    assert_eq!(valid.monthly_income, Some(Decimal::new(350000, 2)));
    let before = validate(&input()).unwrap();
    let found = changes(stored(&before), &valid);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field, "Renda mensal");
    assert_eq!(
        (found[0].old_value.as_str(), found[0].new_value.as_str()),
        ("", "R$ 3.500,00")
    );
}

/// The rule alone: no screen or server function uses it yet (see `usable_in_new_processes`).
#[test]
fn r_cust_3_only_active_and_pending_customers_enter_new_processes() {
    assert!(Status::Active.usable_in_new_processes());
    assert!(Status::Pending.usable_in_new_processes());
    assert!(!Status::Inactive.usable_in_new_processes());
}

#[test]
fn changes_list_exactly_the_fields_that_differ() {
    let before = validate(&input()).unwrap();
    let mut edited = input();
    edited.legal_name = "Zanella & Filhos Ltda".into();
    edited.phone = "".into();
    let after = validate(&edited).unwrap();
    let found = changes(stored(&before), &after);
    assert_eq!(
        found,
        vec![
            FieldChange {
                field: "Razão social".into(),
                old_value: "Comercial Zanella Ltda".into(),
                new_value: "Zanella & Filhos Ltda".into()
            },
            FieldChange {
                field: "Nome fantasia".into(),
                old_value: "Comercial Zanella Ltda".into(),
                new_value: "Zanella & Filhos Ltda".into()
            },
            FieldChange {
                field: "Telefone".into(),
                old_value: "(51) 3591-1234".into(),
                new_value: "".into()
            },
        ]
    );
    assert!(changes(stored(&before), &before).is_empty());
}

/// The record as the database holds it, read back as text.
fn stored(valid: &ValidCustomer) -> Vec<(&'static str, String)> {
    stored_audited_fields(&stored_input(valid))
}

fn stored_input(valid: &ValidCustomer) -> CustomerInput {
    CustomerInput {
        code: valid.code.to_string(),
        kind: valid.kind.code().to_string(),
        document: valid.document.clone(),
        state_registration: valid.state_registration.clone().unwrap_or_default(),
        legal_name: valid.legal_name.clone(),
        trade_name: valid.trade_name.clone(),
        status: valid.status.code().to_string(),
        email: valid.email.clone().unwrap_or_default(),
        phone: valid.phone.clone().unwrap_or_default(),
        valid_until: valid.valid_until.clone().unwrap_or_default(),
        monthly_income: valid
            .monthly_income
            .map(crate::money::format_plain)
            .unwrap_or_default(),
    }
}

#[test]
fn a_valid_record_reads_back_from_storage_as_it_was_audited() {
    let mut rich = input();
    rich.monthly_income = "12.345,67".into();
    rich.valid_until = "2027-12-31".into();
    let person = CustomerInput {
        kind: "individual".into(),
        document: "529.982.247-25".into(),
        status: "pending".into(),
        ..input()
    };
    let gone = CustomerInput {
        status: "inactive".into(),
        ..input()
    };
    for typed in [input(), rich, person, gone] {
        let valid = validate(&typed).unwrap();
        assert_eq!(stored(&valid), valid.audited_fields());
    }
}

#[test]
fn history_shows_kind_document_status_and_date_as_the_form_does() {
    // Finding (issue 10, item 8): the history showed `individual`, `legal_entity`,
    // `active`, `2027-12-31` and the document bare.
    let before = validate(&CustomerInput {
        kind: "individual".into(),
        document: "529.982.247-25".into(),
        valid_until: "".into(),
        ..input()
    })
    .unwrap();
    let after = validate(&CustomerInput {
        status: "pending".into(),
        valid_until: "2027-12-31".into(),
        ..input()
    })
    .unwrap();
    let found: Vec<(String, String, String)> = changes(stored(&before), &after)
        .into_iter()
        .map(|c| (c.field, c.old_value, c.new_value))
        .collect();
    let expected = [
        ("Tipo", "Física", "Jurídica"),
        ("CPF/CNPJ", "529.982.247-25", "12.ABC.345/01DE-35"),
        ("Situação", "Ativo", "Pendente"),
        ("Cadastro válido até", "", "31/12/2027"),
    ]
    .map(|(f, o, n)| (f.to_string(), o.to_string(), n.to_string()));
    assert_eq!(found, expected);
}

#[test]
fn a_legacy_record_that_fails_todays_rules_is_still_correctable_and_audited() {
    let fixed = validate(&input()).unwrap();
    let legacy = CustomerInput {
        document: "00000000001".into(),
        ..stored_input(&fixed)
    };
    assert!(
        validate(&legacy).is_err(),
        "the stored document is invalid today"
    );
    let found = changes(stored_audited_fields(&legacy), &fixed);
    assert_eq!(
        found,
        vec![FieldChange {
            field: "CPF/CNPJ".into(),
            old_value: "00000000001".into(),
            new_value: "12.ABC.345/01DE-35".into(),
        }]
    );
    // Valid once upper-cased, but not stored as a valid one is: shown as stored, so the
    // correction is a change.
    let lower = CustomerInput {
        document: "12abc34501de35".into(),
        ..stored_input(&fixed)
    };
    let found = changes(stored_audited_fields(&lower), &fixed);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].old_value, "12abc34501de35");
}

#[test]
fn r_cust_2_an_empty_document_asks_for_the_kind_s_document() {
    let mut empty = input();
    empty.document = "  ".into();
    let errors = validate(&empty).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "document");
    assert_eq!(errors[0].message, "Informe o CNPJ.");
    empty.kind = "individual".into();
    assert_eq!(validate(&empty).unwrap_err()[0].message, "Informe o CPF.");
}

#[test]
fn an_ie_its_main_address_state_refuses_is_said_on_opening_the_record() {
    assert_eq!(
        state_registration_warning(Some("SC"), "0960012345").as_deref(),
        Some("Inscrição estadual de SC tem 9 dígitos. O endereço principal é em SC: corrija a inscrição.")
    );
    assert_eq!(state_registration_warning(Some("SC"), "251040852"), None);
    assert_eq!(state_registration_warning(Some("SC"), "ISENTO"), None);
    assert_eq!(state_registration_warning(Some("SC"), ""), None);
    assert_eq!(state_registration_warning(None, "0960012345"), None);
}
