use chrono::{DateTime, FixedOffset, Utc};

/// Brasília time (UTC−3; Brazil has kept no daylight saving since 2019).
pub fn brasilia(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    let offset = FixedOffset::west_opt(3 * 3600)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
    at.with_timezone(&offset)
}

pub fn date_time(at: DateTime<Utc>) -> String {
    brasilia(at).format("%d/%m/%Y %H:%M").to_string()
}

pub fn hour_minute(at: DateTime<Utc>) -> String {
    brasilia(at).format("%H:%M").to_string()
}

/// Today's date in Brasília: the business day of every financial decision (due, overdue,
/// R-CUST-7), whatever the server's or the database's time zone.
pub fn today() -> chrono::NaiveDate {
    brasilia(Utc::now()).date_naive()
}
