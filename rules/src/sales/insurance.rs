//! R-SALES-11: the customer's cargo-insurance profile. "Without insurance" never insures an
//! order; "user chooses" lets the order say; "with insurance" insures every order and so needs
//! the insurance it is under. Only a company that works with insurance may set a profile
//! other than "without" (seed 003: the company must be configured first).

use super::choice::choice;
use crate::customer::FieldError;

pub const PROFILE_FIELD: &str = "insurance_profile";
pub const INSURANCE_FIELD: &str = "insurance";

choice! {
    #[derive(Default)]
    pub enum InsuranceProfile {
        #[default]
        None = "none" => "Sem seguro",
        UserChooses = "user_chooses" => "Usuário escolhe",
        Mandatory = "mandatory" => "Com seguro",
    }
}

/// The insurance to store with `profile`: none for "without insurance" (a leftover choice is
/// dropped rather than kept unused), the chosen one otherwise; required when mandatory.
pub fn validate(
    company_enables_insurance: bool,
    profile: InsuranceProfile,
    insurance_id: Option<i64>,
) -> Result<Option<i64>, FieldError> {
    match profile {
        InsuranceProfile::None => Ok(None),
        _ if !company_enables_insurance => Err(FieldError {
            field: PROFILE_FIELD,
            message: "A empresa não trabalha com seguros: escolha Sem seguro.".to_string(),
        }),
        InsuranceProfile::Mandatory if insurance_id.is_none() => Err(FieldError {
            field: INSURANCE_FIELD,
            message: "Escolha o seguro: este cliente trabalha com seguro obrigatório.".to_string(),
        }),
        _ => Ok(insurance_id),
    }
}

impl InsuranceProfile {
    /// Whether an order is insured, given what the user marked on it.
    pub fn order_insured(self, user_marked: bool) -> bool {
        match self {
            InsuranceProfile::None => false,
            InsuranceProfile::UserChooses => user_marked,
            InsuranceProfile::Mandatory => true,
        }
    }

    /// Whether the order form lets the user mark "insured order".
    pub fn user_may_choose(self) -> bool {
        self == InsuranceProfile::UserChooses
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_sales_11_mandatory_insurance_requires_an_insurance() {
        let error = validate(true, InsuranceProfile::Mandatory, None).unwrap_err();
        assert_eq!(error.field, INSURANCE_FIELD);
        assert_eq!(
            validate(true, InsuranceProfile::Mandatory, Some(3)),
            Ok(Some(3))
        );
    }

    #[test]
    fn r_sales_11_user_chooses_may_or_may_not_name_an_insurance() {
        assert_eq!(
            validate(true, InsuranceProfile::UserChooses, None),
            Ok(None)
        );
        assert_eq!(
            validate(true, InsuranceProfile::UserChooses, Some(3)),
            Ok(Some(3))
        );
    }

    #[test]
    fn r_sales_11_without_insurance_drops_a_leftover_insurance() {
        assert_eq!(validate(true, InsuranceProfile::None, Some(3)), Ok(None));
        assert_eq!(validate(false, InsuranceProfile::None, Some(3)), Ok(None));
    }

    #[test]
    fn r_sales_11_a_company_without_insurance_allows_only_without_insurance() {
        for profile in [InsuranceProfile::UserChooses, InsuranceProfile::Mandatory] {
            assert_eq!(
                validate(false, profile, Some(3)).unwrap_err().field,
                PROFILE_FIELD
            );
        }
    }

    #[test]
    fn r_sales_11_the_profile_decides_whether_an_order_is_insured() {
        assert!(!InsuranceProfile::None.order_insured(true));
        assert!(InsuranceProfile::UserChooses.order_insured(true));
        assert!(!InsuranceProfile::UserChooses.order_insured(false));
        assert!(InsuranceProfile::Mandatory.order_insured(false));
        assert!(InsuranceProfile::UserChooses.user_may_choose());
        assert!(!InsuranceProfile::Mandatory.user_may_choose());
    }

    #[test]
    fn r_sales_11_insurance_profiles_keep_their_stored_codes_and_labels() {
        crate::sales::choice::assert_stable_codes(InsuranceProfile::ALL, InsuranceProfile::code);
        assert_eq!(InsuranceProfile::default(), InsuranceProfile::None);
        assert_eq!(InsuranceProfile::Mandatory.label(), "Com seguro");
    }
}
