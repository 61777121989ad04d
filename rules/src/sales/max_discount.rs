//! R-SALES-3: the maximum discount. Each maximum informed (customer, payment plan, product type,
//! establishment) lies in 0..=100; the one that binds an order is the smallest of the customer's,
//! the payment plan's and the product type's that are informed, else the establishment's. A
//! customer that does not "allow discount" has their own discount stored as 0 and may not get a
//! general discount on an order (item discounts still answer to the maximum only, as the seed
//! restricts just the general one).

use rust_decimal::Decimal;

use super::choice::choice;
use super::percent;
use crate::customer::FieldError;

/// The form field of the customer's maximum discount.
pub const MAX_DISCOUNT_FIELD: &str = "max_discount";

choice! {
    /// Where the binding maximum came from, named in the refusal so the user knows whom to ask.
    pub enum LimitSource {
        Customer = "customer" => "cliente",
        PaymentPlan = "payment_plan" => "plano de pagamento",
        ProductType = "product_type" => "tipo de produto",
        Establishment = "establishment" => "estabelecimento",
    }
}

/// A maximum discount typed in `field` (the customer's, a plan's, a product type's or the
/// establishment's form): `None` when empty, else within 0..=100.
pub fn parse_max_discount(field: &'static str, typed: &str) -> Result<Option<Decimal>, FieldError> {
    percent::parse_field(field, typed, Decimal::ZERO, Decimal::ONE_HUNDRED)
}

/// The same bound on a value that arrives already read (the batch path, R-BULK-3).
pub fn check_max_discount(field: &'static str, value: Option<Decimal>) -> Result<(), FieldError> {
    match value {
        Some(value) => percent::check_range(field, value, Decimal::ZERO, Decimal::ONE_HUNDRED),
        None => Ok(()),
    }
}

/// The maxima that may bind one discount; `None` for "not informed". For a general discount
/// on an order, `product_type` is the smallest maximum among its items' product types.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DiscountLimits {
    pub customer: Option<Decimal>,
    pub payment_plan: Option<Decimal>,
    pub product_type: Option<Decimal>,
    pub establishment: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MaxDiscount {
    pub percent: Decimal,
    pub source: LimitSource,
}

/// The binding maximum; `None` when nobody informed one (then only the 0..=100 range bounds a
/// discount). On a tie the customer's wins the naming, then the plan's, then the product type's.
pub fn effective_max_discount(limits: &DiscountLimits) -> Option<MaxDiscount> {
    let own = [
        (limits.customer, LimitSource::Customer),
        (limits.payment_plan, LimitSource::PaymentPlan),
        (limits.product_type, LimitSource::ProductType),
    ]
    .into_iter()
    .filter_map(|(percent, source)| percent.map(|percent| MaxDiscount { percent, source }))
    .reduce(|smallest, next| {
        if next.percent < smallest.percent {
            next
        } else {
            smallest
        }
    });
    own.or_else(|| {
        limits.establishment.map(|percent| MaxDiscount {
            percent,
            source: LimitSource::Establishment,
        })
    })
}

/// The customer's discount as stored: 0 when the customer does not allow discount, whatever
/// was typed (the seed: "será automaticamente informado 0").
pub fn stored_customer_discount(allows_discount: bool, typed: Option<Decimal>) -> Option<Decimal> {
    if allows_discount {
        typed
    } else {
        Some(Decimal::ZERO)
    }
}

/// Why a discount asked on an order is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscountRefusal {
    /// The customer does not allow discount: no general discount on their orders.
    NotAllowed,
    AboveMaximum(MaxDiscount),
    /// Nobody informed a maximum, and a discount above 100 % would price below zero.
    AboveHundred,
}

impl DiscountRefusal {
    pub fn message(&self, asked: Decimal) -> String {
        match self {
            DiscountRefusal::NotAllowed => {
                "Este cliente não permite desconto geral no pedido.".to_string()
            }
            DiscountRefusal::AboveMaximum(max) => format!(
                "Desconto de {} acima do máximo de {} ({}).",
                percent::format(asked),
                percent::format(max.percent),
                max.source.label()
            ),
            DiscountRefusal::AboveHundred => "O desconto não pode passar de 100%.".to_string(),
        }
    }
}

/// A discount asked on one item. A surcharge (negative) is never limited by the maximum.
pub fn check_item_discount(asked: Decimal, limits: &DiscountLimits) -> Result<(), DiscountRefusal> {
    if asked <= Decimal::ZERO {
        return Ok(());
    }
    match effective_max_discount(limits) {
        Some(max) if asked > max.percent => Err(DiscountRefusal::AboveMaximum(max)),
        _ if asked > Decimal::ONE_HUNDRED => Err(DiscountRefusal::AboveHundred),
        _ => Ok(()),
    }
}

/// A general discount asked on an order: refused outright when the customer does not allow
/// discount, else bound by the maximum as an item discount is.
pub fn check_general_discount(
    asked: Decimal,
    allows_discount: bool,
    limits: &DiscountLimits,
) -> Result<(), DiscountRefusal> {
    if asked > Decimal::ZERO && !allows_discount {
        return Err(DiscountRefusal::NotAllowed);
    }
    check_item_discount(asked, limits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn limits(
        customer: Option<&str>,
        plan: Option<&str>,
        product: Option<&str>,
        est: Option<&str>,
    ) -> DiscountLimits {
        DiscountLimits {
            customer: customer.map(d),
            payment_plan: plan.map(d),
            product_type: product.map(d),
            establishment: est.map(d),
        }
    }

    #[test]
    fn r_sales_3_a_maximum_lies_within_0_and_100() {
        assert_eq!(
            parse_max_discount(MAX_DISCOUNT_FIELD, "15"),
            Ok(Some(d("15")))
        );
        assert_eq!(
            parse_max_discount(MAX_DISCOUNT_FIELD, "0"),
            Ok(Some(d("0")))
        );
        assert_eq!(parse_max_discount(MAX_DISCOUNT_FIELD, ""), Ok(None));
        for bad in ["-1", "100,5", "abc"] {
            let error = parse_max_discount(MAX_DISCOUNT_FIELD, bad).unwrap_err();
            assert_eq!(error.field, MAX_DISCOUNT_FIELD, "{bad}");
        }
        assert_eq!(
            parse_max_discount("plan_max_discount", "101")
                .unwrap_err()
                .message,
            "Informe um percentual entre 0 e 100."
        );
        assert!(check_max_discount(MAX_DISCOUNT_FIELD, Some(d("100.01"))).is_err());
        assert!(check_max_discount(MAX_DISCOUNT_FIELD, None).is_ok());
    }

    #[test]
    fn r_sales_3_the_smallest_informed_of_customer_plan_and_product_type_binds() {
        let max = effective_max_discount(&limits(Some("15"), Some("10"), Some("20"), Some("5")));
        assert_eq!(
            max,
            Some(MaxDiscount {
                percent: d("10"),
                source: LimitSource::PaymentPlan
            })
        );
        let max = effective_max_discount(&limits(None, None, Some("20"), Some("5")));
        assert_eq!(
            max,
            Some(MaxDiscount {
                percent: d("20"),
                source: LimitSource::ProductType
            })
        );
        let max = effective_max_discount(&limits(Some("10"), Some("10"), None, None));
        assert_eq!(max.map(|m| m.source), Some(LimitSource::Customer));
    }

    #[test]
    fn r_sales_3_without_customer_plan_or_product_type_the_establishment_binds() {
        let max = effective_max_discount(&limits(None, None, None, Some("5")));
        assert_eq!(
            max,
            Some(MaxDiscount {
                percent: d("5"),
                source: LimitSource::Establishment
            })
        );
        assert_eq!(effective_max_discount(&DiscountLimits::default()), None);
    }

    #[test]
    fn r_sales_3_not_allowing_discount_stores_the_customer_discount_as_zero() {
        assert_eq!(
            stored_customer_discount(false, Some(d("10"))),
            Some(Decimal::ZERO)
        );
        assert_eq!(stored_customer_discount(false, None), Some(Decimal::ZERO));
        assert_eq!(stored_customer_discount(true, Some(d("10"))), Some(d("10")));
        assert_eq!(stored_customer_discount(true, None), None);
    }

    #[test]
    fn r_sales_3_a_customer_without_discount_gets_no_general_discount() {
        let none = DiscountLimits::default();
        let refusal = check_general_discount(d("1"), false, &none).unwrap_err();
        assert_eq!(refusal, DiscountRefusal::NotAllowed);
        assert_eq!(
            refusal.message(d("1")),
            "Este cliente não permite desconto geral no pedido."
        );
        assert_eq!(check_general_discount(Decimal::ZERO, false, &none), Ok(()));
        assert_eq!(check_general_discount(d("1"), true, &none), Ok(()));
        // Item discounts answer to the maximum only.
        assert_eq!(check_item_discount(d("1"), &none), Ok(()));
    }

    #[test]
    fn r_sales_3_a_discount_above_the_maximum_is_refused_naming_its_source() {
        let limits = limits(Some("15"), Some("10"), None, None);
        assert_eq!(check_item_discount(d("10"), &limits), Ok(()));
        let refusal = check_item_discount(d("12.5"), &limits).unwrap_err();
        assert_eq!(
            refusal.message(d("12.5")),
            "Desconto de 12,5% acima do máximo de 10% (plano de pagamento)."
        );
        assert_eq!(
            check_general_discount(d("12.5"), true, &limits),
            Err(refusal)
        );
        assert_eq!(check_item_discount(d("-30"), &limits), Ok(()));
        let refusal = check_item_discount(d("101"), &DiscountLimits::default()).unwrap_err();
        assert_eq!(
            refusal.message(d("101")),
            "O desconto não pode passar de 100%."
        );
    }

    #[test]
    fn r_sales_3_limit_sources_keep_their_stored_codes() {
        crate::sales::choice::assert_stable_codes(LimitSource::ALL, LimitSource::code);
    }

    fn maybe_percent() -> impl Strategy<Value = Option<Decimal>> {
        proptest::option::of((0i64..=10_000).prop_map(|h| Decimal::new(h, 2)))
    }

    proptest! {
        #[test]
        fn r_sales_3_the_effective_maximum_is_never_above_an_informed_one(
            customer in maybe_percent(),
            payment_plan in maybe_percent(),
            product_type in maybe_percent(),
            establishment in maybe_percent(),
        ) {
            let limits = DiscountLimits { customer, payment_plan, product_type, establishment };
            let max = effective_max_discount(&limits);
            let own = [customer, payment_plan, product_type];
            for informed in own.into_iter().flatten() {
                prop_assert!(max.unwrap().percent <= informed);
            }
            if own.iter().all(Option::is_none) {
                prop_assert_eq!(max.map(|m| m.percent), establishment);
            }
        }
    }
}
