//! Runs effects against storage and turns each result into an action for `update`.
//! The only part of `app` that does I/O; it reads the clock for time stamps.

mod documents;
mod export;
mod schedule;
mod stale_saves;
mod write_worker;

use super::action::{Action, Effect, Failure, Room};
use crate::domain::case::{Case, CaseId, Timestamp};
use crate::domain::org::Organisation;
use crate::domain::stats::period::Period;
use crate::domain::user::{
    User, case_for, case_scope, may_see_agreements, may_see_case, may_see_full_ids,
};
use crate::i18n::{Lang, t, tf};
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
}

impl Runner {
    /// The window an offered draft belongs to: an empty owner is this window's own
    /// (a form a restore closed), anything else a gone window's token.
    fn owner_or_mine(&self, owner: String) -> String {
        if owner.is_empty() {
            self.window.token().to_string()
        } else {
            owner
        }
    }

    /// A runner acting as `operator`.
    pub fn new(store: Store, operator: String) -> Runner {
        let user = User::new(&operator, crate::domain::user::Role::Admin);
        let mut store = store;
        store.act_as(&user);
        let searcher = super::search_worker::Searcher::new(store.path().to_path_buf());
        let window = crate::storage::Window::open(store.path());
        let writer = write_worker::Writer::new(
            store.path().to_path_buf(),
            user.clone(),
            window.token().to_string(),
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

    /// Carries out `effect` like `run`, except that a search goes to the search worker:
    /// its answer comes later from `search_answers` (so `None` here).
    pub fn perform(&mut self, effect: Effect, now: &Timestamp) -> Option<Action> {
        match effect {
            Effect::SearchCases {
                generation,
                mut query,
            } => match self.org() {
                Ok(org) => {
                    // The worker searches what this user may see, as `run` does.
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
            },
            Effect::DailyBackup => {
                self.backups
                    .start(self.store.path().to_path_buf(), now.date_naive());
                None
            }
            // Both connections take a restore in: each checks the room generation on
            // every write, so a writer left at the old one would refuse every save.
            Effect::TakeInRestore(generation) => {
                self.writer.send(Effect::TakeInRestore(generation), now);
                Some(self.run(Effect::TakeInRestore(generation), now))
            }
            // A write waits for the file on the writer's thread, never on the keyboard's.
            write if write.is_save() || write.is_quiet_write() => {
                self.writer.send(write, now);
                None
            }
            other => Some(self.run(other, now)),
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
    pub fn save_progress(&self, now: std::time::Instant) -> super::state::Saving {
        self.writer.progress(now)
    }

    /// Waits for the next save's result (tests only: the event loop never blocks on it).
    #[cfg(test)]
    pub fn wait_for_save(&mut self) -> Option<Action> {
        self.writer.wait_answer()
    }

    /// Reads the room again (the writer does before each save: its profile numbers
    /// cases); a failed read keeps the room known.
    pub(super) fn reload_org(&mut self) {
        if let Ok(org) = self.store.organisation() {
            self.org = org;
        }
    }

    /// How the day's backup ended, once it has (never blocks).
    pub fn backup_answers(&mut self) -> Vec<Action> {
        self.backups.answers()
    }

    /// True while a search sent to the worker has not been answered.
    pub fn searching(&self) -> bool {
        self.searcher.waiting()
    }

    /// The search answers that arrived (never blocks).
    pub fn search_answers(&mut self) -> Vec<Action> {
        self.searcher.answers()
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
            self.searcher = super::search_worker::Searcher::new(path);
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
            Effect::LoadHistory(id) => {
                self.visible_case(id)?;
                let mut history = self.store.case_history(id)?;
                // The values of changed ID numbers and phones, as masked as the case.
                if !may_see_full_ids(&self.store.load_case(id)?, &self.user) {
                    crate::domain::audit::mask_values(&mut history);
                }
                Action::HistoryLoaded(id, history)
            }
            Effect::LoadUsers => Action::UsersLoaded(self.store.users()?),
            Effect::SaveUser { user, new } => {
                if new {
                    self.store.add_user(&user, now)?;
                } else {
                    self.store.update_user(&user)?;
                }
                Action::UsersLoaded(self.store.users()?)
            }
            // The front desk has no part in agreements: none is read for it (the key that
            // opens the editor is refused with a reason before it gets here).
            Effect::LoadAgreement(id, _) if !may_see_agreements(&self.user) => {
                Action::AgreementLoaded(id, None, false)
            }
            Effect::LoadAgreement(id, open) => {
                self.visible_case(id)?;
                Action::AgreementLoaded(id, self.store.agreement_of_case(id)?.map(Box::new), open)
            }
            Effect::SaveAgreement(a) => {
                Action::AgreementSaved(Box::new(self.store.save_agreement(&a, now)?))
            }
            Effect::CreateCase(fields) => {
                let org = self.org()?.id;
                Action::CaseSaved(Box::new(self.store.create_case(
                    org,
                    &fields,
                    &self.operator,
                    now,
                )?))
            }
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
                let org = self.org()?.clone();
                let case = self.store.change_status(
                    &org,
                    id,
                    version,
                    to,
                    &reason,
                    &mediators,
                    &self.operator,
                    now,
                )?;
                Action::CaseSaved(Box::new(case))
            }
            Effect::CreateRoom {
                profile,
                first_mediator,
            } => {
                let created = self
                    .store
                    .create_organisation(&profile, &first_mediator, now);
                // Set up by someone else a moment ago: work in that room instead.
                if created.is_err() && self.store.organisation()?.is_none() {
                    created?;
                }
                Action::RoomLoaded(Box::new(self.load_room()?))
            }
            Effect::SaveRoom {
                profile,
                lang,
                printer,
            } => {
                let org = self.org()?.id;
                self.store.update_profile(org, &profile)?;
                self.store.set_setting(org, "lang", lang.code())?;
                // The print program is no longer a setting: an old stored one goes.
                let printer: Vec<(String, String)> = printer
                    .entries()
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect();
                let retired = crate::documents::printer::RETIRED_KEYS;
                self.store.replace_settings(org, &printer, &retired)?;
                Action::RoomLoaded(Box::new(self.load_room()?))
            }
            Effect::AddMediator { name, phone } => {
                let org = self.org()?.id;
                self.store.add_mediator(org, &name, &phone)?;
                Action::RoomLoaded(Box::new(self.load_room()?))
            }
            Effect::SetMediatorActive { id, active } => {
                self.store.set_mediator_active(id, active)?;
                Action::RoomLoaded(Box::new(self.load_room()?))
            }
            Effect::LoadToday(_)
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
            Effect::SaveSettings(pairs) => {
                let org = self.org()?.id;
                self.store.set_settings(org, &pairs)?;
                Action::RoomLoaded(Box::new(self.load_room()?))
            }
            Effect::SavePlaces(places) => {
                let org = self.org()?.id;
                self.store.save_places(org, &places)?;
                Action::RoomLoaded(Box::new(self.load_room()?))
            }
            Effect::SaveLocalCategory(local) => {
                let org = self.org()?.id;
                self.store.save_local_category(org, &local)?;
                Action::RoomLoaded(Box::new(self.load_room()?))
            }
            Effect::LoadStats(period) => {
                Action::StatsLoaded(Box::new(self.store.stats(self.org()?.id, &period)?))
            }
            Effect::ExportStats(period) => Action::StatsExported(self.export_stats(&period)?),
            Effect::ExportLedger(period) => {
                let org = self.org()?;
                let bytes = export::ledger_workbook(&self.store, org, &period, &self.user)?;
                let name = format!(
                    "{}_{}_{}.xlsx",
                    crate::i18n::t("report.file.ledger"),
                    period.from,
                    period.to
                );
                Action::LedgerExported(export::keep_beside(self.store.path(), &name, &bytes)?)
            }
            Effect::WriteDocument {
                case,
                form,
                today,
                choice,
                print,
            } => {
                let (path, ticket) = self.write_document(case, form, today, *choice)?;
                if print {
                    use crate::documents::printer;
                    let org = self.org()?.id;
                    let settings = printer::PrinterSettings::from_lookup(|k| {
                        self.store.setting(org, k).ok().flatten()
                    });
                    let env = printer::PrintEnv::of_process();
                    printer::send(&settings, std::path::Path::new(&path), &ticket, &env)
                        .map_err(|e| StorageError::Invalid(e.to_string()))?;
                    Action::DocumentPrinted(path)
                } else {
                    Action::DocumentWritten(path)
                }
            }
            Effect::PrintLocally {
                case,
                form,
                today,
                choice,
            } => {
                let data = self.form_data(case, form)?;
                let templates = self.templates();
                let pages = crate::documents::forms::text_pages;
                let file = data.file(today, *choice, &pages);
                let docs = form
                    .build(&file, &templates)
                    .map_err(|e| StorageError::Invalid(e.to_string()))?;
                self.to_terminal
                    .extend(crate::documents::media_copy::envelope(&docs));
                Action::PrintedLocally
            }
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
            // The drafts of this user's windows that are gone; never an open window's.
            Effect::LoadDrafts => {
                Action::DraftsLoaded(self.store.drafts_left(&self.operator, &mut self.window)?)
            }
            Effect::SaveDraft { key, content } => {
                self.store
                    .save_draft(&self.operator, &self.window, &key, &content, now)?;
                Action::DraftStored
            }
            Effect::DeleteDraft(key) => {
                self.store
                    .delete_draft(&self.operator, self.window.token(), &key)?;
                Action::DraftStored
            }
            Effect::DiscardDraft { owner, key } => {
                let owner = self.owner_or_mine(owner);
                self.store.delete_draft(&self.operator, &owner, &key)?;
                Action::DraftStored
            }
            Effect::AdoptDraft { owner, key } => {
                let owner = self.owner_or_mine(owner);
                self.store
                    .adopt_draft(&self.operator, &self.window, &owner, &key)?;
                Action::DraftStored
            }
            Effect::ReleaseDrafts => {
                self.window.let_go();
                Action::DraftStored
            }
            // A 登记员 is not told of other cases (not even that a party had one).
            Effect::FindRepeats(query) if case_scope(&self.user).is_some() => {
                Action::RepeatsFound(query, Vec::new())
            }
            Effect::FindRepeats(query) => {
                let cases = self.store.repeat_cases(self.org()?.id, &query)?;
                Action::RepeatsFound(query, cases)
            }
        })
    }

    /// Writes the period's statistics as an .xlsx in the database's folder; returns its path.
    fn export_stats(&self, period: &Period) -> Result<String, StorageError> {
        let org = self.org()?;
        let stats = self.store.stats(org.id, period)?;
        let sheets = crate::report::stats_sheet::stats_sheets(&org.profile.room_name, &stats);
        let bytes = crate::report::xlsx::workbook_bytes(&sheets)
            .map_err(|e| StorageError::Invalid(e.to_string()))?;
        let name = format!(
            "{}_{}_{}.xlsx",
            crate::i18n::t("report.file.stats"),
            period.from,
            period.to
        );
        export::keep_beside(self.store.path(), &name, &bytes)
    }

    /// The case as the user may see it: refused if they may not see it at all, ID numbers
    /// and phones masked where the role says so; showing them in full is recorded.
    fn visible_case(&mut self, id: CaseId) -> Result<Case, StorageError> {
        let case = self.store.load_case(id)?;
        if !may_see_case(&case, &self.user) {
            return Err(StorageError::Invalid(t("role.refused.case").into_owned()));
        }
        let full = may_see_full_ids(&case, &self.user);
        let any = case
            .fields
            .parties
            .iter()
            .any(|p| !p.id_number.is_empty() || !p.phone.is_empty());
        // A view that cannot be recorded (a read-only file, a full disk) is logged, not
        // a reason to hide the case from someone entitled to it.
        if full && any && self.viewed.insert(id) {
            // A write: on the writer's thread, so a busy file never holds up the case.
            if self.on_writer {
                self.record_view(id);
            } else {
                self.writer.record_view(id);
            }
        }
        Ok(case_for(&case, &self.user))
    }

    /// Records that this user saw case `id`'s full ID numbers.
    pub(super) fn record_view(&mut self, id: CaseId) {
        if let Err(e) = self.store.record_view(id, "id_number") {
            crate::log::error(&format!("audit: view of case {} not recorded: {e}", id.0));
        }
    }

    /// The writer thread's runner writes this window's drafts: they belong to the window
    /// the user sees (`token`), which holds their lock, not to a window of its own.
    pub(super) fn share_window(&mut self, token: &str) {
        self.window = crate::storage::Window::beside(self.store.path(), token);
    }

    /// This runner is the writer thread's own: it writes where it is.
    pub(super) fn on_writer_thread(&mut self) {
        self.on_writer = true;
    }

    fn load_room(&mut self) -> Result<Room, StorageError> {
        self.org = self.store.organisation()?;
        let Some(org) = self.org.clone() else {
            return Ok(Room {
                org: None,
                mediators: Vec::new(),
                locals: Vec::new(),
                lang: None,
                printer: Default::default(),
                settings: Default::default(),
            });
        };
        Ok(Room {
            mediators: self.store.mediators(org.id)?,
            locals: self.store.local_categories(org.id)?,
            lang: self
                .store
                .setting(org.id, "lang")?
                .as_deref()
                .and_then(Lang::from_code),
            printer: crate::documents::printer::PrinterSettings::from_lookup(|k| {
                self.store.setting(org.id, k).ok().flatten()
            }),
            settings: super::room_settings::RoomSettings {
                limits: self.store.limits(org.id)?,
                places: self.store.places(org.id)?,
                ascii: self
                    .store
                    .setting(org.id, super::room_settings::ASCII_KEY)?
                    .map(|v| v == "on"),
                color: self
                    .store
                    .setting(org.id, super::room_settings::COLOR_KEY)?,
                backup_keep: self.store.backups_to_keep()?,
            },
            org: Some(org),
        })
    }
}

/// A failure as the user reads it.
fn failure(e: StorageError, while_saving: bool) -> Action {
    Action::Failed(Failure {
        message: e.to_string(),
        conflict: matches!(e, StorageError::Conflict { .. }),
        while_saving,
    })
}
