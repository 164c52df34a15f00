//! Keys inside any form: moving between fields, editing text, changing choices and check
//! boxes. What the form itself cannot decide (save, cancel, lists) comes back as an outcome.

use crate::app::command::Command;
use crate::app::form::{FieldKind, Form};
use crate::app::key::{Key, KeyCode};

/// What a key meant to a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The form handled it.
    Handled,
    /// Save (F2 / Ctrl-S).
    Save,
    /// Cancel (Esc).
    Cancel,
    /// Enter on a choice field: open its list.
    Pick,
    /// Enter on a list field.
    OpenRow,
    /// Add to a list (F7).
    Add,
    /// Remove from a list (F8).
    Remove,
    /// Not for the form.
    Ignored,
}

/// Applies a key (resolved to `cmd` where the key table knows it) to `form`.
pub fn form_key(form: &mut Form, cmd: Option<Command>, key: Key) -> Outcome {
    let kind = form.focused().map(|f| f.kind.clone());
    match cmd {
        Some(Command::Save) => Outcome::Save,
        Some(Command::Back) => Outcome::Cancel,
        Some(Command::Add) => Outcome::Add,
        Some(Command::Remove) => Outcome::Remove,
        Some(Command::NextField) => {
            form.move_focus(true);
            Outcome::Handled
        }
        Some(Command::PrevField) => {
            form.move_focus(false);
            Outcome::Handled
        }
        Some(Command::Up | Command::Down) => {
            let down = cmd == Some(Command::Down);
            if kind == Some(FieldKind::List) {
                return list_row(form, down);
            }
            if !(kind == Some(FieldKind::Multiline) && form.edit(key)) {
                form.move_focus(down);
            }
            Outcome::Handled
        }
        Some(Command::Open) => match kind {
            Some(FieldKind::Multiline) => {
                form.edit(key);
                Outcome::Handled
            }
            Some(FieldKind::Choice(_)) => Outcome::Pick,
            Some(FieldKind::Check) => {
                form.toggle();
                Outcome::Handled
            }
            Some(FieldKind::List) => Outcome::OpenRow,
            _ => {
                form.move_focus(true);
                Outcome::Handled
            }
        },
        Some(_) => Outcome::Ignored,
        None if form.edit(key) => Outcome::Handled,
        None => match (key.code, kind) {
            (KeyCode::Left | KeyCode::Right, Some(FieldKind::Choice(_))) => {
                form.cycle(key.code == KeyCode::Right);
                Outcome::Handled
            }
            (KeyCode::Char(' '), Some(FieldKind::Check)) => {
                form.toggle();
                Outcome::Handled
            }
            _ => Outcome::Ignored,
        },
    }
}

/// Moves the row of a list field; past its first row the focus goes to the field above.
/// The row count is not known here, so the caller clamps `selected` afterwards.
fn list_row(form: &mut Form, down: bool) -> Outcome {
    let Some(field) = form.fields.get_mut(form.focus) else {
        return Outcome::Ignored;
    };
    match (down, field.selected) {
        (false, 0) => {
            form.move_focus(false);
        }
        (false, i) => field.selected = i - 1,
        (true, i) => field.selected = i + 1,
    }
    Outcome::Handled
}

/// Clamps a list field's row to `rows` and, past the last row, moves to the next field.
pub fn clamp_list(form: &mut Form, id: &str, rows: usize) {
    let at_list = form.focused().is_some_and(|f| f.id == id);
    let Some(field) = form.field_mut(id) else {
        return;
    };
    if field.selected >= rows.max(1) {
        field.selected = rows.saturating_sub(1);
        if at_list {
            form.move_focus(true);
        }
    }
}
