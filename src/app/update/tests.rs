//! `update` driven by keys with no terminal: each test presses keys, answers reads the
//! way storage would, and checks the effects asked for and the state left behind.

use super::update;
use crate::app::action::{Action, Effect, Failure, Room};
use crate::app::case_form::CaseForm;
use crate::app::key::{Key, KeyCode};
use crate::app::modal::{Modal, Pending};
use crate::app::state::{AppState, CasesView, Tab};
use crate::domain::case::{
    Case, CaseId, CaseKey, CasePage, CaseQuery, CaseSort, CaseSummary, PageFrom,
};
use crate::domain::category::{CaseCategory, Category};
use crate::domain::org::MediatorId;
use crate::domain::status::{CaseStatus, TransitionError};
use crate::i18n::{Lang, set_lang, t};
use crate::ui::tests::support::{case, room, today};

/// Cases in the fake store: 40 rows make 3 pages of 16 at 80×24 (the last one of 8).
const TOTAL: u64 = 40;

fn row(id: i64) -> CaseSummary {
    CaseSummary {
        id: CaseId(id),
        number: None,
        received_on: today(),
        category: CaseCategory::national(Category::Neighbour),
        parties: format!("当事人{id}"),
        status: CaseStatus::Registered,
        mediators: String::new(),
        at_risk: false,
    }
}

/// What storage would answer to a read; writes are left for the test to check.
fn storage(effect: &Effect) -> Option<Action> {
    match effect {
        Effect::LoadCases(q) => Some(Action::CasesLoaded(fake_page(q))),
        Effect::SearchCases { generation, query } => Some(Action::CasesFound {
            generation: *generation,
            result: Ok(fake_page(query)),
        }),
        Effect::LoadCase(id) => Some(Action::CaseLoaded(Box::new(Case { id: *id, ..case() }))),
        _ => None,
    }
}

/// The page storage would read for `q` from `TOTAL` cases whose ids are their places.
fn fake_page(q: &CaseQuery) -> CasePage {
    let limit = q.limit.max(1);
    let (start, end) = match &q.from {
        PageFrom::Offset => (q.offset, q.offset + limit),
        PageFrom::After(k) => (k.id.0 as u64, k.id.0 as u64 + limit),
        PageFrom::Before(k) => ((k.id.0 as u64 - 1).saturating_sub(limit), k.id.0 as u64 - 1),
        PageFrom::End => ((TOTAL - 1) / limit * limit, TOTAL),
    };
    let rows: Vec<CaseSummary> = (start..end.min(TOTAL)).map(|i| row(i as i64 + 1)).collect();
    CasePage {
        first: rows.first().map(key_of),
        last: rows.last().map(key_of),
        rows,
        total: TOTAL,
    }
}

/// A row's place, as storage gives it with a page.
fn key_of(r: &CaseSummary) -> CaseKey {
    CaseKey {
        id: r.id,
        received_on: r.received_on,
        number_year: None,
        number_seq: None,
        category: r.category.clone(),
        status: r.status,
    }
}

/// Runs `action`, answers every read, and returns every effect asked for on the way.
fn act(s: &mut AppState, action: Action) -> Vec<Effect> {
    let mut seen = Vec::new();
    let mut queue = vec![action];
    while let Some(next) = queue.pop() {
        for effect in update(s, next) {
            queue.extend(storage(&effect));
            seen.push(effect);
        }
    }
    seen
}

fn key(s: &mut AppState, k: Key) -> Vec<Effect> {
    act(s, Action::Key(k))
}

fn press(s: &mut AppState, code: KeyCode) -> Vec<Effect> {
    key(s, Key::plain(code))
}

fn type_in(s: &mut AppState, text: &str) -> Vec<Effect> {
    text.chars().flat_map(|c| key(s, Key::char(c))).collect()
}

/// The app after start: the room and the first page of the list read, 80×24, Chinese.
fn started() -> AppState {
    set_lang(Lang::Zh);
    let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
    s.zone = crate::domain::dates::Zone::beijing();
    s.lang_locked = true;
    act(&mut s, Action::RoomLoaded(Box::new(room())));
    act(&mut s, Action::FirstDrawn);
    // The app opens on 今日; these tests are about the case log.
    s.tab = Tab::Cases;
    s
}

/// The fixture case opened, with `status`.
fn detail(status: CaseStatus) -> AppState {
    let mut s = started();
    let mut c = case();
    c.status = status;
    act(&mut s, Action::CaseLoaded(Box::new(c)));
    s
}

fn loads(effects: &[Effect]) -> Vec<&CaseQuery> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::LoadCases(q) | Effect::SearchCases { query: q, .. } => Some(q),
            _ => None,
        })
        .collect()
}

fn selected_id(s: &AppState) -> i64 {
    s.list.page.rows[s.list.selected].id.0
}

fn form(s: &AppState) -> &CaseForm {
    match &s.cases {
        CasesView::Form(f) => f,
        other => panic!("not on the form: {other:?}"),
    }
}

fn focused(s: &AppState) -> &'static str {
    form(s).form.focused().map(|f| f.id).unwrap_or("")
}

fn top(s: &AppState) -> Option<&Modal> {
    s.modals.last()
}

mod agenda_range;
mod agreement;
mod case_form;
mod conflict;
mod dialogs;
mod docs;
mod drafts;
mod drafts_after_load;
mod keys;
mod list;
mod list_pages;
mod open_case;
mod picker;
mod refresh;
mod restored;
mod rights;
mod saving;
mod startup;
mod status;
mod status_and_record_conflicts;
mod zone;
