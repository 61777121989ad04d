//! R-HIST-3: how many receivables a downloaded report holds. Beyond that the PDF would run to
//! hundreds of pages and be built while the user waits; the screen's totals still cover every
//! receivable, and a narrower filter exports.

use crate::display::thousands;

pub const MAX_EXPORT_ROWS: i64 = 5_000;

/// Why a report of `count` receivables is not exported, when it is not.
pub fn export_refusal(count: i64) -> Option<String> {
    (count > MAX_EXPORT_ROWS).then(|| {
        format!(
            "O relatório tem {} títulos; a exportação aceita até {}. Restrinja os filtros para exportar.",
            thousands(count),
            thousands(MAX_EXPORT_ROWS)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_hist_3_a_report_up_to_the_limit_exports_one_beyond_it_says_why_not() {
        assert_eq!(export_refusal(0), None);
        assert_eq!(export_refusal(MAX_EXPORT_ROWS), None);
        assert_eq!(
            export_refusal(53_055).as_deref(),
            Some("O relatório tem 53.055 títulos; a exportação aceita até 5.000. Restrinja os filtros para exportar.")
        );
    }
}
