//! 今日 in a district: more sessions today and tomorrow than any screen holds. It reads
//! the counts and the lines near the selection, and more only when the selection comes
//! near them; the screen is the one the whole list made.

use super::schedule::{session, today_data};
use super::support::*;
use crate::app::action::{Action, Effect, TodayData};
use crate::app::key::{Key, KeyCode};
use crate::app::today_view::TodayPart;
use crate::app::{AppState, Tab, update};
use crate::domain::session::Session;
use crate::i18n::Lang;

const TODAY: usize = 500;
const TOMORROW: usize = 300;

/// 500 sessions today (2026-11-28) and 300 tomorrow, in time order; case i + 1000.
fn district() -> Vec<Session> {
    (0..TODAY + TOMORROW)
        .map(|i| {
            let (d, n) = if i < TODAY {
                ("28", i)
            } else {
                ("29", i - TODAY)
            };
            let (h, m) = (8 + n / 60, n % 60);
            session(
                i as i64 + 1,
                i as i64 + 1000,
                &format!("2026-11-{d}T{h:02}:{m:02}:00+08:00"),
                &format!("2026-11-{d}T{h:02}:{m:02}:30+08:00"),
                "调解室",
                &format!("第{}号", i + 1000),
            )
        })
        .collect()
}

/// Runs `effects` as storage would on the district's room; how many reads were made.
fn serve(s: &mut AppState, all: &[Session], mut effects: Vec<Effect>) -> usize {
    let mut reads = 0;
    while !effects.is_empty() {
        let mut next = Vec::new();
        for effect in effects {
            reads += 1;
            let action = match effect {
                Effect::LoadTodaySessions { today, from, limit } => Action::TodaySessionsLoaded {
                    today,
                    from,
                    sessions: all.iter().skip(from).take(limit).cloned().collect(),
                },
                Effect::LoadTodayPerformance(today) => Action::TodayPerformanceLoaded(
                    today,
                    Box::new(TodayData {
                        sessions: Vec::new(),
                        alerts: Vec::new(),
                        ..today_data()
                    }),
                ),
                Effect::LoadTodayRest(today) => Action::TodayRestLoaded(
                    today,
                    Box::new(TodayData {
                        sessions: Vec::new(),
                        ..today_data()
                    }),
                ),
                other => panic!("今日 asked for {other:?}"),
            };
            next.extend(update(s, action));
        }
        effects = next;
    }
    reads
}

fn started() -> (AppState, Vec<Session>) {
    let all = district();
    let mut s = state(Lang::Zh, 80, 24);
    s.tab = Tab::Today;
    let first = Box::new(TodayData {
        sessions: all[..48].to_vec(),
        part: Some(TodayPart {
            days: [TODAY, TOMORROW],
            from: 0,
            rest: false,
        }),
        ..TodayData::default()
    });
    let effects = update(&mut s, Action::TodayLoaded(first));
    assert_eq!(effects, vec![], "the first screen holds nothing more");
    (s, all)
}

fn press(s: &mut AppState, code: KeyCode) -> Vec<Effect> {
    update(s, Action::Key(Key::plain(code)))
}

#[test]
fn the_first_screen_counts_the_days_and_shows_their_first_sessions() {
    let (s, _) = started();
    let text = screen(&s);
    assert!(text.contains("今天的日程（500）"), "{text}");
    assert!(
        text.contains("第1000号") && text.contains("第1015号"),
        "{text}"
    );
    assert!(!text.contains("明天的日程"), "{text}");
}

#[test]
fn moving_reads_only_when_the_selection_comes_near_what_was_not_read() {
    let (mut s, all) = started();
    for _ in 0..10 {
        assert_eq!(press(&mut s, KeyCode::Down), vec![], "within what was read");
    }
    let mut reads = 0;
    for _ in 0..60 {
        let effects = press(&mut s, KeyCode::PageDown);
        assert!(effects.len() <= 1, "{effects:?}");
        reads += serve(&mut s, &all, effects);
    }
    // 600 lines down, a page of 74 read every 30 lines or so (three keys).
    assert!((15..=25).contains(&reads), "{reads}");
    assert_eq!(s.today_view.selected, 610);
    let text = screen(&s);
    assert!(
        text.contains("第1594号") && text.contains("第1610号"),
        "{text}"
    );
    // Enter opens the selected session's case.
    assert_eq!(
        press(&mut s, KeyCode::Enter),
        vec![Effect::LoadCase(crate::domain::case::CaseId(1610))]
    );
}

#[test]
fn end_reads_the_alerts_and_goes_to_the_last_line_and_home_comes_back() {
    let (mut s, all) = started();
    let effects = press(&mut s, KeyCode::End);
    assert!(
        effects.contains(&Effect::LoadTodayPerformance(today())),
        "{effects:?}"
    );
    // The performance items, then (the selection still on its way to the end) the alerts.
    serve(&mut s, &all, effects);
    let view = &s.today_view;
    assert!(view.rest_read);
    // 800 sessions, 2 performance items, 3 alerts.
    assert_eq!(view.line_count(), 805);
    assert_eq!(view.selected, 804);
    let text = screen(&s);
    assert!(text.contains("期限提醒（3）"), "{text}");
    assert!(
        text.contains("第1799号"),
        "the last sessions above them: {text}"
    );
    let effects = press(&mut s, KeyCode::Home);
    assert_eq!(effects.len(), 1, "{effects:?}");
    serve(&mut s, &all, effects);
    let text = screen(&s);
    assert!(
        text.contains("今天的日程（500）") && text.contains("第1000号"),
        "{text}"
    );
}

#[test]
fn another_process_s_write_reads_the_counts_again_and_keeps_the_selection() {
    let (mut s, all) = started();
    for _ in 0..30 {
        let effects = press(&mut s, KeyCode::PageDown);
        serve(&mut s, &all, effects);
    }
    let effects = update(&mut s, Action::DataChanged);
    assert_eq!(effects, vec![Effect::LoadToday(today())]);
    // The first part again, now with one more session today.
    let mut more = all.clone();
    more.insert(0, all[0].clone());
    let effects = update(
        &mut s,
        Action::TodayLoaded(Box::new(TodayData {
            sessions: more[..48].to_vec(),
            part: Some(TodayPart {
                days: [TODAY + 1, TOMORROW],
                from: 0,
                rest: false,
            }),
            ..TodayData::default()
        })),
    );
    assert_eq!(s.today_view.selected, 300);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadTodaySessions { from, .. }] if *from < 300),
        "the lines around the selection: {effects:?}"
    );
    serve(&mut s, &more, effects);
    let text = screen(&s);
    assert!(text.contains(&format!("第{}号", 1000 + 299)), "{text}");
}

/// The rest (the performance items and the alerts) is not on the first screen: it is read
/// once that screen is drawn, once, and the keys after its answer read nothing more of it.
#[test]
fn the_rest_is_read_once_right_after_the_first_screen() {
    // As the app starts: the room, 今日's first part, then the first screen is drawn.
    let all = district();
    let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
    s.zone = crate::domain::dates::Zone::beijing();
    update(&mut s, Action::RoomLoaded(Box::new(room())));
    let first = Box::new(TodayData {
        sessions: all[..48].to_vec(),
        part: Some(TodayPart {
            days: [TODAY, TOMORROW],
            from: 0,
            rest: false,
        }),
        ..TodayData::default()
    });
    assert_eq!(update(&mut s, Action::TodayLoaded(first)), vec![]);
    assert_eq!(s.tab, Tab::Today);
    let after = update(&mut s, Action::FirstDrawn);
    let rest: Vec<_> = after
        .iter()
        .filter(|e| {
            matches!(
                e,
                Effect::LoadTodayRest(_) | Effect::LoadTodayPerformance(_)
            )
        })
        .cloned()
        .collect();
    let both = vec![
        Effect::LoadTodayPerformance(today()),
        Effect::LoadTodayRest(today()),
    ];
    assert_eq!(rest, both, "{after:?}");
    assert_eq!(serve(&mut s, &all, both), 2);
    assert!(s.today_view.rest_read);
    assert_eq!(update(&mut s, Action::FirstDrawn), vec![], "once per run");
    for code in [KeyCode::Down, KeyCode::PageDown, KeyCode::Up, KeyCode::Home] {
        assert_eq!(press(&mut s, code), vec![], "{code:?}");
    }
    // End goes to the last line at once (the rest is known), reading only sessions there.
    let end = press(&mut s, KeyCode::End);
    assert!(
        end.iter()
            .all(|e| matches!(e, Effect::LoadTodaySessions { .. })),
        "{end:?}"
    );
    assert_eq!(s.today_view.selected, s.today_view.line_count() - 1);
}

/// A room with no sessions today or tomorrow and more performance items than its first
/// screen holds: the first screen reads the items and not the alerts below them, which are
/// read once it is drawn; a room whose items leave room on its first screen reads its
/// alerts before drawing it.
#[test]
fn a_first_screen_full_of_performance_items_does_not_wait_for_the_alerts() {
    let items = |n: usize| {
        let one = today_data().performance[0].clone();
        (0..n)
            .map(|i| crate::storage::DueItem {
                case_id: crate::domain::case::CaseId(2000 + i as i64),
                ..one.clone()
            })
            .collect::<Vec<_>>()
    };
    for (n, alerts_first) in [(40, false), (2, true)] {
        let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
        s.zone = crate::domain::dates::Zone::beijing();
        update(&mut s, Action::RoomLoaded(Box::new(room())));
        let first = Box::new(TodayData {
            part: Some(TodayPart::default()),
            ..TodayData::default()
        });
        let asked = update(&mut s, Action::TodayLoaded(first));
        assert_eq!(asked, vec![Effect::LoadTodayPerformance(today())]);
        let performance = Box::new(TodayData {
            performance: items(n),
            ..TodayData::default()
        });
        let asked = update(&mut s, Action::TodayPerformanceLoaded(today(), performance));
        let text = screen(&s);
        assert!(text.contains(&format!("协议履行（{n}）")), "{text}");
        if alerts_first {
            assert_eq!(asked, vec![Effect::LoadTodayRest(today())], "{n}");
            continue;
        }
        assert_eq!(asked, vec![], "the alerts are below the screen");
        assert!(!text.contains("期限提醒"), "{text}");
        // Drawn: now the alerts are read, once.
        let after = update(&mut s, Action::FirstDrawn);
        assert!(after.contains(&Effect::LoadTodayRest(today())), "{after:?}");
        assert!(
            !after.contains(&Effect::LoadTodayPerformance(today())),
            "{after:?}"
        );
        let rest = Box::new(TodayData {
            sessions: Vec::new(),
            performance: Vec::new(),
            ..today_data()
        });
        update(&mut s, Action::TodayRestLoaded(today(), rest));
        assert_eq!(s.today_view.performance.len(), n, "the items stay");
        assert_eq!(s.today_view.line_count(), n + 3);
        assert_eq!(press(&mut s, KeyCode::End), vec![]);
        assert!(screen(&s).contains("期限提醒（3）"), "{}", screen(&s));
    }
}
