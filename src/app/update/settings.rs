//! The settings tab: the room's profile and language (F2 saves), mediators (Enter marks
//! one as left or back, F7 adds), local categories (Enter changes the parent, F7 adds).

use super::case_form::picker_for;
use super::form_keys::{Outcome, clamp_list, form_key};
use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::form::FieldKind;
use crate::app::key::Key;
use crate::app::modal::{Confirm, Modal, Pending, PickerTarget};
use crate::app::room_settings::read_settings;
use crate::app::settings::{
    local_item, mediator_item, place_item, printer_of, settings_form_for, user_item,
};
use crate::app::setup::profile_of;
use crate::app::state::{AppState, StatusLine, Tab};
use crate::i18n::{Lang, t};

/// Keys on the settings tab.
pub fn on_key(state: &mut AppState, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    let Some(form) = state.settings.form.as_mut() else {
        return Vec::new();
    };
    let text = form.typing();
    let multiline = form
        .focused()
        .is_some_and(|f| f.kind == FieldKind::Multiline);
    let editing = state.settings.editing && text;
    match cmd {
        // Browse mode: Enter on a text field starts editing it.
        Some(Command::Open) if text && !editing => {
            state.settings.editing = true;
            return Vec::new();
        }
        // Edit mode: Esc or Enter ends it (Enter makes a new line in a long text).
        Some(Command::Back) if editing => {
            state.settings.editing = false;
            return Vec::new();
        }
        Some(Command::Open) if editing && !multiline => {
            state.settings.editing = false;
            return Vec::new();
        }
        // Browse mode: a key that is not a command types nothing into the field.
        None if text && !editing => return Vec::new(),
        _ => {}
    }
    let before = form.focus;
    let outcome = form_key(form, cmd, key);
    if form.focus != before {
        // Editing belongs to one field: moving away ends it.
        state.settings.editing = false;
    }
    clamp_list(form, "mediators", state.mediators.len());
    clamp_list(form, "locals", state.locals.len());
    clamp_list(form, "users", state.users.len());
    clamp_list(form, "places", state.room_settings.places.len());
    let focused = form.focused().map(|f| (f.id, f.selected));
    match (outcome, focused) {
        (Outcome::Save, _) => {
            form.clear_errors();
            let profile = profile_of(form);
            if let Err(e) = profile.validated() {
                state.status = Some(StatusLine {
                    text: e.to_string(),
                    error: true,
                });
                return Vec::new();
            }
            let printer = match printer_of(form) {
                Ok(p) => p,
                Err((id, said)) => {
                    form.set_error(id, Some(said.clone()));
                    form.focus_first_error();
                    state.status = Some(StatusLine {
                        text: said,
                        error: true,
                    });
                    return Vec::new();
                }
            };
            let pairs = match read_settings(form) {
                Ok(pairs) => pairs,
                Err((id, said)) => {
                    form.set_error(id, Some(said));
                    form.focus_first_error();
                    return Vec::new();
                }
            };
            let lang = Lang::from_code(&form.value("lang")).unwrap_or_default();
            state.lang = lang;
            state.lang_locked = false;
            // Saved values become the new "unchanged" baseline when the room reloads.
            state.settings.saved_focus = Some(form.focus);
            state.settings.editing = false;
            state.settings.form = None;
            state.status = Some(StatusLine {
                text: t("msg.saved").into_owned(),
                error: false,
            });
            state.printer = printer.clone();
            return vec![
                Effect::SaveSettings(pairs),
                Effect::SaveRoom {
                    profile,
                    lang,
                    printer,
                },
            ];
        }
        // Esc leaves the tab (Tab moves between fields here), asking first if the
        // profile was changed.
        (Outcome::Cancel, _) if form.changed() => state.modals.push(Modal::Confirm(Confirm {
            question: t("confirm.discard_settings").into_owned(),
            yes: "button.discard",
            no: "button.keep_editing",
            on_yes: Pending::DiscardSettings(tab_index(Tab::Cases)),
            yes_selected: false,
        })),
        (Outcome::Cancel, _) => state.tab = Tab::Cases,
        (Outcome::OpenRow, Some(("mediators", row))) => {
            if let Some(m) = state.mediators.get(row) {
                return vec![Effect::SetMediatorActive {
                    id: m.id,
                    active: !m.active,
                }];
            }
        }
        (Outcome::OpenRow, Some(("locals", row))) => {
            if let Some(l) = state.locals.get(row) {
                state.modals.push(Modal::form(local_item(Some(l))));
            }
        }
        (Outcome::OpenRow, Some(("users", row))) => {
            if let Some(u) = state.users.get(row) {
                state.modals.push(Modal::form(user_item(Some(u))));
            }
        }
        (Outcome::Add, Some(("users", _))) => state.modals.push(Modal::form(user_item(None))),
        (Outcome::Add, Some(("locals", _))) => state.modals.push(Modal::form(local_item(None))),
        (Outcome::Add, Some(("places", _))) => state.modals.push(Modal::form(place_item())),
        // Enter makes a place a room of the room's own or an outside place; F8 removes it.
        (Outcome::OpenRow, Some(("places", row))) => {
            let mut places = state.room_settings.places.clone();
            if let Some(p) = places.get_mut(row) {
                p.is_room = !p.is_room;
                return vec![Effect::SavePlaces(places)];
            }
        }
        (Outcome::Remove, Some(("places", row))) => {
            let mut places = state.room_settings.places.clone();
            if row < places.len() && places.len() > 1 {
                places.remove(row);
                return vec![Effect::SavePlaces(places)];
            }
            state.status = Some(StatusLine {
                text: t("err.settings.last_place").into_owned(),
                error: true,
            });
        }
        (Outcome::Add, _) => state.modals.push(Modal::form(mediator_item())),
        (Outcome::Pick, _) => {
            if let Some(picker) = picker_for(form, PickerTarget::Settings) {
                state.modals.push(Modal::Picker(picker));
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The question before leaving the settings tab for `to` with unsaved changes.
pub fn ask_before_leaving(state: &mut AppState, to: Tab) {
    state.modals.push(Modal::Confirm(Confirm {
        question: t("confirm.discard_settings").into_owned(),
        yes: "button.discard",
        no: "button.keep_editing",
        on_yes: Pending::DiscardSettings(tab_index(to)),
        yes_selected: false,
    }));
}

fn tab_index(tab: Tab) -> usize {
    Tab::ALL.iter().position(|t| *t == tab).unwrap_or(0)
}

/// Leaves the settings tab for `to`, the form back as saved.
pub fn leave(state: &mut AppState, to: Tab) {
    if let Some(org) = &state.org {
        state.settings.form = Some(settings_form_for(
            org,
            state.lang,
            &state.user,
            &state.printer,
            &state.room_settings,
        ));
    }
    state.settings.editing = false;
    state.tab = to;
}

#[cfg(test)]
mod tests {
    use crate::app::action::{Action, Room};
    use crate::app::key::{Key, KeyCode};
    use crate::app::keymap::bar;
    use crate::app::modal::Modal;
    use crate::app::state::{AppState, Tab};
    use crate::app::{key_contexts, update};
    use crate::domain::org::{DEFAULT_NUMBER_PATTERN, OrgId, OrgProfile, Organisation};
    use crate::i18n::Lang;
    use chrono::NaiveDate;

    fn on_settings() -> AppState {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut s = AppState::new(today, Lang::Zh, crate::ui::screen(80, 24));
        let org = Organisation {
            id: OrgId(1),
            profile: OrgProfile {
                room_name: "老王调解工作室".into(),
                committee_name: "新华街道人民调解委员会".into(),
                number_prefix: "临新".into(),
                number_pattern: DEFAULT_NUMBER_PATTERN.into(),
            },
        };
        let room = Room {
            org: Some(org),
            mediators: Vec::new(),
            locals: Vec::new(),
            lang: None,
            printer: Default::default(),
            settings: Default::default(),
        };
        update(&mut s, Action::RoomLoaded(Box::new(room)));
        for _ in 0..5 {
            update(&mut s, Action::Key(Key::plain(KeyCode::Tab)));
        }
        assert_eq!(s.tab, Tab::Settings);
        s
    }

    fn press(s: &mut AppState, code: KeyCode) {
        update(s, Action::Key(Key::plain(code)));
    }

    #[test]
    fn esc_leaves_the_settings_tab_where_tab_only_moves_between_fields() {
        let mut s = on_settings();
        press(&mut s, KeyCode::Tab);
        assert_eq!(s.tab, Tab::Settings, "Tab goes to the next field here");
        press(&mut s, KeyCode::Esc);
        assert_eq!(s.tab, Tab::Cases);
        assert!(s.modals.is_empty());
    }

    #[test]
    fn settings_open_in_browse_mode_where_digits_switch_tabs_and_type_nothing() {
        let mut s = on_settings();
        assert!(!s.settings.editing);
        update(&mut s, Action::Key(Key::char('4')));
        assert_eq!(s.tab, Tab::Documents, "4 switches to the fourth tab");
        let form = s.settings.form.as_ref().unwrap();
        assert_eq!(form.value("room_name"), "老王调解工作室");
        assert!(!s.settings.changed());
        // Back on settings: ↓ moves, Enter edits, typing goes in, Enter ends editing.
        update(&mut s, Action::Key(Key::char('6')));
        assert_eq!(s.tab, Tab::Settings);
        update(&mut s, Action::Key(Key::char('x')));
        assert!(!s.settings.changed(), "browse mode types nothing");
        press(&mut s, KeyCode::Down);
        press(&mut s, KeyCode::Enter);
        assert!(s.settings.editing);
        update(&mut s, Action::Key(Key::char('4')));
        assert_eq!(s.tab, Tab::Settings, "in edit mode a digit is text");
        let form = s.settings.form.as_ref().unwrap();
        assert_eq!(form.value("committee_name"), "新华街道人民调解委员会4");
        press(&mut s, KeyCode::Enter);
        assert!(!s.settings.editing, "Enter ends editing");
        press(&mut s, KeyCode::Enter);
        press(&mut s, KeyCode::Esc);
        assert!(!s.settings.editing, "Esc ends editing");
        assert_eq!(s.tab, Tab::Settings, "the first Esc only ends editing");
    }

    /// Another window saved while a settings field was being typed in: the field stays in
    /// edit mode, so the next digit is still text, not a tab switch.
    #[test]
    fn a_change_made_elsewhere_leaves_the_field_being_typed_in_edit_mode() {
        let mut s = on_settings();
        press(&mut s, KeyCode::Enter);
        update(&mut s, Action::Key(Key::char('新')));
        update(&mut s, Action::DataChanged);
        update(&mut s, Action::Key(Key::char('4')));
        assert_eq!(s.tab, Tab::Settings);
        let form = s.settings.form.as_ref().unwrap();
        assert_eq!(form.value("room_name"), "老王调解工作室新4");
    }

    #[test]
    fn leaving_settings_with_unsaved_changes_asks_however_it_is_left() {
        let leave_keys = [
            (Key::plain(KeyCode::BackTab), Tab::Statistics),
            (Key::char('2'), Tab::Cases),
        ];
        for (leave, to) in leave_keys {
            let mut s = on_settings();
            press(&mut s, KeyCode::Enter);
            update(&mut s, Action::Key(Key::char('新')));
            press(&mut s, KeyCode::Esc);
            update(&mut s, Action::Key(leave));
            assert_eq!(s.tab, Tab::Settings, "{leave:?} left without asking");
            assert!(matches!(s.modals.last(), Some(Modal::Confirm(_))));
            press(&mut s, KeyCode::Enter);
            assert_eq!(s.tab, Tab::Settings, "Enter alone keeps the change");
            assert!(s.settings.changed());
            update(&mut s, Action::Key(leave));
            update(&mut s, Action::Key(Key::char('y')));
            assert_eq!(s.tab, to);
            assert!(!s.settings.changed(), "the change was thrown away");
        }
        // Tab past the last field asks too.
        let mut s = on_settings();
        press(&mut s, KeyCode::Enter);
        update(&mut s, Action::Key(Key::char('新')));
        press(&mut s, KeyCode::Esc);
        for _ in 0..60 {
            press(&mut s, KeyCode::Tab);
            if !s.modals.is_empty() {
                break;
            }
        }
        assert_eq!(s.tab, Tab::Settings);
        assert!(matches!(s.modals.last(), Some(Modal::Confirm(_))));
        // Without a change Tab past the end goes on to 今日 at once.
        let mut s = on_settings();
        for _ in 0..60 {
            press(&mut s, KeyCode::Tab);
            // Past the end Tab goes on from tab to tab, and round to 设置 again.
            if s.tab != Tab::Settings {
                break;
            }
        }
        assert_ne!(s.tab, Tab::Settings);
        assert!(s.modals.is_empty());
    }

    #[test]
    fn after_f2_the_focus_stays_on_the_field_saved_from() {
        let mut s = on_settings();
        press(&mut s, KeyCode::Down);
        press(&mut s, KeyCode::Down);
        press(&mut s, KeyCode::Enter);
        update(&mut s, Action::Key(Key::char('甲')));
        let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(2))));
        assert!(!effects.is_empty());
        let org = Organisation {
            id: OrgId(1),
            profile: OrgProfile {
                room_name: "老王调解工作室".into(),
                committee_name: "新华街道人民调解委员会".into(),
                number_prefix: "临新甲".into(),
                number_pattern: DEFAULT_NUMBER_PATTERN.into(),
            },
        };
        let room = Room {
            org: Some(org),
            mediators: Vec::new(),
            locals: Vec::new(),
            lang: None,
            printer: Default::default(),
            settings: Default::default(),
        };
        update(&mut s, Action::RoomLoaded(Box::new(room)));
        let form = s.settings.form.as_ref().unwrap();
        assert_eq!(form.focused().map(|f| f.id), Some("number_prefix"));
        assert!(!s.settings.editing);
    }

    #[test]
    fn esc_after_a_change_asks_before_throwing_it_away() {
        let mut s = on_settings();
        press(&mut s, KeyCode::Enter);
        update(&mut s, Action::Key(Key::char('新')));
        press(&mut s, KeyCode::Esc);
        press(&mut s, KeyCode::Esc);
        assert!(matches!(s.modals.last(), Some(Modal::Confirm(_))));
        press(&mut s, KeyCode::Enter);
        assert_eq!(s.tab, Tab::Settings, "Enter alone keeps the change");
        assert!(s.settings.changed());
        assert!(!s.settings.editing);
        press(&mut s, KeyCode::Esc);
        update(&mut s, Action::Key(Key::char('y')));
        assert_eq!(s.tab, Tab::Cases);
        assert!(!s.settings.changed());
    }

    #[test]
    fn the_key_bar_offers_f7_to_add_and_esc_to_go_back_on_settings() {
        let s = on_settings();
        let (contexts, typing) = key_contexts(&s);
        let keys = bar(&contexts, typing);
        assert!(keys.contains(&("F7".to_string(), "key.add")), "{keys:?}");
        assert!(keys.contains(&("Esc".to_string(), "key.back")), "{keys:?}");
        assert!(!keys.iter().any(|(_, d)| *d == "key.add_party"), "{keys:?}");
    }

    #[test]
    fn f2_saves_the_printer_settings_and_the_form_has_no_print_command() {
        let mut s = on_settings();
        let form = s.settings.form.as_mut().unwrap();
        assert!(form.field("print_command").is_none(), "no program is typed");
        form.set_text("print_printer", " Office_HP ");
        form.set_text("print_copies", "3");
        form.set_text("print_font", "/usr/share/fonts/x.ttc");
        let saved = update(&mut s, Action::Key(Key::plain(KeyCode::F(2))));
        let printer = crate::documents::printer::PrinterSettings {
            printer: "Office_HP".into(),
            copies: 3,
            font: "/usr/share/fonts/x.ttc".into(),
        };
        assert!(
            matches!(&saved[..], [crate::app::action::Effect::SaveSettings(_), crate::app::action::Effect::SaveRoom { printer: p, .. }] if *p == printer),
            "{saved:?}"
        );
        assert_eq!(s.printer, printer);
    }

    #[test]
    fn f2_refuses_bad_copies_printer_names_and_font_paths_at_the_field_without_echoing_them() {
        let long = "P".repeat(128);
        for (field, bad, says) in [
            ("print_copies", "0", "1 到 99"),
            ("print_printer", "-oHack", "不能以 - 开头"),
            ("print_printer", "Office HP", "字母、数字"),
            ("print_printer", "HP\"x", "字母、数字"),
            ("print_printer", "HP'x", "字母、数字"),
            ("print_printer", "HP\nx", "字母、数字"),
            ("print_printer", "HP;reboot", "字母、数字"),
            ("print_printer", "$(id)", "字母、数字"),
            ("print_printer", "HP/dup", "字母、数字"),
            ("print_printer", long.as_str(), "127"),
            ("print_font", "simsun.ttc", "完整路径"),
            ("print_font", "/fonts/a\nb.ttc", "控制字符"),
            ("print_font", "\\\\server\\share\\f.ttc", "网络路径"),
        ] {
            let mut s = on_settings();
            let form = s.settings.form.as_mut().unwrap();
            form.set_text(field, bad);
            let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(2))));
            assert!(effects.is_empty(), "{field} {bad:?} was saved");
            let form = s.settings.form.as_ref().unwrap();
            let marked = form.field(field).and_then(|f| f.error.clone()).unwrap();
            assert!(marked.contains(says), "{bad:?}: {marked}");
            assert_eq!(form.focused().map(|f| f.id), Some(field));
            let status = s.status.clone().unwrap();
            assert!(status.error && status.text == marked);
            if field == "print_printer" {
                assert!(!marked.contains(bad.trim()), "{marked}");
            }
        }
    }
}
