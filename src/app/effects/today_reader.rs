//! 今日's reads made once its first screen is up (its performance items and its alerts:
//! about 200 ms at a million cases), on a thread with its own read-only connection, so a
//! key pressed meanwhile is answered at once. Before the first screen they are made on the
//! keyboard's thread, since that screen shows what they read. Part of the I/O side of
//! `app`, like the search worker.

use super::schedule;
use crate::app::action::{Action, Effect, Failure};
use crate::app::front_desk;
use crate::domain::org::OrgId;
use crate::domain::user::User;
use crate::storage::Store;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// One read asked of the thread, with who asked (the front desk sees less).
#[derive(Clone)]
struct Job {
    effect: Effect,
    org: OrgId,
    user: User,
}

/// The handle the runner keeps: send reads, collect answers.
pub struct TodayReader {
    path: PathBuf,
    jobs: Option<Sender<Job>>,
    answers: Option<Receiver<(Effect, Action)>>,
    /// The reads sent and not answered yet; true if the same read was asked again
    /// meanwhile (the file may have changed since it began: it is made once more).
    in_flight: Vec<(Job, bool)>,
}

impl TodayReader {
    /// A reader for the database at `path`; its thread starts with the first read.
    pub fn new(path: PathBuf) -> TodayReader {
        TodayReader {
            path,
            jobs: None,
            answers: None,
            in_flight: Vec::new(),
        }
    }

    /// Hands a read to the thread; its answer arrives later through `answers`. A read
    /// already on its way is not sent twice: it is made again once answered.
    pub fn send(&mut self, effect: Effect, org: OrgId, user: &User) {
        if let Some((_, again)) = self.in_flight.iter_mut().find(|(j, _)| j.effect == effect) {
            *again = true;
            return;
        }
        let job = Job {
            effect,
            org,
            user: user.clone(),
        };
        self.in_flight.push((job.clone(), false));
        self.dispatch(job);
    }

    fn dispatch(&mut self, job: Job) {
        let job = match &self.jobs {
            Some(jobs) => match jobs.send(job) {
                Ok(()) => return,
                Err(returned) => returned.0,
            },
            None => job,
        };
        // The first read, or the thread ended (it cannot, short of a panic): start it.
        let (jobs, inbox) = channel::<Job>();
        let (outbox, answers) = channel();
        let path = self.path.clone();
        let started = std::thread::Builder::new()
            .name("today".into())
            .spawn(move || work(&path, &inbox, &outbox));
        match started {
            Ok(_) => {
                let _ = jobs.send(job);
                self.jobs = Some(jobs);
                self.answers = Some(answers);
            }
            Err(e) => {
                // Answered at once, through a channel of its own, as a failed read.
                let (outbox, answers) = channel();
                let _ = outbox.send((job.effect, failed(e.to_string())));
                self.answers = Some(answers);
            }
        }
    }

    /// True while a read sent has not been answered.
    pub fn waiting(&self) -> bool {
        !self.in_flight.is_empty()
    }

    /// The answers that arrived since last asked (never blocks); a read asked again
    /// while it was on its way is sent once more.
    pub fn answers(&mut self) -> Vec<Action> {
        let mut out = Vec::new();
        loop {
            let next = match &self.answers {
                Some(answers) => answers.try_recv(),
                None => return out,
            };
            match next {
                Ok(answer) => out.push(self.took(answer)),
                Err(TryRecvError::Empty) => return out,
                Err(TryRecvError::Disconnected) => {
                    self.in_flight.clear();
                    self.jobs = None;
                    return out;
                }
            }
        }
    }

    /// Waits for the next answer (tests only: the event loop never blocks on it).
    #[cfg(test)]
    pub fn wait_answer(&mut self) -> Option<Action> {
        let answer = self.answers.as_ref()?.recv().ok()?;
        Some(self.took(answer))
    }

    /// An answer is in: its read is no longer on its way, unless it was asked again.
    fn took(&mut self, (effect, action): (Effect, Action)) -> Action {
        if let Some(i) = self.in_flight.iter().position(|(j, _)| j.effect == effect) {
            let (job, again) = self.in_flight.remove(i);
            if again {
                self.in_flight.push((job.clone(), false));
                self.dispatch(job);
            }
        }
        action
    }
}

/// The thread: opens its connection on the first read, then answers each read in turn
/// until the app drops its end of the channel.
fn work(path: &std::path::Path, inbox: &Receiver<Job>, outbox: &Sender<(Effect, Action)>) {
    let mut store: Option<Store> = None;
    while let Ok(job) = inbox.recv() {
        if store.is_none() {
            match Store::open_reader(path) {
                Ok(s) => store = Some(s),
                Err(e) => {
                    let _ = outbox.send((job.effect, failed(e.to_string())));
                    continue;
                }
            }
        }
        let Some(reader) = &mut store else { continue };
        // Reads only: the time is never used.
        let now = chrono::Utc::now().fixed_offset();
        let answer = schedule::run(reader, job.org, job.effect.clone(), &now)
            .and_then(|action| front_desk::as_seen(reader, &job.user, action))
            .unwrap_or_else(|e| failed(e.to_string()));
        if outbox.send((job.effect, answer)).is_err() {
            return;
        }
    }
}

fn failed(message: String) -> Action {
    Action::Failed(Failure {
        message,
        conflict: false,
        while_saving: false,
    })
}

#[cfg(test)]
mod tests {
    use crate::app::action::{Action, Effect};
    use crate::app::effects::Runner;
    use crate::storage::Store;

    /// Once the first screen is drawn, 今日's alerts are read on the reader's thread: the
    /// keyboard gets no answer at once, then the same answer the keyboard's runner gives;
    /// the same read asked again while on its way is sent once and made again after.
    #[test]
    fn todays_reads_after_the_first_screen_are_answered_from_the_reader_thread() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("room.db");
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T09:00:00+08:00").unwrap();
        let mut store = Store::open(&db).unwrap();
        crate::cli::demo::fill_demo(&mut store, 60, 7, now).unwrap();
        let mut runner = Runner::new(Store::open(&db).unwrap(), "admin".into());
        runner.perform(Effect::LoadRoom, &now);
        let today = now.date_naive();
        let here = runner.perform(Effect::LoadTodayAlerts(today), &now);
        let Some(Action::TodayRestLoaded(_, expected)) = here else {
            panic!("{here:?}")
        };
        assert!(!expected.alerts.is_empty(), "the demo room has alerts");
        runner.first_screen_drawn();
        for _ in 0..3 {
            assert_eq!(runner.perform(Effect::LoadTodayAlerts(today), &now), None);
        }
        assert!(runner.searching(), "the loop looks for the answer");
        let first = runner.today_reader.wait_answer();
        assert_eq!(
            first,
            Some(Action::TodayRestLoaded(today, expected.clone()))
        );
        assert!(
            runner.searching(),
            "asked again while on its way: read once more"
        );
        let again = runner.today_reader.wait_answer();
        assert_eq!(again, Some(Action::TodayRestLoaded(today, expected)));
        assert!(!runner.searching());
        assert_eq!(runner.today_answers(), vec![]);
        // The front desk sees on the thread what it sees here: its own cases' alerts.
        let clerk = crate::domain::user::User::new("前台", crate::domain::user::Role::Clerk);
        runner.set_user(clerk);
        runner.first_drawn = false;
        let here = runner.perform(Effect::LoadTodayAlerts(today), &now);
        let Some(Action::TodayRestLoaded(_, seen)) = here else {
            panic!("{here:?}")
        };
        assert!(seen.alerts.is_empty(), "the clerk registered none of them");
        runner.first_screen_drawn();
        assert_eq!(runner.perform(Effect::LoadTodayAlerts(today), &now), None);
        let beside = runner.today_reader.wait_answer();
        assert_eq!(beside, Some(Action::TodayRestLoaded(today, seen)));
    }
}
