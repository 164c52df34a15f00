//! The agenda's any range (F9 on 日程): typed like the schedule's dates, refused when
//! backwards or longer than a quarter, moved by its own length, filtered as before, and
//! left by Home's neighbour F6 (day/week).

use super::*;
use crate::app::schedule::AgendaSpan;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().expect("valid date")
}

/// On 日程, agenda of today.
fn agenda() -> AppState {
    let mut s = started();
    key(&mut s, Key::char('3'));
    assert_eq!(s.tab, Tab::Schedule);
    s
}

/// The only agenda read among `effects`: (from, to, mediator filter).
fn read(effects: &[Effect]) -> (NaiveDate, NaiveDate, Option<MediatorId>) {
    match effects {
        [Effect::LoadAgenda { from, to, filter }] => (*from, *to, filter.mediator),
        other => panic!("not one agenda read: {other:?}"),
    }
}

/// Replaces the focused day's text with `text`.
fn retype(s: &mut AppState, text: &str) {
    for _ in 0..12 {
        press(s, KeyCode::Backspace);
    }
    type_in(s, text);
}

fn error(s: &AppState, id: &str) -> String {
    let form = s.schedule.range_form.as_ref().expect("the form is open");
    form.field(id)
        .and_then(|f| f.error.clone())
        .unwrap_or_default()
}

#[test]
fn a_typed_range_is_shown_moved_by_its_length_and_filtered() {
    let mut s = agenda();
    assert!(press(&mut s, KeyCode::F(9)).is_empty());
    let form = s.schedule.range_form.as_ref().expect("F9 opens the form");
    assert_eq!(
        form.value("from"),
        "2026-11-28",
        "filled with the day shown"
    );
    assert_eq!(form.value("to"), "2026-11-28");
    // Digits and letters are text here, not tabs or the agenda's keys.
    retype(&mut s, "12-01");
    assert_eq!(s.tab, Tab::Schedule);
    press(&mut s, KeyCode::Tab);
    retype(&mut s, "12月31日");
    let effects = press(&mut s, KeyCode::Enter);
    assert_eq!(read(&effects), (d("2026-12-01"), d("2026-12-31"), None));
    assert!(s.schedule.range_form.is_none());
    assert_eq!(s.schedule.span, AgendaSpan::Range(31));
    // →/← move by the range's own 31 days.
    let effects = press(&mut s, KeyCode::Right);
    assert_eq!(read(&effects), (d("2027-01-01"), d("2027-01-31"), None));
    press(&mut s, KeyCode::Left);
    // The mediator filter applies to the range.
    let effects = key(&mut s, Key::char('f'));
    assert_eq!(
        read(&effects),
        (d("2026-12-01"), d("2026-12-31"), Some(MediatorId(1)))
    );
    // Home: the same length from today.
    let effects = press(&mut s, KeyCode::Home);
    assert_eq!(
        read(&effects),
        (today(), d("2026-12-28"), Some(MediatorId(1)))
    );
    // F6 leaves the range for the day in focus.
    let effects = press(&mut s, KeyCode::F(6));
    assert_eq!(read(&effects), (today(), today(), Some(MediatorId(1))));
    assert_eq!(s.schedule.span, AgendaSpan::Day);
}

#[test]
fn relative_days_and_the_week_fill_the_form() {
    let mut s = agenda();
    press(&mut s, KeyCode::F(6));
    key(&mut s, Key::char('d'));
    let form = s.schedule.range_form.as_ref().expect("d opens the form");
    assert_eq!(form.value("from"), "2026-11-23");
    assert_eq!(form.value("to"), "2026-11-29");
    retype(&mut s, "明天");
    press(&mut s, KeyCode::Tab);
    retype(&mut s, "下周一");
    let effects = press(&mut s, KeyCode::F(2));
    assert_eq!(read(&effects), (d("2026-11-29"), d("2026-11-30"), None));
}

#[test]
fn bad_backwards_and_too_long_ranges_are_refused_with_the_reason() {
    let mut s = agenda();
    press(&mut s, KeyCode::F(9));
    retype(&mut s, "xyz");
    assert!(press(&mut s, KeyCode::F(2)).is_empty());
    let bad = error(&s, "from");
    assert!(bad.contains("xyz") && bad.contains("12月3日"), "{bad}");
    retype(&mut s, "2026-12-10");
    press(&mut s, KeyCode::Tab);
    retype(&mut s, "12-09");
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    assert_eq!(error(&s, "from"), "", "the first day is now a day");
    let backwards = error(&s, "to");
    assert!(
        backwards.contains("早于") && backwards.contains("2026-12-09"),
        "{backwards}"
    );
    retype(&mut s, "2027-03-14");
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    let long = error(&s, "to");
    assert!(long.contains("95天") && long.contains("93天"), "{long}");
    assert_eq!(s.schedule.span, AgendaSpan::Day, "nothing shown yet");
    retype(&mut s, "2027-03-12");
    let effects = press(&mut s, KeyCode::Enter);
    assert_eq!(read(&effects), (d("2026-12-10"), d("2027-03-12"), None));
}

#[test]
fn esc_closes_the_form_and_keeps_the_agenda() {
    let mut s = agenda();
    press(&mut s, KeyCode::F(9));
    retype(&mut s, "12-01");
    assert!(press(&mut s, KeyCode::Esc).is_empty());
    assert!(s.schedule.range_form.is_none());
    assert_eq!(s.schedule.span, AgendaSpan::Day);
    assert_eq!(s.schedule.cursor, Some(today()));
    // From the month view the form starts at the day in focus and shows the agenda.
    key(&mut s, Key::char('m'));
    press(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::F(9));
    let effects = press(&mut s, KeyCode::F(2));
    assert_eq!(read(&effects), (d("2026-11-29"), d("2026-11-29"), None));
    assert_eq!(s.schedule.mode, crate::app::schedule::ScheduleMode::Agenda);
}
