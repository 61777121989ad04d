//! Undoing a batch (R-BULK): who may, and what happens to customers changed since.
//!
//! A customer blocks the undo only when a field the batch wrote holds another value now, or the
//! customer (or the table entry the field would go back to) is gone. Those customers are kept as
//! they are when the user confirms "undo the rest"; the others go back.

use crate::bulk::{bulk_field, offered_fields};
use crate::permission::Permission;

/// Undo writes the batch's fields back, so it needs what applying them needed (R-PERM-1):
/// "bulk update" and each field's own permission. A field no longer declared is refused.
pub fn may_undo(permissions: &[Permission], field_codes: &[String]) -> bool {
    let offered = offered_fields(permissions);
    !offered.is_empty()
        && field_codes.iter().all(|code| {
            bulk_field(code).is_some_and(|spec| offered.iter().any(|o| o.code == spec.code))
        })
}

/// What undoing a batch would do now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UndoPlan {
    /// Customers that go back to their values from before the batch.
    pub restorable: i64,
    /// Codes of customers whose batch fields were changed since: they keep their values.
    pub changed_codes: Vec<i64>,
    /// Customers of the batch deleted since.
    pub deleted: i64,
    /// Customers whose value before the batch was a table entry deleted since.
    pub entry_gone: i64,
}

impl UndoPlan {
    pub fn kept(&self) -> i64 {
        self.changed_codes.len() as i64 + self.deleted + self.entry_gone
    }
}

/// Whether the undo goes ahead: as a whole when nothing is kept; with kept customers only when
/// the user chose to undo the rest (`keep_changed`); never when no customer can go back.
pub fn undo_decision(plan: &UndoPlan, keep_changed: bool) -> Result<(), String> {
    if plan.restorable == 0 {
        return Err(format!(
            "Nenhum cliente do lote pode voltar: {}. Nada foi alterado.",
            kept_reasons(plan)
        ));
    }
    if plan.kept() > 0 && !keep_changed {
        return Err(format!(
            "O lote não pode ser desfeito por inteiro: {}. Confirme para desfazer os outros {} cliente(s); nada foi alterado.",
            kept_reasons(plan),
            plan.restorable
        ));
    }
    Ok(())
}

/// "2 cliente(s) alterados depois do lote (códigos 1, 7), 1 excluído(s)".
pub fn kept_reasons(plan: &UndoPlan) -> String {
    let mut parts = Vec::new();
    if !plan.changed_codes.is_empty() {
        let shown: Vec<String> = plan
            .changed_codes
            .iter()
            .take(20)
            .map(i64::to_string)
            .collect();
        parts.push(format!(
            "{} cliente(s) tiveram os campos do lote alterados depois dele (códigos {}{})",
            plan.changed_codes.len(),
            shown.join(", "),
            if plan.changed_codes.len() > 20 {
                ", …"
            } else {
                ""
            }
        ));
    }
    if plan.deleted > 0 {
        parts.push(format!("{} cliente(s) foram excluídos", plan.deleted));
    }
    if plan.entry_gone > 0 {
        parts.push(format!(
            "{} cliente(s) voltariam a um registro de tabela que não existe mais",
            plan.entry_gone
        ));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn undo_rechecks_each_fields_permission() {
        let manager = [Permission::AlterCustomer, Permission::BulkUpdate];
        assert!(may_undo(&manager, &codes(&["salesperson", "status"])));
        assert!(!may_undo(&[Permission::AlterCustomer], &codes(&["status"])));
        assert!(!may_undo(&[Permission::BulkUpdate], &codes(&["status"])));
        assert!(
            !may_undo(&manager, &codes(&["credit_limit"])),
            "unknown field"
        );
    }

    #[test]
    fn undo_goes_ahead_whole_or_for_the_rest_once_confirmed() {
        let clean = UndoPlan {
            restorable: 5,
            ..UndoPlan::default()
        };
        assert_eq!(undo_decision(&clean, false), Ok(()));
        let partial = UndoPlan {
            restorable: 3,
            changed_codes: vec![1, 7],
            deleted: 1,
            entry_gone: 0,
        };
        let refused = undo_decision(&partial, false).unwrap_err();
        assert!(refused.contains("códigos 1, 7"), "{refused}");
        assert!(
            refused.contains("1 cliente(s) foram excluídos"),
            "{refused}"
        );
        assert!(refused.contains("outros 3"), "{refused}");
        assert_eq!(undo_decision(&partial, true), Ok(()));
        let nothing = UndoPlan {
            restorable: 0,
            changed_codes: vec![2],
            ..UndoPlan::default()
        };
        assert!(undo_decision(&nothing, true)
            .unwrap_err()
            .starts_with("Nenhum cliente"));
    }
}
