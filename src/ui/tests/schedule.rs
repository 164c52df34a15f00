//! Snapshots of the today screen, the agenda, the month view, the session form and the
//! clash dialog, at 80×24 in Chinese and English, and the state changes behind them.

use super::support::*;
use crate::app::action::{Action, Effect, TodayData};
use crate::app::dialogs::record::RecordForm;
use crate::app::dialogs::session::SessionForm;
use crate::app::key::{Key, KeyCode};
use crate::app::modal::Modal;
use crate::app::{AppState, CasesView, Tab, update};
use crate::domain::case::CaseId;
use crate::domain::conflicts::{Clash, ClashKind, Slot, Verdict};
use crate::domain::deadlines::{Deadline, DeadlineKind, Urgency};
use crate::domain::follow_up::Place;
use crate::domain::org::MediatorId;
use crate::domain::session::{
    InvitedParty, Session, SessionFields, SessionId, SessionKind, SessionRecord, SessionStatus,
};
use crate::i18n::Lang;
use crate::storage::CaseAlert;
use chrono::{DateTime, NaiveDate};

fn day(s: &str) -> NaiveDate {
    s.parse().expect("valid date")
}

pub(super) fn session(
    id: i64,
    case: i64,
    start: &str,
    end: &str,
    place: &str,
    label: &str,
) -> Session {
    let at = |s: &str| DateTime::parse_from_rfc3339(s).expect("valid time");
    Session {
        id: SessionId(id),
        version: 1,
        fields: SessionFields {
            case_id: CaseId(case),
            kind: if id % 2 == 0 {
                SessionKind::Investigation
            } else {
                SessionKind::Mediation
            },
            start: at(start),
            end: at(end),
            place: place.into(),
            place_is_room: place.contains("调解室"),
            mediators: vec![MediatorId(1)],
            parties: vec![InvitedParty {
                seq: 0,
                name: "王秀兰".into(),
            }],
        },
        status: SessionStatus::Planned,
        postponed_to: None,
        record: SessionRecord::default(),
        override_reason: String::new(),
        cancel_reason: String::new(),
        mediator_names: "王建国".into(),
        case_label: label.into(),
        registered_by: String::new(),
    }
}

pub(super) fn sessions() -> Vec<Session> {
    vec![
        session(
            1,
            7,
            "2026-11-28T09:30:00+08:00",
            "2026-11-28T11:00:00+08:00",
            "小调解室",
            "（2026）临新人调字第42号",
        ),
        session(
            2,
            6,
            "2026-11-28T14:00:00+08:00",
            "2026-11-28T15:00:00+08:00",
            "当事人家中",
            "（2026）临新人调字第41号",
        ),
        session(
            3,
            5,
            "2026-11-29T10:00:00+08:00",
            "2026-11-29T11:30:00+08:00",
            "大调解室",
            "（2026）临新人调字第40号",
        ),
    ]
}

pub(super) fn alert(
    case: i64,
    label: &str,
    kind: DeadlineKind,
    due: &str,
    urgency: Urgency,
) -> CaseAlert {
    CaseAlert {
        case_id: CaseId(case),
        label: label.into(),
        parties: "张三、李四".into(),
        deadline: Deadline {
            kind,
            due: day(due),
            at: None,
            urgency,
        },
    }
}

pub(super) fn today_data() -> TodayData {
    TodayData {
        part: None,
        sessions: sessions(),
        alerts: vec![
            alert(
                4,
                "（2026）临新人调字第33号",
                DeadlineKind::FollowUp,
                "2026-11-26",
                Urgency::Overdue(2),
            ),
            alert(
                6,
                "（2026）临新人调字第41号",
                DeadlineKind::CaseLimit,
                "2026-12-01",
                Urgency::Near(3),
            ),
            alert(
                3,
                "（2026）临新人调字第31号",
                DeadlineKind::Confirmation,
                "2026-12-04",
                Urgency::Near(6),
            ),
        ],
        performance: vec![
            due_item(8, "支付赔偿款", Some(300_000), "2026-11-25"),
            due_item(9, "修复卫生间防水", None, "2026-11-30"),
        ],
        more_alerts: 0,
        alerts_head: None,
        places: Place::defaults(),
    }
}

fn due_item(case: i64, what: &str, amount: Option<i64>, due: &str) -> crate::storage::DueItem {
    crate::storage::DueItem {
        case_id: CaseId(case),
        label: format!("（2026）临新人调字第{case}号"),
        parties: "张三、李四".into(),
        item: crate::domain::agreement::PerformanceItem {
            what: what.into(),
            obligor: "李四".into(),
            obligee: "张三".into(),
            amount_fen: amount,
            due: Some(day(due)),
            ..Default::default()
        },
    }
}

/// The app as started: on 今日, with today's data read.
pub(super) fn today_state(lang: Lang) -> AppState {
    let mut s = state(lang, 80, 24);
    s.tab = Tab::Today;
    update(&mut s, Action::TodayLoaded(Box::new(today_data())));
    s
}

pub(super) fn schedule_state(lang: Lang) -> AppState {
    let mut s = today_state(lang);
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::Tab)));
    assert!(
        matches!(effects.as_slice(), [Effect::LoadCases(_)]),
        "Tab from 今日 goes to the cases, read afresh: {effects:?}"
    );
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::Tab)));
    assert_eq!(s.tab, Tab::Schedule);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadAgenda { from, to, .. }] if *from == today() && *to == today()),
        "{effects:?}"
    );
    update(&mut s, Action::AgendaLoaded(sessions()[..2].to_vec()));
    s
}

#[test]
fn today_zh() {
    insta::assert_snapshot!(screen(&today_state(Lang::Zh)));
}

#[test]
fn today_en() {
    insta::assert_snapshot!(screen(&today_state(Lang::En)));
}

#[test]
fn today_with_nothing_to_do_zh() {
    let mut s = state(Lang::Zh, 80, 24);
    s.tab = Tab::Today;
    let empty = TodayData {
        part: None,
        sessions: vec![],
        alerts: vec![],
        performance: vec![],
        more_alerts: 0,
        alerts_head: None,
        places: vec![],
    };
    update(&mut s, Action::TodayLoaded(Box::new(empty)));
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn the_app_opens_on_today_and_asks_for_it() {
    let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
    s.zone = crate::domain::dates::Zone::beijing();
    assert_eq!(s.tab, Tab::Today);
    let effects = update(&mut s, Action::RoomLoaded(Box::new(room())));
    assert!(effects.contains(&Effect::LoadToday(today())), "{effects:?}");
    assert_eq!(s.tab, Tab::Today);
}

#[test]
fn enter_on_a_today_line_opens_its_case() {
    let mut s = today_state(Lang::Zh);
    // Three sessions, then the agreements' performance: the fourth line is the missed
    // payment of case 8.
    for _ in 0..3 {
        update(&mut s, Action::Key(Key::plain(KeyCode::Down)));
    }
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::Enter)));
    assert_eq!(effects, vec![Effect::LoadCase(CaseId(8))]);
    assert_eq!(s.tab, Tab::Cases);
    let effects = update(&mut s, Action::CaseLoaded(Box::new(case())));
    assert!(matches!(s.cases, CasesView::Detail(_)));
    assert_eq!(effects.first(), Some(&Effect::LoadCaseSessions(CaseId(7))));
    for _ in 0..20 {
        update(&mut s, Action::Key(Key::plain(KeyCode::Down)));
    }
    let mut s2 = today_state(Lang::Zh);
    for _ in 0..20 {
        update(&mut s2, Action::Key(Key::plain(KeyCode::Down)));
    }
    assert_eq!(s2.today_view.selected, 7, "stops at the last line");
}

#[test]
fn agenda_zh() {
    insta::assert_snapshot!(screen(&schedule_state(Lang::Zh)));
}

#[test]
fn agenda_en() {
    insta::assert_snapshot!(screen(&schedule_state(Lang::En)));
}

#[test]
fn agenda_of_a_week_zh() {
    let mut s = schedule_state(Lang::Zh);
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(6))));
    assert!(
        matches!(effects.as_slice(), [Effect::LoadAgenda { from, to, .. }] if *from == day("2026-11-23") && *to == day("2026-11-29")),
        "{effects:?}"
    );
    update(&mut s, Action::AgendaLoaded(sessions()));
    insta::assert_snapshot!(screen(&s));
}

fn month_state(lang: Lang) -> AppState {
    let mut s = schedule_state(lang);
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(5))));
    assert!(
        matches!(effects.as_slice(), [Effect::LoadMonth { from, to, .. }] if *from == day("2026-10-26") && *to == day("2026-12-06")),
        "{effects:?}"
    );
    update(
        &mut s,
        Action::MonthLoaded(vec![
            (day("2026-11-28"), 2),
            (day("2026-11-29"), 1),
            (day("2026-12-03"), 12),
        ]),
    );
    s
}

#[test]
fn month_zh() {
    insta::assert_snapshot!(screen(&month_state(Lang::Zh)));
}

#[test]
fn month_en() {
    insta::assert_snapshot!(screen(&month_state(Lang::En)));
}

#[test]
fn month_moves_by_day_week_and_month_and_enter_opens_the_day() {
    let mut s = month_state(Lang::Zh);
    let key = |s: &mut AppState, code| update(s, Action::Key(Key::plain(code)));
    key(&mut s, KeyCode::Right);
    assert_eq!(s.schedule.cursor, Some(day("2026-11-29")));
    key(&mut s, KeyCode::Down);
    assert_eq!(s.schedule.cursor, Some(day("2026-12-06")));
    let effects = key(&mut s, KeyCode::PageDown);
    assert_eq!(s.schedule.cursor, Some(day("2027-01-06")));
    assert!(
        matches!(effects.as_slice(), [Effect::LoadMonth { from, .. }] if *from == day("2026-12-28"))
    );
    key(&mut s, KeyCode::PageUp);
    key(&mut s, KeyCode::Up);
    assert_eq!(s.schedule.cursor, Some(day("2026-11-29")));
    let effects = key(&mut s, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadAgenda { from, to, .. }] if *from == day("2026-11-29") && *to == *from),
        "{effects:?}"
    );
    let effects = key(&mut s, KeyCode::Home);
    assert!(matches!(effects.as_slice(), [Effect::LoadAgenda { from, .. }] if *from == today()));
}

#[test]
fn filters_cycle_and_esc_clears_them() {
    let mut s = schedule_state(Lang::Zh);
    let effects = update(&mut s, Action::Key(Key::char('f')));
    assert_eq!(s.schedule.filter.mediator, Some(MediatorId(1)));
    assert!(
        matches!(&effects[..], [Effect::LoadAgenda { filter, .. }] if filter.mediator == Some(MediatorId(1)))
    );
    update(&mut s, Action::Key(Key::plain(KeyCode::F(4))));
    assert_eq!(s.schedule.filter.place.as_deref(), Some("调解室"));
    let text = screen(&s);
    assert!(text.contains("王建国") && text.contains("调解室"), "{text}");
    update(&mut s, Action::Key(Key::plain(KeyCode::Esc)));
    assert_eq!(s.schedule.filter, Default::default());
}

pub(super) fn detail_state(lang: Lang) -> AppState {
    let mut s = state(lang, 80, 24);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    update(
        &mut s,
        Action::CaseSessionsLoaded(CaseId(7), sessions()[..1].to_vec()),
    );
    s
}

#[test]
fn session_form_zh() {
    let mut s = detail_state(Lang::Zh);
    update(&mut s, Action::Key(Key::plain(KeyCode::F(7))));
    assert!(s.modals.last().is_some_and(Modal::is::<SessionForm>));
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn a_clash_asks_for_a_reason_and_books_with_it() {
    let mut s = detail_state(Lang::Zh);
    update(&mut s, Action::Key(Key::char('a')));
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(2))));
    let [
        Effect::CreateSession {
            fields,
            override_reason,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert!(override_reason.is_empty());
    let other = &sessions()[0];
    let verdict = Verdict {
        refusals: vec![Clash {
            kind: ClashKind::Room("小调解室".into()),
            other: Slot {
                id: Some(other.id),
                start: other.fields.start,
                end: other.fields.end,
                place: "小调解室".into(),
                place_is_room: true,
                mediators: vec![(MediatorId(2), "李秀英".into())],
                parties: vec![],
                case_label: "（2026）临新人调字第41号".into(),
            },
        }],
        warnings: vec![],
    };
    update(
        &mut s,
        Action::SessionClash(fields.clone(), Box::new(verdict)),
    );
    insta::assert_snapshot!("clash_dialog_zh", screen(&s));
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(2))));
    assert!(effects.is_empty(), "no reason, no booking");
    for c in "李秀英同意改用".chars() {
        update(&mut s, Action::Key(Key::char(c)));
    }
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(2))));
    assert!(
        matches!(effects.as_slice(), [Effect::CreateSession { override_reason, .. }] if override_reason == "李秀英同意改用"),
        "{effects:?}"
    );
}

#[test]
fn detail_shows_the_sessions_of_the_case_zh() {
    let mut s = detail_state(Lang::Zh);
    for _ in 0..30 {
        update(&mut s, Action::Key(Key::plain(KeyCode::Down)));
    }
    let text = screen(&s);
    assert!(
        text.contains("日程（1）") && text.contains("09:30–11:00"),
        "{text}"
    );
}

#[test]
fn record_form_zh() {
    let mut s = detail_state(Lang::Zh);
    update(&mut s, Action::Key(Key::plain(KeyCode::F(8))));
    assert!(s.modals.last().is_some_and(Modal::is::<RecordForm>));
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn a_record_needs_its_notes_and_is_saved_for_the_chosen_session() {
    let mut s = detail_state(Lang::Zh);
    update(
        &mut s,
        Action::CaseSessionsLoaded(
            CaseId(7),
            vec![sessions()[0].clone(), sessions()[2].clone()],
        ),
    );
    update(&mut s, Action::Key(Key::char('j')));
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(2))));
    assert!(effects.is_empty(), "no notes, nothing saved");
    let Some(r) = s.modals.last().and_then(Modal::dialog::<RecordForm>) else {
        panic!("the form stays open")
    };
    assert!(
        r.form
            .field("notes")
            .and_then(|f| f.error.clone())
            .is_some()
    );
    assert_eq!(
        r.session().map(|x| x.id),
        Some(SessionId(1)),
        "today's, not tomorrow's"
    );
    for c in "双方陈述了经过。".chars() {
        update(&mut s, Action::Key(Key::char(c)));
    }
    update(&mut s, Action::Key(Key::plain(KeyCode::Enter)));
    for c in "同意维修。".chars() {
        update(&mut s, Action::Key(Key::char(c)));
    }
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(2))));
    let [
        Effect::RecordSession {
            id,
            version,
            record,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!((*id, *version), (SessionId(1), 1));
    assert_eq!(record.notes, "双方陈述了经过。\n同意维修。");
    assert_eq!(
        record.attendees,
        vec!["王秀兰".to_string(), "王建国".to_string()]
    );
    let mut held = sessions()[0].clone();
    held.status = SessionStatus::Held;
    let effects = update(&mut s, Action::SessionRecorded(Box::new(held)));
    assert!(s.modals.is_empty());
    assert_eq!(effects, vec![Effect::LoadCaseSessions(CaseId(7))]);
}

#[test]
fn a_case_without_sessions_says_to_schedule_one_first() {
    let mut s = state(Lang::Zh, 80, 24);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    update(&mut s, Action::CaseSessionsLoaded(CaseId(7), vec![]));
    update(&mut s, Action::Key(Key::plain(KeyCode::F(8))));
    assert!(matches!(s.modals.last(), Some(Modal::Notice { text }) if text.contains("F7")));
}

#[test]
fn text_typed_for_one_session_is_kept_when_the_user_looks_at_another() {
    let mut s = detail_state(Lang::Zh);
    update(
        &mut s,
        Action::CaseSessionsLoaded(
            CaseId(7),
            vec![sessions()[0].clone(), sessions()[2].clone()],
        ),
    );
    update(&mut s, Action::Key(Key::char('j')));
    // F2 on empty notes puts the cursor into them.
    update(&mut s, Action::Key(Key::plain(KeyCode::F(2))));
    for c in "双方陈述了经过。".chars() {
        update(&mut s, Action::Key(Key::char(c)));
    }
    let Some(r) = s
        .modals
        .last_mut()
        .and_then(Modal::dialog_mut::<RecordForm>)
    else {
        panic!("the record form is open")
    };
    assert_eq!(r.form.value("notes"), "双方陈述了经过。");
    let first = r.form.field("session").map(|f| f.selected).unwrap_or(0);
    // To the other session and back, as ←/→ on the session choice would.
    for to in [1 - first, first] {
        r.form.focus_on("session");
        r.form.set_choice("session", &to.to_string());
        r.refresh();
        if to != first {
            assert_eq!(
                r.form.value("notes"),
                "",
                "the other session shows its own record"
            );
        }
    }
    assert_eq!(r.form.value("notes"), "双方陈述了经过。");
}
