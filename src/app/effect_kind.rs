//! What each effect is, said once: whether the user waits for it as a save, whether it
//! is written quietly in the background, where it runs, whether 今日 may change, whether
//! it is a versioned save that can meet someone else's newer version, and which operation
//! of the rights table it is (on which case). The runner, the writer thread, `update` and
//! the guard all ask [`Effect::describe`]; none keeps a list of its own. Imports only
//! `action` of `app`.

use super::action::Effect;
use crate::domain::case::CaseId;
use crate::domain::rights::Operation;
use crate::domain::session::SessionId;

/// What one effect is (see the module's first line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EffectKind {
    /// A save the user waits for (a change, an export, a document): shown as 保存中…
    /// while it runs, a failure keeps its form open with a notice, and a key asking for
    /// another save meanwhile is held.
    pub save: bool,
    /// A write made quietly in the background (a draft, a refusal's record, a restore
    /// taken in): nobody waits for it; a failure is said on the status line, never in a
    /// dialog over the form being typed in.
    pub quiet: bool,
    /// Where the event loop's runner sends it.
    pub runs_on: RunsOn,
    /// What 今日 shows may change: it is read again when next shown.
    pub today_may_change: bool,
    /// A save made at a version read earlier: refused if someone saved the record since,
    /// and then shown beside the stored version (`effects/stale_saves.rs`).
    pub versioned: bool,
    /// The operation of the rights table it carries out and what it is about; `None` for
    /// what every user needs whatever their role.
    pub right: Option<(Operation, Target)>,
}

/// Where an effect runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunsOn {
    /// The keyboard's runner, at once (reads; what works with this window's own locks;
    /// bytes for this terminal).
    Keyboard,
    /// The writer thread (`effects/write_worker.rs`): a write waits for a busy file
    /// there, never on the keyboard's thread.
    Writer,
    /// Both connections: each checks the room generation on every write.
    Both,
    /// The search worker (a list search off the keyboard's thread).
    Searcher,
    /// The daily backup's own thread.
    Backups,
    /// 今日's reader thread once the first screen is up (`effects/today_reader.rs`);
    /// the keyboard's runner before, since that screen shows what they read.
    Today,
}

/// What an effect is about, for finding whose case it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// No particular case (a list limited to what the role sees, a room setting).
    Room,
    /// One case.
    Case(CaseId),
    /// One session, judged by its case.
    Session(SessionId),
}

/// A read on the keyboard's runner, asked as `right`.
const fn read(right: Option<(Operation, Target)>) -> EffectKind {
    EffectKind {
        save: false,
        quiet: false,
        runs_on: RunsOn::Keyboard,
        today_may_change: false,
        versioned: false,
        right,
    }
}

/// A save on the writer, which may change 今日.
const fn save(op: Operation, target: Target) -> EffectKind {
    EffectKind {
        save: true,
        quiet: false,
        runs_on: RunsOn::Writer,
        today_may_change: true,
        versioned: false,
        right: Some((op, target)),
    }
}

/// A quiet write on the writer.
const fn quiet(right: Option<(Operation, Target)>, today_may_change: bool) -> EffectKind {
    EffectKind {
        save: false,
        quiet: true,
        runs_on: RunsOn::Writer,
        today_may_change,
        versioned: false,
        right,
    }
}

impl EffectKind {
    /// The same, but a save made at a version read earlier.
    const fn versioned(self) -> EffectKind {
        EffectKind {
            versioned: true,
            ..self
        }
    }

    /// The same, but 今日 cannot change through it.
    const fn not_today(self) -> EffectKind {
        EffectKind {
            today_may_change: false,
            ..self
        }
    }

    /// The same, but on the keyboard's runner and not a save.
    const fn on_keyboard(self) -> EffectKind {
        EffectKind {
            save: false,
            runs_on: RunsOn::Keyboard,
            ..self
        }
    }
}

impl Effect {
    /// What this effect is: the one table every part of the app asks.
    pub fn describe(&self) -> EffectKind {
        use Operation as O;
        use Target::{Case, Room, Session};
        // No catch-all: a new effect must say here what it is.
        match self {
            Effect::LoadRoom => read(None),
            Effect::LoadCases(_) => read(Some((O::ViewCase, Room))),
            Effect::SearchCases { .. } => EffectKind {
                runs_on: RunsOn::Searcher,
                ..read(Some((O::ViewCase, Room)))
            },
            Effect::FindRepeats(_) => read(Some((O::Search, Room))),
            // The agreement comes with every case detail; a role that may not read
            // agreements is given none (see `Runner::try_run`), not refused the case.
            Effect::LoadCase(id)
            | Effect::LoadHistory(id)
            | Effect::LoadCaseSessions(id)
            | Effect::LoadFollowUps(id)
            | Effect::LoadAgreement(id, _) => read(Some((O::ViewCase, Case(*id)))),
            Effect::LoadTodayPerformance(_)
            | Effect::LoadTodayRest(_)
            | Effect::LoadTodayAlerts(_) => EffectKind {
                runs_on: RunsOn::Today,
                ..read(Some((O::ViewAgenda, Room)))
            },
            Effect::LoadToday(_)
            | Effect::LoadTodaySessions { .. }
            | Effect::LoadAgenda { .. }
            | Effect::LoadMonth { .. } => read(Some((O::ViewAgenda, Room))),
            Effect::LoadStats(_) => read(Some((O::ViewStats, Room))),
            Effect::LoadUsers => read(Some((O::ManageUsers, Room))),
            Effect::LoadDrafts => read(None),
            Effect::CreateCase(_) => save(O::RegisterCase, Room),
            Effect::UpdateCase { id, .. } => save(O::EditCase, Case(*id)).versioned(),
            Effect::ChangeStatus { id, .. } => save(O::ChangeStatus, Case(*id)).versioned(),
            Effect::CreateRoom { .. } => save(O::SetUpRoom, Room),
            Effect::SaveRoom { .. }
            | Effect::AddMediator { .. }
            | Effect::SetMediatorActive { .. }
            | Effect::SaveLocalCategory(_)
            | Effect::SaveSettings(_)
            | Effect::SavePlaces(_) => save(O::EditSettings, Room),
            Effect::CreateSession { fields, .. } => save(O::ScheduleSession, Case(fields.case_id)),
            Effect::PostponeSession { id, .. } => save(O::PostponeSession, Session(*id)),
            Effect::CancelSession { id, .. } => save(O::CancelSession, Session(*id)),
            Effect::RecordSession { id, .. } => save(O::RecordSession, Session(*id)).versioned(),
            Effect::AddFollowUp(visit) => save(O::RecordFollowUp, Case(visit.case_id)),
            Effect::SaveAgreement(a) => save(O::SaveAgreement, Case(a.case_id)).versioned(),
            Effect::SaveUser { .. } => save(O::ManageUsers, Room),
            // Files beside the database: nothing 今日 shows changes.
            Effect::ExportStats(_) => save(O::ExportStats, Room).not_today(),
            Effect::ExportLedger(_) => save(O::ExportLedger, Room).not_today(),
            Effect::WriteDocument { case, .. } => save(O::PrintDocument, Case(*case)).not_today(),
            // 本机打印's bytes go to this terminal, between two frames. (今日 is read
            // again after it, as it always was.)
            Effect::PrintLocally { case, .. } => save(O::PrintDocument, Case(*case)).on_keyboard(),
            Effect::SaveDraft { key, .. } => quiet(Some((O::SaveDraft, draft_target(key))), false),
            Effect::DeleteDraft(_) => quiet(None, false),
            Effect::RecordRefusal { .. } => quiet(None, true),
            // Both connections take a restore in: each checks the room generation on
            // every write, so a writer left at the old one would refuse every save.
            Effect::TakeInRestore(_) => EffectKind {
                runs_on: RunsOn::Both,
                ..quiet(None, true)
            },
            // The offer of gone windows' drafts works with this window's locks: it stays
            // with the keyboard's runner, which holds them. (今日 is read again after
            // it, as it always was.)
            Effect::DiscardDraft { .. } | Effect::AdoptDraft { .. } | Effect::ReleaseDrafts => {
                EffectKind {
                    today_may_change: true,
                    ..read(None)
                }
            }
            // The room's own daily copy, made whoever opens the app (as it was before the
            // screen opened): not the `backup` command's copy to a place of one's choosing.
            Effect::DailyBackup => EffectKind {
                runs_on: RunsOn::Backups,
                ..read(None)
            },
        }
    }

    /// True for a save the user waits for (see [`EffectKind::save`]).
    pub fn is_save(&self) -> bool {
        self.describe().save
    }
}

/// The case a draft key names ("record:12" → case 12; "case:new", "settings" → none).
fn draft_target(key: &str) -> Target {
    key.rsplit_once(':')
        .and_then(|(_, id)| id.parse().ok())
        .map_or(Target::Room, |id| Target::Case(CaseId(id)))
}

#[cfg(test)]
mod tests;
