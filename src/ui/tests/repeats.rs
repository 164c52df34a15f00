//! Repeat disputes: the party dialog asks storage once a complete ID number is typed and
//! shows the earlier cases in its foot line; the case detail asks on load and lists them.

use super::support::*;
use crate::app::action::{Action, Effect};
use crate::app::key::{Key, KeyCode};
use crate::app::modal::Modal;
use crate::app::party_form::PartyForm;
use crate::app::{AppState, CasesView, update};
use crate::domain::repeat::RepeatQuery;
use crate::i18n::Lang;

/// Types into the party dialog key by key, collecting every effect.
fn type_collect(s: &mut AppState, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| update(s, Action::Key(Key::char(c))))
        .collect()
}

fn earlier() -> Vec<crate::domain::case::CaseSummary> {
    page().rows.into_iter().take(2).collect()
}

fn party_with_id(lang: Lang) -> (AppState, RepeatQuery) {
    let mut s = list_state(lang);
    press(&mut s, &[Key::char('n'), Key::plain(KeyCode::F(7))]);
    type_text(&mut s, "王秀兰");
    press(&mut s, &[Key::plain(KeyCode::Tab)]);
    let effects = type_collect(&mut s, "11010519491231002X");
    // Only complete numbers ask: the first 15 digits read as an old 15-digit card, then the
    // 18-digit number; the answer to the first is dropped when it comes.
    let asks: Vec<_> = effects
        .into_iter()
        .filter_map(|e| match e {
            Effect::FindRepeats(q) => Some(q),
            _ => None,
        })
        .collect();
    assert_eq!(asks.len(), 2, "{asks:?}");
    let query = asks[1].clone();
    assert_eq!(query.keys[0].id_number, "11010519491231002X");
    assert_eq!(query.exclude, None);
    (s, query)
}

#[test]
fn the_party_dialog_lists_earlier_cases_of_the_same_id_number() {
    let (mut s, query) = party_with_id(Lang::Zh);
    // An answer to an older question is dropped.
    let mut stale = query.clone();
    stale.keys[0].id_number = "440524188001010014".into();
    update(&mut s, Action::RepeatsFound(stale, earlier()));
    assert!(
        s.modals
            .last()
            .and_then(Modal::dialog::<PartyForm>)
            .is_some_and(|p| p.repeats.is_empty())
    );
    update(&mut s, Action::RepeatsFound(query, earlier()));
    let text = screen(&s);
    assert!(text.contains("重复纠纷：此人已有 2 件案件"), "{text}");
    insta::assert_snapshot!(text);
    // Changing the number clears the warning and asks again.
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::Backspace)));
    assert!(effects.is_empty());
    assert!(!screen(&s).contains("重复纠纷"));
}

#[test]
fn the_case_detail_asks_for_and_lists_earlier_cases() {
    let mut s = state(Lang::Zh, 80, 24);
    let c = case();
    let effects = update(&mut s, Action::CaseLoaded(Box::new(c.clone())));
    let Some(Effect::FindRepeats(query)) = effects
        .iter()
        .find(|e| matches!(e, Effect::FindRepeats(_)))
        .cloned()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(query.exclude, Some(c.id));
    update(&mut s, Action::RepeatsFound(query, earlier()));
    let CasesView::Detail(d) = &s.cases else {
        panic!("not the detail");
    };
    assert_eq!(d.repeats.len(), 2);
    for _ in 0..40 {
        press(&mut s, &[Key::plain(KeyCode::Down)]);
    }
    let text = screen(&s);
    assert!(text.contains("重复纠纷：当事人另有 2 件案件"), "{text}");
    // A status change shows the case again and asks again.
    let effects = update(&mut s, Action::CaseSaved(Box::new(c)));
    assert!(
        effects.iter().any(|e| matches!(e, Effect::FindRepeats(_))),
        "{effects:?}"
    );
}
