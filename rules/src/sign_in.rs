//! Sign-in policies: how long a session lives and when sign-in attempts are made to wait.

/// Bursts of failed sign-ins close the door for a while, so that passwords cannot be guessed
/// at network speed. Failures are counted three ways: per account from one address (someone
/// guessing one password), per client address (one machine guessing many accounts) and per
/// account (many machines guessing one account). An attempt whose password is still being
/// checked counts like a failure, so that parallel guesses cannot all pass the gate before the
/// first one is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Attempts tolerated on one account from one address inside the window.
    pub per_address_account: u32,
    /// Attempts tolerated from one address, on any accounts, inside the window.
    pub per_address: u32,
    /// Attempts tolerated on one account (the e-mail typed, known or not) inside the window.
    pub per_account: u32,
    /// How far back failures are counted, in seconds.
    pub window_secs: i64,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        // A whole office often signs in from one address (its router): one person mistyping a
        // password closes only their own account from there, not everyone's, so the address's
        // own limit stands far above it. The account's stands above the pair's, so that one
        // address alone cannot lock someone else's account out.
        Self {
            per_address_account: 5,
            per_address: 30,
            per_account: 10,
            window_secs: 15 * 60,
        }
    }
}

/// Ages, in seconds, of the failed or running attempts that share something with the new one.
#[derive(Debug, Clone, Copy, Default)]
pub struct RecentAttempts<'a> {
    /// On the same account from the same client address.
    pub by_address_account: &'a [i64],
    /// From the same client address.
    pub by_address: &'a [i64],
    /// On the same account.
    pub by_account: &'a [i64],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Open,
    /// Refuse, and tell the client to come back after this many seconds.
    Closed {
        retry_after_secs: i64,
    },
}

/// Decides whether one more sign-in attempt may reach the password check. Closed when the
/// pair, the address or the account has used up its attempts; it reopens when all may try
/// again.
pub fn gate(policy: ThrottlePolicy, attempts: RecentAttempts<'_>) -> Gate {
    let waits = [
        wait_secs(
            policy.per_address_account,
            policy.window_secs,
            attempts.by_address_account,
        ),
        wait_secs(policy.per_address, policy.window_secs, attempts.by_address),
        wait_secs(policy.per_account, policy.window_secs, attempts.by_account),
    ];
    match waits.into_iter().flatten().max() {
        None => Gate::Open,
        Some(retry_after_secs) => Gate::Closed { retry_after_secs },
    }
}

/// Seconds until one of `ages_secs` leaves the window and frees a place, or `None` while
/// fewer than `limit` count.
fn wait_secs(limit: u32, window_secs: i64, ages_secs: &[i64]) -> Option<i64> {
    // An age below zero comes from clocks a hair apart: the attempt is as good as new.
    let mut recent: Vec<i64> = ages_secs
        .iter()
        .map(|age| (*age).max(0))
        .filter(|age| *age < window_secs)
        .collect();
    if (recent.len() as u64) < u64::from(limit) {
        return None;
    }
    // The door reopens when the oldest attempt that still counts leaves the window.
    recent.sort_unstable_by(|a, b| b.cmp(a));
    let oldest_counted = recent[recent.len() - limit as usize];
    Some((window_secs - oldest_counted).max(1))
}

/// The longest e-mail address there is (RFC 5321 path limit); anything longer is not one,
/// and is refused before it reaches the throttle or the database.
pub const MAX_EMAIL_CHARS: usize = 254;

/// A session lives this long after sign-in; then the user signs in again.
pub const SESSION_TTL_SECS: i64 = 8 * 60 * 60;

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: ThrottlePolicy = ThrottlePolicy {
        per_address_account: 2,
        per_address: 3,
        per_account: 4,
        window_secs: 600,
    };

    fn by_address(ages: &[i64]) -> RecentAttempts<'_> {
        RecentAttempts {
            by_address: ages,
            ..Default::default()
        }
    }

    fn by_account(ages: &[i64]) -> RecentAttempts<'_> {
        RecentAttempts {
            by_account: ages,
            ..Default::default()
        }
    }

    #[test]
    fn sign_in_stays_open_below_both_bursts() {
        assert_eq!(gate(POLICY, RecentAttempts::default()), Gate::Open);
        assert_eq!(
            gate(
                POLICY,
                RecentAttempts {
                    by_address_account: &[10],
                    by_address: &[10, 20],
                    by_account: &[10, 20, 30],
                }
            ),
            Gate::Open
        );
    }

    #[test]
    fn an_address_burst_closes_until_its_oldest_counted_failure_expires() {
        assert_eq!(
            gate(POLICY, by_address(&[10, 20, 100])),
            Gate::Closed {
                retry_after_secs: 500
            }
        );
        assert_eq!(
            gate(POLICY, by_address(&[10, 20, 100, 400])),
            Gate::Closed {
                retry_after_secs: 500
            }
        );
    }

    #[test]
    fn an_account_burst_from_many_addresses_closes_that_account() {
        assert_eq!(gate(POLICY, by_account(&[1, 2, 3])), Gate::Open);
        assert_eq!(
            gate(POLICY, by_account(&[1, 2, 3, 300])),
            Gate::Closed {
                retry_after_secs: 300
            }
        );
    }

    #[test]
    fn when_both_are_closed_the_client_waits_for_the_later_one() {
        assert_eq!(
            gate(
                POLICY,
                RecentAttempts {
                    by_address: &[100, 100, 100],
                    by_account: &[10, 10, 10, 10],
                    ..Default::default()
                }
            ),
            Gate::Closed {
                retry_after_secs: 590
            }
        );
    }

    #[test]
    fn failures_outside_the_window_do_not_count() {
        assert_eq!(gate(POLICY, by_address(&[10, 20, 600, 4000])), Gate::Open);
        assert_eq!(gate(POLICY, by_account(&[10, 20, 30, 600])), Gate::Open);
    }

    #[test]
    fn an_attempt_that_is_still_running_counts_as_brand_new() {
        // Ages at or below zero are attempts whose password check has not finished.
        assert_eq!(
            gate(POLICY, by_address(&[0, 0, -1])),
            Gate::Closed {
                retry_after_secs: 600
            }
        );
    }

    #[test]
    fn one_account_guessed_from_one_address_closes_that_pair() {
        let pair = RecentAttempts {
            by_address_account: &[10, 100],
            by_address: &[10, 100],
            by_account: &[10, 100],
        };
        assert_eq!(
            gate(POLICY, pair),
            Gate::Closed {
                retry_after_secs: 500
            }
        );
    }

    #[test]
    fn one_address_alone_cannot_lock_someone_elses_account() {
        let policy = ThrottlePolicy::default();
        assert!(policy.per_address_account < policy.per_account);
    }

    #[test]
    fn one_person_mistyping_does_not_close_the_office_address_for_everyone() {
        let policy = ThrottlePolicy::default();
        assert!(policy.per_address >= 5 * policy.per_address_account);
        let mistyped: Vec<i64> = (0..i64::from(policy.per_address_account)).collect();
        let colleague = RecentAttempts {
            by_address: &mistyped,
            ..Default::default()
        };
        assert_eq!(gate(policy, colleague), Gate::Open);
    }
}
