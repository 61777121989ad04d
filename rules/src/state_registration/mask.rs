//! Display masks: IEs are stored bare but read back the way each state prints them, so a
//! user can compare the screen with the paper they copied from.

/// `stored` (as `validate` returns it) with its state's punctuation. A value that fits no
/// mask of `uf` (unknown UF, unexpected length, text) comes back unchanged, so a legacy
/// value is still shown as it was typed; "ISENTO" in any case comes back upper case.
pub fn format(uf: &str, stored: &str) -> String {
    let stored = stored.trim();
    if stored.eq_ignore_ascii_case("ISENTO") {
        return "ISENTO".into();
    }
    let (letter, digits) = match stored.strip_prefix('P') {
        Some(rest) if uf.trim().eq_ignore_ascii_case("SP") => ("P", rest),
        _ => ("", stored),
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return stored.into();
    }
    let fitting = masks(&uf.trim().to_ascii_uppercase(), letter)
        .iter()
        .find(|mask| mask.bytes().filter(|&b| b == b'#').count() == digits.len());
    match fitting {
        Some(mask) => fill(mask, digits),
        None => stored.into(),
    }
}

fn fill(mask: &str, digits: &str) -> String {
    let mut digits = digits.chars();
    mask.chars()
        .map(|c| match c {
            '#' => digits.next().unwrap_or('#'),
            other => other,
        })
        .collect()
}

/// Each state's masks, one per accepted length, as the SINTEGRA pages and the states'
/// registration cards print them.
fn masks(uf: &str, letter: &str) -> &'static [&'static str] {
    match (uf, letter) {
        ("SP", "P") => &["P-########.#/###"],
        (_, "P") => &[],
        ("AC", _) => &["##.###.###/###-##"],
        ("AL" | "AP" | "ES" | "MA" | "PI", _) => &["#########"],
        ("AM" | "GO" | "MS", _) => &["##.###.###-#"],
        ("BA", _) => &["######-##", "#######-##"],
        ("CE" | "PB" | "RR" | "SE", _) => &["########-#"],
        ("DF", _) => &["###########-##"],
        ("MG", _) => &["###.###.###/####"],
        ("MT", _) => &["##########-#"],
        ("PA", _) => &["##-######-#"],
        ("PE", _) => &["#######-##", "##.#.###.#######-#"],
        ("PR", _) => &["###.#####-##"],
        ("RJ", _) => &["##.###.##-#"],
        ("RN", _) => &["##.###.###-#", "##.#.###.###-#"],
        ("RO", _) => &["#############-#"],
        ("RS", _) => &["###/#######"],
        ("SC", _) => &["###.###.###"],
        ("SP", _) => &["###.###.###.###"],
        ("TO", _) => &["##.###.###-#", "##.##.######-#"],
        _ => &[],
    }
}
