//! The only place that reads the system clock.
//!
//! "Today" is `--as-of` when given, else the local date. Event timestamps are the local time.
//!
//! `TAIZHANG_TIMESTAMP` is for tests only (as jj has `JJ_TIMESTAMP`): when set, it replaces the
//! time every change is recorded at in the audit log (`history`) and the time in backup file
//! names, so the integration tests' snapshots do not change from run to run. It is not a user
//! setting and `--help` does not name it: a store kept with it set has a false history. Nothing
//! else in the crate may call `now()`; `clippy.toml` enforces it.

use chrono::{Local, NaiveDate};

/// The time a command runs at, as far as the ledger is concerned.
#[derive(Debug, Clone)]
pub struct Clock {
    today: NaiveDate,
    timestamp: String,
}

impl Clock {
    /// Reads the clock once, honouring `as_of` and (for tests) `TAIZHANG_TIMESTAMP`.
    #[allow(clippy::disallowed_methods)]
    pub fn new(as_of: Option<NaiveDate>) -> Clock {
        let now = Local::now();
        let timestamp = std::env::var("TAIZHANG_TIMESTAMP")
            .ok()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false));
        Clock {
            today: as_of.unwrap_or_else(|| now.date_naive()),
            timestamp,
        }
    }

    /// A clock fixed at `today`, for tests and library callers.
    pub fn fixed(today: NaiveDate, timestamp: &str) -> Clock {
        Clock {
            today,
            timestamp: timestamp.to_string(),
        }
    }

    /// The as-of date: what "today" means for deadlines and default progress dates.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// When a change is recorded, as RFC 3339 text.
    pub fn timestamp(&self) -> &str {
        &self.timestamp
    }

    /// The command's time as `YYYYMMDD-HHMMSS` (local time as recorded), for file names such as
    /// backups. A timestamp that is not RFC 3339 gives the as-of date at midnight.
    pub fn stamp(&self) -> String {
        chrono::DateTime::parse_from_rfc3339(&self.timestamp)
            .map(|t| t.format("%Y%m%d-%H%M%S").to_string())
            .unwrap_or_else(|_| self.today.format("%Y%m%d-000000").to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stamp_is_the_recorded_local_time_in_file_name_form() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        assert_eq!(
            Clock::fixed(today, "2026-01-15T09:30:05+08:00").stamp(),
            "20260115-093005"
        );
        assert_eq!(Clock::fixed(today, "soon").stamp(), "20260115-000000");
    }
}
