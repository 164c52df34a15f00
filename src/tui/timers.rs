//! The event loop's two timers, kept outside `update` because it reads no clock: when the
//! open forms are next saved as drafts, and when the write-ahead log is next copied into
//! the `.db` file. Each is armed by activity and fires once, so an idle app never wakes
//! for them.

use super::REFRESH_EVERY;
use std::time::{Duration, Instant};

/// The pause in typing after which the open forms are saved as drafts.
const DRAFT_PAUSE: Duration = Duration::from_secs(1);
/// Longest time typed text waits for its draft while the typing goes on without a pause.
const DRAFT_AT_MOST: Duration = Duration::from_secs(5);

/// Quiet time after the last key (or another window's save) before the write-ahead log is
/// copied into the `.db` file: long enough not to work between keystrokes, short enough
/// that a file copied during a pause holds what was saved.
const CHECKPOINT_QUIET: Duration = Duration::from_secs(10);

/// When the log is next copied into the `.db` file: armed by activity, fired once.
#[derive(Default)]
pub(super) struct Checkpoints {
    due: Option<Instant>,
}

impl Checkpoints {
    /// Something may have been saved at `now`.
    pub(super) fn active(&mut self, now: Instant) {
        self.due = Some(now + CHECKPOINT_QUIET);
    }

    /// True (once) when the quiet spell has lasted long enough.
    pub(super) fn take_due(&mut self, now: Instant) -> bool {
        if self.due.is_some_and(|due| now >= due) {
            self.due = None;
            return true;
        }
        false
    }
}

/// When the drafts are next due: armed by input, fired once, then idle again (so an idle
/// app never wakes for drafts). The timer lives here because `update` reads no clock.
#[derive(Default)]
pub(super) struct Drafts {
    /// When the first input not yet in a draft came.
    since: Option<Instant>,
    /// When to save.
    due: Option<Instant>,
}

impl Drafts {
    /// Input came at `now`.
    pub(super) fn typed(&mut self, now: Instant) {
        let since = *self.since.get_or_insert(now);
        self.due = Some((now + DRAFT_PAUSE).min(since + DRAFT_AT_MOST));
    }

    /// How long the loop may wait for input before it must come back.
    pub(super) fn wait(&self, now: Instant) -> Duration {
        self.due
            .map(|due| due.saturating_duration_since(now).min(REFRESH_EVERY))
            .unwrap_or(REFRESH_EVERY)
    }

    /// True (once) when the drafts are due.
    pub(super) fn take_due(&mut self, now: Instant) -> bool {
        if self.due.is_some_and(|due| now >= due) {
            *self = Drafts::default();
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_due_after_a_pause_and_at_most_a_few_seconds_after_the_first_key() {
        let start = Instant::now();
        let mut d = Drafts::default();
        assert_eq!(
            d.wait(start),
            REFRESH_EVERY,
            "idle: only the refresh wakes the loop"
        );
        d.typed(start);
        assert_eq!(d.wait(start), DRAFT_PAUSE);
        assert!(!d.take_due(start));
        // Typing on without a pause: still saved by DRAFT_AT_MOST after the first key.
        let mut t = start;
        while t < start + DRAFT_AT_MOST {
            t += Duration::from_millis(400);
            d.typed(t);
        }
        assert!(d.take_due(start + DRAFT_AT_MOST));
        assert!(!d.take_due(start + DRAFT_AT_MOST), "fires once");
        assert_eq!(d.wait(t), REFRESH_EVERY);
    }

    #[test]
    fn the_log_is_copied_once_after_a_quiet_spell_and_each_key_puts_it_off() {
        let start = Instant::now();
        let mut c = Checkpoints::default();
        assert!(
            !c.take_due(start + CHECKPOINT_QUIET),
            "nothing happened yet"
        );
        c.active(start);
        assert!(!c.take_due(start + CHECKPOINT_QUIET / 2));
        c.active(start + CHECKPOINT_QUIET / 2);
        assert!(!c.take_due(start + CHECKPOINT_QUIET));
        assert!(c.take_due(start + CHECKPOINT_QUIET * 2));
        assert!(
            !c.take_due(start + CHECKPOINT_QUIET * 3),
            "once per quiet spell"
        );
    }
}
