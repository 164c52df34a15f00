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
}

impl Runner {
    /// A runner acting as `operator`.
    pub fn new(store: Store, operator: String) -> Runner {
        Runner {
            store,
            operator,
            org: None,
        }
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
                | Effect::LoadCase(_)
                | Effect::LoadToday(_)
                | Effect::LoadAgenda { .. }
                | Effect::LoadMonth { .. }
                | Effect::LoadCaseSessions(_)
                | Effect::LoadCaseFollowUps(_)
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
            Effect::SaveRoom {
                profile,
                lang,
                printer,
            } => {
                let org = self.org()?.id;
                self.store.update_profile(org, &profile)?;
                self.store.set_setting(org, "lang", lang.code())?;
                for (key, value) in printer.entries() {
                    self.store.set_setting(org, key, &value)?;
                }
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
            Effect::WriteDocument {
                case,
                form,
                today,
                choice,
                print,
            } => {
                let path = self.write_document(case, form, today, *choice)?;
                if print {
                    let org = self.org()?.id;
                    let settings = crate::documents::printer::PrinterSettings::from_lookup(|k| {
                        self.store.setting(org, k).ok().flatten()
                    });
                    crate::documents::printer::send(&settings, std::path::Path::new(&path))
                        .map_err(|e| StorageError::Invalid(e.to_string()))?;
                    Action::DocumentPrinted(path)
                } else {
                    Action::DocumentWritten(path)
                }
            }
            Effect::LoadCaseFollowUps(case) => {
                Action::CaseFollowUpsLoaded(case, self.store.follow_ups_of_case(case)?)
            }
            Effect::FindRepeats(query) => {
                let cases = self.store.repeat_cases(self.org()?.id, &query)?;
                Action::RepeatsFound(query, cases)
            }
        })
    }

    /// The room's wording of the forms, read again for each document so an edited
    /// override applies at once; a bad override is skipped (the start-up notice names it).
    fn templates(&self) -> crate::documents::template::Templates {
        let dir = crate::paths::templates_dir();
        crate::documents::template::Templates::load(dir.as_deref()).0
    }

    /// Writes a form of a case as PDF into its folder beside the database; returns the
    /// path. `choice` names the session and visit (none: the case's latest, as on the
    /// command line).
    fn write_document(
        &self,
        case: crate::domain::case::CaseId,
        form: crate::documents::forms::FormKind,
        today: chrono::NaiveDate,
        choice: crate::documents::forms::Choice,
    ) -> Result<String, StorageError> {
        use crate::documents::forms::CaseData;
        use crate::documents::{files, pdf};
        let org = self.org()?;
        let data = CaseData {
            case: self.store.load_case(case)?,
            org: org.profile.clone(),
            mediators: self.store.mediators(org.id)?,
            sessions: self.store.sessions_of_case(case)?,
            follow_ups: self.store.follow_ups_of_case(case)?,
        };
        let invalid = |e: &dyn std::fmt::Display| StorageError::Invalid(e.to_string());
        let font = std::env::var_os("TIAOJIE_FONT").map(std::path::PathBuf::from);
        let fonts = pdf::PdfFonts::find(font.as_deref()).map_err(|e| invalid(&e))?;
        let pages = |d: &crate::documents::Document| pdf::page_count(d, &fonts).unwrap_or(1);
        let templates = self.templates();
        let file = data.file(today, choice, &pages);
        let docs = form.build(&file, &templates).map_err(|e| invalid(&e))?;
        let bytes = pdf::to_pdf_all(&docs, &fonts).map_err(|e| invalid(&e))?;
        let folder = || files::case_folder(self.store.path(), &data.case);
        let path = files::keep(
            self.store.path(),
            &data.case,
            &form.title(&templates),
            &bytes,
        )
        .map_err(|cause| {
            StorageError::Invalid(tf(
                "cli.err.write",
                &[
                    ("path", &folder().display().to_string()),
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
        let dir = self
            .store
            .path()
            .parent()
            .unwrap_or(std::path::Path::new("."));
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|cause| {
            StorageError::Invalid(tf(
                "cli.err.write",
                &[
                    ("path", &path.display().to_string()),
                    ("cause", &cause.to_string()),
                ],
            ))
        })?;
        Ok(path.display().to_string())
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
            org: Some(org),
        })
    }
}
