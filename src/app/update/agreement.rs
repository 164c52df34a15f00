//! The agreement editor: opening it from the case (drafted from the case when none is
//! stored), the main form with its clause and item lists (add, edit, delete, move), the
//! pages for one clause and one item, the preview, saving, and a conflict that keeps
//! everything typed.

use super::case_form::picker_for;
use super::form_keys::{Outcome, clamp_list, form_key};
use crate::app::action::Effect;
use crate::app::agreement_form::{AgreementEditor, EditorPage, clause_form, item_form, to_item};
use crate::app::command::Command;
use crate::app::form::{FieldKind, Form};
use crate::app::key::Key;
use crate::app::keymap::Context;
use crate::app::modal::{Confirm, Modal, Pending, PickerTarget};
use crate::app::state::{AppState, CaseDetail, CasesView, StatusLine};
use crate::domain::agreement::{
    Agreement, PerformanceItem, delete_at, insert_at, move_down, move_up,
};
use crate::domain::case::CaseId;
use crate::i18n::t;

/// The key contexts of the editor's page, and whether letters are text.
pub fn contexts(editor: &AgreementEditor) -> (Vec<Context>, bool) {
    use Context as X;
    match &editor.page {
        EditorPage::Main if on_list(&editor.form) => (
            vec![X::AgreementList, X::Agreement, X::Form, X::Global],
            false,
        ),
        EditorPage::Main => (vec![X::Agreement, X::Form, X::Global], editor.form.typing()),
        EditorPage::Clause { form, .. } | EditorPage::Item { form, .. } => {
            (vec![X::Form, X::Global], form.typing())
        }
        EditorPage::Preview { .. } => (vec![X::Preview, X::Global], false),
    }
}

/// The form that typed or pasted text goes to.
pub fn focused_form(editor: &mut AgreementEditor) -> &mut Form {
    match &mut editor.page {
        EditorPage::Clause { form, .. } | EditorPage::Item { form, .. } => form,
        _ => &mut editor.form,
    }
}

fn on_list(form: &Form) -> bool {
    form.focused().is_some_and(|f| f.kind == FieldKind::List)
}

/// The agreement of the case on screen arrived: kept for the 文书 tab, and when asked
/// for with the key, the editor opens on it (or on a draft from the case).
pub fn loaded(
    state: &mut AppState,
    id: CaseId,
    agreement: Option<Agreement>,
    open: bool,
) -> Vec<Effect> {
    let CasesView::Detail(detail) = &state.cases else {
        return Vec::new();
    };
    if detail.case.id != id {
        return Vec::new();
    }
    if !open {
        if let Some(d) = state.detail_of(id) {
            d.agreement = agreement;
        }
        return Vec::new();
    }
    let case = detail.case.clone();
    let agreement = agreement.unwrap_or_else(|| {
        let names: Vec<String> = case
            .mediators
            .iter()
            .map(|m| state.mediator_name(*m).to_string())
            .collect();
        Agreement::draft(&case, &names)
    });
    state.cases = CasesView::Agreement(Box::new(AgreementEditor::new(case, agreement)));
    super::restore_after_load::agreement_opened(state);
    Vec::new()
}

/// Keys in the editor.
pub fn on_key(state: &mut AppState, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    let today = state.today;
    let CasesView::Agreement(editor) = &mut state.cases else {
        return Vec::new();
    };
    // Enter on a choice opens its list, as in every other form (the picker writes back
    // through `focused_form`).
    let on_page = !matches!(editor.page, EditorPage::Preview { .. });
    if on_page && cmd == Some(Command::Open) {
        let form = focused_form(editor);
        if let Some(picker) = picker_for(form, PickerTarget::Agreement) {
            state.modals.push(Modal::Picker(picker));
            return Vec::new();
        }
    }
    let mut status = None;
    let mut ask = None;
    let effects = match &editor.page {
        EditorPage::Main => main_key(editor, cmd, key, today, &mut status, &mut ask),
        EditorPage::Clause { .. } | EditorPage::Item { .. } => {
            sub_key(editor, cmd, key, today, &mut status, &mut ask);
            Vec::new()
        }
        EditorPage::Preview { .. } => {
            preview_key(editor, cmd);
            Vec::new()
        }
    };
    let close = effects.iter().any(|e| matches!(e, Effect::LoadCase(_)));
    // Back on the detail, which reads the case again and what comes with it (the
    // `LoadCase` among the effects): nothing read before the editor opened is shown.
    if close {
        let case = editor.case.clone();
        state.cases = CasesView::Detail(Box::new(CaseDetail::new(case)));
    }
    if let Some((key, error)) = status {
        state.status = Some(StatusLine {
            text: t(key).into_owned(),
            error,
        });
    }
    if let Some(on_yes) = ask {
        state.modals.push(Modal::Confirm(discard_question(on_yes)));
    }
    effects
}

/// The case form's question before typed text is thrown away; "keep editing" is the
/// default, so Enter alone loses nothing.
fn discard_question(on_yes: Pending) -> Confirm {
    let question = match on_yes {
        Pending::DiscardAgreementRow => "confirm.discard_agreement_row",
        _ => "confirm.discard_agreement",
    };
    Confirm {
        question: t(question).into_owned(),
        yes: "button.discard",
        no: "button.keep_editing",
        on_yes,
        yes_selected: false,
    }
}

/// The user chose to throw the editor's changes away: back to the case, read again.
pub fn discard(state: &mut AppState) -> Vec<Effect> {
    let CasesView::Agreement(editor) = &state.cases else {
        return Vec::new();
    };
    let case = editor.case.clone();
    let id = case.id;
    // The detail reads the case again and what comes with it (see `on_key`).
    state.cases = CasesView::Detail(Box::new(CaseDetail::new(case)));
    vec![Effect::LoadCase(id)]
}

/// The user chose to drop the clause or item being typed: back to the main form.
pub fn discard_row(state: &mut AppState) {
    if let CasesView::Agreement(editor) = &mut state.cases {
        editor.page = EditorPage::Main;
    }
}

type Ask = Option<Pending>;

type Status = Option<(&'static str, bool)>;

fn main_key(
    editor: &mut AgreementEditor,
    cmd: Option<Command>,
    key: Key,
    today: chrono::NaiveDate,
    status: &mut Status,
    ask: &mut Ask,
) -> Vec<Effect> {
    let list = editor
        .form
        .focused()
        .map(|f| f.id)
        .filter(|_| on_list(&editor.form));
    match (cmd, list) {
        (Some(Command::Preview), _) => {
            editor.page = EditorPage::Preview { scroll: 0 };
            return Vec::new();
        }
        (Some(Command::MoveUp | Command::MoveDown), Some(id)) => {
            move_row(editor, id, cmd == Some(Command::MoveUp));
            return Vec::new();
        }
        _ => {}
    }
    let outcome = form_key(&mut editor.form, cmd, key);
    clamp_list(&mut editor.form, "clauses", editor.clauses.len());
    clamp_list(&mut editor.form, "items", editor.items.len());
    match (outcome, list) {
        (Outcome::Save, _) => match editor.to_agreement(today) {
            Some(a) => return vec![Effect::SaveAgreement(Box::new(a))],
            None => *status = Some(("msg.fix_marked", true)),
        },
        (Outcome::Cancel, _) if editor.changed() => *ask = Some(Pending::DiscardAgreement),
        (Outcome::Cancel, _) => return vec![Effect::LoadCase(editor.case.id)],
        (Outcome::Add, Some(id)) => open_row(editor, id, None),
        (Outcome::OpenRow, Some(id)) => {
            let row = editor.selected(id);
            open_row(editor, id, row.or(Some(usize::MAX)));
        }
        (Outcome::Remove, Some(id)) => {
            if let Some(i) = editor.selected(id) {
                let next = if id == "clauses" {
                    delete_at(&mut editor.clauses, i)
                } else {
                    delete_at(&mut editor.items, i)
                };
                set_row(&mut editor.form, id, next.unwrap_or(0));
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Opens the page for row `index` of list `id` (None: a new row; past the end: a new one too).
fn open_row(editor: &mut AgreementEditor, id: &str, index: Option<usize>) {
    let index = index.filter(|i| {
        *i < if id == "clauses" {
            editor.clauses.len()
        } else {
            editor.items.len()
        }
    });
    editor.page = if id == "clauses" {
        let text = index
            .and_then(|i| editor.clauses.get(i))
            .cloned()
            .unwrap_or_default();
        EditorPage::Clause {
            index,
            form: clause_form(&text),
        }
    } else {
        let item = index
            .and_then(|i| editor.items.get(i))
            .cloned()
            .unwrap_or_default();
        EditorPage::Item {
            index,
            form: item_form(&item, &editor.parties()),
        }
    };
}

/// Opens the page for row `index` of list `id` filled with `fields` (a restored draft).
pub(super) fn open_page(
    editor: &mut AgreementEditor,
    id: &str,
    index: Option<usize>,
    fields: &std::collections::BTreeMap<String, String>,
) {
    open_row(editor, id, index);
    if let EditorPage::Clause { form, .. } | EditorPage::Item { form, .. } = &mut editor.page {
        crate::app::drafts::fill(form, fields, "");
    }
}

fn move_row(editor: &mut AgreementEditor, id: &str, up: bool) {
    let Some(i) = editor.selected(id) else {
        return;
    };
    let to = match (id == "clauses", up) {
        (true, true) => move_up(&mut editor.clauses, i),
        (true, false) => move_down(&mut editor.clauses, i),
        (false, true) => move_up(&mut editor.items, i),
        (false, false) => move_down(&mut editor.items, i),
    };
    set_row(&mut editor.form, id, to);
}

fn set_row(form: &mut Form, id: &str, row: usize) {
    if let Some(f) = form.field_mut(id) {
        f.selected = row;
    }
    form.focus_on(id);
}

/// Keys on the page of one clause or one item: F2 keeps it in the list (the agreement is
/// saved with F2 on the main form), Esc goes back (asking first if something was typed).
fn sub_key(
    editor: &mut AgreementEditor,
    cmd: Option<Command>,
    key: Key,
    today: chrono::NaiveDate,
    status: &mut Status,
    ask: &mut Ask,
) {
    let form = match &mut editor.page {
        EditorPage::Clause { form, .. } | EditorPage::Item { form, .. } => form,
        _ => return,
    };
    let outcome = form_key(form, cmd, key);
    match outcome {
        Outcome::Save => keep_row(editor, today, status),
        Outcome::Cancel if form.changed() => *ask = Some(Pending::DiscardAgreementRow),
        Outcome::Cancel => editor.page = EditorPage::Main,
        _ => {}
    }
}

/// Puts the clause or item of the page into its list and goes back to the main form.
fn keep_row(editor: &mut AgreementEditor, today: chrono::NaiveDate, status: &mut Status) {
    let page = std::mem::replace(&mut editor.page, EditorPage::Main);
    let (id, row) = match page {
        EditorPage::Clause { index, form, .. } => {
            let text = form.value("clause").trim().to_string();
            if text.is_empty() {
                // An empty clause is not kept: going back is enough.
                return;
            }
            (
                "clauses",
                place(
                    &mut editor.clauses,
                    index,
                    text,
                    editor.form.field("clauses").map(|f| f.selected),
                ),
            )
        }
        EditorPage::Item { index, mut form } => {
            let Some(item) = to_item(&mut form, today, &editor.parties()) else {
                editor.page = EditorPage::Item { index, form };
                *status = Some(("msg.fix_marked", true));
                return;
            };
            (
                "items",
                place_item(
                    &mut editor.items,
                    index,
                    item,
                    editor.form.field("items").map(|f| f.selected),
                ),
            )
        }
        other => {
            editor.page = other;
            return;
        }
    };
    set_row(&mut editor.form, id, row);
}

fn place(
    list: &mut Vec<String>,
    index: Option<usize>,
    text: String,
    selected: Option<usize>,
) -> usize {
    match index.filter(|i| *i < list.len()) {
        Some(i) => {
            list[i] = text;
            i
        }
        None => insert_at(list, selected.filter(|_| !list.is_empty()), text),
    }
}

fn place_item(
    list: &mut Vec<PerformanceItem>,
    index: Option<usize>,
    item: PerformanceItem,
    selected: Option<usize>,
) -> usize {
    match index.filter(|i| *i < list.len()) {
        Some(i) => {
            list[i] = item;
            i
        }
        None => insert_at(list, selected.filter(|_| !list.is_empty()), item),
    }
}

fn preview_key(editor: &mut AgreementEditor, cmd: Option<Command>) {
    let EditorPage::Preview { scroll } = &mut editor.page else {
        return;
    };
    match cmd {
        Some(Command::Down) => *scroll = scroll.saturating_add(1),
        Some(Command::Up) => *scroll = scroll.saturating_sub(1),
        Some(Command::PageDown) => *scroll = scroll.saturating_add(10),
        Some(Command::PageUp) => *scroll = scroll.saturating_sub(10),
        Some(Command::Back) => editor.page = EditorPage::Main,
        _ => {}
    }
}

/// The agreement was saved: the editor shows it as stored (new version) and stays open.
pub fn saved(state: &mut AppState, agreement: Agreement) -> Vec<Effect> {
    let CasesView::Agreement(editor) = &mut state.cases else {
        return Vec::new();
    };
    if editor.case.id != agreement.case_id {
        return Vec::new();
    }
    let focus = editor.form.focus;
    let mut fresh = AgreementEditor::new(editor.case.clone(), agreement);
    fresh.form.focus = focus.min(fresh.form.fields.len().saturating_sub(1));
    **editor = fresh;
    state.status = Some(StatusLine {
        text: t("msg.agreement_saved").into_owned(),
        error: false,
    });
    Vec::new()
}
