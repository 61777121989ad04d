//! Undoing a batch (R-BULK): who may, and what happens to customers changed since.
//!
//! A customer blocks the undo only when a field the batch wrote holds another value now, or the
//! customer (or the table entry the field would go back to) is gone. Those customers are kept as
//! they are when the user confirms "undo the rest"; the others go back.

use crate::bulk::{bulk_field, offered_fields};
use crate::display::count_of;
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
            "O lote não pode ser desfeito por inteiro: {}. Confirme para desfazer {}; nada foi alterado.",
            kept_reasons(plan),
            if plan.restorable == 1 {
                "o outro cliente".to_string()
            } else {
                format!("os outros {}", count_of(plan.restorable, "cliente", "clientes"))
            }
        ));
    }
    Ok(())
}

/// "2 clientes tiveram um campo do lote alterado depois dele (códigos 1, 7); 1 cliente foi
/// excluído".
pub fn kept_reasons(plan: &UndoPlan) -> String {
    let mut parts = Vec::new();
    if !plan.changed_codes.is_empty() {
        let shown: Vec<String> = plan
            .changed_codes
            .iter()
            .take(20)
            .map(i64::to_string)
            .collect();
        let changed = plan.changed_codes.len() as i64;
        parts.push(format!(
            "{} {} um campo do lote alterado depois dele ({} {}{})",
            count_of(changed, "cliente", "clientes"),
            if changed == 1 { "teve" } else { "tiveram" },
            if changed == 1 { "código" } else { "códigos" },
            shown.join(", "),
            if plan.changed_codes.len() > 20 {
                ", …"
            } else {
                ""
            }
        ));
    }
    if plan.deleted > 0 {
        parts.push(format!(
            "{} {}",
            count_of(plan.deleted, "cliente", "clientes"),
            if plan.deleted == 1 {
                "foi excluído"
            } else {
                "foram excluídos"
            }
        ));
    }
    if plan.entry_gone > 0 {
        parts.push(format!(
            "{} a um registro de tabela que não existe mais",
            if plan.entry_gone == 1 {
                "1 cliente voltaria".to_string()
            } else {
                format!(
                    "{} voltariam",
                    count_of(plan.entry_gone, "cliente", "clientes")
                )
            }
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
        assert!(refused.contains("1 cliente foi excluído"), "{refused}");
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

    #[test]
    fn the_reasons_agree_in_number_with_their_counts() {
        let one_each = UndoPlan {
            restorable: 1,
            changed_codes: vec![48],
            deleted: 1,
            entry_gone: 1,
        };
        assert_eq!(
            kept_reasons(&one_each),
            "1 cliente teve um campo do lote alterado depois dele (código 48); 1 cliente foi \
             excluído; 1 cliente voltaria a um registro de tabela que não existe mais"
        );
        assert!(undo_decision(&one_each, false)
            .unwrap_err()
            .contains("Confirme para desfazer o outro cliente;"));
        let some_each = UndoPlan {
            restorable: 1_200,
            changed_codes: vec![1, 7],
            deleted: 2,
            entry_gone: 3,
        };
        assert_eq!(
            kept_reasons(&some_each),
            "2 clientes tiveram um campo do lote alterado depois dele (códigos 1, 7); 2 clientes \
             foram excluídos; 3 clientes voltariam a um registro de tabela que não existe mais"
        );
        assert!(undo_decision(&some_each, false)
            .unwrap_err()
            .contains("Confirme para desfazer os outros 1.200 clientes;"));
    }
}
