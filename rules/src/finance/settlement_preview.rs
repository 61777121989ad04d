//! What the settlement form shows before "Registrar baixa": how late the payment is, the interest
//! and late fee that will be charged and what the customer pays, computed by the same `settle`
//! the server runs on the same terms, so the figures shown are the figures recorded.

use rust_decimal::Decimal;

use super::day::Day;
use super::settlement::{check_paid_after_issue, check_paid_on, settle, LateTerms, Settlement};
use super::settlement_input::{read, SettlementInput};
use super::status::ReceivableFacts;
use crate::date_input;
use crate::money::format_brl;

/// The receivable as the form knows it: its issue and due dates and today's date as shown
/// (`dd/mm/aaaa`), its balance and the terms stamped on it.
pub struct Settleable<'a> {
    pub issued: &'a str,
    pub due: &'a str,
    pub today: &'a str,
    pub balance: Decimal,
    pub terms: LateTerms,
}

/// The line to show for what is typed: the figures, or why the server would refuse them; `None`
/// while a date or an amount is incomplete (the field's own message comes with "Registrar baixa").
pub fn preview(receivable: &Settleable, input: &SettlementInput) -> Option<String> {
    // A short year is still being typed (`07/12/20` on its way to `07/12/2026`).
    if !date_input::is_written_out(&input.paid_on) {
        return None;
    }
    let day = |typed: &str| {
        date_input::parse(typed)
            .ok()
            .flatten()
            .and_then(|iso| Day::parse_iso(&iso))
    };
    let (issued, due, today) = (
        day(receivable.issued)?,
        day(receivable.due)?,
        day(receivable.today)?,
    );
    let request = read(input).ok()?;
    let dated = check_paid_on(request.paid_on, today)
        .and_then(|()| check_paid_after_issue(request.paid_on, issued));
    if let Err(refused) = dated {
        return Some(refused.message);
    }
    let facts = ReceivableFacts::new(due, receivable.balance);
    Some(match settle(&facts, &request, &receivable.terms) {
        Ok(settlement) => describe(&settlement),
        Err(refused) => refused.message,
    })
}

fn describe(settlement: &Settlement) -> String {
    let charges = settlement.interest + settlement.late_fee;
    let mut said = match settlement.days_late {
        0 => "Pago em dia: sem juros nem multa.".to_string(),
        days if charges.is_zero() => format!(
            "{}; o título não tem juros nem multa por atraso.",
            days_late(days)
        ),
        days => format!(
            "{}: juros de {} e multa de {}.",
            days_late(days),
            format_brl(settlement.interest),
            format_brl(settlement.late_fee)
        ),
    };
    if !settlement.discount.is_zero() {
        said.push_str(&format!(
            " Desconto de {}.",
            format_brl(settlement.discount)
        ));
    }
    said.push_str(&format!(
        " Total a receber: {}.",
        format_brl(settlement.received())
    ));
    said
}

fn days_late(days: u32) -> String {
    if days == 1 {
        "1 dia de atraso".to_string()
    } else {
        format!("{days} dias de atraso")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::test_values::d;

    fn typed(paid_on: &str, principal: &str, discount: &str) -> SettlementInput {
        SettlementInput {
            paid_on: paid_on.into(),
            means: "pix".into(),
            principal: principal.into(),
            discount: discount.into(),
        }
    }

    fn due_on_first_of_december(terms: LateTerms) -> Settleable<'static> {
        Settleable {
            issued: "01/11/2026",
            due: "01/12/2026",
            today: "07/12/2026",
            balance: d("300"),
            terms,
        }
    }

    const TERMS: LateTerms = LateTerms {
        daily_interest_percent: Decimal::from_parts(1, 0, 0, false, 1),
        late_fee_percent: Decimal::from_parts(2, 0, 0, false, 0),
    };

    #[test]
    fn a_late_payment_shows_the_interest_the_fee_and_the_total_the_server_will_record() {
        // 6 days at 0.1 % a day on R$ 300,00: R$ 1,80; 2 % fee: R$ 6,00.
        assert_eq!(
            preview(&due_on_first_of_december(TERMS), &typed("07/12/2026", "300,00", "")),
            Some("6 dias de atraso: juros de R$ 1,80 e multa de R$ 6,00. Total a receber: R$ 307,80.".into())
        );
        assert_eq!(
            preview(&due_on_first_of_december(TERMS), &typed("02/12/2026", "100,00", "0,60")),
            Some("1 dia de atraso: juros de R$ 0,10 e multa de R$ 2,00. Desconto de R$ 0,60. Total a receber: R$ 101,50.".into())
        );
    }

    #[test]
    fn a_payment_on_time_or_without_terms_charges_nothing_and_says_why() {
        assert_eq!(
            preview(
                &due_on_first_of_december(TERMS),
                &typed("01/12/2026", "300,00", "")
            ),
            Some("Pago em dia: sem juros nem multa. Total a receber: R$ 300,00.".into())
        );
        assert_eq!(
            preview(&due_on_first_of_december(LateTerms::NONE), &typed("07/12/2026", "300,00", "")),
            Some("6 dias de atraso; o título não tem juros nem multa por atraso. Total a receber: R$ 300,00.".into())
        );
    }

    #[test]
    fn what_the_server_would_refuse_is_said_before_the_user_submits() {
        let receivable = due_on_first_of_december(TERMS);
        assert_eq!(
            preview(&receivable, &typed("07/12/2026", "500,00", "")),
            Some("O valor a baixar (R$ 500,00) é maior que o saldo do título (R$ 300,00).".into())
        );
        assert_eq!(
            preview(&receivable, &typed("08/12/2026", "300,00", "")),
            Some("A data do pagamento não pode ser posterior a hoje (07/12/2026).".into())
        );
        assert_eq!(
            preview(&receivable, &typed("31/10/2026", "300,00", "")),
            Some(
                "A data do pagamento não pode ser anterior à emissão do título (01/11/2026)."
                    .into()
            )
        );
    }

    #[test]
    fn an_incomplete_date_or_amount_shows_nothing_yet() {
        let receivable = due_on_first_of_december(TERMS);
        assert_eq!(preview(&receivable, &typed("07/12/20", "300,00", "")), None);
        assert_eq!(preview(&receivable, &typed("07/12/2026", "", "")), None);
        assert_eq!(preview(&receivable, &typed("07/12/2026", "3x", "")), None);
    }
}
