//! Dates as Brazilians type them, `dd/mm/aaaa`, whatever language the browser speaks: the
//! browser's own date input shows `mm/dd/yyyy` in English (issue 10, item 14), so the form
//! uses a plain text field masked as typed, and the server reads it here.
//! `rules::display::date` is the way back (stored `aaaa-mm-dd` → `dd/mm/aaaa`).

/// What the field says beside a date it cannot read.
pub const INVALID_DATE: &str = "Data inválida: use dd/mm/aaaa.";
/// Beside a date typed as asked whose day or month the calendar has not (31/02, 00/01, 01/13).
pub const NO_SUCH_DATE: &str = "Data inexistente: confira o dia e o mês.";
/// Beside a date typed as asked in a year no customer record can mean.
pub const YEAR_OUT_OF_RANGE: &str = "Ano fora do intervalo aceito (1900 a 2999).";

/// A typed date as stored, `aaaa-mm-dd`; `None` when nothing was typed. Reads `dd/mm/aaaa`
/// (what the form sends), `d/m/aa` as people jot it (`1/3/26`: a two-digit year is 2000–2049
/// up to 49, 1950–1999 from 50) and `aaaa-mm-dd` (what other clients and older forms send).
pub fn parse(typed: &str) -> Result<Option<String>, &'static str> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let (d, m, y) = if let Some((d, rest)) = typed.split_once('/') {
        let (m, y) = rest.split_once('/').ok_or(INVALID_DATE)?;
        (d, m, y)
    } else {
        let mut parts = typed.splitn(3, '-');
        let (y, m, d) = (parts.next(), parts.next(), parts.next());
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) if y.len() == 4 => (d, m, y),
            _ => return Err(INVALID_DATE),
        }
    };
    let digits =
        |s: &str, lens: &[usize]| lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(d, &[1, 2]) && digits(m, &[1, 2]) && digits(y, &[2, 4])) {
        return Err(INVALID_DATE);
    }
    let (day, month, mut year): (u32, u32, u32) = (
        d.parse().map_err(|_| INVALID_DATE)?,
        m.parse().map_err(|_| INVALID_DATE)?,
        y.parse().map_err(|_| INVALID_DATE)?,
    );
    if y.len() == 2 {
        year += if year < 50 { 2000 } else { 1900 };
    }
    if !(1900..=2999).contains(&year) {
        return Err(YEAR_OUT_OF_RANGE);
    }
    if day == 0 || day > days_in_month(year as i32, month).ok_or(NO_SUCH_DATE)? {
        return Err(NO_SUCH_DATE);
    }
    Ok(Some(format!("{year:04}-{month:02}-{day:02}")))
}

/// Whether the text is a whole date as the field shows one (`dd/mm/aaaa`): what a preview drawn
/// while the user types waits for, since `07/12/20` may still become `07/12/2026`.
pub fn is_written_out(typed: &str) -> bool {
    let typed = typed.trim();
    typed.len() == 10 && parse(typed).is_ok_and(|date| date.is_some())
}

/// The field's text once the user leaves it: a date jotted short (`01/03/26`) written out
/// (`01/03/2026`), so that what is saved is what the field shows; anything else as it is.
pub fn written_out(typed: &str) -> String {
    match parse(typed) {
        Ok(Some(iso)) if typed.contains('/') => {
            let (y, rest) = iso.split_once('-').unwrap_or_default();
            let (m, d) = rest.split_once('-').unwrap_or_default();
            format!("{d}/{m}/{y}")
        }
        _ => typed.to_string(),
    }
}

/// Days of `month` in `year` (Gregorian), `None` for a month that does not exist.
pub(crate) fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

/// The field's text as the user types: digits, with the slashes put in (`3112` → `31/12`,
/// `31122027` → `31/12/2027`), at most eight digits. A slash typed after a one-digit day or
/// month completes it with a zero (`5/1/2026` → `05/01/2026`), as Brazilians often write.
pub fn mask_as_typed(typed: &str) -> String {
    // Day, month, year; whether a slash follows each of the first two.
    let mut parts = [String::new(), String::new(), String::new()];
    let mut slashed = [false, false];
    let mut part = 0;
    for c in typed.chars() {
        if c.is_ascii_digit() {
            let limit = if part == 2 { 4 } else { 2 };
            if parts[part].len() == limit {
                if part == 2 {
                    break;
                }
                part += 1;
            }
            parts[part].push(c);
        } else if c == '/' && part < 2 {
            match parts[part].len() {
                1 => parts[part].insert(0, '0'),
                2 => {}
                // A slash before any digit of the part, or a second one, says nothing.
                _ => continue,
            }
            slashed[part] = true;
            part += 1;
        }
    }
    let mut out = parts[0].clone();
    for i in 1..3 {
        if !parts[i].is_empty() || slashed[i - 1] {
            out.push('/');
            out.push_str(&parts[i]);
        }
        if parts[i].is_empty() {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_brazilian_date_is_stored_as_iso() {
        assert_eq!(parse("31/12/2027"), Ok(Some("2027-12-31".into())));
        assert_eq!(parse(" 01/02/2026 "), Ok(Some("2026-02-01".into())));
    }

    #[test]
    fn a_date_jotted_short_is_read_and_written_out() {
        assert_eq!(parse("1/3/26"), Ok(Some("2026-03-01".into())));
        assert_eq!(parse("01/03/2026"), Ok(Some("2026-03-01".into())));
        assert_eq!(parse("31/12/49"), Ok(Some("2049-12-31".into())));
        assert_eq!(parse("15/08/85"), Ok(Some("1985-08-15".into())));
        assert_eq!(parse("29/02/25"), Err(NO_SUCH_DATE));
        assert_eq!(written_out("01/03/26"), "01/03/2026");
        assert_eq!(written_out("01/03/2026"), "01/03/2026");
        assert_eq!(written_out("01/03"), "01/03");
        assert_eq!(written_out(""), "");
        assert!(is_written_out("01/03/2026"));
        assert!(!is_written_out("01/03/20"));
        assert!(!is_written_out("31/02/2026"));
    }

    #[test]
    fn an_iso_date_from_other_clients_is_still_read() {
        assert_eq!(parse("2027-12-31"), Ok(Some("2027-12-31".into())));
    }

    #[test]
    fn nothing_typed_is_no_date() {
        assert_eq!(parse(""), Ok(None));
        assert_eq!(parse("   "), Ok(None));
    }

    #[test]
    fn a_date_not_typed_as_asked_is_refused_with_the_format_to_use() {
        for bad in [
            "1/2/202",
            "31/12/2",
            "31-12-2027",
            "aa/bb/cccc",
            "31/12/2027/1",
            "31122027",
        ] {
            assert_eq!(parse(bad), Err(INVALID_DATE), "{bad}");
        }
    }

    #[test]
    fn a_date_typed_as_asked_that_the_calendar_has_not_is_called_so() {
        for impossible in [
            "31/02/2027",
            "29/02/2027",
            "00/01/2027",
            "01/13/2027",
            "12/31/2027",
            "32/12/2027",
            "01/00/2027",
            "2026-02-30",
        ] {
            assert_eq!(parse(impossible), Err(NO_SUCH_DATE), "{impossible}");
        }
        assert_eq!(parse("31/12/1899"), Err(YEAR_OUT_OF_RANGE));
        assert_eq!(parse("01/01/3000"), Err(YEAR_OUT_OF_RANGE));
    }

    #[test]
    fn leap_days_follow_the_gregorian_calendar() {
        assert_eq!(parse("29/02/2028"), Ok(Some("2028-02-29".into())));
        assert_eq!(parse("29/02/2000"), Ok(Some("2000-02-29".into())));
        assert_eq!(parse("29/02/2100"), Err(NO_SUCH_DATE));
    }

    #[test]
    fn the_mask_puts_the_slashes_in_as_digits_are_typed() {
        assert_eq!(mask_as_typed("3"), "3");
        assert_eq!(mask_as_typed("31"), "31");
        assert_eq!(mask_as_typed("311"), "31/1");
        assert_eq!(mask_as_typed("3112"), "31/12");
        assert_eq!(mask_as_typed("31122027"), "31/12/2027");
        assert_eq!(mask_as_typed("31/12/2027"), "31/12/2027");
        assert_eq!(mask_as_typed("31/12/20279"), "31/12/2027");
        assert_eq!(mask_as_typed("ab31-12"), "31/12");
        assert_eq!(mask_as_typed(""), "");
    }

    #[test]
    fn a_slash_after_one_digit_completes_the_day_or_month_with_a_zero() {
        assert_eq!(mask_as_typed("5/"), "05/");
        assert_eq!(mask_as_typed("5/12/2026"), "05/12/2026");
        assert_eq!(mask_as_typed("1/1/2026"), "01/01/2026");
        assert_eq!(mask_as_typed("10/1/2026"), "10/01/2026");
        assert_eq!(mask_as_typed("05/"), "05/");
        assert_eq!(mask_as_typed("05/1/"), "05/01/");
        assert_eq!(mask_as_typed("/5"), "5");
        assert_eq!(mask_as_typed("05//1"), "05/1");
        assert_eq!(
            parse(&mask_as_typed("5/12/2026")),
            Ok(Some("2026-12-05".into()))
        );
    }

    #[test]
    fn what_display_shows_parses_back_to_the_stored_date() {
        let stored = "2027-12-31";
        assert_eq!(
            parse(&crate::display::date(stored)),
            Ok(Some(stored.to_string()))
        );
    }
}
