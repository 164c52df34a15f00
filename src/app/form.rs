//! A form: labelled fields with focus, editing, choices, check boxes, and a message beside
//! each field. Pure state; the case, party, settings and first-start forms are built on it.

use super::key::{Key, KeyCode};
use super::text_keys::line_request;
use tui_input::{Input, InputRequest};

/// One option of a choice field: its stored code and what the user reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Stored value.
    pub code: String,
    /// Shown text (already in the user's language).
    pub label: String,
}

/// How a field is edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines (Enter starts a new line).
    Multiline,
    /// One of a list (←/→ change, Enter opens the list).
    Choice(Vec<Choice>),
    /// Yes or no (Space or Enter toggles).
    Check,
    /// A list inside the form (parties, mediators …); `selected` is its row.
    List,
}

/// A field with its value and what is said about it.
#[derive(Debug, Clone)]
pub struct Field {
    /// Stable name used by code.
    pub id: &'static str,
    /// Catalogue key of its label.
    pub label: &'static str,
    /// How it is edited.
    pub kind: FieldKind,
    /// Text of Text/Multiline fields, with the cursor.
    pub input: Input,
    /// Index of the chosen option (Choice).
    pub selected: usize,
    /// State of a check box.
    pub checked: bool,
    /// Must be filled.
    pub required: bool,
    /// Not shown (e.g. person fields of an organisation).
    pub hidden: bool,
    /// What is wrong, said beside the field.
    pub error: Option<String>,
    /// A helpful note (e.g. what was read from an ID number).
    pub hint: Option<String>,
    /// A date, a time or a number, typed whole: the first character typed after the focus
    /// arrives replaces what is there (`09:00` then `9点半` is 9点半, not `09:009点半`).
    pub whole: bool,
}

impl Field {
    fn new(id: &'static str, label: &'static str, kind: FieldKind) -> Field {
        Field {
            id,
            label,
            kind,
            input: Input::default(),
            selected: 0,
            checked: false,
            required: false,
            hidden: false,
            error: None,
            hint: None,
            whole: false,
        }
    }

    /// A one-line text field.
    pub fn text(id: &'static str, label: &'static str, value: &str) -> Field {
        Field {
            input: Input::new(value.to_string()),
            ..Field::new(id, label, FieldKind::Text)
        }
    }

    /// A several-line text field.
    pub fn multiline(id: &'static str, label: &'static str, value: &str) -> Field {
        Field {
            input: Input::new(value.to_string()),
            ..Field::new(id, label, FieldKind::Multiline)
        }
    }

    /// A choice field with `code` chosen (the first option if `code` is not among them).
    pub fn choice(
        id: &'static str,
        label: &'static str,
        options: Vec<Choice>,
        code: &str,
    ) -> Field {
        let selected = options.iter().position(|c| c.code == code).unwrap_or(0);
        Field {
            selected,
            ..Field::new(id, label, FieldKind::Choice(options))
        }
    }

    /// A check box.
    pub fn check(id: &'static str, label: &'static str, checked: bool) -> Field {
        Field {
            checked,
            ..Field::new(id, label, FieldKind::Check)
        }
    }

    /// A list inside the form; its rows live in the state, `selected` is the row.
    pub fn list(id: &'static str, label: &'static str) -> Field {
        Field::new(id, label, FieldKind::List)
    }

    /// Typed whole (a date, a time, a number): see `whole`.
    pub fn whole(mut self) -> Field {
        self.whole = true;
        self
    }

    /// Marks the field as required.
    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    /// True for fields that take typed text.
    pub fn is_text(&self) -> bool {
        matches!(self.kind, FieldKind::Text | FieldKind::Multiline)
    }

    /// The value as a string: text, chosen code, or "1"/"0".
    pub fn value(&self) -> String {
        match &self.kind {
            FieldKind::Text | FieldKind::Multiline => self.input.value().to_string(),
            FieldKind::Choice(options) => options
                .get(self.selected)
                .map(|c| c.code.clone())
                .unwrap_or_default(),
            FieldKind::Check => if self.checked { "1" } else { "0" }.to_string(),
            FieldKind::List => String::new(),
        }
    }

    /// The chosen option's label (Choice only).
    pub fn choice_label(&self) -> &str {
        match &self.kind {
            FieldKind::Choice(options) => options
                .get(self.selected)
                .map(|c| c.label.as_str())
                .unwrap_or(""),
            _ => "",
        }
    }
}

/// A list of fields and which one has the focus.
#[derive(Debug, Clone)]
pub struct Form {
    /// The fields in order.
    pub fields: Vec<Field>,
    /// Index of the focused field.
    pub focus: usize,
    initial: Vec<String>,
    /// The focus arrived and nothing was edited since: a `whole` field is replaced by the
    /// first character typed.
    fresh: bool,
}

impl Form {
    /// A form whose current values count as unchanged; focus on the first visible field.
    pub fn new(fields: Vec<Field>) -> Form {
        let initial = fields.iter().map(Field::value).collect();
        let mut form = Form {
            fields,
            focus: 0,
            initial,
            fresh: true,
        };
        if form.fields.first().is_some_and(|f| f.hidden) {
            form.move_focus(true);
        }
        form
    }

    /// True once any value differs from what the form opened with.
    pub fn changed(&self) -> bool {
        self.fields
            .iter()
            .map(Field::value)
            .ne(self.initial.iter().cloned())
    }

    /// The focused field.
    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// True when typed characters go into the focused field.
    pub fn typing(&self) -> bool {
        self.focused().is_some_and(Field::is_text)
    }

    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// The field with this id, to change.
    pub fn field_mut(&mut self, id: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    /// The value of a field ("" if there is none).
    pub fn value(&self, id: &str) -> String {
        self.field(id).map(Field::value).unwrap_or_default()
    }

    /// Replaces the text of a field, cursor at the end.
    pub fn set_text(&mut self, id: &str, value: &str) {
        if let Some(f) = self.field_mut(id) {
            f.input = Input::new(value.to_string());
        }
    }

    /// Chooses the option with this code.
    pub fn set_choice(&mut self, id: &str, code: &str) {
        if let Some(f) = self.field_mut(id)
            && let FieldKind::Choice(options) = &f.kind
            && let Some(i) = options.iter().position(|c| c.code == code)
        {
            f.selected = i;
        }
    }

    /// Focuses the field with this id (if visible).
    pub fn focus_on(&mut self, id: &str) {
        if let Some(i) = self.fields.iter().position(|f| f.id == id && !f.hidden) {
            self.focus = i;
            self.fresh = true;
        }
    }

    /// Moves the focus to the next (or previous) visible field; false at the end.
    pub fn move_focus(&mut self, forward: bool) -> bool {
        let mut i = self.focus;
        loop {
            i = match (forward, i) {
                (true, i) if i + 1 < self.fields.len() => i + 1,
                (false, i) if i > 0 => i - 1,
                _ => return false,
            };
            if !self.fields[i].hidden {
                self.focus = i;
                self.fresh = true;
                return true;
            }
        }
    }

    /// Sets (or clears) the message beside a field.
    pub fn set_error(&mut self, id: &str, error: Option<String>) {
        if let Some(f) = self.field_mut(id) {
            f.error = error;
        }
    }

    /// Clears every field's message.
    pub fn clear_errors(&mut self) {
        self.fields.iter_mut().for_each(|f| f.error = None);
    }

    /// Moves the focus to the first field that has a message.
    pub fn focus_first_error(&mut self) {
        if let Some(i) = self
            .fields
            .iter()
            .position(|f| f.error.is_some() && !f.hidden)
        {
            self.focus = i;
            self.fresh = true;
        }
    }

    /// Applies an editing key to the focused text field; false if the key is not editing.
    pub fn edit(&mut self, key: Key) -> bool {
        let fresh = self.fresh;
        let Some(field) = self.fields.get_mut(self.focus) else {
            return false;
        };
        if !field.is_text() {
            return false;
        }
        let multiline = field.kind == FieldKind::Multiline;
        let request = match (key.code, key.ctrl) {
            (KeyCode::Enter, _) if multiline => InputRequest::InsertChar('\n'),
            (KeyCode::Up | KeyCode::Down, _) if multiline => {
                let Some(cursor) = line_move(
                    field.input.value(),
                    field.input.cursor(),
                    key.code == KeyCode::Down,
                ) else {
                    return false;
                };
                InputRequest::SetCursor(cursor)
            }
            _ => match line_request(key) {
                Some(request) => request,
                None => return false,
            },
        };
        self.fresh = false;
        if fresh && field.whole && matches!(request, InputRequest::InsertChar(_)) {
            field.input = Input::default();
        }
        field.input.handle(request);
        field.error = None;
        true
    }

    /// Inserts pasted text into the focused text field (newlines become spaces in a
    /// one-line field, so a pasted address does not split).
    pub fn paste(&mut self, text: &str) {
        let fresh = std::mem::replace(&mut self.fresh, false);
        if let Some(field) = self.fields.get_mut(self.focus).filter(|f| f.is_text()) {
            if fresh && field.whole {
                field.input = Input::default();
            }
            let multiline = field.kind == FieldKind::Multiline;
            for c in text.chars().filter(|c| *c != '\r') {
                let c = if c == '\n' && !multiline { ' ' } else { c };
                if c == '\n' || !c.is_control() {
                    field.input.handle(InputRequest::InsertChar(c));
                }
            }
            field.error = None;
        }
    }

    /// Steps the focused choice by one (wrapping); false if it is not a choice.
    pub fn cycle(&mut self, forward: bool) -> bool {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return false;
        };
        let FieldKind::Choice(options) = &field.kind else {
            return false;
        };
        let n = options.len().max(1);
        field.selected = if forward {
            (field.selected + 1) % n
        } else {
            (field.selected + n - 1) % n
        };
        field.error = None;
        true
    }

    /// Toggles the focused check box; false if it is not one.
    pub fn toggle(&mut self) -> bool {
        match self.fields.get_mut(self.focus) {
            Some(field) if field.kind == FieldKind::Check => {
                field.checked = !field.checked;
                true
            }
            _ => false,
        }
    }
}

/// The cursor position one logical line up or down, keeping the column where it can;
/// `None` on the first/last line (so the arrow moves to the next field instead).
fn line_move(value: &str, cursor: usize, down: bool) -> Option<usize> {
    let chars: Vec<char> = value.chars().collect();
    let mut starts = vec![0];
    starts.extend(
        chars
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == '\n')
            .map(|(i, _)| i + 1),
    );
    let line = starts.iter().rposition(|&s| s <= cursor)?;
    let column = cursor - starts[line];
    let target = if down { line + 1 } else { line.checked_sub(1)? };
    let start = *starts.get(target)?;
    let end = starts.get(target + 1).map(|s| s - 1).unwrap_or(chars.len());
    Some((start + column).min(end))
}

#[cfg(test)]
mod tests;
