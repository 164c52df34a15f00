//! Where the user is and what the screens show: one enum for the case tab's view, a
//! stack of modals, and the data loaded for them. Each tab's own state is a `…View`
//! (`TodayView`, `CasesView`, `ScheduleView`, `DocsView`, `StatsView`, `SettingsView`);
//! what is read for one case lives in its `CaseDetail` and goes with it.

use super::case_form::CaseForm;
use super::form::Form;
use super::modal::Modal;
pub use super::saving::Saving;
use super::schedule::{ScheduleView, TodayView};
pub use super::screen::Screen;
use super::settings::SettingsView;
use super::stats_view::StatsView;
use crate::domain::case::{Case, CaseId, CasePage, CaseQuery, CaseSort};
use crate::domain::category::LocalCategory;
use crate::domain::org::{Mediator, MediatorId, Organisation};
use crate::domain::session::Session;
use crate::i18n::Lang;
use chrono::NaiveDate;
use tui_input::Input;

/// The tabs along the top, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// 今日 — what today holds: sessions, deadlines, follow-ups (the first screen).
    Today,
    /// 案件 — the case log.
    Cases,
    /// 日程 — the schedule: agenda and month.
    Schedule,
    /// 文书 — the forms of the open case, previewed and written as PDF.
    Documents,
    /// 统计 — statistics.
    Statistics,
    /// 设置 — the room, mediators, categories, language.
    Settings,
}

impl Tab {
    /// Every tab in order.
    pub const ALL: [Tab; 6] = [
        Tab::Today,
        Tab::Cases,
        Tab::Schedule,
        Tab::Documents,
        Tab::Statistics,
        Tab::Settings,
    ];

    /// Catalogue key of the tab's name.
    pub fn title(self) -> &'static str {
        match self {
            Tab::Today => "tab.today",
            Tab::Cases => "tab.cases",
            Tab::Schedule => "tab.schedule",
            Tab::Documents => "tab.documents",
            Tab::Statistics => "tab.statistics",
            Tab::Settings => "tab.settings",
        }
    }

    /// The neighbouring tab (wrapping).
    pub fn step(self, forward: bool) -> Tab {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0);
        let n = Tab::ALL.len();
        Tab::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// What the case tab shows.
#[derive(Debug, Clone)]
pub enum CasesView {
    /// The list.
    List,
    /// One case.
    Detail(Box<CaseDetail>),
    /// The new/edit form.
    Form(Box<CaseForm>),
    /// The case's agreement being edited.
    Agreement(Box<super::agreement_form::AgreementEditor>),
}

/// The case list: the query, the page read for it, and the selected row.
#[derive(Debug, Clone)]
pub struct CaseList {
    /// What is asked of storage (its limit follows the window height).
    pub query: CaseQuery,
    /// The rows of the visible page.
    pub page: CasePage,
    /// Selected row within the page.
    pub selected: usize,
    /// The search box, while it is open.
    pub search: Option<Input>,
    /// True until the first page has arrived.
    pub loading: bool,
    /// The case being loaded opens in the form rather than the detail.
    pub edit_on_load: bool,
    /// Counts the pages asked for; a search's answer carries the count it was asked
    /// with, so an answer overtaken by later typing is dropped.
    pub generation: u64,
    /// The generation of the page on screen (behind `generation` while a search runs).
    pub shown_generation: u64,
    /// Enter (or `e`, then true) was pressed while a search ran: the case is opened from
    /// its answer, so it is a row of what was typed, not of an older answer.
    pub open_when_found: Option<bool>,
}

impl Default for CaseList {
    fn default() -> Self {
        CaseList {
            query: CaseQuery {
                sort: CaseSort::Received,
                descending: true,
                limit: 10,
                ..Default::default()
            },
            page: CasePage::default(),
            selected: 0,
            search: None,
            loading: true,
            edit_on_load: false,
            generation: 0,
            shown_generation: 0,
            open_when_found: None,
        }
    }
}

/// One case on screen, and what is read with it: it goes when the case is closed, so
/// nothing of one case is ever shown on another.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseDetail {
    /// The case as last loaded.
    pub case: Case,
    /// Lines scrolled down.
    pub scroll: u16,
    /// Earlier cases of its parties (重复纠纷), once found.
    pub repeats: Vec<crate::domain::case::CaseSummary>,
    /// Its sessions, once read (`None` until then).
    pub sessions: Option<Vec<Session>>,
    /// Its follow-up visits, once read.
    pub follow_ups: Option<Vec<crate::domain::follow_up::FollowUp>>,
    /// Its history from the audit trail, once read.
    pub history: Option<Vec<crate::domain::audit::AuditEntry>>,
    /// Its agreement for the 文书 tab, once read (`None` too while it has none).
    pub agreement: Option<crate::domain::agreement::Agreement>,
}

impl CaseDetail {
    /// `case` on screen, nothing read with it yet.
    pub fn new(case: Case) -> CaseDetail {
        CaseDetail {
            case,
            scroll: 0,
            repeats: Vec::new(),
            sessions: None,
            follow_ups: None,
            history: None,
            agreement: None,
        }
    }

    /// Its sessions as read so far.
    pub fn sessions(&self) -> &[Session] {
        self.sessions.as_deref().unwrap_or_default()
    }

    /// Its follow-up visits as read so far, oldest first.
    pub fn follow_ups(&self) -> &[crate::domain::follow_up::FollowUp] {
        self.follow_ups.as_deref().unwrap_or_default()
    }
}

/// A line at the bottom saying what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    /// The text (already in the user's language).
    pub text: String,
    /// An error (shown in the error colour).
    pub error: bool,
}

/// Everything the screens show.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Today's date, from the event loop.
    pub today: NaiveDate,
    /// The room's time zone (设置; Beijing time until the room is read): times are typed
    /// in it, and "now" and "today" are read in it.
    pub zone: crate::domain::dates::Zone,
    /// Interface language.
    pub lang: Lang,
    /// The language was given on the command line, so the room's setting does not apply.
    pub lang_locked: bool,
    /// The room, once set up.
    pub org: Option<Organisation>,
    /// The room's mediators.
    pub mediators: Vec<Mediator>,
    /// The room's local categories.
    pub locals: Vec<LocalCategory>,
    /// The room's printer settings (shown and changed on the settings screen).
    pub printer: crate::documents::printer::PrinterSettings,
    /// The first-start form, while the room is not set up.
    pub setup: Option<Form>,
    /// The tab in front.
    pub tab: Tab,
    /// The case tab's view.
    pub cases: CasesView,
    /// The case list (kept while a case is open).
    pub list: CaseList,
    /// The tab the open case was opened from (今日 or 日程), where Esc goes back to;
    /// `None` when it was opened from the case list.
    pub back_to: Option<Tab>,
    /// The settings tab.
    pub settings: SettingsView,
    /// The room's limits, places and display, as last read.
    pub room_settings: super::room_settings::RoomSettings,
    /// The today screen.
    pub today_view: TodayView,
    /// The schedule tab.
    pub schedule: ScheduleView,
    /// The statistics tab.
    pub stats: StatsView,
    /// The documents tab.
    pub docs: super::docs_view::DocsView,
    /// Dialogs over the screen, the last on top.
    pub modals: Vec<Modal>,
    /// What just happened.
    pub status: Option<StatusLine>,
    /// The terminal's size, and what the layout fits in it.
    pub size: Screen,
    /// Set when the user has quit.
    pub quit: bool,
    /// True while the database has not answered the first time.
    pub starting: bool,
    /// True once the day's backup was asked for (after the first screen).
    pub backup_asked: bool,
    /// Whether a save is under way on the writer's thread (shown as 保存中…).
    pub saving: Saving,
    /// Drafts saved in this run, and one waiting to reopen.
    pub drafts: super::drafts::DraftsState,
    /// The room's users (read for administrators only, for the settings tab).
    pub users: Vec<crate::domain::user::User>,
    /// Who is at the keyboard; every screen and action asks `domain::user` rules of it.
    pub user: crate::domain::user::User,
}

impl AppState {
    /// The state before anything is loaded.
    pub fn new(today: NaiveDate, lang: Lang, size: Screen) -> AppState {
        AppState {
            today,
            zone: Default::default(),
            lang,
            lang_locked: false,
            org: None,
            mediators: Vec::new(),
            locals: Vec::new(),
            printer: Default::default(),
            setup: None,
            tab: Tab::Today,
            cases: CasesView::List,
            list: CaseList::default(),
            back_to: None,
            settings: SettingsView::default(),
            room_settings: Default::default(),
            today_view: TodayView {
                loading: true,
                ..Default::default()
            },
            schedule: ScheduleView::default(),
            stats: StatsView::default(),
            docs: Default::default(),
            modals: Vec::new(),
            status: None,
            size,
            quit: false,
            starting: true,
            backup_asked: false,
            saving: Saving::No,
            drafts: Default::default(),
            users: Vec::new(),
            // The event loop puts the identified user here; tests start as an administrator.
            user: crate::domain::user::User::new("", crate::domain::user::Role::Admin),
        }
    }

    /// A mediator's name by id (departed ones included).
    pub fn mediator_name(&self, id: MediatorId) -> &str {
        self.mediators
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.as_str())
            .unwrap_or("?")
    }

    /// Rows of the list that fit on screen (the layout says how many, `ui::screen`).
    /// A status message on two lines takes one row more.
    pub fn list_rows(&self) -> u64 {
        let text = self.status.as_ref().map(|s| s.text.as_str());
        let status = super::status_line::status_rows(text, (self.size.cols, self.size.rows));
        let extra = u64::from(status.saturating_sub(1));
        self.size.list_rows.saturating_sub(extra).max(1)
    }

    /// The case on screen in the 案件 tab, with what was read of it.
    pub fn detail(&self) -> Option<&CaseDetail> {
        match &self.cases {
            CasesView::Detail(d) => Some(d),
            _ => None,
        }
    }

    /// The case on screen if it is case `id` (an answer about another case is dropped).
    pub fn detail_of(&mut self, id: CaseId) -> Option<&mut CaseDetail> {
        match &mut self.cases {
            CasesView::Detail(d) if d.case.id == id => Some(d),
            _ => None,
        }
    }

    /// What a dialog may read of the room (see `app/dialogs`).
    pub fn dialog_context(&self) -> super::dialogs::DialogContext<'_> {
        super::dialogs::DialogContext {
            today: self.today,
            zone: self.zone,
            user: &self.user,
            mediators: &self.mediators,
            places: &self.room_settings.places,
            open_case: match &self.cases {
                CasesView::Detail(d) => Some(&d.case),
                _ => None,
            },
            sessions: self.detail().and_then(|d| d.sessions.as_deref()),
            editing: match &self.cases {
                CasesView::Form(cf) => cf.editing.map(|(id, _)| id),
                _ => None,
            },
        }
    }

    /// True if some form holds unsaved text.
    pub fn unsaved(&self) -> bool {
        let case_form = matches!(&self.cases, CasesView::Form(f) if f.changed())
            || matches!(&self.cases, CasesView::Agreement(a) if a.changed());
        let modal = self.modals.iter().any(Modal::unsaved);
        let setup = self.setup.as_ref().is_some_and(Form::changed);
        case_form || modal || setup || self.settings.changed()
    }
}
