//! Actions (what happened: a key, a paste, a resize, a result from storage) and effects
//! (what `update` asks the outside world to do), both plain values.

use super::key::Key;
use crate::domain::case::{Case, CaseFields, CaseId, CasePage, CaseQuery};
use crate::domain::category::LocalCategory;
use crate::domain::conflicts::Verdict;
use crate::domain::follow_up::Place;
use crate::domain::org::{Mediator, MediatorId, OrgProfile, Organisation};
use crate::domain::session::{Session, SessionFields, SessionId, SessionRecord};
use crate::domain::status::CaseStatus;
use crate::i18n::Lang;
use crate::storage::{Booked, CaseAlert, SessionFilter};
use chrono::NaiveDate;

/// Something that happened, for `update` to handle.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A key was pressed.
    Key(Key),
    /// Text was pasted (bracketed paste).
    Paste(String),
    /// The window changed size.
    Resize(u16, u16),
    /// The date changed (or the app started).
    Today(NaiveDate),
    /// The room's data was read.
    RoomLoaded(Box<Room>),
    /// A page of the list arrived.
    CasesLoaded(CasePage),
    /// A search's page arrived from the search worker, tagged with the generation of the
    /// query it answers (an older one than the list's is dropped).
    CasesFound {
        /// `CaseList::generation` when the search was asked for.
        generation: u64,
        /// The page, or why it could not be read.
        result: Result<CasePage, Failure>,
    },
    /// A case arrived.
    CaseLoaded(Box<Case>),
    /// A case was saved (created, edited or moved to another status).
    CaseSaved(Box<Case>),
    /// A settings change was saved.
    SettingsSaved,
    /// The statistics of a period were counted.
    StatsLoaded(Box<crate::domain::stats::Stats>),
    /// The statistics workbook was written to this path.
    StatsExported(String),
    /// The case ledger workbook was written to this path.
    LedgerExported(String),
    /// A document's PDF was written to this path.
    DocumentWritten(String),
    /// Earlier cases of the parties asked about (重复纠纷).
    RepeatsFound(
        crate::domain::repeat::RepeatQuery,
        Vec<crate::domain::case::CaseSummary>,
    ),
    /// Storage refused or failed; the message is for the user.
    Failed(Failure),
    /// What today holds arrived.
    TodayLoaded(Box<TodayData>),
    /// The agenda's sessions arrived.
    AgendaLoaded(Vec<Session>),
    /// The month's counts per day arrived.
    MonthLoaded(Vec<(NaiveDate, u32)>),
    /// The sessions of a case arrived.
    CaseSessionsLoaded(CaseId, Vec<Session>),
    /// A session was scheduled (with any warnings).
    SessionSaved(Box<Booked>),
    /// A session's record was saved.
    SessionRecorded(Box<Session>),
    /// A booking was refused: a mediator or room is taken.
    SessionClash(Box<SessionFields>, Box<Verdict>),
    /// Another process changed the database: read again what is on screen.
    DataChanged,
}

/// What the today screen shows, read in one go.
#[derive(Debug, Clone, PartialEq)]
pub struct TodayData {
    /// Today's and tomorrow's sessions.
    pub sessions: Vec<Session>,
    /// Cases near or past a deadline.
    pub alerts: Vec<CaseAlert>,
    /// The room's places.
    pub places: Vec<Place>,
}

/// The room and what belongs to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Room {
    /// The organisation, if set up.
    pub org: Option<Organisation>,
    /// Its mediators.
    pub mediators: Vec<Mediator>,
    /// Its local categories.
    pub locals: Vec<LocalCategory>,
    /// Its language setting.
    pub lang: Option<Lang>,
}

/// A failure as the user will read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What happened and what to do.
    pub message: String,
    /// The record changed under the user (their text is kept).
    pub conflict: bool,
    /// A save failed (so the form stays open), rather than a read.
    pub while_saving: bool,
}

/// Work for the outside world.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read the room, its mediators, categories and settings.
    LoadRoom,
    /// Read a page of cases.
    LoadCases(CaseQuery),
    /// Search for a page of cases off the UI thread; the answer comes back later as
    /// `Action::CasesFound` with the same generation.
    SearchCases {
        /// Which query of the list this is (newer ones make older answers stale).
        generation: u64,
        /// The query (its text is not empty).
        query: CaseQuery,
    },
    /// Read one case.
    LoadCase(CaseId),
    /// Register a new case.
    CreateCase(Box<CaseFields>),
    /// Save an edited case, if still at `version`.
    UpdateCase {
        id: CaseId,
        version: i64,
        fields: Box<CaseFields>,
    },
    /// Move a case to another status.
    ChangeStatus {
        id: CaseId,
        version: i64,
        to: CaseStatus,
        reason: String,
        mediators: Vec<MediatorId>,
    },
    /// Set up the room on first start.
    CreateRoom {
        profile: OrgProfile,
        first_mediator: String,
    },
    /// Save the room's profile and language.
    SaveRoom { profile: OrgProfile, lang: Lang },
    /// Add a mediator.
    AddMediator { name: String, phone: String },
    /// Mark a mediator as active or departed.
    SetMediatorActive { id: MediatorId, active: bool },
    /// Add or re-parent a local category.
    SaveLocalCategory(LocalCategory),
    /// Read today's and tomorrow's sessions and the alerts for `today`.
    LoadToday(NaiveDate),
    /// Read the agenda's sessions.
    LoadAgenda {
        from: NaiveDate,
        to: NaiveDate,
        filter: SessionFilter,
    },
    /// Read the month's counts per day.
    LoadMonth {
        from: NaiveDate,
        to: NaiveDate,
        filter: SessionFilter,
    },
    /// Read the sessions of a case.
    LoadCaseSessions(CaseId),
    /// Save the record of a session, if still at `version`.
    RecordSession {
        id: SessionId,
        version: i64,
        record: Box<SessionRecord>,
    },
    /// Schedule a session (refused on a clash unless `override_reason` is given).
    CreateSession {
        fields: Box<SessionFields>,
        override_reason: String,
    },
    /// Count the statistics of a period.
    LoadStats(crate::domain::stats::period::Period),
    /// Write a period's statistics as an .xlsx beside the database.
    ExportStats(crate::domain::stats::period::Period),
    /// Write the ledger (台账) of the cases received in a period as an .xlsx beside the
    /// database.
    ExportLedger(crate::domain::stats::period::Period),
    /// Find earlier cases of these parties.
    FindRepeats(crate::domain::repeat::RepeatQuery),
    /// Write a form of a case as PDF into the case's folder, letters dated `today`.
    WriteDocument {
        /// The case.
        case: CaseId,
        /// The form.
        form: crate::documents::forms::FormKind,
        /// The date of a letter.
        today: chrono::NaiveDate,
    },
}
