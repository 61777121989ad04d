//! Where a running batch is, for the screen that started it: the steps of its one transaction.
//! Kept in this process's memory under (tenant, user, a token the browser chose): nobody needs
//! it once the batch ends, and nothing about it may wait on the database the batch is busy with.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, MutexGuard};
use std::time::Instant;

use crate::customers::bulk_types::BatchProgress;

type Key = (i64, i64, String);

struct Step {
    done: u32,
    total: u32,
    label: String,
    started: Instant,
}

static RUNNING: LazyLock<Mutex<HashMap<Key, Step>>> = LazyLock::new(Default::default);

fn running() -> MutexGuard<'static, HashMap<Key, Step>> {
    // A panic elsewhere while holding the lock leaves a map that is still sound.
    RUNNING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The reporter one batch holds; its entry goes away when it is dropped, however the batch ends.
pub struct Progress {
    key: Option<Key>,
}

impl Progress {
    /// Reports nowhere: batches nobody watches (benchmarks, tests).
    pub fn unwatched() -> Self {
        Self { key: None }
    }

    /// Starts reporting a batch of `total` steps; an unusable token reports nowhere.
    pub fn start(tenant_id: i64, user_id: i64, token: &str, total: u32) -> Self {
        if token.is_empty() || token.len() > 80 {
            return Self::unwatched();
        }
        let key = (tenant_id, user_id, token.to_string());
        running().insert(
            key.clone(),
            Step {
                done: 0,
                total,
                label: "Começando".to_string(),
                started: Instant::now(),
            },
        );
        Self { key: Some(key) }
    }

    /// The step about to run.
    pub fn step(&self, label: impl Into<String>) {
        let Some(key) = &self.key else { return };
        if let Some(step) = running().get_mut(key) {
            step.done = (step.done + 1).min(step.total);
            step.label = label.into();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(key) = &self.key {
            running().remove(key);
        }
    }
}

/// The batch's step, or `None` when no batch of this user runs under that token.
pub fn read(tenant_id: i64, user_id: i64, token: &str) -> Option<BatchProgress> {
    running()
        .get(&(tenant_id, user_id, token.to_string()))
        .map(|s| BatchProgress {
            step: s.done,
            steps: s.total,
            label: s.label.clone(),
            seconds: s.started.elapsed().as_secs(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_is_seen_step_by_step_by_its_user_only_and_gone_when_it_ends() {
        let progress = Progress::start(1, 7, "t-1", 3);
        progress.step("Conferindo os clientes");
        let seen = read(1, 7, "t-1").unwrap();
        assert_eq!(
            (seen.step, seen.steps, seen.label.as_str()),
            (1, 3, "Conferindo os clientes")
        );
        assert!(read(1, 8, "t-1").is_none(), "another user");
        assert!(read(2, 7, "t-1").is_none(), "another tenant");
        drop(progress);
        assert!(read(1, 7, "t-1").is_none());
    }
}
