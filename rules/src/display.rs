//! Stored values as people read them: one function per kind of value, used by the form, the
//! list and the history alike, so a customer's situação reads "Ativo" everywhere and never
//! `active` (issue 10, item 8). A stored value these functions do not recognise (a legacy
//! record) is shown as it is stored rather than hidden.

use crate::customer::{Kind, Status};

impl Kind {
    /// In the order the form offers them.
    pub const ALL: [Kind; 2] = [Kind::LegalEntity, Kind::Individual];

    /// What the form's "Tipo de pessoa" shows.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Individual => "Física",
            Kind::LegalEntity => "Jurídica",
        }
    }
}

impl Status {
    /// In the order the form and the list's filter offer them.
    pub const ALL: [Status; 3] = [Status::Active, Status::Pending, Status::Inactive];

    /// What the form's "Situação" shows.
    pub fn label(self) -> &'static str {
        match self {
            Status::Active => "Ativo",
            Status::Inactive => "Inativo",
            Status::Pending => "Pendente",
        }
    }
}

/// `n` and the noun agreeing with it: `1 cliente`, `3 clientes`, `1.234 clientes`.
pub fn count_of(n: i64, singular: &str, plural: &str) -> String {
    format!(
        "{} {}",
        thousands(n),
        if n == 1 { singular } else { plural }
    )
}

/// A wait as people say it, rounded up to whole minutes past one: `45 segundos`, `1 minuto`,
/// `15 minutos` (never "900 segundos").
pub fn wait_phrase(secs: i64) -> String {
    let secs = secs.max(1);
    if secs < 60 {
        return count_of(secs, "segundo", "segundos");
    }
    count_of((secs + 59) / 60, "minuto", "minutos")
}

/// A count as people read it: `1234567` → `1.234.567`.
pub fn thousands(n: i64) -> String {
    let digits = n.to_string();
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits.as_str()),
    };
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A stored situação code (`active`) as the form shows it (`Ativo`).
pub fn status_label(code: &str) -> &str {
    match Status::from_code(code) {
        Some(status) => status.label(),
        None => code,
    }
}

/// A stored kind code (`legal_entity`) as the form shows it (`Jurídica`).
pub fn kind_label(code: &str) -> &str {
    match Kind::from_code(code) {
        Some(kind) => kind.label(),
        None => code,
    }
}

/// A stored date, `aaaa-mm-dd` (`2027-12-31`), as a Brazilian date input shows it:
/// `31/12/2027`.
pub fn date(stored: &str) -> String {
    let parts: Vec<&str> = stored.split('-').collect();
    match parts.as_slice() {
        [y, m, d]
            if y.len() == 4
                && m.len() == 2
                && d.len() == 2
                && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) =>
        {
            format!("{d}/{m}/{y}")
        }
        _ => stored.to_string(),
    }
}

/// A stored CPF or CNPJ with its mask (`12.ABC.345/01DE-35`), as the form shows it; a legacy
/// document that is not a valid CPF or CNPJ as it is stored. The mask itself belongs to the
/// documents (`document::mask_stored`); this is the name screens and history call it by.
pub use crate::document::mask_stored as document;

#[cfg(test)]
mod tests {
    #[test]
    fn counts_read_with_thousands_and_the_noun_agreeing() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(1234567), "1.234.567");
        assert_eq!(super::thousands(-1234), "-1.234");
        assert_eq!(super::count_of(1, "cliente", "clientes"), "1 cliente");
        assert_eq!(super::count_of(0, "cliente", "clientes"), "0 clientes");
        assert_eq!(
            super::count_of(53_055, "título", "títulos"),
            "53.055 títulos"
        );
    }

    use super::*;

    #[test]
    fn a_wait_reads_in_minutes_past_one_rounded_up() {
        assert_eq!(wait_phrase(45), "45 segundos");
        assert_eq!(wait_phrase(1), "1 segundo");
        assert_eq!(wait_phrase(0), "1 segundo");
        assert_eq!(wait_phrase(60), "1 minuto");
        assert_eq!(wait_phrase(61), "2 minutos");
        assert_eq!(wait_phrase(900), "15 minutos");
    }

    #[test]
    fn history_shows_status_as_the_form_does() {
        assert_eq!(status_label("active"), "Ativo");
        assert_eq!(status_label("inactive"), "Inativo");
        assert_eq!(status_label("pending"), "Pendente");
        for status in Status::ALL {
            assert_eq!(status_label(status.code()), status.label());
        }
        assert_eq!(
            status_label("blocked"),
            "blocked",
            "unknown codes shown as stored"
        );
    }

    #[test]
    fn history_shows_the_kind_as_the_form_does() {
        assert_eq!(kind_label("legal_entity"), "Jurídica");
        assert_eq!(kind_label("individual"), "Física");
        assert_eq!(kind_label("foreign"), "foreign");
        assert_eq!(Kind::ALL.len(), 2);
        for kind in Kind::ALL {
            assert_eq!(kind_label(kind.code()), kind.label());
        }
    }

    #[test]
    fn history_shows_dates_as_dd_mm_aaaa() {
        assert_eq!(date("2027-12-31"), "31/12/2027");
        assert_eq!(date("2026-02-01"), "01/02/2026");
        assert_eq!(date(""), "");
        for odd in [
            "31/12/2027",
            "2027-1-31",
            "27-12-31",
            "aaaa-mm-dd",
            "2027-12-31T00",
        ] {
            assert_eq!(date(odd), odd, "not a stored date: shown as it is");
        }
    }

    #[test]
    fn history_shows_the_document_masked_as_the_form_does() {
        assert_eq!(document("12ABC34501DE35"), "12.ABC.345/01DE-35");
        assert_eq!(document("52998224725"), "529.982.247-25");
        // A legacy document that fails today's check digits cannot be masked: as stored.
        assert_eq!(document("52998224700"), "52998224700");
        assert_eq!(document(""), "");
    }
}
