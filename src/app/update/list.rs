//! The case list: moving through pages, sorting, filtering by status, searching, and
//! opening a case. Only the visible page is ever asked of storage.

use crate::app::action::Effect;
use crate::app::case_form::CaseForm;
use crate::app::command::Command;
use crate::app::key::Key;
use crate::app::state::{AppState, CasesView};
use crate::domain::case::{CasePage, CaseSort, PageFrom};
use crate::domain::status::CaseStatus;
use tui_input::{Input, InputRequest};

/// Keys on the list (or in its search box).
pub fn on_key(state: &mut AppState, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    if state.list.search.is_some() {
        return search_key(state, cmd, key);
    }
    let rows = state.list.page.rows.len();
    let list = &mut state.list;
    let limit = list.query.limit.max(1);
    let total = list.page.total;
    match cmd {
        Some(Command::Down) if list.selected + 1 < rows => list.selected += 1,
        Some(Command::Up) if list.selected > 0 => list.selected -= 1,
        // A page is read from the row next to it (storage's keyset paging): reading it by
        // counting rows cost every row before it, 40–96 ms half way through a million.
        Some(Command::Down | Command::PageDown) if list.query.offset + limit < total => {
            list.query.offset += limit;
            list.query.from = list
                .page
                .last
                .clone()
                .map_or(PageFrom::Offset, |k| PageFrom::After(Box::new(k)));
            list.selected = if cmd == Some(Command::Down) {
                0
            } else {
                list.selected
            };
            return reload(state);
        }
        Some(Command::Up | Command::PageUp) if list.query.offset > 0 => {
            list.query.offset = list.query.offset.saturating_sub(limit);
            // The first page is the first rows, read from the start (cheap): so any drift
            // from cases added or removed before the page ends there.
            list.query.from = match &list.page.first {
                Some(first) if list.query.offset > 0 => PageFrom::Before(Box::new(first.clone())),
                _ => PageFrom::Offset,
            };
            list.selected = if cmd == Some(Command::Up) {
                limit as usize - 1
            } else {
                list.selected
            };
            return reload(state);
        }
        Some(Command::Home) => {
            list.query.offset = 0;
            list.query.from = PageFrom::Offset;
            list.selected = 0;
            return reload(state);
        }
        Some(Command::End) => {
            list.query.offset = total.saturating_sub(1) / limit * limit;
            list.query.from = PageFrom::End;
            list.selected = usize::MAX;
            return reload(state);
        }
        Some(Command::Open | Command::Edit) if list.shown_generation != list.generation => {
            list.open_when_found = Some(cmd == Some(Command::Edit));
        }
        Some(Command::Open | Command::Edit) => {
            if let Some(row) = list.page.rows.get(list.selected) {
                list.edit_on_load = cmd == Some(Command::Edit);
                let id = row.id;
                state.back_to = None;
                return vec![Effect::LoadCase(id)];
            }
        }
        Some(Command::New) => {
            state.cases = CasesView::Form(Box::new(CaseForm::blank(state.today, &state.locals)));
        }
        Some(Command::Search) => list.search = Some(Input::new(list.query.text.clone())),
        Some(Command::FilterStatus) => {
            list.query.status = next_status_filter(list.query.status);
            return first_page(state);
        }
        Some(Command::Sort) => {
            (list.query.sort, list.query.descending) =
                next_sort(list.query.sort, list.query.descending);
            return first_page(state);
        }
        Some(Command::Back) if list.query.status.is_some() || !list.query.text.is_empty() => {
            list.query.status = None;
            list.query.text.clear();
            return first_page(state);
        }
        _ => {}
    }
    Vec::new()
}

fn search_key(state: &mut AppState, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    let Some(input) = state.list.search.as_mut() else {
        return Vec::new();
    };
    match cmd {
        Some(Command::Open) => {
            state.list.search = None;
            return Vec::new();
        }
        Some(Command::Back) => {
            state.list.search = None;
            state.list.query.text.clear();
            return first_page(state);
        }
        Some(_) => return Vec::new(),
        None => {}
    }
    // The same editing keys as every form field (Ctrl-U, Ctrl-W, Ctrl-A …).
    let Some(request) = crate::app::text_keys::line_request(key) else {
        return Vec::new();
    };
    input.handle(request);
    searched(state)
}

/// Pasted text goes into the open search box (line breaks as spaces: a phone number
/// copied from a message often ends with one).
pub fn paste_search(state: &mut AppState, text: &str) -> Vec<Effect> {
    let Some(input) = state.list.search.as_mut() else {
        return Vec::new();
    };
    for c in text.chars().filter(|c| *c != '\r') {
        let c = if c == '\n' { ' ' } else { c };
        if !c.is_control() {
            input.handle(InputRequest::InsertChar(c));
        }
    }
    searched(state)
}

/// The search text changed (or not): read the first page for it.
fn searched(state: &mut AppState) -> Vec<Effect> {
    let Some(input) = &state.list.search else {
        return Vec::new();
    };
    let text = input.value().to_string();
    if text == state.list.query.text {
        return Vec::new();
    }
    state.list.query.text = text;
    first_page(state)
}

/// The status filter cycles: all → each status in order → all.
fn next_status_filter(current: Option<CaseStatus>) -> Option<CaseStatus> {
    match current {
        None => CaseStatus::ALL.first().copied(),
        Some(s) => CaseStatus::ALL
            .iter()
            .skip_while(|x| **x != s)
            .nth(1)
            .copied(),
    }
}

/// The sort cycles through each column, newest/largest first then the reverse.
fn next_sort(sort: CaseSort, descending: bool) -> (CaseSort, bool) {
    if descending {
        (sort, false)
    } else {
        (sort.next(), true)
    }
}

fn first_page(state: &mut AppState) -> Vec<Effect> {
    state.list.query.offset = 0;
    state.list.query.from = PageFrom::Offset;
    state.list.selected = 0;
    reload(state)
}

/// Asks for the current page again (after a change elsewhere, or of the query).
pub fn reload(state: &mut AppState) -> Vec<Effect> {
    if state.org.is_none() {
        return Vec::new();
    }
    let rows = state.list_rows();
    let list = &mut state.list;
    list.query.limit = rows;
    // Every page asked for makes any search still running stale, searched-for or not.
    list.generation += 1;
    if list.query.text.trim().is_empty() {
        vec![Effect::LoadCases(list.query.clone())]
    } else {
        vec![Effect::SearchCases {
            generation: list.generation,
            query: list.query.clone(),
        }]
    }
}

/// A search's page arrived: shown if it answers the latest query, else dropped.
pub fn found(
    state: &mut AppState,
    generation: u64,
    result: Result<CasePage, crate::app::action::Failure>,
) -> Vec<Effect> {
    if generation != state.list.generation {
        return Vec::new();
    }
    let open = state.list.open_when_found.take();
    match result {
        Ok(page) => {
            let mut effects = loaded(state, page);
            let list = &mut state.list;
            if let (Some(edit), true) = (open, effects.is_empty()) {
                if let Some(row) = list.page.rows.get(list.selected) {
                    list.edit_on_load = edit;
                    effects.push(Effect::LoadCase(row.id));
                }
            } else if !effects.is_empty() {
                // Another page is being read: open from that one.
                list.open_when_found = open;
            }
            effects
        }
        Err(failure) => super::results::failed(state, failure),
    }
}

/// A page arrived: keep the selection on a real row.
pub fn loaded(state: &mut AppState, page: CasePage) -> Vec<Effect> {
    let list = &mut state.list;
    list.loading = false;
    list.page = page;
    list.shown_generation = list.generation;
    list.selected = list.selected.min(list.page.rows.len().saturating_sub(1));
    let limit = list.query.limit.max(1);
    let last_page = list.page.total.saturating_sub(1) / limit * limit;
    match list.query.from {
        // The last page's place follows the count it came with (cases added or removed).
        PageFrom::End => list.query.offset = last_page,
        // Fewer rows before this page than a page (cases removed before it): the first
        // page, rather than a short page shown as a middle one.
        PageFrom::Before(_) if (list.page.rows.len() as u64) < limit => {
            list.query.offset = 0;
            list.query.from = PageFrom::Offset;
            return reload(state);
        }
        _ => {}
    }
    // A page past the end (cases were removed or filtered away): go back to the last one.
    if list.page.rows.is_empty() && list.query.offset > 0 {
        list.query.offset = last_page;
        list.query.from = PageFrom::End;
        return reload(state);
    }
    Vec::new()
}

/// The rows a page holds changed from `before` (the window was resized, or a status
/// message took a second row or gave it back): the page holds as many rows as are shown,
/// and the selected case stays selected.
pub fn repaged(state: &mut AppState, before: u64) -> Vec<Effect> {
    let after = state.list_rows();
    if before == after || state.org.is_none() {
        return Vec::new();
    }
    let list = &mut state.list;
    let absolute = list.query.offset + list.selected as u64;
    list.query.offset = absolute / after * after;
    // Pages of another size: counted from the start (the one read that counts rows; a
    // resize, not a key).
    list.query.from = PageFrom::Offset;
    list.selected = (absolute % after) as usize;
    reload(state)
}
