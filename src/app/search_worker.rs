//! The case list's searches, run on a worker thread with its own read-only connection, so
//! keys keep flowing while a query over 100,000 cases runs. Each job carries the list's
//! generation; the worker skips jobs overtaken by newer ones before it starts them, and
//! `update` drops answers overtaken after. Part of the I/O side of `app`, like `effects`.

use super::action::{Action, Failure};
use crate::domain::case::CaseQuery;
use crate::domain::org::OrgId;
use crate::storage::Store;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// One search asked of the worker.
struct Job {
    generation: u64,
    org: OrgId,
    query: CaseQuery,
}

/// The handle the event loop keeps: send searches, collect answers.
pub struct Searcher {
    path: PathBuf,
    jobs: Option<Sender<Job>>,
    answers: Option<Receiver<Action>>,
    /// The generation of the newest search sent and not yet answered.
    waiting_for: Option<u64>,
}

impl Searcher {
    /// A searcher for the database at `path`; its thread starts with the first search.
    pub fn new(path: PathBuf) -> Searcher {
        Searcher {
            path,
            jobs: None,
            answers: None,
            waiting_for: None,
        }
    }

    /// Hands a search to the worker; an answer arrives later through `answers`.
    pub fn send(&mut self, generation: u64, org: OrgId, query: CaseQuery) {
        self.waiting_for = Some(generation);
        let job = Job {
            generation,
            org,
            query,
        };
        let job = match &self.jobs {
            Some(jobs) => match jobs.send(job) {
                Ok(()) => return,
                Err(returned) => returned.0,
            },
            None => job,
        };
        // First search, or the worker ended (it cannot, short of a panic): start it.
        match self.start() {
            Ok(jobs) => {
                let _ = jobs.send(job);
                self.jobs = Some(jobs);
            }
            Err(e) => self.fail(job.generation, &e.to_string()),
        }
    }

    /// True while the newest search sent has not been answered.
    pub fn waiting(&self) -> bool {
        self.waiting_for.is_some()
    }

    /// The answers that arrived since last asked, oldest first (never blocks).
    pub fn answers(&mut self) -> Vec<Action> {
        let mut out = Vec::new();
        let Some(answers) = &self.answers else {
            return out;
        };
        loop {
            match answers.try_recv() {
                Ok(action) => {
                    if let Action::CasesFound { generation, .. } = &action
                        && self.waiting_for == Some(*generation)
                    {
                        self.waiting_for = None;
                    }
                    out.push(action);
                }
                Err(TryRecvError::Empty) => return out,
                Err(TryRecvError::Disconnected) => {
                    self.waiting_for = None;
                    return out;
                }
            }
        }
    }

    fn start(&mut self) -> std::io::Result<Sender<Job>> {
        let (jobs, inbox) = channel();
        let (outbox, answers) = channel();
        let path = self.path.clone();
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || work(&path, &inbox, &outbox))?;
        self.answers = Some(answers);
        Ok(jobs)
    }

    /// Answers a search that could not even start, through the same channel.
    fn fail(&mut self, generation: u64, message: &str) {
        let (outbox, answers) = channel();
        let _ = outbox.send(failed(generation, message.to_string()));
        self.answers = Some(answers);
    }
}

/// The worker: opens its connection on the first job, then answers the newest job
/// waiting each time, until the app drops its end of the channel.
fn work(path: &std::path::Path, inbox: &Receiver<Job>, outbox: &Sender<Action>) {
    let mut store: Option<Store> = None;
    while let Ok(mut job) = inbox.recv() {
        // Keys typed while the last search ran: only the newest query matters.
        while let Ok(newer) = inbox.try_recv() {
            job = newer;
        }
        if store.is_none() {
            match Store::open_reader(path) {
                Ok(s) => store = Some(s),
                Err(e) => {
                    let _ = outbox.send(failed(job.generation, e.to_string()));
                    continue;
                }
            }
        }
        let Some(reader) = &store else { continue };
        let result = reader.list_cases(job.org, &job.query).map_err(|e| Failure {
            message: e.to_string(),
            conflict: false,
            while_saving: false,
        });
        let answer = Action::CasesFound {
            generation: job.generation,
            result,
        };
        if outbox.send(answer).is_err() {
            return;
        }
    }
}

fn failed(generation: u64, message: String) -> Action {
    Action::CasesFound {
        generation,
        result: Err(Failure {
            message,
            conflict: false,
            while_saving: false,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worker answers from its own connection, with the generation it was given,
    /// and only the newest of several searches sent at once is sure to be answered.
    #[test]
    fn the_worker_answers_the_newest_search_from_its_own_connection() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let mut store = Store::open(&path).unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T09:00:00+08:00").unwrap();
        crate::cli::demo::fill_demo(&mut store, 30, 7, now).unwrap();
        let org = store.organisation().unwrap().unwrap().id;
        let mut searcher = Searcher::new(path);
        let query = |text: &str| CaseQuery {
            text: text.into(),
            limit: 10,
            ..Default::default()
        };
        searcher.send(1, org, query("zz-nothing"));
        searcher.send(2, org, query("王"));
        let mut answers = Vec::new();
        while searcher.waiting() {
            let next = searcher.answers.as_ref().unwrap().recv().unwrap();
            if matches!(next, Action::CasesFound { generation: 2, .. }) {
                searcher.waiting_for = None;
            }
            answers.push(next);
        }
        let Some(Action::CasesFound { generation, result }) = answers.last() else {
            panic!("{answers:?}")
        };
        assert_eq!(*generation, 2);
        let page = result.as_ref().unwrap();
        let expected = store.list_cases(org, &query("王")).unwrap();
        assert_eq!(page, &expected);
    }
}
