//! How a customer's history names a change made by a batch or by its undo (R-BULK): beside the
//! user, so that a change seen on 62 customers at once reads as the batch it was.

/// "Ana Administradora", "Ana Administradora (lote 12)" or "Ana Administradora (desfez o lote 12)".
pub fn changed_by(user_name: &str, batch_id: Option<i64>, undone: bool) -> String {
    match (batch_id, undone) {
        (None, _) => user_name.to_string(),
        (Some(batch), false) => format!("{user_name} (lote {batch})"),
        (Some(batch), true) => format!("{user_name} (desfez o lote {batch})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_names_the_batch_that_made_it_or_undid_it() {
        assert_eq!(changed_by("Ana", None, false), "Ana");
        assert_eq!(changed_by("Ana", Some(12), false), "Ana (lote 12)");
        assert_eq!(changed_by("Ana", Some(12), true), "Ana (desfez o lote 12)");
    }
}
