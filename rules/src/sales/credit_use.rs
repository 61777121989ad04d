//! R-SALES-6: how a customer's credits (sales-return credits, advances: what the company owes
//! them) are used when documents that create receivables are issued, and in which order. A
//! customer without a choice of their own follows the company's setting.

use super::choice::choice;

choice! {
    /// Whether the credit is used when issuing documents. The company default is optional:
    /// the user decides at each document.
    #[derive(Default)]
    pub enum CreditUse {
        /// Always used, and must be consumed.
        Always = "always" => "Sempre utilizar",
        /// Suggested; the user may leave it.
        #[default]
        Optional = "optional" => "Opcional",
        /// The user picks which credits to use.
        Selection = "selection" => "Seleção",
        Never = "never" => "Não utilizado",
    }
}

choice! {
    /// In which order the credit is applied (see `credit_application`).
    #[derive(Default)]
    pub enum CreditOrder {
        /// Oldest due date first, the usual way to settle.
        #[default]
        Ascending = "ascending" => "Crescente",
        /// Newest due date first.
        Descending = "descending" => "Decrescente",
        /// Equal parts over the installments.
        Split = "split" => "Rateado",
    }
}

impl CreditUse {
    /// The customer's choice, else the company's default.
    pub fn effective(customer: Option<Self>, company_default: Self) -> Self {
        customer.unwrap_or(company_default)
    }
}

impl CreditOrder {
    /// The customer's choice, else the company's default.
    pub fn effective(customer: Option<Self>, company_default: Self) -> Self {
        customer.unwrap_or(company_default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sales::choice::assert_stable_codes;

    #[test]
    fn r_sales_6_a_customer_without_a_choice_follows_the_company() {
        assert_eq!(
            CreditUse::effective(None, CreditUse::Optional),
            CreditUse::Optional
        );
        assert_eq!(
            CreditUse::effective(Some(CreditUse::Never), CreditUse::Optional),
            CreditUse::Never
        );
        assert_eq!(
            CreditOrder::effective(None, CreditOrder::Split),
            CreditOrder::Split
        );
        assert_eq!(
            CreditOrder::effective(Some(CreditOrder::Descending), CreditOrder::Split),
            CreditOrder::Descending
        );
    }

    #[test]
    fn r_sales_6_credit_choices_keep_their_stored_codes_and_labels() {
        assert_stable_codes(CreditUse::ALL, CreditUse::code);
        assert_stable_codes(CreditOrder::ALL, CreditOrder::code);
        assert_eq!(CreditUse::Always.label(), "Sempre utilizar");
        assert_eq!(CreditUse::Never.code(), "never");
        assert_eq!(CreditOrder::Split.label(), "Rateado");
    }
}
