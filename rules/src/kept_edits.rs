//! A stale save keeps what was typed. The server refuses a save made against a version someone
//! else replaced (nothing is overwritten); the user may then load that version with their own
//! changes typed back on top of it, told which fields were theirs and which of those the other
//! person changed too, and save again. Fields are a form's `(name, value)` pairs.

/// A field the user changed: its value when the form opened, and the one typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptEdit {
    pub name: String,
    pub opened: String,
    pub typed: String,
}

/// The fields whose value now differs from the one the form opened with. A field the form
/// did not hold when it opened counts as opened empty.
pub fn kept_edits(opened: &[(String, String)], now: &[(String, String)]) -> Vec<KeptEdit> {
    now.iter()
        .filter_map(|(name, typed)| {
            let opened = value_of(opened, name);
            (opened != typed.as_str()).then(|| KeptEdit {
                name: name.clone(),
                opened: opened.to_string(),
                typed: typed.clone(),
            })
        })
        .collect()
}

/// What a reload after a stale save does with the user's edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reapplied {
    /// Every kept edit, to type back: `(name, typed)`.
    pub set: Vec<(String, String)>,
    /// The fields the other person changed: their value differs from the one this user opened.
    pub theirs: Vec<String>,
    /// The kept edits the other person changed too, to something else: `(name, their value)`.
    /// The user's value replaces theirs; the notice says so.
    pub both: Vec<(String, String)>,
}

/// What to type back on the version loaded again (`fresh`), given the fields as this user
/// opened them.
pub fn reapply(
    opened: &[(String, String)],
    kept: &[KeptEdit],
    fresh: &[(String, String)],
) -> Reapplied {
    let theirs = fresh
        .iter()
        .filter(|(name, value)| value_of(opened, name) != value.as_str())
        .map(|(name, _)| name.clone())
        .collect();
    let both = kept
        .iter()
        .filter_map(|k| {
            let theirs = value_of(fresh, &k.name);
            (theirs != k.opened && theirs != k.typed).then(|| (k.name.clone(), theirs.to_string()))
        })
        .collect();
    let set = kept
        .iter()
        .map(|k| (k.name.clone(), k.typed.clone()))
        .collect();
    Reapplied { set, theirs, both }
}

/// What the form says once the edits are typed back, fields named by their labels.
pub fn notice(theirs: &[String], kept: &[String], both: &[(String, String)]) -> String {
    let mut said = "Esta é a versão que o outro usuário gravou".to_string();
    if !theirs.is_empty() {
        said.push_str(&format!(" (ele alterou {})", theirs.join(", ")));
    }
    if kept.is_empty() {
        // Nothing of the user's differed from what they had opened: say so rather than list nothing.
        said.push_str(". Você não tinha alterado nenhum campo.");
    } else {
        said.push_str(&format!(
            ", com as suas alterações em: {}.",
            kept.join(", ")
        ));
    }
    for (label, value) in both {
        let value = if value.is_empty() {
            "em branco".to_string()
        } else {
            format!("“{value}”")
        };
        said.push_str(&format!(
            " {label} foi alterado pelos dois: ele gravou {value}, e fica o que você digitou."
        ));
    }
    said.push_str(" Confira e grave.");
    said
}

fn value_of<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn only_the_fields_typed_over_are_kept() {
        let opened = fields(&[("phone", "1"), ("email", "a@b"), ("trade", "X")]);
        let now = fields(&[
            ("phone", "2"),
            ("email", "a@b"),
            ("trade", "X"),
            ("notes", "n"),
        ]);
        assert_eq!(
            kept_edits(&opened, &now),
            vec![
                KeptEdit {
                    name: "phone".into(),
                    opened: "1".into(),
                    typed: "2".into()
                },
                KeptEdit {
                    name: "notes".into(),
                    opened: "".into(),
                    typed: "n".into()
                },
            ]
        );
        assert!(kept_edits(&opened, &opened).is_empty());
    }

    #[test]
    fn a_field_both_people_changed_is_named_with_their_value_and_the_users_is_typed_back() {
        let opened = fields(&[("phone", "1"), ("trade", "X"), ("income", "0")]);
        let now = fields(&[("phone", "2"), ("trade", "Mine"), ("income", "0")]);
        let kept = kept_edits(&opened, &now);
        // The other person changed the trade name and the income; the phone only this user.
        let fresh = fields(&[("phone", "1"), ("trade", "Theirs"), ("income", "500")]);
        let again = reapply(&opened, &kept, &fresh);
        assert_eq!(again.set, fields(&[("phone", "2"), ("trade", "Mine")]));
        assert_eq!(
            again.theirs,
            vec!["trade".to_string(), "income".to_string()]
        );
        assert_eq!(again.both, fields(&[("trade", "Theirs")]));
        // Both typed the same value: nothing to check.
        let same = fields(&[("phone", "1"), ("trade", "Mine"), ("income", "500")]);
        assert!(reapply(&opened, &kept, &same).both.is_empty());
    }

    #[test]
    fn the_notice_names_the_fields_by_label_and_what_the_other_person_saved() {
        assert_eq!(
            notice(&[], &["Telefones".into()], &[]),
            "Esta é a versão que o outro usuário gravou, com as suas alterações em: Telefones. Confira e grave."
        );
        assert_eq!(
            notice(
                &["Telefones".into(), "Nome fantasia".into()],
                &["Nome fantasia".into()],
                &[("Nome fantasia".into(), "Posto Sul".into())]
            ),
            "Esta é a versão que o outro usuário gravou (ele alterou Telefones, Nome fantasia), com as suas alterações em: Nome fantasia. Nome fantasia foi alterado pelos dois: ele gravou “Posto Sul”, e fica o que você digitou. Confira e grave."
        );
        assert!(notice(
            &[],
            &["E-mails".into()],
            &[("E-mails".into(), String::new())]
        )
        .contains("ele gravou em branco"));
    }

    #[test]
    fn the_notice_for_a_user_who_had_changed_nothing_does_not_list_an_empty_set() {
        assert_eq!(
            notice(&["Telefones".into()], &[], &[]),
            "Esta é a versão que o outro usuário gravou (ele alterou Telefones). Você não tinha alterado nenhum campo. Confira e grave."
        );
    }
}
