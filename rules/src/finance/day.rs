//! A calendar day as the ledger counts it: days late on a receivable (interest per day) need
//! day arithmetic, and `rules` depends on no calendar crate. `Day` is the day number of the
//! proleptic Gregorian calendar with 0001-01-01 as day 1 — exactly chrono's
//! `Datelike::num_days_from_ce`, so the server converts with one call each way:
//! `Day::from_days_from_ce(date.num_days_from_ce())` and
//! `NaiveDate::from_num_days_from_ce_opt(day.days_from_ce())`. It reads and writes the stored
//! form, `aaaa-mm-dd`, and orders like the dates it stands for.
//!
//! The other finance rules only compare dates, so they take any ordered date (`NaiveDate`,
//! `Day`, an ISO `aaaa-mm-dd` string); only the settlement, which counts days, takes `Day`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i32);

/// 1970-01-01 counted from 0001-01-01 as day 1.
const UNIX_EPOCH_FROM_CE: i32 = 719_163;

impl Day {
    /// The day numbered as chrono's `num_days_from_ce` numbers it (0001-01-01 is 1).
    pub fn from_days_from_ce(days: i32) -> Self {
        Day(days)
    }

    pub fn days_from_ce(self) -> i32 {
        self.0
    }

    /// `None` for a date that does not exist (31/02) or a year outside 1..=9999.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1..=9999).contains(&year)
            || day == 0
            || day > crate::date_input::days_in_month(year, month)?
        {
            return None;
        }
        Some(Day(days_from_civil(year, month, day) + UNIX_EPOCH_FROM_CE))
    }

    /// Reads the stored form, `aaaa-mm-dd`.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let mut parts = text.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return None;
        }
        Day::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// `(year, month, day)`.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0 - UNIX_EPOCH_FROM_CE)
    }

    /// Days from `earlier` to `self`: negative when `earlier` is in fact later.
    pub fn days_since(self, earlier: Day) -> i64 {
        i64::from(self.0) - i64::from(earlier.0)
    }

    pub fn plus_days(self, days: i32) -> Self {
        Day(self.0 + days)
    }
}

/// `aaaa-mm-dd`, the stored form; `rules::display::date` shows it as `dd/mm/aaaa`.
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Day::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("data inválida: {text}")))
    }
}

// Howard Hinnant's `days_from_civil` / `civil_from_days`: days since 1970-01-01.
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

/// Test helper: `day("2026-03-15")`.
#[cfg(test)]
pub(crate) fn day(iso: &str) -> Day {
    Day::parse_iso(iso).unwrap_or_else(|| panic!("not a date: {iso}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn day_numbers_are_chronos_num_days_from_ce() {
        // Values of chrono's `num_days_from_ce` (and Python's `date.toordinal`).
        assert_eq!(day("0001-01-01").days_from_ce(), 1);
        assert_eq!(day("1970-01-01").days_from_ce(), 719_163);
        assert_eq!(day("2024-02-29").days_from_ce(), 738_945);
        assert_eq!(day("2026-01-01").days_from_ce(), 739_617);
        assert_eq!(day("9999-12-31").days_from_ce(), 3_652_059);
    }

    #[test]
    fn counts_days_across_months_and_leap_years() {
        assert_eq!(day("2026-03-01").days_since(day("2026-02-28")), 1);
        assert_eq!(day("2024-03-01").days_since(day("2024-02-28")), 2);
        assert_eq!(day("2026-01-10").days_since(day("2025-12-31")), 10);
        assert_eq!(day("2025-12-31").days_since(day("2026-01-10")), -10);
        assert_eq!(day("2026-01-31").plus_days(1), day("2026-02-01"));
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        assert_eq!(Day::from_ymd(2026, 2, 29), None);
        assert_eq!(Day::from_ymd(2026, 13, 1), None);
        assert_eq!(Day::from_ymd(2026, 4, 31), None);
        assert_eq!(Day::parse_iso("31/12/2026"), None);
        assert_eq!(Day::parse_iso("2026-1-01"), None);
        assert!(Day::from_ymd(2024, 2, 29).is_some());
    }

    #[test]
    fn writes_the_stored_form_and_reads_it_back() {
        assert_eq!(day("2026-03-05").to_string(), "2026-03-05");
        assert_eq!(
            crate::display::date(&day("2026-03-05").to_string()),
            "05/03/2026"
        );
    }

    proptest! {
        #[test]
        fn every_day_number_round_trips_through_its_date(n in 1i32..=3_652_059) {
            let d = Day::from_days_from_ce(n);
            let (y, m, dd) = d.ymd();
            prop_assert_eq!(Day::from_ymd(y, m, dd), Some(d));
            prop_assert_eq!(Day::parse_iso(&d.to_string()), Some(d));
            prop_assert_eq!(d.plus_days(1).days_since(d), 1);
        }
    }
}
