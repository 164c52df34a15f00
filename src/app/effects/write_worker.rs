//! Saves run on a writer thread with a connection of its own, so that a file kept busy by
//! another process (a write waits that out for up to two minutes, see
//! `storage::Patience`) never freezes the keyboard. The thread owns a second `Runner`
//! acting as the same user, so refusals, conflicts and clashes come back exactly as they
//! would have on the keyboard's thread — as actions. Part of the I/O side of `app`.

use super::Runner;
use crate::app::action::{Action, Effect, Failure};
use crate::app::saving::Saving;
use crate::domain::case::{CaseId, Timestamp};
use crate::domain::user::User;
use crate::storage::Store;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

/// After this long a save still waiting is said to be waiting for someone else.
pub const SLOW_SAVE: Duration = Duration::from_secs(1);

/// One write asked of the writer.
enum Job {
    /// A save or a draft: its result is answered.
    Run { effect: Effect, now: Timestamp },
    /// That this user saw a case's full ID numbers (the audit trail); nothing is answered.
    View(CaseId),
}

/// The handle the event loop keeps: send saves, collect their results.
pub struct Writer {
    path: PathBuf,
    user: User,
    /// The window (see `storage::Window`) whose drafts this writer writes.
    window: String,
    /// Where its commits are noted, for the change poll to know them as its own.
    own: crate::storage::OwnCommits,
    jobs: Option<Sender<Job>>,
    answers: Option<Receiver<Action>>,
    thread: Option<std::thread::JoinHandle<()>>,
    /// For each job sent and not answered yet (answers come in order): whether it is a
    /// save the user waits for (a draft is written quietly).
    in_flight: std::collections::VecDeque<bool>,
    /// Saves the user waits for, sent and not answered yet.
    pending: usize,
    /// When the oldest save not answered yet was sent.
    since: Option<Instant>,
}

impl Writer {
    /// A writer for the database at `path`, saving as `user`; its thread starts with the
    /// first save.
    pub fn new(
        path: PathBuf,
        user: User,
        window: String,
        own: crate::storage::OwnCommits,
    ) -> Writer {
        Writer {
            path,
            user,
            window,
            own,
            jobs: None,
            answers: None,
            thread: None,
            in_flight: Default::default(),
            pending: 0,
            since: None,
        }
    }

    /// Saves as `user` from now on (the event loop sets it once, before any save).
    pub fn set_user(&mut self, user: User) {
        self.finish();
        self.user = user;
    }

    /// Hands a write to the writer; its result arrives later through `answers`. A save
    /// (`Effect::is_save`) is shown as under way until then; a draft is not.
    pub fn send(&mut self, effect: Effect, now: &Timestamp) {
        let save = effect.is_save();
        if save {
            if self.pending == 0 {
                self.since = Some(Instant::now());
            }
            self.pending += 1;
        }
        self.in_flight.push_back(save);
        self.post(Job::Run { effect, now: *now });
    }

    /// Records beside the keyboard that the user saw case `id`'s full ID numbers.
    pub fn record_view(&mut self, id: CaseId) {
        self.post(Job::View(id));
    }

    fn post(&mut self, job: Job) {
        let job = match &self.jobs {
            Some(jobs) => match jobs.send(job) {
                Ok(()) => return,
                Err(returned) => returned.0,
            },
            None => job,
        };
        match self.start() {
            Ok(jobs) => {
                let _ = jobs.send(job);
                self.jobs = Some(jobs);
            }
            Err(e) => {
                let (outbox, answers) = channel();
                let _ = outbox.send(failed(e.to_string()));
                self.answers = Some(answers);
            }
        }
    }

    /// Where the saves are: none waiting, one under way, or one waiting longer than
    /// `SLOW_SAVE` (the file is busy with someone else's change) at `now`.
    pub fn progress(&self, now: Instant) -> Saving {
        match self.since {
            _ if self.pending == 0 => Saving::No,
            Some(since) if now.saturating_duration_since(since) >= SLOW_SAVE => Saving::Waiting,
            _ => Saving::Now,
        }
    }

    /// The results that arrived since last asked, oldest first (never blocks).
    pub fn answers(&mut self) -> Vec<Action> {
        let mut out = Vec::new();
        let Some(answers) = &self.answers else {
            return out;
        };
        let mut saves_done = 0;
        loop {
            match answers.try_recv() {
                Ok(action) => {
                    saves_done += usize::from(self.in_flight.pop_front().unwrap_or(false));
                    out.push(action);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    // The thread ended (it cannot, short of a panic): what it held is lost.
                    self.jobs = None;
                    self.answers = None;
                    self.in_flight.clear();
                    if self.pending > saves_done {
                        out.push(failed(crate::i18n::t("err.save_lost").into_owned()));
                    }
                    saves_done = self.pending;
                    break;
                }
            }
        }
        self.pending = self.pending.saturating_sub(saves_done);
        self.since = if self.pending == 0 {
            None
        } else if saves_done == 0 {
            self.since
        } else {
            Some(Instant::now())
        };
        out
    }

    fn start(&mut self) -> std::io::Result<Sender<Job>> {
        let (jobs, inbox) = channel();
        let (outbox, answers) = channel();
        let path = self.path.clone();
        let user = self.user.clone();
        let window = self.window.clone();
        let own = self.own.clone();
        let thread = std::thread::Builder::new()
            .name("writer".into())
            .spawn(move || work(&path, user, &window, own, &inbox, &outbox))?;
        self.answers = Some(answers);
        self.thread = Some(thread);
        Ok(jobs)
    }

    /// Waits until every write sent is done (at quitting: a draft deleted or written a
    /// moment ago must not be lost with the process).
    pub fn finish(&mut self) {
        // The thread ends once it has done every job already sent.
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    /// Waits for the next result (tests only: the event loop never blocks on it).
    #[cfg(test)]
    pub fn wait_answer(&mut self) -> Option<Action> {
        let action = self.answers.as_ref()?.recv().ok()?;
        if self.in_flight.pop_front().unwrap_or(false) {
            self.pending = self.pending.saturating_sub(1);
        }
        if self.pending == 0 {
            self.since = None;
        }
        Some(action)
    }
}

/// The writer: opens its connection, then runs each save in turn until the app drops
/// its end of the channel.
fn work(
    path: &Path,
    user: User,
    window: &str,
    own: crate::storage::OwnCommits,
    inbox: &Receiver<Job>,
    outbox: &Sender<Action>,
) {
    let mut runner = match Store::open(path) {
        Ok(store) => {
            let mut runner = Runner::new(store, user.name.clone());
            runner.set_user(user);
            runner.share_window(window);
            runner
        }
        Err(e) => {
            while let Ok(job) = inbox.recv() {
                let answered = matches!(job, Job::Run { .. });
                if answered && outbox.send(failed(e.to_string())).is_err() {
                    return;
                }
            }
            return;
        }
    };
    runner.on_writer_thread(own);
    while let Ok(job) = inbox.recv() {
        let (effect, now) = match job {
            Job::Run { effect, now } => (effect, now),
            Job::View(id) => {
                runner.record_view(id);
                continue;
            }
        };
        // The room as stored now (another process may have changed its profile).
        runner.reload_org();
        let answer = runner.run(effect, &now);
        if outbox.send(answer).is_err() {
            return;
        }
    }
}

fn failed(message: String) -> Action {
    Action::Failed(Failure {
        message,
        conflict: false,
        while_saving: true,
    })
}

#[cfg(test)]
mod tests;
