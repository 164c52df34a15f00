//! Runs effects against storage and turns each result into an action for `update`.
//! The only part of `app` that does I/O; it reads the clock for time stamps.

use super::action::{Action, Effect, Failure, Room};
use crate::domain::case::Timestamp;
use crate::domain::org::Organisation;
use crate::domain::stats::compute;
use crate::domain::stats::period::Period;
use crate::i18n::{Lang, tf};
use crate::storage::{StorageError, Store};

/// Carries out effects for one user on one database.
pub struct Runner {
    store: Store,
    operator: String,
    org: Option<Organisation>,
    searcher: super::search_worker::Searcher,
}

impl Runner {
    /// A runner acting as `operator`.
    pub fn new(store: Store, operator: String) -> Runner {
        let searcher = super::search_worker::Searcher::new(store.path().to_path_buf());
        Runner {
            store,
            operator,
            org: None,
            searcher,
        }
    }

    /// Carries out `effect` like `run`, except that a search goes to the search worker:
    /// its answer comes later from `search_answers` (so `None` here).
    pub fn perform(&mut self, effect: Effect, now: &Timestamp) -> Option<Action> {
        match effect {
            Effect::SearchCases { generation, query } => match self.org() {
                Ok(org) => {
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
            other => Some(self.run(other, now)),
        }
    }

    /// True while a search sent to the worker has not been answered.
    pub fn searching(&self) -> bool {
        self.searcher.waiting()
    }

    /// The search answers that arrived (never blocks).
    pub fn search_answers(&mut self) -> Vec<Action> {
        self.searcher.answers()
    }

    /// The database.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Carries out `effect` at time `now`; failures come back as `Action::Failed`.
    pub fn run(&mut self, effect: Effect, now: &Timestamp) -> Action {
        let saving = !matches!(
            effect,
            Effect::LoadRoom
                | Effect::LoadCases(_)
                | Effect::SearchCases { .. }
                | Effect::LoadCase(_)
                | Effect::LoadToday(_)
                | Effect::LoadAgenda { .. }
                | Effect::LoadMonth { .. }
                | Effect::LoadCaseSessions(_)
                | Effect::LoadStats(_)
                | Effect::FindRepeats(_)
        );
        // A refused booking goes back with what was asked, so the user can override it.
        let asked = match &effect {
            Effect::CreateSession { fields, .. } => Some(fields.clone()),
            _ => None,
        };
        match (self.try_run(effect, now), asked) {
            (Ok(action), _) => action,
            (Err(StorageError::Clash(verdict)), Some(fields)) => {
                Action::SessionClash(fields, verdict)
            }
            (Err(e), _) => Action::Failed(Failure {
                message: e.to_string(),
                conflict: matches!(e, StorageError::Conflict { .. }),
                while_saving: saving,
            }),
        }
    }

    fn org(&self) -> Result<&Organisation, StorageError> {
        self.org
            .as_ref()
            .ok_or_else(|| StorageError::Invalid(tf("err.no_room", &[])))
    }

    fn try_run(&mut self, effect: Effect, now: &Timestamp) -> Result<Action, StorageError> {
        Ok(match effect {
            Effect::LoadRoom => Action::RoomLoaded(Box::new(self.load_room()?)),
            Effect::LoadCases(query) => {
                Action::CasesLoaded(self.store.list_cases(self.org()?.id, &query)?)
            }
            // Run here (tests, benchmarks); the event loop sends it to the worker instead.
            Effect::SearchCases { generation, query } => Action::CasesFound {
                generation,
                result: Ok(self.store.list_cases(self.org()?.id, &query)?),
            },
            Effect::LoadCase(id) => Action::CaseLoaded(Box::new(self.store.load_case(id)?)),
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
            Effect::SaveRoom { profile, lang } => {
                let org = self.org()?.id;
                self.store.update_profile(org, &profile)?;
                self.store.set_setting(org, "lang", lang.code())?;
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
            | Effect::RecordSession { .. } => {
                let org = self.org()?.id;
                super::schedule_effects::run(&mut self.store, org, effect, now)?
            }
            Effect::SaveLocalCategory(local) => {
                let org = self.org()?.id;
                self.store.save_local_category(org, &local)?;
                Action::RoomLoaded(Box::new(self.load_room()?))
            }
            Effect::LoadStats(period) => {
                let rows = self.store.stats_cases(self.org()?.id, &period)?;
                Action::StatsLoaded(Box::new(compute(period, &rows)))
            }
            Effect::ExportStats(period) => Action::StatsExported(self.export_stats(&period)?),
            Effect::ExportLedger(period) => {
                let org = self.org()?;
                let bytes = super::export_effects::ledger_workbook(&self.store, org, &period)?;
                let name = format!(
                    "{}_{}_{}.xlsx",
                    crate::i18n::t("report.file.ledger"),
                    period.from,
                    period.to
                );
                Action::LedgerExported(super::export_effects::keep_beside(
                    self.store.path(),
                    &name,
                    &bytes,
                )?)
            }
            Effect::WriteDocument { case, form, today } => {
                Action::DocumentWritten(self.write_document(case, form, today)?)
            }
            Effect::FindRepeats(query) => {
                let cases = self.store.repeat_cases(self.org()?.id, &query)?;
                Action::RepeatsFound(query, cases)
            }
        })
    }

    /// Writes a form of a case as PDF into its folder beside the database; returns the path.
    fn write_document(
        &self,
        case: crate::domain::case::CaseId,
        form: crate::documents::forms::FormKind,
        today: chrono::NaiveDate,
    ) -> Result<String, StorageError> {
        use crate::documents::{files, pdf};
        let org = self.org()?;
        let case = self.store.load_case(case)?;
        let invalid = |e: &dyn std::fmt::Display| StorageError::Invalid(e.to_string());
        let doc = form
            .build(&case, &org.profile, today)
            .map_err(|e| invalid(&e))?;
        let font = std::env::var_os("TIAOJIE_FONT").map(std::path::PathBuf::from);
        let fonts = pdf::PdfFonts::find(font.as_deref()).map_err(|e| invalid(&e))?;
        let bytes = pdf::to_pdf(&doc, &fonts).map_err(|e| invalid(&e))?;
        let path =
            files::keep(self.store.path(), &case, form.title(), &bytes).map_err(|cause| {
                StorageError::Invalid(tf(
                    "cli.err.write",
                    &[
                        (
                            "path",
                            &files::case_folder(self.store.path(), &case)
                                .display()
                                .to_string(),
                        ),
                        ("cause", &cause.to_string()),
                    ],
                ))
            })?;
        Ok(path.display().to_string())
    }

    /// Writes the period's statistics as an .xlsx in the database's folder; returns its path.
    fn export_stats(&self, period: &Period) -> Result<String, StorageError> {
        let org = self.org()?;
        let rows = self.store.stats_cases(org.id, period)?;
        let stats = compute(*period, &rows);
        let sheets = crate::report::stats_sheet::stats_sheets(&org.profile.room_name, &stats);
        let bytes = crate::report::xlsx::workbook_bytes(&sheets)
            .map_err(|e| StorageError::Invalid(e.to_string()))?;
        let name = format!(
            "{}_{}_{}.xlsx",
            crate::i18n::t("report.file.stats"),
            period.from,
            period.to
        );
        super::export_effects::keep_beside(self.store.path(), &name, &bytes)
    }

    fn load_room(&mut self) -> Result<Room, StorageError> {
        self.org = self.store.organisation()?;
        let Some(org) = self.org.clone() else {
            return Ok(Room {
                org: None,
                mediators: Vec::new(),
                locals: Vec::new(),
                lang: None,
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
            org: Some(org),
        })
    }
}
