//! 今日 with more open cases past their limit than it lists: the rest are counted.

use super::schedule::today_data;
use super::support::*;
use crate::app::action::{Action, TodayData};
use crate::app::{Tab, update};
use crate::i18n::Lang;

#[test]
fn cases_beyond_those_listed_are_counted_zh() {
    let mut s = state(Lang::Zh, 80, 24);
    s.tab = Tab::Today;
    let data = TodayData {
        more_alerts: 1234,
        ..today_data()
    };
    update(&mut s, Action::TodayLoaded(Box::new(data)));
    for _ in 0..10 {
        update(
            &mut s,
            Action::Key(crate::app::key::Key::plain(
                crate::app::key::KeyCode::PageDown,
            )),
        );
    }
    let text = screen(&s);
    assert!(text.contains("另有 1234 件超过期限的案件未列出"), "{text}");
}

/// Issue 14: the police's 24-hour feedback and a case ending today were listed below
/// dozens of cases late for months (`已超期932天`), 50 lines down at 80×24. What ends today
/// and tomorrow comes first; the long overdue are counted in one line, listed on Enter.
fn urgent_under_long_overdue() -> crate::app::AppState {
    use super::schedule::alert;
    use crate::domain::deadlines::{DeadlineKind, Urgency};
    let mut s = state(Lang::Zh, 80, 24);
    s.tab = Tab::Today;
    let mut alerts: Vec<_> = (0..50)
        .map(|i| {
            alert(
                100 + i,
                &format!("（2024）临新人调字第{i}号"),
                DeadlineKind::CaseLimit,
                "2024-05-10",
                Urgency::Overdue(932 - i as u64),
            )
        })
        .collect();
    let mut police = alert(
        7,
        "（2026）临新人调字第52号",
        DeadlineKind::PoliceFeedback,
        "2026-11-29",
        Urgency::Near(1),
    );
    // The police's limit is in hours: it ends at an hour.
    police.deadline.at = chrono::NaiveTime::from_hms_opt(14, 20, 0);
    alerts.push(police);
    alerts.push(alert(
        8,
        "（2026）临新人调字第50号",
        DeadlineKind::CaseLimit,
        "2026-11-28",
        Urgency::DueToday,
    ));
    alerts.push(alert(
        9,
        "（2026）临新人调字第44号",
        DeadlineKind::FollowUp,
        "2026-11-26",
        Urgency::Overdue(2),
    ));
    let data = TodayData {
        alerts,
        sessions: Vec::new(),
        performance: Vec::new(),
        ..today_data()
    };
    update(&mut s, Action::TodayLoaded(Box::new(data)));
    s
}

#[test]
fn what_ends_today_and_tomorrow_comes_before_the_long_overdue_zh() {
    let s = urgent_under_long_overdue();
    let text = screen(&s);
    let row = |needle: &str| text.lines().position(|l| l.contains(needle));
    let today = row("第50号").expect("due today on screen");
    let police = row("11-29 14:20  向派出所反馈").expect("police feedback, with its hour");
    let late = row("第44号").expect("two days late on screen");
    let counted = row("超期7天以上 50 项").expect("the long overdue counted");
    assert!(today < police && police < late && late < counted, "{text}");
    assert!(!text.contains("已超期932天"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn enter_on_the_long_overdue_line_lists_them_and_again_hides_them() {
    use crate::app::key::{Key, KeyCode};
    let mut s = urgent_under_long_overdue();
    for _ in 0..3 {
        update(&mut s, Action::Key(Key::plain(KeyCode::Down)));
    }
    update(&mut s, Action::Key(Key::plain(KeyCode::Enter)));
    assert_eq!(s.tab, Tab::Today, "the line opens no case");
    let text = screen(&s);
    assert!(
        text.contains("已超期883天") && text.contains("Enter 收起"),
        "{text}"
    );
    update(&mut s, Action::Key(Key::plain(KeyCode::Enter)));
    assert!(!screen(&s).contains("已超期883天"));
}

/// A room with many long-overdue alerts of three kinds: 1,904 of them, as on the 100,000
/// case demo room.
fn many_long_overdue() -> crate::app::AppState {
    use super::schedule::alert;
    use crate::domain::deadlines::{DeadlineKind, Urgency};
    let mut s = state(Lang::Zh, 80, 24);
    s.tab = Tab::Today;
    let kinds = [
        (DeadlineKind::CaseLimit, 96, 40),
        (DeadlineKind::Confirmation, 1248, 20),
        (DeadlineKind::FollowUp, 560, 10),
    ];
    let mut alerts = Vec::new();
    for (kind, n, late) in kinds {
        for i in 0..n {
            alerts.push(alert(
                1000 + alerts.len() as i64,
                &format!("（2026）临新人调字第{i}号"),
                kind,
                "2026-10-01",
                Urgency::Overdue(late),
            ));
        }
    }
    alerts.push(alert(
        8,
        "（2026）临新人调字第50号",
        DeadlineKind::CaseLimit,
        "2026-11-28",
        Urgency::DueToday,
    ));
    let data = TodayData {
        alerts,
        sessions: Vec::new(),
        performance: Vec::new(),
        ..today_data()
    };
    update(&mut s, Action::TodayLoaded(Box::new(data)));
    s
}

/// Session 6: at 80 columns the long-overdue line was cut before "Enter 展开" (its kinds
/// came first), and the key bar said "Enter 打开案件" on it, which Enter does not do there.
/// The key comes before the kinds, and the bar says what Enter does on the selected line.
#[test]
fn the_long_overdue_line_shows_its_key_at_80_columns_and_the_bar_says_what_enter_does_zh() {
    use crate::app::key::{Key, KeyCode};
    let mut s = many_long_overdue();
    let text = screen(&s);
    let line = text
        .lines()
        .find(|l| l.contains("超期7天以上 1904 项"))
        .unwrap_or_default();
    assert!(line.contains("Enter 展开"), "{text}");
    let bar = |text: &str| text.lines().last().unwrap_or_default().to_string();
    assert!(bar(&text).contains("Enter 打开案件"), "on an alert: {text}");
    update(&mut s, Action::Key(Key::plain(KeyCode::End)));
    let text = screen(&s);
    assert!(
        bar(&text).contains("Enter 展开") && !bar(&text).contains("打开案件"),
        "{text}"
    );
    insta::assert_snapshot!(text);
    update(&mut s, Action::Key(Key::plain(KeyCode::Enter)));
    let text = screen(&s);
    assert!(
        bar(&text).contains("Enter 收起") && !bar(&text).contains("打开案件"),
        "{text}"
    );
    assert!(text.contains("Enter 收起"), "{text}");
}
