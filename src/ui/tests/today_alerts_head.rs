//! 今日 in the common room: few sessions, its alerts on the first screen. That screen is
//! drawn from the first lines of the alerts and their counts (`AlertsHead`), and it is the
//! screen all of them make; all are read once the selection comes near the lines not
//! read, at End, or when the long overdue are opened.

use super::schedule::alert;
use super::support::*;
use crate::app::action::{Action, Effect, TodayData};
use crate::app::key::{Key, KeyCode};
use crate::app::today_view::TodayPart;
use crate::app::{AppState, Tab, update};
use crate::domain::deadlines::{DeadlineKind, Limits};
use crate::i18n::Lang;
use crate::storage::{AlertsHead, CaseAlert};

/// Lines read with the first screen (as `effects::schedule` reads them).
const FIRST: usize = 48;

/// `near` alerts due from a week ago to three days ahead and `long` past by more than a
/// week, of three kinds, on the tests' day; 7 long-overdue open cases more not listed.
fn alerts(near: usize, long: usize) -> Vec<CaseAlert> {
    let limits = Limits::default();
    let kinds = [
        DeadlineKind::CaseLimit,
        DeadlineKind::Confirmation,
        DeadlineKind::FollowUp,
    ];
    (0..near + long)
        .map(|i| {
            let back = if i < near {
                (i % 11) as i64 - 7
            } else {
                -8 - (i % 40) as i64
            };
            let due = today() + chrono::Duration::days(back);
            alert(
                1000 + i as i64,
                &format!("（2026）临新人调字第{i}号"),
                kinds[i % 3],
                &due.to_string(),
                limits.urgency(due, today()),
            )
        })
        .collect()
}

/// What a storage read gives for `effect` in a room of `all`: the first screen's head
/// or all the alerts; the reads made, by effect.
fn serve(s: &mut AppState, all: &[CaseAlert], mut effects: Vec<Effect>) -> Vec<Effect> {
    let mut made = Vec::new();
    while !effects.is_empty() {
        let mut next = Vec::new();
        for effect in effects {
            made.push(effect.clone());
            let data = match &effect {
                Effect::LoadTodayPerformance(_) => TodayData::default(),
                Effect::LoadTodayRest(_) => TodayData {
                    alerts_head: Some(AlertsHead::of(all.to_vec(), 7, FIRST).0),
                    ..TodayData::default()
                },
                Effect::LoadTodayAlerts(_) => TodayData {
                    alerts: all.to_vec(),
                    more_alerts: 7,
                    ..TodayData::default()
                },
                other => panic!("今日 asked for {other:?}"),
            };
            let action = match effect {
                Effect::LoadTodayPerformance(day) => {
                    Action::TodayPerformanceLoaded(day, Box::new(data))
                }
                _ => Action::TodayRestLoaded(today(), Box::new(data)),
            };
            next.extend(update(s, action));
        }
        effects = next;
    }
    made
}

/// 今日 started in a room with no session today or tomorrow and the alerts `all`; the
/// reads it made.
fn started(all: &[CaseAlert], user: Option<crate::domain::user::User>) -> (AppState, Vec<Effect>) {
    let mut s = state(Lang::Zh, 80, 24);
    if let Some(user) = user {
        s.user = user;
    }
    s.tab = Tab::Today;
    let first = Box::new(TodayData {
        part: Some(TodayPart {
            days: [0, 0],
            from: 0,
            rest: false,
        }),
        ..TodayData::default()
    });
    let effects = update(&mut s, Action::TodayLoaded(first));
    let made = serve(&mut s, all, effects);
    (s, made)
}

fn press(s: &mut AppState, all: &[CaseAlert], code: KeyCode) -> Vec<Effect> {
    let effects = update(s, Action::Key(Key::plain(code)));
    serve(s, all, effects)
}

#[test]
fn the_first_screen_from_the_first_lines_and_counts_is_the_one_all_the_alerts_make() {
    let all = alerts(300, 150);
    let (mut head, made) = started(&all, None);
    let day = today();
    assert_eq!(
        made,
        vec![
            Effect::LoadTodayPerformance(day),
            Effect::LoadTodayRest(day)
        ],
        "the first screen reads its head only"
    );
    let mut whole = state(Lang::Zh, 80, 24);
    whole.tab = Tab::Today;
    let data = TodayData {
        alerts: all.clone(),
        more_alerts: 7,
        ..TodayData::default()
    };
    update(&mut whole, Action::TodayLoaded(Box::new(data)));
    let text = screen(&head);
    assert_eq!(text, screen(&whole));
    assert!(text.contains("期限提醒（450）"), "{text}");
    // Down through the lines read reads nothing; near their end, all are read, once.
    let mut reads = Vec::new();
    for _ in 0..60 {
        reads.extend(press(&mut head, &all, KeyCode::Down));
        update(&mut whole, Action::Key(Key::plain(KeyCode::Down)));
        assert_eq!(screen(&head), screen(&whole));
    }
    assert_eq!(reads, vec![Effect::LoadTodayAlerts(day)]);
}

#[test]
fn end_and_the_long_overdue_opened_read_all_the_alerts() {
    let all = alerts(300, 150);
    let (mut s, _) = started(&all, None);
    let day = today();
    assert_eq!(
        press(&mut s, &all, KeyCode::End),
        vec![Effect::LoadTodayAlerts(day)]
    );
    let text = screen(&s);
    assert!(text.contains("超期7天以上 150 项"), "{text}");
    assert!(
        text.contains("Enter 展开"),
        "the long overdue line is selected: {text}"
    );
    // A room whose alerts above the long overdue all came with the first screen reads
    // the long overdue only when they are opened.
    let all = alerts(10, 30);
    let (mut s, _) = started(&all, None);
    assert_eq!(
        press(&mut s, &all, KeyCode::End),
        vec![],
        "all ten are read"
    );
    assert_eq!(
        press(&mut s, &all, KeyCode::Enter),
        vec![Effect::LoadTodayAlerts(day)]
    );
    let text = screen(&s);
    assert!(
        text.contains("已超期18天") && text.contains("Enter 收起"),
        "{text}"
    );
}

#[test]
fn the_front_desk_is_given_its_own_alerts_whole() {
    let all = alerts(10, 3);
    let clerk = crate::domain::user::User::new("前台", crate::domain::user::Role::Clerk);
    let (_, made) = started(&all, Some(clerk));
    let day = today();
    assert_eq!(
        made,
        vec![
            Effect::LoadTodayPerformance(day),
            Effect::LoadTodayAlerts(day)
        ]
    );
}
