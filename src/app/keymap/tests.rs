//! The key table's own rules: every key described, none bound twice, letters with an
//! F-key twin, and the bar and help built from it.

use super::*;

#[test]
fn the_first_context_that_binds_a_key_wins() {
    let list = [Context::List, Context::Global];
    assert_eq!(resolve(&list, Key::char('n'), false), Some(Command::New));
    assert_eq!(resolve(&list, Key::char('q'), false), Some(Command::Quit));
    assert_eq!(
        resolve(&list, Key::plain(KeyCode::F(10)), false),
        Some(Command::Quit)
    );
    assert_eq!(resolve(&list, Key::char('z'), false), None);
}

#[test]
fn in_a_text_field_letters_are_text_but_f_keys_still_work() {
    let form = [Context::Form, Context::Global];
    assert_eq!(resolve(&form, Key::char('q'), true), None);
    assert_eq!(
        resolve(&form, Key::plain(KeyCode::F(2)), true),
        Some(Command::Save)
    );
    assert_eq!(resolve(&form, Key::ctrl('s'), true), Some(Command::Save));
}

#[test]
fn every_letter_binding_has_an_f_key_or_arrow_twin_in_its_context() {
    // Questions and menus hold no text field, and arrows + Enter reach every answer.
    let letters = BINDINGS
        .iter()
        .filter(|b| !matches!(b.context, Context::Confirm | Context::Menu));
    // The tab numbers' twin is Tab / Shift-Tab, which reach every tab.
    let letters = letters.filter(|b| !matches!(b.command, Command::GoTab(_)));
    for b in letters.filter(|b| b.key.text_char().is_some()) {
        let twin = BINDINGS.iter().any(|o| {
            o.context == b.context && o.command == b.command && o.key.text_char().is_none()
        });
        assert!(
            twin,
            "{:?} {:?} has no key that works while typing",
            b.context, b.key
        );
    }
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            assert!(
                !(a.context == b.context && a.key == b.key),
                "{:?} {:?} twice",
                a.context,
                a.key
            );
        }
    }
}

#[test]
fn the_bar_leaves_out_keys_an_earlier_context_takes() {
    let form = bar(&[Context::Form, Context::Global], false);
    assert!(!form.iter().any(|(_, d)| *d == "key.next_tab"), "{form:?}");
    assert!(form.contains(&("Tab".to_string(), "key.next_field")));
    assert!(!form.iter().any(|(_, d)| *d == "key.add_party"), "{form:?}");
    let parties = [
        Context::Parties,
        Context::CaseForm,
        Context::Form,
        Context::Global,
    ];
    let parties = bar(&parties, false);
    assert!(
        parties.contains(&("F7".to_string(), "key.add_party")),
        "{parties:?}"
    );
    let settings = bar(&[Context::Settings, Context::Form, Context::Global], false);
    assert!(
        settings.contains(&("Esc".to_string(), "key.back")),
        "{settings:?}"
    );
    assert!(
        !settings.iter().any(|(_, d)| *d == "key.cancel"),
        "{settings:?}"
    );
}

#[test]
fn the_bar_joins_keys_of_one_command() {
    let bar = bar(&[Context::List, Context::Global], false);
    assert!(bar.contains(&("F7/n".to_string(), "key.new")), "{bar:?}");
    assert!(bar.contains(&("F10".to_string(), "key.quit")), "{bar:?}");
}

#[test]
fn help_entries_hold_every_binding_of_a_context() {
    let global = entries(Context::Global);
    assert!(
        global.contains(&("F10/q/Ctrl-C".to_string(), "key.quit")),
        "{global:?}"
    );
    for b in BINDINGS {
        let listed = entries(b.context)
            .iter()
            .any(|(keys, desc)| *desc == b.desc && keys.contains(&b.key.label()));
        assert!(listed, "{:?} {:?} missing from help", b.context, b.key);
    }
}

/// Issue 14: the agreement preview's bar left out ↑↓ and PgUp/PgDn, and 文书's said only
/// `↑ 选择文书` (not ↓, nor ←/→ to choose the session).
#[test]
fn the_bar_shows_every_key_that_moves_in_the_preview_and_in_documents() {
    let all: Allow = &|_, _| true;
    let keys = |ctx: Context| -> Vec<String> {
        bar_where(&[ctx], false, all)
            .into_iter()
            .map(|(k, _)| k)
            .collect()
    };
    let preview = keys(Context::Preview);
    assert!(preview.contains(&"↑/↓".to_string()), "{preview:?}");
    assert!(preview.contains(&"PgUp/PgDn".to_string()), "{preview:?}");
    let docs = keys(Context::Docs);
    assert!(docs.contains(&"↑/↓".to_string()), "{docs:?}");
    assert!(docs.contains(&"←/→".to_string()), "{docs:?}");
}
