//! The picker: a long choice field's options in a list to choose from (纠纷类型, 义务人 …).
//! Arrows move; typing narrows the list to the options that contain the text or whose
//! pinyin starts with it (`gr` → 供热, the rule is `domain::search::choice_matches`),
//! Backspace widens it again, Esc clears the filter before it closes the list, Enter picks
//! the highlighted option. Pure state: the modal stack holds it, `update` drives it.

use super::command::Command;
use super::form::{Choice, FieldKind, Form};
use super::key::Key;
use super::text_keys::line_request;
use crate::domain::search::choice_matches;
use tui_input::InputRequest;

/// Which form a picker writes into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerTarget {
    /// The case form.
    CaseForm,
    /// The settings form.
    Settings,
    /// The form dialog under the picker (see `app/dialogs`).
    Dialog,
    /// The agreement editor's page (its main form, or a clause or item page).
    Agreement,
}

/// A list of a choice field's options, for when ←/→ would take too long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// The field's id.
    pub field: &'static str,
    /// Catalogue key of the field's label.
    pub title: &'static str,
    /// The options, all of them.
    pub options: Vec<Choice>,
    /// Row with the cursor, among the options the filter lets through.
    pub selected: usize,
    /// Where the choice goes.
    pub target: PickerTarget,
    /// What was typed to narrow the list.
    pub filter: String,
}

/// What a key did to the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerStep {
    /// It stays open (moved, or the filter changed).
    Stay,
    /// Esc with nothing typed: it closes, nothing chosen.
    Close,
    /// Enter: this option's code was chosen.
    Pick(String),
}

impl Picker {
    /// A picker over the focused choice field of `form`, its cursor on the field's value.
    pub fn for_focused(form: &Form, target: PickerTarget) -> Option<Picker> {
        let field = form.focused()?;
        let FieldKind::Choice(options) = &field.kind else {
            return None;
        };
        Some(Picker {
            field: field.id,
            title: field.label,
            options: options.clone(),
            selected: field.selected,
            target,
            filter: String::new(),
        })
    }

    /// The options the filter lets through, in their order.
    pub fn visible(&self) -> Vec<&Choice> {
        self.options
            .iter()
            .filter(|o| choice_matches(&o.label, &self.filter))
            .collect()
    }

    /// The option with the cursor, if any is shown.
    pub fn highlighted(&self) -> Option<&Choice> {
        self.visible().get(self.selected).copied()
    }

    /// Handles a key: `cmd` is what the key table made of it (the picker's keys are text,
    /// so a typed letter or digit arrives as `None` with the key itself).
    pub fn on_key(&mut self, cmd: Option<Command>, key: Key) -> PickerStep {
        let len = self.visible().len();
        match cmd {
            Some(Command::Down) => self.selected = (self.selected + 1).min(len.saturating_sub(1)),
            Some(Command::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Command::PageDown | Command::End) => self.selected = len.saturating_sub(1),
            Some(Command::PageUp | Command::Home) => self.selected = 0,
            // Esc takes back what was typed first, so one Esc too many does not lose
            // the list.
            Some(Command::Back) if !self.filter.is_empty() => self.set_filter(String::new()),
            Some(Command::Back) => return PickerStep::Close,
            Some(Command::Open) => {
                return match self.highlighted() {
                    Some(choice) => PickerStep::Pick(choice.code.clone()),
                    None => PickerStep::Stay,
                };
            }
            Some(_) => {}
            None => self.edit_filter(key),
        }
        PickerStep::Stay
    }

    /// The filter edited as every text line is (`text_keys`), the cursor at its end.
    fn edit_filter(&mut self, key: Key) {
        let mut filter = self.filter.clone();
        match line_request(key) {
            Some(InputRequest::InsertChar(c)) => filter.push(c),
            Some(InputRequest::DeletePrevChar) => {
                filter.pop();
            }
            Some(InputRequest::DeletePrevWord) => {
                let kept = filter.trim_end().rfind(char::is_whitespace);
                filter.truncate(kept.map_or(0, |i| i + 1));
            }
            Some(InputRequest::DeleteFromStart) => filter.clear(),
            _ => return,
        }
        self.set_filter(filter);
    }

    /// A new filter: the cursor stays on the option it was on if that still shows, else it
    /// goes to the first that does.
    fn set_filter(&mut self, filter: String) {
        let current = self.highlighted().map(|c| c.code.clone());
        self.filter = filter;
        let visible = self.visible();
        self.selected = current
            .and_then(|code| visible.iter().position(|c| c.code == code))
            .unwrap_or(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::key::KeyCode;

    fn categories() -> Picker {
        let options = [
            "婚姻家庭",
            "邻里",
            "物业",
            "其他",
            "供热（物业）",
            "金融（合同）",
        ]
        .iter()
        .enumerate()
        .map(|(i, label)| Choice {
            code: format!("c{i}"),
            label: (*label).to_string(),
        })
        .collect();
        Picker {
            field: "category",
            title: "field.category",
            options,
            selected: 1,
            target: PickerTarget::CaseForm,
            filter: String::new(),
        }
    }

    fn typed(p: &mut Picker, text: &str) {
        for c in text.chars() {
            assert_eq!(p.on_key(None, Key::char(c)), PickerStep::Stay);
        }
    }

    fn labels(p: &Picker) -> Vec<&str> {
        p.visible().iter().map(|c| c.label.as_str()).collect()
    }

    #[test]
    fn typing_narrows_the_list_and_backspace_widens_it() {
        let mut p = categories();
        typed(&mut p, "gr");
        assert_eq!(labels(&p), ["供热（物业）"]);
        assert_eq!(p.highlighted().map(|c| c.code.as_str()), Some("c4"));
        assert_eq!(
            p.on_key(Some(Command::Open), Key::plain(KeyCode::Enter)),
            PickerStep::Pick("c4".into())
        );
        // Backspace: back to every option starting with g, the cursor kept on 供热.
        p.on_key(None, Key::plain(KeyCode::Backspace));
        assert_eq!(p.filter, "g");
        assert_eq!(
            p.highlighted().map(|c| c.label.as_str()),
            Some("供热（物业）")
        );
        p.on_key(None, Key::plain(KeyCode::Backspace));
        assert_eq!(labels(&p).len(), 6);
        assert_eq!(
            p.highlighted().map(|c| c.label.as_str()),
            Some("供热（物业）")
        );
        // Characters too, and Ctrl-U clears as in every text field.
        typed(&mut p, "物业");
        assert_eq!(labels(&p), ["物业", "供热（物业）"]);
        p.on_key(None, Key::ctrl('u'));
        assert_eq!(p.filter, "");
    }

    #[test]
    fn esc_clears_the_filter_before_it_closes_and_nothing_matching_picks_nothing() {
        let mut p = categories();
        typed(&mut p, "xyz");
        assert!(p.visible().is_empty());
        assert_eq!(
            p.on_key(Some(Command::Open), Key::plain(KeyCode::Enter)),
            PickerStep::Stay
        );
        assert_eq!(
            p.on_key(Some(Command::Back), Key::plain(KeyCode::Esc)),
            PickerStep::Stay
        );
        assert_eq!(p.filter, "");
        assert_eq!(labels(&p).len(), 6);
        assert_eq!(
            p.on_key(Some(Command::Back), Key::plain(KeyCode::Esc)),
            PickerStep::Close
        );
    }

    #[test]
    fn arrows_move_among_the_options_shown() {
        let mut p = categories();
        typed(&mut p, "wy");
        assert_eq!(labels(&p), ["物业"]);
        p.on_key(Some(Command::Down), Key::plain(KeyCode::Down));
        assert_eq!(p.selected, 0, "one option: nowhere to go");
        p.on_key(None, Key::plain(KeyCode::Backspace));
        p.on_key(None, Key::plain(KeyCode::Backspace));
        p.on_key(Some(Command::End), Key::plain(KeyCode::End));
        assert_eq!(
            p.highlighted().map(|c| c.label.as_str()),
            Some("金融（合同）")
        );
    }
}
