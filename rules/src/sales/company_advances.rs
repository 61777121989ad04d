//! R-ADV-1 on the company settings screen: whether the company works with customer advances,
//! and the two history codes its advance entries and refunds are booked with. A company that
//! works with advances names both; one that does not may keep them for later.

use crate::customer::FieldError;
use crate::finance::advance::AdvanceSettings;

pub const ENABLED_FIELD: &str = "advances_enabled";
pub const ENTRY_CODE_FIELD: &str = "advance_entry_history_code";
pub const REFUND_CODE_FIELD: &str = "advance_refund_history_code";
const MAX_CODE_CHARS: usize = 10;

fn code(field: &'static str, typed: &str) -> Result<Option<String>, FieldError> {
    let typed = typed.trim();
    if typed.chars().count() > MAX_CODE_CHARS {
        return Err(FieldError {
            field,
            message: format!("O código tem no máximo {MAX_CODE_CHARS} caracteres."),
        });
    }
    Ok((!typed.is_empty()).then(|| typed.to_uppercase()))
}

/// The settings as typed: `enabled` ticked (`on`), the two codes.
pub fn parse(enabled: bool, entry: &str, refund: &str) -> Result<AdvanceSettings, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut read = |field, typed| match code(field, typed) {
        Ok(Some(code)) => Some(code),
        Ok(None) => {
            if enabled {
                errors.push(FieldError {
                    field,
                    message:
                        "Quem trabalha com adiantamentos informa os dois códigos de histórico."
                            .to_string(),
                });
            }
            None
        }
        Err(error) => {
            errors.push(error);
            None
        }
    };
    let entry_history_code = read(ENTRY_CODE_FIELD, entry);
    let refund_history_code = read(REFUND_CODE_FIELD, refund);
    if errors.is_empty() {
        Ok(AdvanceSettings {
            enabled,
            entry_history_code,
            refund_history_code,
        })
    } else {
        Err(errors)
    }
}

/// (label, shown value) of each, for the settings' history.
pub fn audited_fields(settings: &AdvanceSettings) -> [(&'static str, String); 3] {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    [
        (
            "Trabalha com adiantamentos de clientes",
            if settings.enabled { "Sim" } else { "Não" }.to_string(),
        ),
        (
            "Histórico de entrada de adiantamento",
            text(&settings.entry_history_code),
        ),
        (
            "Histórico de devolução de adiantamento",
            text(&settings.refund_history_code),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_adv_1_a_company_that_works_with_advances_names_both_history_codes() {
        let errors = parse(true, "", " ").unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [ENTRY_CODE_FIELD, REFUND_CODE_FIELD]);
        let settings = parse(true, " adt ", "dev").unwrap();
        assert_eq!(settings.entry_history_code.as_deref(), Some("ADT"));
        assert_eq!(settings.refund_history_code.as_deref(), Some("DEV"));
        assert!(settings.enabled);
    }

    #[test]
    fn r_adv_1_a_company_that_does_not_may_leave_them_empty_or_keep_them() {
        assert_eq!(parse(false, "", "").unwrap(), AdvanceSettings::default());
        let kept = parse(false, "ADT", "").unwrap();
        assert_eq!(kept.entry_history_code.as_deref(), Some("ADT"));
        assert!(!kept.enabled);
    }

    #[test]
    fn r_adv_1_a_code_longer_than_ten_characters_is_refused_beside_it() {
        let errors = parse(false, "ABCDEFGHIJK", "").unwrap_err();
        assert_eq!(errors[0].field, ENTRY_CODE_FIELD);
        assert_eq!(errors[0].message, "O código tem no máximo 10 caracteres.");
    }

    #[test]
    fn r_adv_1_the_history_shows_yes_or_no_and_the_codes() {
        let fields = audited_fields(&parse(true, "ADT", "DEV").unwrap());
        assert_eq!(fields[0].1, "Sim");
        assert_eq!(
            fields[2],
            ("Histórico de devolução de adiantamento", "DEV".to_string())
        );
    }
}
