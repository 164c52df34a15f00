//! Where the runner sends an effect — here, or the writer, search or backup thread, as
//! the table of effects says (`effect_kind`) — and collecting what those threads answer.
//! Part of the I/O side of `app`.

use super::Runner;
use crate::app::action::{Action, Effect, Failure};
use crate::app::effect_kind::RunsOn;
use crate::domain::case::Timestamp;
use crate::domain::user::case_scope;

impl Runner {
    /// Carries out `effect` where the table of effects says it runs (`effect_kind`): a
    /// save or a quiet write on the writer's thread, a search on the search worker, the
    /// daily backup on its own thread — their answers come later (so `None` here) — and
    /// anything else here, at once.
    pub fn perform(&mut self, effect: Effect, now: &Timestamp) -> Option<Action> {
        match effect.describe().runs_on {
            RunsOn::Searcher => self.search(effect, now),
            RunsOn::Backups => {
                self.backups
                    .start(self.store.path().to_path_buf(), now.date_naive());
                None
            }
            RunsOn::Both => {
                self.writer.send(effect.clone(), now);
                Some(self.run(effect, now))
            }
            // A write waits for the file on the writer's thread, never on the keyboard's.
            RunsOn::Writer => {
                self.writer.send(effect, now);
                None
            }
            RunsOn::Keyboard => Some(self.run(effect, now)),
            RunsOn::Today if !self.first_drawn => Some(self.run(effect, now)),
            RunsOn::Today => self.read_beside(effect),
        }
    }

    /// The first screen is drawn: 今日's reads are made beside the keyboard from now on.
    pub fn first_screen_drawn(&mut self) {
        self.first_drawn = true;
    }

    /// Sends one of 今日's reads to its thread once the rights table allows it (checked
    /// here, as `run` does), as this user sees it.
    fn read_beside(&mut self, effect: Effect) -> Option<Action> {
        if let Err(e) = crate::app::guard::allowed(&mut self.store, &self.user, &effect) {
            return Some(super::failure(e, false));
        }
        match self.org() {
            Ok(org) => {
                let org = org.id;
                self.today_reader.send(effect, org, &self.user);
                None
            }
            Err(e) => Some(super::failure(e, false)),
        }
    }

    /// Sends a search to the worker, limited to what this user may see, as `run` does.
    fn search(&mut self, effect: Effect, now: &Timestamp) -> Option<Action> {
        let Effect::SearchCases {
            generation,
            mut query,
        } = effect
        else {
            return Some(self.run(effect, now));
        };
        match self.org() {
            Ok(org) => {
                query.registered_by = case_scope(&self.user);
                let org = org.id;
                self.searcher.send(generation, org, query);
                None
            }
            Err(e) => Some(Action::CasesFound {
                generation,
                result: Err(Failure {
                    message: e.to_string(),
                    conflict: false,
                    while_saving: false,
                }),
            }),
        }
    }

    /// The results of saves that arrived (never blocks); a room read by the writer is
    /// this runner's room from now on.
    pub fn writer_answers(&mut self) -> Vec<Action> {
        let answers = self.writer.answers();
        for answer in &answers {
            if let Action::RoomLoaded(room) = answer {
                self.org = room.org.clone();
            }
        }
        answers
    }

    /// Waits until every write sent to the writer is done (at quitting).
    pub fn finish_writes(&mut self) {
        self.writer.finish();
    }

    /// Where the saves sent to the writer are at `now`.
    pub fn save_progress(&self, now: std::time::Instant) -> crate::app::state::Saving {
        self.writer.progress(now)
    }

    /// Waits for the next save's result (tests only: the event loop never blocks on it).
    #[cfg(test)]
    pub fn wait_for_save(&mut self) -> Option<Action> {
        self.writer.wait_answer()
    }

    /// How the day's backup ended, once it has (never blocks).
    pub fn backup_answers(&mut self) -> Vec<Action> {
        self.backups.answers()
    }

    /// True while a search sent to the worker, or a read sent to 今日's reader, has not
    /// been answered.
    pub fn searching(&self) -> bool {
        self.searcher.waiting() || self.today_reader.waiting()
    }

    /// 今日's reads answered beside the keyboard (never blocks).
    pub fn today_answers(&mut self) -> Vec<Action> {
        self.today_reader.answers()
    }

    /// The search answers that arrived (never blocks).
    pub fn search_answers(&mut self) -> Vec<Action> {
        self.searcher.answers()
    }
}
