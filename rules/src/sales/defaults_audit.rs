//! The history lines of the "Padrão para vendas" tab and the permission each field answers to
//! (R-PERM-1): the credit limit needs its own permission, the rest "alter sales defaults". A
//! save is refused when it changes a field the user may not alter, whatever the screen offered.

use rust_decimal::Decimal;

use super::credit_use::{CreditOrder, CreditUse};
use super::defaults::{CommercialRefs, SalesDefaults};
use super::guarantees;
use super::percent;
use super::preferences::AttachmentKind;
use super::purpose::Purpose;
use crate::customer_audit::{audited_differences, FieldChange};
use crate::money::format_brl;
use crate::permission::Permission;
use crate::table_kind::{CommercialKind, LinkedKind};

pub const CREDIT_LIMIT_LABEL: &str = "Limite de crédito";

/// Every history label of the tab, in the form's order. History rows are kept by label, so
/// these are never renamed once shipped.
pub const LABELS: [&str; 26] = [
    CREDIT_LIMIT_LABEL,
    "Juros diários",
    "Multa conforme",
    "Multa do cliente",
    "Desconto/acréscimo",
    "Permite desconto",
    "Desconto máximo",
    "Permite desconto condicional",
    "Desconto condicional",
    "Uso do crédito",
    "Ordem de aplicação do crédito",
    "Finalidade",
    "Bloqueio entrega/retira",
    "Usa somente tabelas de preço próprias",
    "Usa somente planos de pagamento próprios",
    "Plano de pagamento por produto",
    "Imprime boleto na nota",
    "Exige pagamento antecipado",
    "Lote sugerido",
    "E-mail: anexos do documento",
    "E-mail: PDF do lote",
    "E-mail: PDF do boleto",
    "E-mail: PDF do documento",
    "E-mail: XML do documento",
    "Perfil de seguro",
    USES_BUYERS_LISTS_LABEL,
];

pub const USES_BUYERS_LISTS_LABEL: &str = "Usa transportadoras e frotas do comprador";

fn yes_no(value: bool) -> String {
    if value { "Sim" } else { "Não" }.to_string()
}

fn shown_percent(value: Option<Decimal>) -> String {
    value.map(percent::format).unwrap_or_default()
}

impl SalesDefaults {
    /// Each field as the history shows it, paired with its label, in `LABELS` order.
    pub fn audited_fields(&self) -> Vec<(&'static str, String)> {
        let attachment = |kind| self.attachments.get(kind).label().to_string();
        let values = [
            self.credit_limit.map(format_brl).unwrap_or_default(),
            shown_percent(self.daily_interest),
            self.late_fee_source.label().to_string(),
            shown_percent(self.late_fee),
            shown_percent(self.discount),
            yes_no(self.allows_discount),
            shown_percent(self.max_discount),
            yes_no(self.allows_conditional_discount),
            self.conditional_discount
                .map(|terms| {
                    let when = match terms.days_before_due {
                        0 => "no vencimento".to_string(),
                        1 => "1 dia antes".to_string(),
                        days => format!("{days} dias antes"),
                    };
                    format!("{} {when}", percent::format(terms.percent))
                })
                .unwrap_or_default(),
            self.credit_use
                .map_or(COMPANYS, CreditUse::label)
                .to_string(),
            self.credit_order
                .map_or(COMPANYS, CreditOrder::label)
                .to_string(),
            self.purpose.map_or(DERIVED, Purpose::label).to_string(),
            self.delivery_block.label().to_string(),
            yes_no(self.uses_only_own_price_lists),
            yes_no(self.uses_only_own_plans),
            yes_no(self.payment_plan_per_product),
            yes_no(self.prints_boleto_on_invoice),
            yes_no(self.requires_prepayment),
            self.suggested_lot.label().to_string(),
            attachment(AttachmentKind::Attachments),
            attachment(AttachmentKind::LotPdf),
            attachment(AttachmentKind::BoletoPdf),
            attachment(AttachmentKind::DocumentPdf),
            attachment(AttachmentKind::DocumentXml),
            self.insurance_profile.label().to_string(),
            yes_no(self.uses_buyers_lists),
        ];
        let mut fields: Vec<_> = LABELS.into_iter().zip(values).collect();
        fields.extend(self.guarantees.audited_fields());
        fields
    }
}

/// What an unset credit use or order shows: the company's setting applies.
pub const COMPANYS: &str = "Conforme a empresa";
/// What an unset purpose shows: derived from the documents (R-SALES-7).
pub const DERIVED: &str = "Automática";

/// The audited differences between two states of the tab, in the form's order.
pub fn changes(before: &SalesDefaults, after: &SalesDefaults) -> Vec<FieldChange> {
    audited_differences(before.audited_fields(), after.audited_fields())
}

/// The audited differences of the commercial tables' choices, each entry shown through `label`
/// ("BOL - Boleto bancário"), in `CommercialKind::ALL` order.
pub fn table_changes(
    before: &CommercialRefs,
    after: &CommercialRefs,
    label: impl Fn(Option<i64>) -> String,
) -> Vec<FieldChange> {
    named_table_changes(before, after, label, |kind| kind.field_name().to_string())
}

/// `table_changes` of a company's defaults for new customers, under the settings form's labels
/// ("Tipo de cobrança (cliente novo)").
pub fn company_table_changes(
    before: &CommercialRefs,
    after: &CommercialRefs,
    label: impl Fn(Option<i64>) -> String,
) -> Vec<FieldChange> {
    named_table_changes(before, after, label, CommercialKind::company_default_label)
}

fn named_table_changes(
    before: &CommercialRefs,
    after: &CommercialRefs,
    label: impl Fn(Option<i64>) -> String,
    field: impl Fn(CommercialKind) -> String,
) -> Vec<FieldChange> {
    before
        .by_kind()
        .zip(after.by_kind())
        .filter(|((_, old), (_, new))| old != new)
        .map(|((kind, old), (_, new))| FieldChange {
            field: field(kind),
            old_value: label(old),
            new_value: label(new),
        })
        .collect()
}

/// The permission a change to the field with this history label needs (R-PERM-1).
pub fn permission_for(label: &str) -> Permission {
    if label == CREDIT_LIMIT_LABEL {
        Permission::AlterCreditLimit
    } else if guarantees::LABELS.contains(&label) {
        Permission::AlterMortgageAndBail
    } else if let Some(kind) = LinkedKind::ALL.iter().find(|k| k.field_name() == label) {
        kind.permission()
    } else if label == USES_BUYERS_LISTS_LABEL {
        // R-SALES-10: part of the allowed carriers and fleet of pickup orders.
        Permission::RegisterAllowedCarriers
    } else {
        Permission::AlterSalesDefaults
    }
}

/// The permissions the changes need, each once, in a fixed order.
pub fn required_permissions(found: &[FieldChange]) -> Vec<Permission> {
    let mut needed: Vec<Permission> = found.iter().map(|c| permission_for(&c.field)).collect();
    needed.sort();
    needed.dedup();
    needed
}

/// Whether a history row is one of this tab's: per company (R-COMPANY-1, R-COMPANY-3).
pub fn is_field_label(label: &str) -> bool {
    LABELS.contains(&label)
        || guarantees::LABELS.contains(&label)
        || CommercialKind::ALL.iter().any(|k| k.field_name() == label)
        || LinkedKind::ALL.iter().any(|k| k.field_name() == label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sales::defaults::{CompanySalesSettings, SalesDefaults};
    use std::collections::HashSet;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn base() -> SalesDefaults {
        SalesDefaults::new_customer(&CompanySalesSettings::default())
    }

    #[test]
    fn every_field_has_a_distinct_label_in_the_forms_order() {
        let expected: Vec<_> = LABELS
            .iter()
            .chain(guarantees::LABELS.iter())
            .copied()
            .collect();
        let labels: HashSet<_> = expected.iter().collect();
        assert_eq!(labels.len(), expected.len());
        let fields: Vec<_> = base()
            .audited_fields()
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(fields, expected);
    }

    #[test]
    fn the_history_shows_values_as_the_form_does() {
        let before = base();
        let mut after = before.clone();
        after.credit_limit = Some(d("12500"));
        after.daily_interest = Some(d("0.0333"));
        after.discount = Some(d("-3"));
        after.conditional_discount =
            Some(crate::sales::conditional_discount::ConditionalDiscount {
                days_before_due: 5,
                percent: d("1.5"),
            });
        after.credit_use = Some(CreditUse::Always);
        let found = changes(&before, &after);
        let shown: Vec<_> = found
            .iter()
            .map(|c| (c.field.as_str(), c.old_value.as_str(), c.new_value.as_str()))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("Limite de crédito", "", "R$ 12.500,00"),
                ("Juros diários", "", "0,0333%"),
                ("Desconto/acréscimo", "", "-3%"),
                ("Desconto condicional", "", "1,5% 5 dias antes"),
                ("Uso do crédito", "Conforme a empresa", "Sempre utilizar"),
            ]
        );
    }

    #[test]
    fn nothing_changed_records_nothing() {
        assert!(changes(&base(), &base()).is_empty());
    }

    #[test]
    fn r_perm_1_the_credit_limit_needs_its_own_permission_the_rest_alter_sales_defaults() {
        let before = base();
        let mut limit_only = before.clone();
        limit_only.credit_limit = Some(d("1000"));
        assert_eq!(
            required_permissions(&changes(&before, &limit_only)),
            vec![Permission::AlterCreditLimit]
        );
        let mut both = limit_only.clone();
        both.requires_prepayment = true;
        both.max_discount = Some(d("5"));
        assert_eq!(
            required_permissions(&changes(&before, &both)),
            vec![Permission::AlterSalesDefaults, Permission::AlterCreditLimit]
        );
        assert!(required_permissions(&changes(&before, &before)).is_empty());
        let mut bail = before.clone();
        bail.guarantees.bail_guarantor = Some("Ana Zanella".into());
        assert_eq!(
            required_permissions(&changes(&before, &bail)),
            vec![Permission::AlterMortgageAndBail],
            "R-SALES-11: mortgage and bail need their own permission"
        );
    }

    #[test]
    fn a_changed_table_choice_is_one_history_line_with_its_entrys_label() {
        let before = CommercialRefs::default();
        let mut after = before;
        after.set(CommercialKind::Currency, Some(7));
        let label = |id: Option<i64>| id.map(|id| format!("#{id}")).unwrap_or_default();
        let found = table_changes(&before, &after, label);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (
                found[0].field.as_str(),
                found[0].old_value.as_str(),
                found[0].new_value.as_str()
            ),
            ("Moeda", "", "#7")
        );
        assert_eq!(
            required_permissions(&found),
            vec![Permission::AlterSalesDefaults]
        );
        assert!(is_field_label("Portador"));
        // A company's default for new customers: the settings form's label.
        assert_eq!(
            company_table_changes(&before, &after, label)[0].field,
            "Moeda (cliente novo)"
        );
    }

    #[test]
    fn r_company_1_the_tabs_history_rows_are_per_company() {
        assert!(is_field_label("Limite de crédito"));
        assert!(is_field_label("E-mail: XML do documento"));
        assert!(!is_field_label("Razão social"));
    }
}
