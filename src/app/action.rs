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
    /// The window changed size (and what the layout fits in it, from `ui::screen`).
    Resize(super::screen::Screen),
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
    /// A document's PDF was written to this path and sent to the printer.
    DocumentPrinted(String),
    /// A document was handed to the terminal layer for the user's own printer (本机打印).
    PrintedLocally,
    /// Earlier cases of the parties asked about (重复纠纷).
    RepeatsFound(
        crate::domain::repeat::RepeatQuery,
        Vec<crate::domain::case::CaseSummary>,
    ),
    /// Storage refused or failed; the message is for the user.
    Failed(Failure),
    /// What today holds arrived.
    TodayLoaded(Box<TodayData>),
    /// More of today's and tomorrow's sessions arrived (for the day `today`): those from
    /// the `from`th on.
    TodaySessionsLoaded {
        today: NaiveDate,
        from: usize,
        sessions: Vec<Session>,
    },
    /// 今日's performance items arrived (for the day `today`; in `performance`).
    TodayPerformanceLoaded(NaiveDate, Box<TodayData>),
    /// 今日's alerts arrived (for the day `today`; in `alerts` and `more_alerts`).
    TodayRestLoaded(NaiveDate, Box<TodayData>),
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
    /// A session was called off.
    SessionCancelled(Box<Session>),
    /// The follow-up visits of a case arrived.
    FollowUpsLoaded(CaseId, Vec<crate::domain::follow_up::FollowUp>),
    /// A follow-up visit of this case was recorded.
    FollowUpSaved(CaseId),
    /// A booking was refused: a mediator or room is taken.
    SessionClash(Box<SessionFields>, Box<Verdict>),
    /// Another process changed the database: read again what is on screen.
    DataChanged,
    /// The whole file was put back from a copy since this session read it.
    RoomRestored(Box<crate::storage::Restored>),
    /// The session took a restore in (nothing more to do).
    RestoreTakenIn,
    /// Typing paused: save what the open forms hold as drafts.
    SaveDrafts,
    /// The user's drafts left from an earlier run arrived.
    DraftsLoaded(Vec<crate::storage::Draft>),
    /// A draft was written or deleted (nothing more to do).
    DraftStored,
    /// A refusal was recorded in the audit (nothing more to do).
    RefusalRecorded,
    /// Saving a case was refused because someone else saved it since it was opened:
    /// what the user typed, and the case as it is now.
    CaseConflict {
        /// The user's version.
        mine: Box<CaseFields>,
        /// The stored one.
        theirs: Box<Case>,
    },
    /// The room's users arrived (administrators only).
    UsersLoaded(Vec<crate::domain::user::User>),
    /// A case's history from the audit trail arrived.
    HistoryLoaded(CaseId, Vec<crate::domain::audit::AuditEntry>),
    /// The agreement of a case was read (None: it has none yet); `true`: open the editor.
    AgreementLoaded(
        CaseId,
        Option<Box<crate::domain::agreement::Agreement>>,
        bool,
    ),
    /// The agreement was saved.
    AgreementSaved(Box<crate::domain::agreement::Agreement>),
    /// Someone saved the agreement since it was opened: mine and the one stored now.
    AgreementConflict {
        /// The agreement as typed.
        mine: Box<crate::domain::agreement::Agreement>,
        /// As stored now (`None`: there is none any more).
        theirs: Option<Box<crate::domain::agreement::Agreement>>,
    },
    /// Someone changed the case since a status change was asked: the change asked and
    /// the case as stored now.
    StatusConflict {
        /// The change asked for.
        mine: Box<super::conflict::StatusAsk>,
        /// The case as stored now.
        theirs: Box<Case>,
    },
    /// Someone changed the session since its record was opened: the record typed and the
    /// session as stored now.
    RecordConflict {
        /// The record typed.
        mine: Box<crate::domain::session::SessionRecord>,
        /// The session as stored now.
        theirs: Box<crate::domain::session::Session>,
    },
    /// The first screen was drawn: work that must not delay it may start now.
    FirstDrawn,
    /// The day's automatic backup ended (`Err`: why it failed, said on the status line).
    DailyBackupEnded(Result<(), String>),
    /// Where the saves sent to the writer are (the event loop tells, it has the clock).
    SaveProgress(super::saving::Saving),
}

/// What the today screen shows: all of it, or the part `part` says.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TodayData {
    /// Today's and tomorrow's sessions (those read).
    pub sessions: Vec<Session>,
    /// Which part this is: `None`, all of today's and tomorrow's sessions, the performance
    /// items and the alerts.
    pub part: Option<super::today_view::TodayPart>,
    /// Cases near or past a deadline.
    pub alerts: Vec<CaseAlert>,
    /// Performance items of agreements due soon or missed.
    pub performance: Vec<crate::storage::DueItem>,
    /// Open cases near or past their limit beyond those in `alerts` (not listed).
    pub more_alerts: u64,
    /// The first screen of the alerts and the counts it shows, instead of `alerts`.
    pub alerts_head: Option<crate::storage::AlertsHead>,
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
    /// Its printer settings.
    pub printer: crate::documents::printer::PrinterSettings,
    /// Its limits, places and display.
    pub settings: super::room_settings::RoomSettings,
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
    SaveRoom {
        profile: OrgProfile,
        lang: Lang,
        printer: crate::documents::printer::PrinterSettings,
    },
    /// Add a mediator.
    AddMediator { name: String, phone: String },
    /// Mark a mediator as active or departed.
    SetMediatorActive { id: MediatorId, active: bool },
    /// Add or re-parent a local category.
    SaveLocalCategory(LocalCategory),
    /// Store room settings (`key`, `value`) in one transaction.
    SaveSettings(Vec<(String, String)>),
    /// Replace the room's list of places.
    SavePlaces(Vec<Place>),
    /// Read how many sessions today and tomorrow hold and the first of them, for `today`.
    LoadToday(NaiveDate),
    /// Read `limit` of today's and tomorrow's sessions from the `from`th on.
    LoadTodaySessions {
        today: NaiveDate,
        from: usize,
        limit: usize,
    },
    /// Read 今日's performance items for `today`.
    LoadTodayPerformance(NaiveDate),
    /// Read the first screen of 今日's alerts for `today` and the counts it shows.
    LoadTodayRest(NaiveDate),
    /// Read all of 今日's alerts for `today` (the lines past the first screen, the long
    /// overdue opened).
    LoadTodayAlerts(NaiveDate),
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
    /// Move a planned session (if still at `version`) to the time in `fields`: a new
    /// session linked from the old (refused on a clash unless `override_reason` is given).
    PostponeSession {
        id: SessionId,
        version: i64,
        fields: Box<SessionFields>,
        override_reason: String,
    },
    /// Call a planned session off, if still at `version`.
    CancelSession {
        id: SessionId,
        version: i64,
        reason: String,
    },
    /// Read the follow-up visits of a case.
    LoadFollowUps(CaseId),
    /// Record a follow-up visit.
    AddFollowUp(Box<crate::domain::follow_up::FollowUp>),
    /// Count the statistics of a period.
    LoadStats(crate::domain::stats::period::Period),
    /// Write a period's statistics as an .xlsx beside the database.
    ExportStats(crate::domain::stats::period::Period),
    /// Write the ledger (台账) of the cases received in a period as an .xlsx beside the
    /// database.
    ExportLedger(crate::domain::stats::period::Period),
    /// Find earlier cases of these parties.
    FindRepeats(crate::domain::repeat::RepeatQuery),
    /// The session has closed every form opened before a restore and reads everything
    /// again: its writes are accepted in this room generation from now on.
    TakeInRestore(i64),
    /// Read the user's drafts.
    LoadDrafts,
    /// Save a draft (form key, JSON of its fields).
    SaveDraft { key: String, content: String },
    /// Delete a draft: its form was saved or given up on purpose.
    DeleteDraft(String),
    /// Delete a draft a gone window left (`owner` is that window's token): discarded.
    DiscardDraft { owner: String, key: String },
    /// Make a draft a gone window left this window's own: it was restored here.
    AdoptDraft { owner: String, key: String },
    /// The offer of drafts closed: the gone windows whose drafts are left go back to
    /// being offered at a later start.
    ReleaseDrafts,
    /// Read the room's users.
    LoadUsers,
    /// Add a user (`new`) or save a user's display name, role and state.
    SaveUser {
        /// The user as it should be.
        user: crate::domain::user::User,
        /// True to add, false to change.
        new: bool,
    },
    /// Read a case's history from the audit trail.
    LoadHistory(CaseId),
    /// Write a form of a case as PDF into the case's folder, letters dated `today`, and
    /// with `print` send it to the room's printer.
    WriteDocument {
        /// The case.
        case: CaseId,
        /// The form.
        form: crate::documents::forms::FormKind,
        /// The date of a letter.
        today: chrono::NaiveDate,
        /// The session and visit chosen.
        choice: Box<crate::documents::forms::Choice>,
        /// Also send it to the printer.
        print: bool,
    },
    /// Send a form of a case to the printer of the user's own terminal (本机打印): its
    /// text for old printers, in the media-copy envelope the event loop writes.
    PrintLocally {
        /// The case.
        case: CaseId,
        /// The form.
        form: crate::documents::forms::FormKind,
        /// The date of a letter.
        today: chrono::NaiveDate,
        /// The session and visit chosen.
        choice: Box<crate::documents::forms::Choice>,
    },
    /// Read the agreement of a case (`true`: to open the editor on it; else for 文书).
    LoadAgreement(CaseId, bool),
    /// Save an agreement (its `version` is the one it was loaded at).
    SaveAgreement(Box<crate::domain::agreement::Agreement>),
    /// Record in the audit that the user was refused something (on this case).
    RecordRefusal {
        /// What was refused, to whom.
        refusal: Box<crate::domain::rights::Refusal>,
        /// The case it concerned.
        case: Option<CaseId>,
    },
    /// Make the day's backup if no copy of today exists yet, beside the app.
    DailyBackup,
}
