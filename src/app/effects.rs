//! Runs effects against storage and turns each result into an action for `update`.
//! The only part of `app` that does I/O; it reads the clock for time stamps.

mod cases;
mod documents;
mod drafts;
mod export;
mod room;
mod schedule;
mod stale_saves;
mod threads;
mod today_reader;
mod write_worker;

use super::action::{Action, Effect, Failure};
use crate::domain::case::{CaseId, Timestamp};
use crate::domain::org::Organisation;
use crate::domain::user::{User, case_scope};
use crate::i18n::tf;
use crate::storage::{StorageError, Store};

/// Carries out effects for one user on one database.
pub struct Runner {
    store: Store,
    operator: String,
    org: Option<Organisation>,
    /// Who is at the keyboard: what they may see and change (see `guard`).
    user: User,
    /// Cases whose full ID numbers this session has shown (each view is recorded once,
    /// not on every re-read after another process's change).
    viewed: std::collections::HashSet<CaseId>,
    /// The thread that runs list searches off the keyboard's thread.
    searcher: super::search_worker::Searcher,
    /// This window: its drafts are its own, and while it runs no other window is
    /// offered them.
    window: crate::storage::Window,
    /// Bytes for the user's terminal itself (本机打印's media-copy envelope), which the
    /// event loop takes and writes between frames: effects never write to the terminal.
    to_terminal: Vec<u8>,
    /// The day's backup, made beside the app once its first screen is up.
    backups: super::backup_worker::DailyBackups,
    /// The thread that saves off the keyboard's thread (see `write_worker`).
    writer: write_worker::Writer,
    /// True for the writer thread's own runner, which writes where it is.
    on_writer: bool,
    /// The thread that reads 今日's performance items and alerts once the first screen
    /// is up (see `today_reader`).
    today_reader: today_reader::TodayReader,
    /// The first screen is drawn: 今日's reads go to `today_reader` from now on.
    first_drawn: bool,
}

impl Runner {
    /// A runner acting as `operator`.
    pub fn new(store: Store, operator: String) -> Runner {
        let user = User::new(&operator, crate::domain::user::Role::Admin);
        let mut store = store;
        store.act_as(&user);
        let searcher = super::search_worker::Searcher::new(store.path().to_path_buf());
        let today_reader = today_reader::TodayReader::new(store.path().to_path_buf());
        let window = crate::storage::Window::open(store.path());
        // The writer's commits are noted where the change poll looks (see `storage::changes`).
        let writer = write_worker::Writer::new(
            store.path().to_path_buf(),
            user.clone(),
            window.token().to_string(),
            store.own_commits(),
        );
        Runner {
            window,
            store,
            operator,
            org: None,
            user,
            viewed: Default::default(),
            searcher,
            to_terminal: Vec::new(),
            backups: Default::default(),
            writer,
            on_writer: false,
            today_reader,
            first_drawn: false,
        }
    }

    /// The bytes effects left for the terminal since the last call (see `to_terminal`).
    pub fn take_terminal_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.to_terminal)
    }

    /// Acts as `user` from now on (the event loop passes the identified user).
    pub fn set_user(&mut self, user: User) {
        self.operator = user.name.clone();
        self.store.act_as(&user);
        self.writer.set_user(user.clone());
        self.user = user;
    }

    /// Reads the room again (the writer does before each save: its profile numbers
    /// cases); a failed read keeps the room known.
    pub(super) fn reload_org(&mut self) {
        if let Ok(org) = self.store.organisation() {
            self.org = org;
        }
    }

    /// A restore this session has not taken in yet, as the action that makes the app
    /// reload: the file's generation changed, or the file was moved aside (a restore over
    /// a file too damaged to open) and the restored one is opened in its place.
    pub fn restore_noticed(&mut self) -> Option<Action> {
        if self.store.moved_aside() {
            let path = self.store.path().to_path_buf();
            let mut store = Store::open(&path).ok()?;
            store.set_user(&self.operator);
            self.store = store;
            self.searcher = super::search_worker::Searcher::new(path.clone());
            self.today_reader = today_reader::TodayReader::new(path);
            return Some(Action::RoomRestored(Box::new(
                self.store.last_restore().ok()??,
            )));
        }
        let restored = self.store.restored_since().ok()??;
        Some(Action::RoomRestored(Box::new(restored)))
    }

    /// The database.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Carries out `effect` at time `now`; failures come back as `Action::Failed`.
    pub fn run(&mut self, effect: Effect, now: &Timestamp) -> Action {
        let saving = effect.is_save();
        // A refused booking goes back with what was asked, so the user can override it.
        let asked = match &effect {
            Effect::CreateSession { fields, .. } | Effect::PostponeSession { fields, .. } => {
                Some(fields.clone())
            }
            _ => None,
        };
        // A record saved by someone else meanwhile goes back with both versions.
        let edited = stale_saves::Edited::of(&effect);
        match (self.try_run(effect, now), asked) {
            (Ok(action), _) => action,
            (Err(StorageError::Clash(verdict)), Some(fields)) => {
                let verdict = super::front_desk::clash_as_seen(&self.store, &self.user, *verdict);
                Action::SessionClash(fields, Box::new(verdict))
            }
            (Err(e @ StorageError::Conflict { .. }), _) => match edited {
                Some(edited) => match edited.both(&self.store) {
                    Ok(action) => action,
                    Err(e) => failure(e, saving),
                },
                None => failure(e, saving),
            },
            // A write typed against content a restore replaced: the session reloads.
            (Err(e @ StorageError::Restored { .. }), _) => match self.restore_noticed() {
                Some(restored) => restored,
                None => failure(e, saving),
            },
            (Err(e), _) => failure(e, saving),
        }
    }

    fn org(&self) -> Result<&Organisation, StorageError> {
        self.org
            .as_ref()
            .ok_or_else(|| StorageError::Invalid(tf("err.no_room", &[])))
    }

    /// Carries out `effect` once the rights table allows it; each part lives in the
    /// file named for what it touches (`cases`, `room`, `drafts`, `schedule`, `export`,
    /// `documents`).
    fn try_run(&mut self, effect: Effect, now: &Timestamp) -> Result<Action, StorageError> {
        super::guard::allowed(&mut self.store, &self.user, &effect)?;
        Ok(match effect {
            Effect::LoadRoom => Action::RoomLoaded(Box::new(self.load_room()?)),
            // Made here in tests; the event loop's `perform` makes it on its own thread.
            Effect::DailyBackup => super::backup_worker::ended(super::backup_worker::make(
                self.store.path(),
                now.date_naive(),
            )),
            Effect::LoadCases(mut query) => {
                query.registered_by = case_scope(&self.user);
                Action::CasesLoaded(self.store.list_cases(self.org()?.id, &query)?)
            }
            // Run here (tests, benchmarks); the event loop sends it to the worker instead.
            Effect::SearchCases {
                generation,
                mut query,
            } => {
                query.registered_by = case_scope(&self.user);
                Action::CasesFound {
                    generation,
                    result: Ok(self.store.list_cases(self.org()?.id, &query)?),
                }
            }
            Effect::LoadCase(id) => Action::CaseLoaded(Box::new(self.visible_case(id)?)),
            Effect::LoadHistory(id) => self.load_history(id)?,
            Effect::LoadUsers => Action::UsersLoaded(self.store.users()?),
            Effect::SaveUser { user, new } => {
                if new {
                    self.store.add_user(&user, now)?;
                } else {
                    self.store.update_user(&user)?;
                }
                Action::UsersLoaded(self.store.users()?)
            }
            Effect::LoadAgreement(id, open) => self.load_agreement(id, open)?,
            Effect::SaveAgreement(a) => {
                Action::AgreementSaved(Box::new(self.store.save_agreement(&a, now)?))
            }
            Effect::CreateCase(fields) => self.create_case(&fields, now)?,
            Effect::UpdateCase {
                id,
                version,
                fields,
            } => Action::CaseSaved(Box::new(self.store.update_case(id, version, &fields, now)?)),
            Effect::ChangeStatus {
                id,
                version,
                to,
                reason,
                mediators,
            } => {
                let change = cases::StatusChange {
                    id,
                    version,
                    to,
                    reason,
                    mediators,
                };
                self.change_status(change, now)?
            }
            Effect::FindRepeats(query) => self.find_repeats(query)?,
            Effect::CreateRoom {
                profile,
                first_mediator,
            } => self.create_room(&profile, &first_mediator, now)?,
            Effect::SaveRoom {
                profile,
                lang,
                printer,
            } => self.save_room(&profile, lang, &printer)?,
            Effect::AddMediator { name, phone } => self.add_mediator(&name, &phone)?,
            Effect::SetMediatorActive { id, active } => self.set_mediator_active(id, active)?,
            Effect::SaveSettings(pairs) => self.save_settings(&pairs)?,
            Effect::SavePlaces(places) => self.save_places(&places)?,
            Effect::SaveLocalCategory(local) => self.save_local_category(&local)?,
            Effect::LoadToday(_)
            | Effect::LoadTodaySessions { .. }
            | Effect::LoadTodayPerformance(_)
            | Effect::LoadTodayRest(_)
            | Effect::LoadTodayAlerts(_)
            | Effect::LoadAgenda { .. }
            | Effect::LoadMonth { .. }
            | Effect::LoadCaseSessions(_)
            | Effect::CreateSession { .. }
            | Effect::PostponeSession { .. }
            | Effect::CancelSession { .. }
            | Effect::RecordSession { .. } => {
                let org = self.org()?.id;
                let action = schedule::run(&mut self.store, org, effect, now)?;
                // The front desk sees other cases' sessions and deadlines only as far as
                // the rights table lets it (see `front_desk`).
                super::front_desk::as_seen(&self.store, &self.user, action)?
            }
            Effect::LoadFollowUps(case) => {
                Action::FollowUpsLoaded(case, self.store.follow_ups_of_case(case)?)
            }
            Effect::AddFollowUp(visit) => {
                self.store.add_follow_up(&visit, now)?;
                Action::FollowUpSaved(visit.case_id)
            }
            Effect::LoadStats(period) => {
                Action::StatsLoaded(Box::new(self.store.stats(self.org()?.id, &period)?))
            }
            Effect::ExportStats(period) => self.export_stats(&period)?,
            Effect::ExportLedger(period) => self.export_ledger(&period)?,
            Effect::WriteDocument {
                case,
                form,
                today,
                choice,
                print,
            } => self.print_document(case, form, today, *choice, print)?,
            Effect::PrintLocally {
                case,
                form,
                today,
                choice,
            } => self.print_locally(case, form, today, *choice)?,
            Effect::TakeInRestore(generation) => {
                self.store.take_in_restore(generation);
                // The restored file has its own record of who was shown what.
                self.viewed.clear();
                Action::RestoreTakenIn
            }
            Effect::RecordRefusal { refusal, case } => {
                self.store.record_refusal(&refusal, case);
                Action::RefusalRecorded
            }
            Effect::LoadDrafts => self.load_drafts()?,
            Effect::SaveDraft { key, content } => self.save_draft(&key, &content, now)?,
            Effect::DeleteDraft(key) => self.delete_draft(&key)?,
            Effect::DiscardDraft { owner, key } => self.discard_draft(owner, &key)?,
            Effect::AdoptDraft { owner, key } => self.adopt_draft(owner, &key)?,
            Effect::ReleaseDrafts => self.release_drafts(),
        })
    }

    /// The writer thread's runner writes this window's drafts: they belong to the window
    /// the user sees (`token`), which holds their lock, not to a window of its own.
    pub(super) fn share_window(&mut self, token: &str) {
        self.window = crate::storage::Window::beside(self.store.path(), token);
    }

    /// The change poll of the event loop, on this runner's (the keyboard's) store.
    pub fn change_poll(&mut self) -> crate::storage::ChangePoll {
        crate::storage::ChangePoll::new(&mut self.store)
    }

    /// This runner is the writer thread's own: it writes where it is, and notes its
    /// commits in `own`, the keyboard's store's.
    pub(super) fn on_writer_thread(&mut self, own: crate::storage::OwnCommits) {
        self.on_writer = true;
        self.store.share_commits(own);
    }
}

/// True when `effect` can be refused as stale and then shown beside the stored version
/// (the test over every effect checks it against the table).
#[cfg(test)]
pub(crate) fn can_be_stale(effect: &Effect) -> bool {
    stale_saves::Edited::of(effect).is_some()
}

/// A failure as the user reads it.
fn failure(e: StorageError, while_saving: bool) -> Action {
    Action::Failed(Failure {
        message: e.to_string(),
        conflict: matches!(e, StorageError::Conflict { .. }),
        while_saving,
    })
}
