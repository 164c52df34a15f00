//! The conflict dialog: a case, an agreement, a status change or a session record saved
//! by someone else since it was opened. The user keeps theirs over the other (saved
//! against the version now stored), takes the other (their form closes, the stored
//! version is shown), or goes back to the form, unsaved. Nothing is overwritten unasked.
//! A case form merges first: what only one side changed is kept without asking, and the
//! dialog asks only about what both changed.

use crate::app::action::Effect;
use crate::app::agreement_form::AgreementEditor;
use crate::app::command::Command;
use crate::app::conflict::{ConflictChoice, ConflictView, StatusAsk, Subject};
use crate::app::dialogs::record::RecordForm;
use crate::app::modal::{Modal, ReasonForm};
use crate::app::state::{AppState, CasesView, StatusLine};
use crate::app::version_diffs::{agreement_rows, record_rows, status_rows};
use crate::domain::agreement::Agreement;
use crate::domain::case::{Case, CaseFields};
use crate::domain::case_merge::{Prefer, merge};
use crate::domain::session::{Session, SessionRecord};
use crate::i18n::t;

/// Saving was refused, if the form that tried is still open: merged against the version
/// the form was opened from and saved at once when nothing clashes; else the fields both
/// sides changed are shown (without that version, every field that differs).
pub fn arrived(state: &mut AppState, mine: CaseFields, theirs: Case) -> Vec<Effect> {
    let CasesView::Form(cf) = &state.cases else {
        return Vec::new();
    };
    let Some((_, opened)) = cf.editing.filter(|(id, _)| *id == theirs.id) else {
        return Vec::new();
    };
    let Some(base) = cf.base_for(opened) else {
        let view = ConflictView::new(mine, theirs, &state.locals);
        state.modals.push(Modal::Conflict(Box::new(view)));
        return Vec::new();
    };
    let with_mine = merge(base, &mine, &theirs.fields, Prefer::Mine);
    if with_mine.clashes.is_empty() {
        return save_merged(state, &theirs, with_mine.fields);
    }
    let with_theirs = merge(base, &mine, &theirs.fields, Prefer::Theirs).fields;
    let view = ConflictView::clashes(
        with_mine.fields,
        with_theirs,
        theirs,
        &with_mine.clashes,
        &state.locals,
        state.today,
    );
    state.modals.push(Modal::Conflict(Box::new(view)));
    Vec::new()
}

/// Saves a merge over the version now stored; the form shows the merge and edits from
/// that version, so a save that fails leaves nothing of theirs to undo.
fn save_merged(state: &mut AppState, theirs: &Case, fields: CaseFields) -> Vec<Effect> {
    if let CasesView::Form(cf) = &mut state.cases {
        cf.rebase(theirs, &fields, &state.locals);
        cf.merged = true;
    }
    vec![Effect::UpdateCase {
        id: theirs.id,
        version: theirs.version,
        fields: Box::new(fields),
    }]
}

/// Saving the agreement was refused: both versions, if its editor is still open.
pub fn agreement_arrived(
    state: &mut AppState,
    mine: Agreement,
    theirs: Option<Agreement>,
) -> Vec<Effect> {
    let CasesView::Agreement(editor) = &state.cases else {
        return Vec::new();
    };
    if editor.case.id != mine.case_id {
        return Vec::new();
    }
    let rows = agreement_rows(&editor.case, &mine, theirs.as_ref());
    let subject = Subject::Agreement {
        mine: Box::new(mine),
        theirs: theirs.map(Box::new),
    };
    state
        .modals
        .push(Modal::Conflict(Box::new(ConflictView::of(subject, rows))));
    Vec::new()
}

/// A status change was refused: the change asked beside the case's status now.
pub fn status_arrived(state: &mut AppState, mine: StatusAsk, theirs: Case) -> Vec<Effect> {
    let rows = status_rows(&mine, &theirs);
    let subject = Subject::Status {
        mine: Box::new(mine),
        theirs: Box::new(theirs),
    };
    state
        .modals
        .push(Modal::Conflict(Box::new(ConflictView::of(subject, rows))));
    Vec::new()
}

/// Saving a record was refused: both records, if the record form is still open.
pub fn record_arrived(state: &mut AppState, mine: SessionRecord, theirs: Session) -> Vec<Effect> {
    if !state.modals.last().is_some_and(Modal::is::<RecordForm>) {
        return Vec::new();
    }
    let rows = record_rows(&mine, &theirs);
    let subject = Subject::Record {
        mine: Box::new(mine),
        theirs: Box::new(theirs),
    };
    state
        .modals
        .push(Modal::Conflict(Box::new(ConflictView::of(subject, rows))));
    Vec::new()
}

/// Keys in the dialog: ←/→ choose, Enter does it, Esc goes back to the form.
pub fn on_key(state: &mut AppState, cmd: Option<Command>) -> Vec<Effect> {
    let Some(Modal::Conflict(view)) = state.modals.last_mut() else {
        return Vec::new();
    };
    let choice = match cmd {
        Some(Command::Left) => {
            view.step(false);
            return Vec::new();
        }
        Some(Command::Right) => {
            view.step(true);
            return Vec::new();
        }
        Some(Command::Down) => {
            view.scroll = view.scroll.saturating_add(1);
            return Vec::new();
        }
        Some(Command::Up) => {
            view.scroll = view.scroll.saturating_sub(1);
            return Vec::new();
        }
        Some(Command::Open) => view.choice,
        Some(Command::Back) => ConflictChoice::Back,
        _ => return Vec::new(),
    };
    let Some(Modal::Conflict(view)) = state.modals.pop() else {
        return Vec::new();
    };
    let effects = match (choice, view.subject) {
        (ConflictChoice::Back, subject) => {
            back(state, subject);
            Vec::new()
        }
        (ConflictChoice::Mine, subject) => keep_mine(state, subject),
        (ConflictChoice::Theirs, subject) => take_theirs(state, subject),
    };
    let said = match choice {
        ConflictChoice::Mine => None,
        // A merge with my other changes is being saved: its result says so.
        ConflictChoice::Theirs
            if effects
                .iter()
                .any(|e| matches!(e, Effect::UpdateCase { .. })) =>
        {
            None
        }
        ConflictChoice::Theirs => Some("msg.conflict_took_theirs"),
        ConflictChoice::Back => Some("msg.conflict_back"),
    };
    if let Some(key) = said {
        state.status = Some(StatusLine {
            text: t(key).into_owned(),
            error: false,
        });
    }
    effects
}

/// Saves mine against the version just shown: if a third save came in between, the user
/// is asked again.
fn keep_mine(state: &mut AppState, subject: Subject) -> Vec<Effect> {
    match subject {
        Subject::Case {
            mine,
            theirs,
            merged: Some(_),
        } => save_merged(state, &theirs, *mine),
        Subject::Case { mine, theirs, .. } => {
            if let CasesView::Form(cf) = &mut state.cases {
                cf.editing = Some((theirs.id, theirs.version));
            }
            vec![Effect::UpdateCase {
                id: theirs.id,
                version: theirs.version,
                fields: mine,
            }]
        }
        Subject::Agreement { mut mine, theirs } => {
            let found = theirs.map_or(0, |a| a.version);
            if let CasesView::Agreement(editor) = &mut state.cases {
                editor.overwrite = Some(found);
            }
            mine.version = found;
            vec![Effect::SaveAgreement(mine)]
        }
        Subject::Status { mine, theirs } => vec![Effect::ChangeStatus {
            id: theirs.id,
            version: theirs.version,
            to: mine.to,
            reason: mine.reason,
            mediators: mine.mediators,
        }],
        Subject::Record { mine, theirs } => vec![Effect::RecordSession {
            id: theirs.id,
            version: theirs.version,
            record: mine,
        }],
    }
}

/// Drops mine: the form closes and the stored version is shown.
fn take_theirs(state: &mut AppState, subject: Subject) -> Vec<Effect> {
    match subject {
        // What both changed is theirs; what only I changed is still saved.
        Subject::Case {
            theirs,
            merged: Some(with_theirs),
            ..
        } if *with_theirs != theirs.fields => save_merged(state, &theirs, *with_theirs),
        // Their save is news to this user: the detail reads its history and the rest.
        Subject::Case { theirs, .. } | Subject::Status { theirs, .. } => {
            super::detail::show(state, *theirs)
        }
        Subject::Agreement { mine, theirs } => {
            if let CasesView::Agreement(editor) = &mut state.cases {
                let case = editor.case.clone();
                let stored = match theirs {
                    Some(a) => *a,
                    None => Agreement::draft(&case, &mine.mediators),
                };
                **editor = AgreementEditor::new(case, stored);
            }
            Vec::new()
        }
        Subject::Record { theirs, .. } => {
            state.modals.retain(|m| !m.is::<RecordForm>());
            vec![Effect::LoadCaseSessions(theirs.fields.case_id)]
        }
    }
}

/// Back to the form, nothing saved. A status reason (its form closed on F2) reopens as
/// typed, still at the version it was asked at, so the next F2 asks again.
fn back(state: &mut AppState, subject: Subject) {
    let Subject::Status { mine, theirs } = subject else {
        return;
    };
    if mine.reason.trim().is_empty() {
        return;
    }
    let shown = match &state.cases {
        CasesView::Detail(d) if d.case.id == theirs.id => d.case.version,
        _ => return,
    };
    let mut form = ReasonForm::new(theirs.id, shown, mine.to);
    form.form.set_text("reason", &mine.reason);
    state.modals.push(Modal::form(form));
}
