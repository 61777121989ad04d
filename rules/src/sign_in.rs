//! Sign-in policies: how long a session lives and when an address that keeps failing
//! is made to wait.

/// A burst of failed sign-ins from one address closes the door for a while, so that
/// passwords cannot be guessed at network speed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures tolerated inside the window before further attempts are refused.
    pub max_failures: u32,
    /// How far back failures are counted, in seconds.
    pub window_secs: i64,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        Self {
            max_failures: 5,
            window_secs: 15 * 60,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Open,
    /// Refuse, and tell the client to come back after this many seconds.
    Closed {
        retry_after_secs: i64,
    },
}

/// Decides whether one more sign-in attempt may be checked, from the ages (in seconds)
/// of this address's failures inside the policy window.
pub fn gate(policy: ThrottlePolicy, failure_ages_secs: &[i64]) -> Gate {
    let recent: Vec<i64> = failure_ages_secs
        .iter()
        .copied()
        .filter(|age| (0..policy.window_secs).contains(age))
        .collect();
    if (recent.len() as u32) < policy.max_failures {
        return Gate::Open;
    }
    // The door reopens when the oldest failure that still counts leaves the window.
    let mut ages = recent;
    ages.sort_unstable_by(|a, b| b.cmp(a));
    let oldest_counted = ages[ages.len() - policy.max_failures as usize];
    Gate::Closed {
        retry_after_secs: (policy.window_secs - oldest_counted).max(1),
    }
}

/// A session lives this long after sign-in; then the user signs in again.
pub const SESSION_TTL_SECS: i64 = 8 * 60 * 60;

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: ThrottlePolicy = ThrottlePolicy {
        max_failures: 3,
        window_secs: 600,
    };

    #[test]
    fn sign_in_stays_open_below_the_burst() {
        assert_eq!(gate(POLICY, &[]), Gate::Open);
        assert_eq!(gate(POLICY, &[10, 20]), Gate::Open);
    }

    #[test]
    fn sign_in_closes_after_the_burst_until_the_oldest_counted_failure_expires() {
        assert_eq!(
            gate(POLICY, &[10, 20, 100]),
            Gate::Closed {
                retry_after_secs: 500
            }
        );
        assert_eq!(
            gate(POLICY, &[10, 20, 100, 400]),
            Gate::Closed {
                retry_after_secs: 500
            }
        );
    }

    #[test]
    fn failures_outside_the_window_do_not_count() {
        assert_eq!(gate(POLICY, &[10, 20, 600, 4000]), Gate::Open);
    }
}
