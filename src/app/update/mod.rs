//! `update`: the one place where state changes. Pure — it returns effects as values and
//! reads no clock. Each screen's keys are handled in its own file.

mod agreement;
mod case_form;
mod conflict;
mod detail;
mod dialog;
mod docs;
mod drafts;
mod form_keys;
mod list;
mod modal;
mod range_keys;
mod refresh;
mod reschedule;
mod restore_after_load;
mod restored;
mod results;
mod roles;
mod saving;
mod schedule;
mod schedule_range;
mod session;
mod settings;
mod setup;
mod stats;
mod today;
mod users;

use super::action::{Action, Effect};
use super::command::Command;
use super::key::Key;
use super::keymap::{Context, resolve};
use super::modal::{Confirm, Modal, Pending};
use super::state::{AppState, CasesView, Saving, Tab};
use crate::i18n::t;

/// Applies one action to the state; returns the work to do outside.
pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    let from_user = matches!(action, Action::Key(_) | Action::Paste(_));
    let resized = matches!(action, Action::Resize(..));
    let rows = state.list_rows();
    let mut effects = if from_user && state.saving != Saving::No {
        saving::during_save(state, action)
    } else {
        handle(state, action)
    };
    // The page follows the rows shown: the window's, and those a two-line status leaves
    // (while the list is on screen; another tab's list is read again on coming back).
    let on_list = state.tab == Tab::Cases && matches!(state.cases, CasesView::List);
    if (resized || on_list) && state.list_rows() != rows {
        effects.retain(|e| !matches!(e, Effect::LoadCases(_) | Effect::SearchCases { .. }));
        effects.extend(list::repaged(state, rows));
    }
    // Whatever closed a form (a save, a cancel) also ends its draft.
    effects.extend(drafts::closed(state));
    mark_today(state, &effects);
    effects
}

/// What 今日 holds is read again when next shown if one of `effects` may change it (the
/// table of effects says which).
pub(crate) fn mark_today(state: &mut AppState, effects: &[Effect]) {
    if effects.iter().any(|e| e.describe().today_may_change) {
        today::outdated(state);
    }
}

fn handle(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(key) => {
            state.status = None;
            on_key(state, key)
        }
        Action::Paste(text) => paste(state, &text),
        Action::Resize(screen) => {
            state.size = screen;
            // A taller window shows more of 今日's lines.
            if state.tab == Tab::Today {
                today::wanted(state)
            } else {
                Vec::new()
            }
        }
        Action::Today(today) => {
            state.today = today;
            entered(state)
        }
        Action::RoomLoaded(room) => {
            let first = state.starting;
            let mut effects = results::room_loaded(state, *room);
            // Also before the first-start form: it may have a draft of its own.
            if first {
                effects.push(Effect::LoadDrafts);
            }
            effects
        }
        Action::CasesLoaded(page) => list::loaded(state, page),
        Action::CasesFound { generation, result } => list::found(state, generation, result),
        Action::CaseLoaded(case) => {
            let mut effects = detail::loaded(state, (*case).clone());
            effects.extend(drafts::case_arrived(state, &case));
            effects
        }
        Action::CaseSaved(case) => results::case_saved(state, *case),
        Action::SettingsSaved => Vec::new(),
        Action::StatsLoaded(stats) => stats::loaded(state, *stats),
        Action::StatsExported(path) => stats::exported(state, path),
        Action::DocumentWritten(path) => docs::written(state, path, false),
        Action::DocumentPrinted(path) => docs::written(state, path, true),
        Action::PrintedLocally => docs::printed_locally(state),
        Action::LedgerExported(path) => stats::ledger_exported(state, path),
        Action::RepeatsFound(query, cases) => detail::repeats_found(state, query, cases),
        Action::Failed(failure) => results::failed(state, failure),
        Action::TodayLoaded(data) => today::loaded(state, *data),
        Action::TodaySessionsLoaded {
            today: day,
            from,
            sessions,
        } => today::sessions_loaded(state, day, from, sessions),
        Action::TodayRestLoaded(day, data) => today::rest_loaded(state, day, *data),
        Action::TodayPerformanceLoaded(day, data) => today::performance_loaded(state, day, *data),
        Action::AgendaLoaded(sessions) => {
            schedule::agenda_loaded(state, sessions);
            Vec::new()
        }
        Action::MonthLoaded(counts) => {
            state.schedule.counts = counts;
            Vec::new()
        }
        Action::CaseSessionsLoaded(id, sessions) => {
            if let Some(d) = state.detail_of(id) {
                d.sessions = Some(sessions);
                drafts::sessions_arrived(state);
            }
            Vec::new()
        }
        Action::SessionSaved(booked) => session::saved(state, *booked),
        // Answers that only close their dialog: the dialog's own file says what follows.
        Action::SessionRecorded(_) | Action::FollowUpSaved(_) => dialog::answered(state, &action),
        Action::SessionCancelled(s) => reschedule::cancelled(state, *s),
        Action::FollowUpsLoaded(id, visits) => {
            if let Some(d) = state.detail_of(id) {
                d.follow_ups = Some(visits);
            }
            Vec::new()
        }
        Action::SessionClash(fields, verdict) => session::clashed(state, *fields, *verdict),
        Action::DataChanged => refresh::data_changed(state),
        Action::RoomRestored(restored) => restored::restored(state, *restored),
        Action::RestoreTakenIn => Vec::new(),
        Action::SaveDrafts => drafts::save(state),
        Action::DraftsLoaded(list) => drafts::loaded(state, list),
        Action::DraftStored | Action::RefusalRecorded => Vec::new(),
        Action::CaseConflict { mine, theirs } => conflict::arrived(state, *mine, *theirs),
        Action::UsersLoaded(users) => users::loaded(state, users),
        Action::HistoryLoaded(id, entries) => {
            if let Some(d) = state.detail_of(id) {
                d.history = Some(entries);
            }
            Vec::new()
        }
        Action::AgreementLoaded(id, a, open) => agreement::loaded(state, id, a.map(|a| *a), open),
        Action::AgreementSaved(a) => agreement::saved(state, *a),
        Action::AgreementConflict { mine, theirs } => {
            conflict::agreement_arrived(state, *mine, theirs.map(|a| *a))
        }
        Action::StatusConflict { mine, theirs } => conflict::status_arrived(state, *mine, *theirs),
        Action::RecordConflict { mine, theirs } => conflict::record_arrived(state, *mine, *theirs),
        Action::FirstDrawn => {
            let mut effects = crate::app::startup::first_drawn(state);
            if !effects.is_empty() {
                // Not read before the first screen (今日), so that it shows sooner.
                if state.org.is_some() && state.list.loading {
                    effects.extend(list::reload(state));
                }
                effects.extend(today::first_drawn(state));
            }
            effects
        }
        Action::SaveProgress(saving) => saving::progress(state, saving),
        Action::DailyBackupEnded(result) => {
            if let Err(cause) = result {
                crate::app::startup::backup_failed(state, &cause);
            }
            Vec::new()
        }
    }
}

/// The effects to run when the app starts.
pub fn start() -> Vec<Effect> {
    vec![Effect::LoadRoom]
}

/// The key contexts in force, most specific first, and whether letters are text.
pub fn key_contexts(state: &AppState) -> (Vec<Context>, bool) {
    contexts_with(state, state.modals.last())
}

/// The contexts of what the help screen was opened over: the top dialog that is not help
/// itself, or else the screen.
pub fn contexts_under_help(state: &AppState) -> (Vec<Context>, bool) {
    let below = state
        .modals
        .iter()
        .rev()
        .find(|m| !matches!(m, Modal::Help { .. }));
    contexts_with(state, below)
}

fn contexts_with(state: &AppState, top: Option<&Modal>) -> (Vec<Context>, bool) {
    use Context as X;
    if let Some(modal) = top {
        return match modal {
            Modal::Help { .. } | Modal::Notice { .. } => (vec![X::Help], false),
            Modal::Confirm(_) => (vec![X::Confirm], false),
            Modal::StatusMenu(_) | Modal::Mediators(_) => (vec![X::Menu], false),
            // Letters, digits and Space narrow the picker's list: they are text there.
            Modal::Picker(_) => (vec![X::Menu], true),
            Modal::Drafts(_) => (vec![X::Drafts], false),
            Modal::Conflict(_) => (vec![X::Conflict], false),
            form => match form.form_dialog() {
                Some(d) => (vec![X::Form], d.form().typing()),
                None => (Vec::new(), false),
            },
        };
    }
    if let Some(form) = &state.setup {
        return (vec![X::Form, X::Global], form.typing());
    }
    match state.tab {
        Tab::Cases => match &state.cases {
            CasesView::List if state.list.search.is_some() => (vec![X::Search, X::Global], true),
            CasesView::List => (vec![X::List, X::Global], false),
            CasesView::Detail(_) => (vec![X::Detail, X::Global], false),
            CasesView::Form(f) if f.on_parties() => {
                (vec![X::Parties, X::CaseForm, X::Form, X::Global], false)
            }
            CasesView::Form(f) => (vec![X::CaseForm, X::Form, X::Global], f.form.typing()),
            CasesView::Agreement(a) => agreement::contexts(a),
        },
        Tab::Settings => match &state.settings.form {
            Some(_) => (
                vec![X::Settings, X::Form, X::Global],
                state.settings.typing(),
            ),
            None => (vec![X::Tab, X::Global], false),
        },
        Tab::Today => {
            let view = &state.today_view;
            match view.line(view.selected) {
                Some(crate::app::schedule::TodayLine::LongOverdue) if view.long_open => {
                    (vec![X::TodayLongOpen, X::Today, X::Global], false)
                }
                Some(crate::app::schedule::TodayLine::LongOverdue) => {
                    (vec![X::TodayLongFolded, X::Today, X::Global], false)
                }
                _ => (vec![X::Today, X::Global], false),
            }
        }
        Tab::Schedule => match &state.schedule.range_form {
            Some(form) => (vec![X::Form, X::Global], form.typing()),
            None => (vec![X::Schedule, X::Global], false),
        },
        Tab::Statistics => match &state.stats.range {
            Some(form) => (vec![X::Form, X::Global], form.typing()),
            None => (vec![X::Stats, X::Global], false),
        },
        Tab::Documents => (vec![X::Docs, X::Global], false),
    }
}

fn on_key(state: &mut AppState, key: Key) -> Vec<Effect> {
    let (contexts, typing) = key_contexts(state);
    let command = resolve(&contexts, key, typing);
    if !state.modals.is_empty() {
        if command.is_none() && quit_from_dialog(state, key) {
            return Vec::new();
        }
        // A dialog's submit asks the rights table as a screen's key does.
        if let Some(effects) = roles::refused(state, &contexts, command) {
            return effects;
        }
        return modal::on_key(state, command, key);
    }
    if let Some(cmd) = command
        && let Some(effects) = global(state, cmd)
    {
        return effects;
    }
    if state.setup.is_some() {
        return setup::on_key(state, command, key);
    }
    if let Some(effects) = roles::refused(state, &contexts, command) {
        return effects;
    }
    match state.tab {
        Tab::Cases => match state.cases {
            CasesView::List => list::on_key(state, command, key),
            CasesView::Detail(_) => detail::on_key(state, command),
            CasesView::Form(_) => case_form::on_key(state, command, key),
            CasesView::Agreement(_) => agreement::on_key(state, command, key),
        },
        Tab::Settings if leaves_settings(state, command) => {
            let to = state.tab.step(command == Some(Command::NextField));
            go_to(state, to)
        }
        Tab::Settings => settings::on_key(state, command, key),
        Tab::Today => today::on_key(state, command),
        Tab::Schedule => schedule::on_key(state, command, key),
        Tab::Statistics => stats::on_key(state, command, key),
        Tab::Documents => docs::on_key(state, command),
    }
}

/// True when Tab / Shift-Tab would move past the last / first field of the settings form.
/// The form fills its tab and takes Tab for its fields, so without this no key would
/// lead out of the settings tab.
fn leaves_settings(state: &AppState, command: Option<Command>) -> bool {
    let forward = match command {
        Some(Command::NextField) => true,
        Some(Command::PrevField) => false,
        _ => return false,
    };
    state
        .settings
        .form
        .as_ref()
        .is_some_and(|form| !form.clone().move_focus(forward))
}

/// Commands that mean the same on every screen; `None` if `cmd` is not one of them here.
fn global(state: &mut AppState, cmd: Command) -> Option<Vec<Effect>> {
    match cmd {
        Command::Help => state.modals.push(Modal::Help { scroll: 0 }),
        Command::Quit => request_quit(state),
        Command::NextTab | Command::PrevTab if state.setup.is_none() => {
            let to = state.tab.step(cmd == Command::NextTab);
            return Some(go_to(state, to));
        }
        Command::GoTab(n) if state.setup.is_none() => {
            let tab = usize::from(n)
                .checked_sub(1)
                .and_then(|i| Tab::ALL.get(i).copied())?;
            if tab == state.tab {
                return Some(Vec::new());
            }
            return Some(go_to(state, tab));
        }
        _ => return None,
    }
    Some(Vec::new())
}

/// Brings `tab` to the front; leaving the settings form with unsaved changes asks first
/// (however it is left: Tab past its last field, a digit, the next-tab key).
fn go_to(state: &mut AppState, tab: Tab) -> Vec<Effect> {
    if state.tab == Tab::Settings && tab != Tab::Settings && state.settings.changed() {
        settings::ask_before_leaving(state, tab);
        return Vec::new();
    }
    state.tab = tab;
    // The settings tab always opens in browse mode (a change made elsewhere, which also
    // reads the screen again, leaves a field being typed in as it is).
    state.settings.editing = false;
    entered(state)
}

/// What to read when a tab comes to the front (the today and schedule tabs show what
/// storage holds now, not what it held when they were last open).
fn entered(state: &mut AppState) -> Vec<Effect> {
    match state.tab {
        // The list or the case is read again as when another window saves: while the user
        // was on another tab, a referral may have been registered (one cheap read).
        Tab::Cases => refresh::cases_in_front(state),
        Tab::Today => today::entered(state),
        Tab::Schedule => schedule::load(state),
        Tab::Statistics => stats::entered(state),
        Tab::Settings if crate::domain::user::may_manage_users(&state.user) => {
            vec![Effect::LoadUsers]
        }
        _ => Vec::new(),
    }
}

/// F10 and Ctrl-C leave from inside any dialog too (asking first if text would be lost,
/// and only once); `typing` keeps letters such as q the dialog's own.
fn quit_from_dialog(state: &mut AppState, key: Key) -> bool {
    if resolve(&[Context::Global], key, true) != Some(Command::Quit) {
        return false;
    }
    let asking =
        matches!(state.modals.last(), Some(Modal::Confirm(c)) if c.on_yes == Pending::Quit);
    if !asking {
        request_quit(state);
    }
    true
}

/// Quits at once, or asks first when something typed would be lost.
fn request_quit(state: &mut AppState) {
    if state.unsaved() {
        state.modals.push(Modal::Confirm(Confirm {
            question: t("confirm.quit_unsaved").into_owned(),
            yes: "button.quit_anyway",
            no: "button.keep_editing",
            on_yes: Pending::Quit,
            yes_selected: false,
        }));
    } else {
        state.quit = true;
    }
}

/// Pasted text goes where typed text would: the focused text field or the search box.
fn paste(state: &mut AppState, text: &str) -> Vec<Effect> {
    let searching = state.list.search.is_some() && matches!(state.cases, CasesView::List);
    if state.modals.is_empty() && state.setup.is_none() && state.tab == Tab::Cases && searching {
        return list::paste_search(state, text);
    }
    if let Some(effects) = dialog::paste(state, text) {
        return effects;
    }
    let form = match state.modals.last_mut() {
        Some(_) => None,
        None if state.setup.is_some() => state.setup.as_mut(),
        None => match (&mut state.cases, state.tab) {
            (CasesView::Form(f), Tab::Cases) => Some(&mut f.form),
            (CasesView::Agreement(a), Tab::Cases) => Some(agreement::focused_form(a)),
            // Browse mode: nothing lands in a field the user has not chosen to edit.
            (_, Tab::Settings) if state.settings.editing => state.settings.form.as_mut(),
            _ => None,
        },
    };
    if let Some(form) = form {
        form.paste(text);
    }
    Vec::new()
}

#[cfg(test)]
mod tests;
