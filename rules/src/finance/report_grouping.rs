//! R-HIST-3: the receivables report groups what the filters match by customer group or by
//! region, with a subtotal per group and a grand total; a customer without one falls in
//! "Sem grupo" / "Sem região".

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportGrouping {
    #[default]
    Group,
    Region,
}

impl ReportGrouping {
    pub const ALL: [ReportGrouping; 2] = [ReportGrouping::Group, ReportGrouping::Region];

    /// In the URL: `agrupar=grupo`.
    pub fn code(self) -> &'static str {
        match self {
            ReportGrouping::Group => "grupo",
            ReportGrouping::Region => "regiao",
        }
    }

    /// Empty or unknown: by customer group.
    pub fn from_code(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|g| g.code() == code.trim())
            .unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            ReportGrouping::Group => "Grupo de clientes",
            ReportGrouping::Region => "Região",
        }
    }

    /// What a customer without one is listed under.
    pub fn none_label(self) -> &'static str {
        match self {
            ReportGrouping::Group => "Sem grupo",
            ReportGrouping::Region => "Sem região",
        }
    }
}

/// Count, amount and balance of a set of receivables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportTotal {
    pub count: i64,
    pub amount: Decimal,
    pub balance: Decimal,
}

impl ReportTotal {
    /// The grand total is the sum of the subtotals.
    pub fn sum<'a>(totals: impl IntoIterator<Item = &'a ReportTotal>) -> ReportTotal {
        totals
            .into_iter()
            .fold(ReportTotal::default(), |acc, t| ReportTotal {
                count: acc.count + t.count,
                amount: acc.amount + t.amount,
                balance: acc.balance + t.balance,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::test_values::d;

    #[test]
    fn r_hist_3_grouping_by_group_or_region_read_from_the_url() {
        assert_eq!(ReportGrouping::from_code("regiao"), ReportGrouping::Region);
        assert_eq!(ReportGrouping::from_code(""), ReportGrouping::Group);
        assert_eq!(ReportGrouping::from_code("outra"), ReportGrouping::Group);
        assert_eq!(ReportGrouping::Region.none_label(), "Sem região");
    }

    #[test]
    fn r_hist_3_the_grand_total_is_the_sum_of_the_subtotals() {
        let a = ReportTotal {
            count: 2,
            amount: d("300.00"),
            balance: d("100.00"),
        };
        let b = ReportTotal {
            count: 1,
            amount: d("50.50"),
            balance: d("50.50"),
        };
        assert_eq!(
            ReportTotal::sum([&a, &b]),
            ReportTotal {
                count: 3,
                amount: d("350.50"),
                balance: d("150.50")
            }
        );
        assert_eq!(ReportTotal::sum([]), ReportTotal::default());
    }
}
