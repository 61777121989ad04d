//! R-SALES-7: what the customer does with the goods — resale or consumption — which the NF-e
//! states as the final-consumer flag (`indFinal`: 0 = normal, 1 = final consumer). Unless set
//! on the customer, a buyer with both CNPJ and state registration buys for resale and everyone
//! else for consumption.
//!
//! A state registration of `ISENTO` does not count as informed here: an exempt buyer is not an
//! ICMS contributor, so it cannot resell under its own registration and is invoiced as a final
//! consumer (the seed is silent; this is the fiscal reading).

use super::choice::choice;

choice! {
    pub enum Purpose {
        Resale = "resale" => "Revenda",
        Consumption = "consumption" => "Consumo",
    }
}

impl Purpose {
    /// The purpose when the customer has none set.
    pub fn derived(has_cnpj: bool, has_state_registration: bool) -> Self {
        if has_cnpj && has_state_registration {
            Purpose::Resale
        } else {
            Purpose::Consumption
        }
    }

    /// The purpose set on the customer, else the derived one.
    pub fn effective(explicit: Option<Self>, has_cnpj: bool, has_state_registration: bool) -> Self {
        explicit.unwrap_or_else(|| Self::derived(has_cnpj, has_state_registration))
    }

    /// The NF-e's `indFinal`.
    pub fn final_consumer_flag(self) -> u8 {
        match self {
            Purpose::Resale => 0,
            Purpose::Consumption => 1,
        }
    }
}

/// Whether a stored state registration counts for `Purpose::derived`: informed and not `ISENTO`.
pub fn state_registration_counts(stored: Option<&str>) -> bool {
    match stored.map(str::trim) {
        Some(registration) => {
            !registration.is_empty() && !registration.eq_ignore_ascii_case("ISENTO")
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_sales_7_cnpj_and_state_registration_mean_resale_anything_else_consumption() {
        assert_eq!(Purpose::derived(true, true), Purpose::Resale);
        assert_eq!(Purpose::derived(true, false), Purpose::Consumption);
        assert_eq!(Purpose::derived(false, true), Purpose::Consumption);
        assert_eq!(Purpose::derived(false, false), Purpose::Consumption);
    }

    #[test]
    fn r_sales_7_a_purpose_set_on_the_customer_wins_over_the_derived_one() {
        assert_eq!(
            Purpose::effective(Some(Purpose::Consumption), true, true),
            Purpose::Consumption
        );
        assert_eq!(
            Purpose::effective(Some(Purpose::Resale), false, false),
            Purpose::Resale
        );
        assert_eq!(Purpose::effective(None, true, true), Purpose::Resale);
    }

    #[test]
    fn r_sales_7_the_nfe_final_consumer_flag_is_0_for_resale_and_1_for_consumption() {
        assert_eq!(Purpose::Resale.final_consumer_flag(), 0);
        assert_eq!(Purpose::Consumption.final_consumer_flag(), 1);
    }

    #[test]
    fn r_sales_7_an_exempt_state_registration_does_not_make_a_reseller() {
        assert!(state_registration_counts(Some("0240010001")));
        assert!(!state_registration_counts(Some("ISENTO")));
        assert!(!state_registration_counts(Some(" isento ")));
        assert!(!state_registration_counts(Some("")));
        assert!(!state_registration_counts(None));
    }

    #[test]
    fn r_sales_7_purposes_keep_their_stored_codes_and_labels() {
        crate::sales::choice::assert_stable_codes(Purpose::ALL, Purpose::code);
        assert_eq!(Purpose::Resale.label(), "Revenda");
        assert_eq!(Purpose::Consumption.label(), "Consumo");
    }
}
