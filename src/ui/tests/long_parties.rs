//! Long party lists on 今日, 日程 and the case list, at 60×20 and 80×24: the party names
//! are shortened first and the case number and mediator stay whole (issue 14: at 60
//! columns the list's 当事人 column shrank to `…` and the other lines lost their number).

use super::schedule::{alert, session};
use super::support::*;
use crate::app::action::{Action, TodayData};
use crate::app::{AppState, Tab, update};
use crate::domain::deadlines::{DeadlineKind, Urgency};
use crate::domain::session::{InvitedParty, Session};
use crate::i18n::Lang;

const PARTIES: [&str; 4] = [
    "额尔德木图·巴特尔",
    "巴彦淖尔市恒泰供热有限公司",
    "王秀兰",
    "乌云其其格",
];

const NUMBER: &str = "（2026）临新人调字第42号";

fn long_session() -> Session {
    let mut s = session(
        1,
        7,
        "2026-11-28T09:30:00+08:00",
        "2026-11-28T11:00:00+08:00",
        "小调解室",
        NUMBER,
    );
    s.fields.parties = PARTIES
        .iter()
        .enumerate()
        .map(|(i, name)| InvitedParty {
            seq: i as u32,
            name: (*name).into(),
        })
        .collect();
    s
}

fn long_list(cols: u16, rows: u16) -> AppState {
    let mut s = state(Lang::Zh, cols, rows);
    let mut page = page();
    for row in &mut page.rows {
        row.parties = PARTIES.join("、");
    }
    update(&mut s, Action::CasesLoaded(page));
    s
}

fn long_today(cols: u16, rows: u16) -> AppState {
    let mut s = state(Lang::Zh, cols, rows);
    s.tab = Tab::Today;
    let mut police = alert(
        7,
        NUMBER,
        DeadlineKind::PoliceFeedback,
        "2026-11-29",
        Urgency::Near(1),
    );
    police.parties = PARTIES.join("、");
    police.deadline.at = chrono::NaiveTime::from_hms_opt(14, 20, 0);
    let data = TodayData {
        part: None,
        sessions: vec![long_session()],
        alerts: vec![police],
        performance: Vec::new(),
        more_alerts: 0,
        alerts_head: None,
        places: Vec::new(),
    };
    update(&mut s, Action::TodayLoaded(Box::new(data)));
    s
}

fn long_agenda(cols: u16, rows: u16) -> AppState {
    let mut s = long_today(cols, rows);
    s.tab = Tab::Schedule;
    update(&mut s, Action::AgendaLoaded(vec![long_session()]));
    s
}

/// Every case number on screen is whole (`…人调字第42号`, never `…人调字第4…`), and
/// there is at least one.
fn assert_numbers_whole(text: &str) {
    let mut seen = 0;
    for (i, _) in text.match_indices("人调字第") {
        let rest = &text[i + "人调字第".len()..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        assert!(
            digits > 0 && rest[digits..].starts_with('号'),
            "a number is cut:\n{text}"
        );
        seen += 1;
    }
    assert!(seen > 0, "{text}");
}

#[test]
fn list_with_long_parties_at_60_by_20() {
    let text = screen(&long_list(60, 20));
    assert_numbers_whole(&text);
    assert!(
        text.contains("额尔德"),
        "the parties keep some names:\n{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn list_with_long_parties_at_80_by_24() {
    let text = screen(&long_list(80, 24));
    assert!(text.contains("额尔德木图"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn today_with_long_parties_at_60_by_20() {
    let text = screen(&long_today(60, 20));
    assert_numbers_whole(&text);
    assert!(text.contains("王建国"), "the mediator stays:\n{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn today_with_long_parties_at_80_by_24() {
    let text = screen(&long_today(80, 24));
    assert_numbers_whole(&text);
    assert!(text.contains("王建国"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn agenda_with_long_parties_at_60_by_20() {
    let text = screen(&long_agenda(60, 20));
    assert_numbers_whole(&text);
    assert!(text.contains("王建国"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn agenda_with_long_parties_at_80_by_24() {
    let text = screen(&long_agenda(80, 24));
    assert_numbers_whole(&text);
    insta::assert_snapshot!(text);
}
