use super::*;
use crate::finance::day::day;
use crate::finance::test_values::*;
use proptest::prelude::*;

fn receivable(balance: &str) -> ReceivableFacts<Day> {
    receivable_due("2026-03-10", balance)
}

fn request(paid_on: &str, principal: &str, discount: &str) -> SettlementRequest {
    SettlementRequest {
        paid_on: day(paid_on),
        means: SettlementMeans::Pix,
        principal: d(principal),
        discount: d(discount),
    }
}

fn terms(daily: &str, fee: &str) -> LateTerms {
    LateTerms {
        daily_interest_percent: d(daily),
        late_fee_percent: d(fee),
    }
}

#[test]
fn a_full_settlement_on_the_due_date_charges_nothing_and_clears_the_balance() {
    let r = receivable("1234.56");
    let s = settle(
        &r,
        &request("2026-03-10", "1234.56", "0"),
        &terms("0.33", "2"),
    )
    .unwrap();
    assert_eq!((s.days_late, s.interest, s.late_fee), (0, d("0"), d("0")));
    assert_eq!(s.received(), d("1234.56"));
    assert_eq!(balance_after(r.balance, &s), d("0"));
}

#[test]
fn r_sales_9_a_late_settlement_charges_daily_interest_and_the_late_fee() {
    // 10 days late at 0,33 % a day: 1.234,56 × 3,3 % = 40,74048 → 40,74; multa 2 % = 24,69.
    let r = receivable("1234.56");
    let s = settle(
        &r,
        &request("2026-03-20", "1234.56", "0"),
        &terms("0.33", "2"),
    )
    .unwrap();
    assert_eq!(s.days_late, 10);
    assert_eq!(s.interest, d("40.74"));
    assert_eq!(s.late_fee, d("24.69"));
    assert_eq!(s.received(), d("1299.99"));
}

#[test]
fn r_sales_9_the_late_fee_comes_from_the_side_the_customer_chose() {
    let own = LateTerms::for_customer(
        Some(d("0.1")),
        LateFeeSource::Customer,
        Some(d("2")),
        Some(d("10")),
    );
    let company =
        LateTerms::for_customer(Some(d("0.1")), LateFeeSource::Company, Some(d("2")), None);
    let r = receivable("1000.00");
    let late = request("2026-03-11", "1000.00", "0");
    assert_eq!(settle(&r, &late, &own).unwrap().late_fee, d("20.00"));
    assert_eq!(settle(&r, &late, &company).unwrap().late_fee, d("0"));
    assert_eq!(settle(&r, &late, &company).unwrap().interest, d("1.00"));
}

#[test]
fn charges_round_half_a_centavo_away_from_zero() {
    // 12,50 × 1 % = 0,125 → 0,13 (banker's would give 0,12).
    let (interest, fee) = late_charges(d("12.50"), 1, &terms("1", "1"));
    assert_eq!((interest, fee), (d("0.13"), d("0.13")));
}

#[test]
fn a_partial_settlement_leaves_the_rest_open() {
    let r = receivable("1234.56");
    let s = settle(&r, &request("2026-03-01", "234.56", "0"), &LateTerms::NONE).unwrap();
    assert_eq!(balance_after(r.balance, &s), d("1000.00"));
}

#[test]
fn a_settlement_above_the_balance_is_refused_so_it_never_goes_negative() {
    let error = settle(
        &receivable("1234.56"),
        &request("2026-03-01", "1234.57", "0"),
        &LateTerms::NONE,
    )
    .unwrap_err();
    assert_eq!(error.field, PRINCIPAL_FIELD);
    assert_eq!(
        error.message,
        "O valor a baixar (R$ 1.234,57) é maior que o saldo do título (R$ 1.234,56)."
    );
    let zero = settle(
        &receivable("10.00"),
        &request("2026-03-01", "0", "0"),
        &LateTerms::NONE,
    );
    assert_eq!(zero.unwrap_err().field, PRINCIPAL_FIELD);
    let fraction = settle(
        &receivable("10.00"),
        &request("2026-03-01", "1.005", "0"),
        &LateTerms::NONE,
    );
    assert_eq!(
        fraction.unwrap_err().message,
        "Use no máximo dois decimais."
    );
}

#[test]
fn a_discount_never_exceeds_what_is_due() {
    let r = receivable("100.00");
    // On time: at most the principal.
    assert!(settle(
        &r,
        &request("2026-03-10", "100.00", "100.00"),
        &LateTerms::NONE
    )
    .is_ok());
    let error = settle(
        &r,
        &request("2026-03-10", "100.00", "100.01"),
        &LateTerms::NONE,
    )
    .unwrap_err();
    assert_eq!(error.field, DISCOUNT_FIELD);
    assert_eq!(
        error.message,
        "O desconto (R$ 100,01) não pode ser maior que o valor devido (R$ 100,00)."
    );
    // Late: the charges may be waived too.
    let late = settle(
        &r,
        &request("2026-03-11", "100.00", "3.00"),
        &terms("1", "2"),
    )
    .unwrap();
    assert_eq!(late.received(), d("100.00"));
    let negative = settle(&r, &request("2026-03-10", "50.00", "-1"), &LateTerms::NONE);
    assert_eq!(
        negative.unwrap_err().message,
        "O desconto não pode ser negativo."
    );
}

#[test]
fn a_cancelled_or_received_receivable_cannot_be_settled() {
    let mut cancelled = receivable("500.00");
    cancelled.cancelled = true;
    let error = settle(
        &cancelled,
        &request("2026-03-10", "500.00", "0"),
        &LateTerms::NONE,
    )
    .unwrap_err();
    assert_eq!(error.field, RECEIVABLE_FIELD);
    assert_eq!(
        error.message,
        "Este título está cancelado e não pode ser baixado."
    );
    let received = settle(
        &receivable("0"),
        &request("2026-03-10", "1.00", "0"),
        &LateTerms::NONE,
    );
    assert_eq!(
        received.unwrap_err().message,
        "Este título já foi recebido: não há saldo a baixar."
    );
}

#[test]
fn a_negative_listed_receivable_in_collection_can_still_be_settled() {
    let mut r = receivable("500.00");
    r.sent_to_credit_bureau = true;
    r.in_collection = true;
    assert!(settle(&r, &request("2026-06-10", "500.00", "0"), &LateTerms::NONE).is_ok());
}

#[test]
fn reversing_a_settlement_restores_the_balance_but_not_on_a_cancelled_receivable() {
    let r = receivable("1234.56");
    let s = settle(
        &r,
        &request("2026-03-20", "1234.56", "0"),
        &terms("0.33", "2"),
    )
    .unwrap();
    let mut after = ReceivableFacts::new(r.due, balance_after(r.balance, &s));
    assert_eq!(reverse(&after, &s), Ok(d("1234.56")));
    after.cancelled = true;
    assert_eq!(reverse(&after, &s).unwrap_err().field, RECEIVABLE_FIELD);
}

#[test]
fn settlement_means_keep_their_codes_and_labels() {
    for &m in SettlementMeans::ALL {
        assert_eq!(SettlementMeans::from_code(m.code()), Some(m));
    }
    assert_eq!(SettlementMeans::Pix.label(), "PIX");
    assert_eq!(SettlementMeans::Check.code(), "check");
    assert_eq!(SettlementMeans::Check.label(), "Cheque");
    assert_eq!(SettlementMeans::CreditCard.label(), "Cartão de crédito");
    assert_eq!(SettlementMeans::Advance.code(), "advance");
}

proptest! {
    #[test]
    fn a_settlement_followed_by_its_reversal_restores_the_balance(
        balance in 1i64..100_000_000, share in 1i64..=100, late in -30i32..400,
        daily in 0i64..100, fee in 0i64..1_000,
    ) {
        let balance = Decimal::new(balance, 2);
        let principal = (balance * Decimal::new(share, 2)).round_dp(2).max(Decimal::new(1, 2));
        let r = ReceivableFacts::new(day("2026-03-10"), balance);
        let req = SettlementRequest {
            paid_on: day("2026-03-10").plus_days(late),
            means: SettlementMeans::Cash,
            principal,
            discount: Decimal::ZERO,
        };
        let t = terms(&Decimal::new(daily, 2).to_string(), &Decimal::new(fee, 2).to_string());
        let s = settle(&r, &req, &t).unwrap();
        let after = balance_after(balance, &s);
        prop_assert!(after >= Decimal::ZERO);
        prop_assert!(s.interest >= Decimal::ZERO && s.late_fee >= Decimal::ZERO);
        prop_assert!(late > 0 || (s.interest.is_zero() && s.late_fee.is_zero()));
        let reversed = reverse(&ReceivableFacts::new(r.due, after), &s).unwrap();
        prop_assert_eq!(reversed, balance);
    }

    #[test]
    fn two_partial_settlements_cost_what_one_costs_but_for_a_centavo_of_rounding(
        first in 1i64..1_000_000, second in 1i64..1_000_000, late in 0i32..400,
        daily in 0i64..100, fee in 0i64..1_000,
    ) {
        let (first, second) = (Decimal::new(first, 2), Decimal::new(second, 2));
        let t = terms(&Decimal::new(daily, 2).to_string(), &Decimal::new(fee, 2).to_string());
        let days = days_late(day("2026-03-10"), day("2026-03-10").plus_days(late));
        let (i1, f1) = late_charges(first, days, &t);
        let (i2, f2) = late_charges(second, days, &t);
        let (i, f) = late_charges(first + second, days, &t);
        let centavo = Decimal::new(1, 2);
        prop_assert!((i1 + i2 - i).abs() <= centavo);
        prop_assert!((f1 + f2 - f).abs() <= centavo);
    }

    #[test]
    fn no_settlement_ever_makes_a_balance_negative(
        balance in 0i64..1_000_000, principal in -1_000i64..2_000_000,
    ) {
        let r = ReceivableFacts::new(day("2026-03-10"), Decimal::new(balance, 2));
        let req = SettlementRequest {
            paid_on: day("2026-03-10"),
            means: SettlementMeans::Bank,
            principal: Decimal::new(principal, 2),
            discount: Decimal::ZERO,
        };
        if let Ok(s) = settle(&r, &req, &LateTerms::NONE) {
            prop_assert!(balance_after(r.balance, &s) >= Decimal::ZERO);
            prop_assert!(s.principal > Decimal::ZERO);
        }
    }
}

#[test]
fn a_payment_dated_after_today_is_refused_today_and_before_are_not() {
    let today = day("2026-12-06");
    let error = check_paid_on(day("2026-12-07"), today).unwrap_err();
    assert_eq!(error.field, crate::finance::settlement_input::PAID_ON_FIELD);
    assert_eq!(
        error.message,
        "A data do pagamento não pode ser posterior a hoje (06/12/2026)."
    );
    assert!(check_paid_on(today, today).is_ok());
    assert!(check_paid_on(day("2025-01-31"), today).is_ok());
}

#[test]
fn the_summary_says_what_was_received_when_charges_or_a_discount_make_it_differ() {
    let plain = Settlement {
        paid_on: day("2026-03-10"),
        means: SettlementMeans::Pix,
        principal: d("7000.00"),
        days_late: 0,
        interest: Decimal::ZERO,
        late_fee: Decimal::ZERO,
        discount: Decimal::ZERO,
    };
    assert_eq!(
        plain.summary("NF 12/1", "10/03/2026"),
        "Baixa de NF 12/1 registrada em 10/03/2026: R$ 7.000,00 de principal."
    );
    let discounted = Settlement {
        discount: d("1000.00"),
        ..plain
    };
    assert_eq!(
        discounted.summary("NF 12/1", "10/03/2026"),
        "Baixa de NF 12/1 registrada em 10/03/2026: R$ 7.000,00 de principal, \
         R$ 1.000,00 de desconto; recebido R$ 6.000,00."
    );
    let late = Settlement {
        days_late: 5,
        interest: d("11.67"),
        late_fee: d("140.00"),
        discount: d("0.67"),
        ..plain
    };
    assert_eq!(
        late.summary("NF 12/1", "15/03/2026"),
        "Baixa de NF 12/1 registrada em 15/03/2026: R$ 7.000,00 de principal, \
         R$ 11,67 de juros e R$ 140,00 de multa, R$ 0,67 de desconto; recebido R$ 7.151,00."
    );
}
