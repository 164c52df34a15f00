//! The table is the only place an effect is described: one value of every effect, and
//! what each part of the app that used to keep its own list now says of it.

use super::*;
use crate::app::action::Effect;
use crate::domain::agreement::Agreement;
use crate::domain::case::CaseId;
use crate::domain::category::{Category, LocalCategory};
use crate::domain::follow_up::{FollowUp, Performance, Place, Satisfaction, VisitWay};
use crate::domain::org::MediatorId;
use crate::domain::rights::{Refusal, Why};
use crate::domain::session::{SessionFields, SessionKind, SessionRecord};
use crate::domain::stats::period::Period;
use crate::domain::status::CaseStatus;
use crate::domain::user::{Role, User};
use crate::ui::tests::support::{case, today};

/// The number of `Effect` variants; `variant` below must name each of them.
const VARIANTS: usize = 48;

/// Which variant `effect` is (no catch-all: a new effect fails to compile here, and
/// then `one_of_each` must gain a value of it).
fn variant(effect: &Effect) -> usize {
    match effect {
        Effect::LoadRoom => 0,
        Effect::LoadCases(_) => 1,
        Effect::SearchCases { .. } => 2,
        Effect::LoadCase(_) => 3,
        Effect::CreateCase(_) => 4,
        Effect::UpdateCase { .. } => 5,
        Effect::ChangeStatus { .. } => 6,
        Effect::CreateRoom { .. } => 7,
        Effect::SaveRoom { .. } => 8,
        Effect::AddMediator { .. } => 9,
        Effect::SetMediatorActive { .. } => 10,
        Effect::SaveLocalCategory(_) => 11,
        Effect::SaveSettings(_) => 12,
        Effect::SavePlaces(_) => 13,
        Effect::LoadToday(_) => 14,
        Effect::LoadAgenda { .. } => 15,
        Effect::LoadMonth { .. } => 16,
        Effect::LoadCaseSessions(_) => 17,
        Effect::RecordSession { .. } => 18,
        Effect::CreateSession { .. } => 19,
        Effect::PostponeSession { .. } => 20,
        Effect::CancelSession { .. } => 21,
        Effect::LoadFollowUps(_) => 22,
        Effect::AddFollowUp(_) => 23,
        Effect::LoadStats(_) => 24,
        Effect::ExportStats(_) => 25,
        Effect::ExportLedger(_) => 26,
        Effect::FindRepeats(_) => 27,
        Effect::TakeInRestore(_) => 28,
        Effect::LoadDrafts => 29,
        Effect::SaveDraft { .. } => 30,
        Effect::DeleteDraft(_) => 31,
        Effect::DiscardDraft { .. } => 32,
        Effect::AdoptDraft { .. } => 33,
        Effect::ReleaseDrafts => 34,
        Effect::LoadUsers => 35,
        Effect::SaveUser { .. } => 36,
        Effect::LoadHistory(_) => 37,
        Effect::WriteDocument { .. } => 38,
        Effect::PrintLocally { .. } => 39,
        Effect::LoadAgreement(..) => 40,
        Effect::SaveAgreement(_) => 41,
        Effect::RecordRefusal { .. } => 42,
        Effect::DailyBackup => 43,
        Effect::LoadTodaySessions { .. } => 44,
        Effect::LoadTodayRest(_) => 45,
        Effect::LoadTodayPerformance(_) => 46,
        Effect::LoadTodayAlerts(_) => 47,
    }
}

fn session_fields() -> SessionFields {
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).expect("time");
    SessionFields {
        case_id: CaseId(7),
        kind: SessionKind::Mediation,
        start: at("2026-11-20T09:00:00+08:00"),
        end: at("2026-11-20T10:00:00+08:00"),
        place: "调解室".into(),
        place_is_room: true,
        mediators: vec![MediatorId(1)],
        parties: Vec::new(),
    }
}

/// One value of every effect.
pub(crate) fn one_of_each() -> Vec<Effect> {
    use crate::domain::session::SessionId;
    let case = case();
    let period = Period::month_of(today());
    let day = today();
    let visit = FollowUp {
        case_id: case.id,
        visited_on: day,
        way: VisitWay::Phone,
        performance: Performance::Full,
        satisfaction: Satisfaction::Satisfied,
        lawsuit: false,
        escalation: false,
        measures: String::new(),
        by_whom: "王建国".into(),
    };
    let choice = Box::new(crate::documents::forms::Choice::default());
    let form = crate::documents::forms::FormKind::Register;
    vec![
        Effect::LoadRoom,
        Effect::LoadCases(Default::default()),
        Effect::SearchCases {
            generation: 1,
            query: Default::default(),
        },
        Effect::LoadCase(case.id),
        Effect::CreateCase(Box::new(case.fields.clone())),
        Effect::UpdateCase {
            id: case.id,
            version: 1,
            fields: Box::new(case.fields.clone()),
        },
        Effect::ChangeStatus {
            id: case.id,
            version: 1,
            to: CaseStatus::Terminated,
            reason: String::new(),
            mediators: Vec::new(),
        },
        Effect::CreateRoom {
            profile: crate::ui::tests::support::room().org.expect("room").profile,
            first_mediator: "王建国".into(),
        },
        Effect::SaveRoom {
            profile: crate::ui::tests::support::room().org.expect("room").profile,
            lang: crate::i18n::Lang::Zh,
            printer: Default::default(),
        },
        Effect::AddMediator {
            name: "李".into(),
            phone: String::new(),
        },
        Effect::SetMediatorActive {
            id: MediatorId(1),
            active: false,
        },
        Effect::SaveLocalCategory(LocalCategory {
            name: "供热".into(),
            parent: Category::Property,
        }),
        Effect::SaveSettings(Vec::new()),
        Effect::SavePlaces(vec![Place {
            name: "调解室".into(),
            is_room: true,
        }]),
        Effect::LoadToday(day),
        Effect::LoadTodaySessions {
            today: day,
            from: 48,
            limit: 74,
        },
        Effect::LoadTodayRest(day),
        Effect::LoadTodayAlerts(day),
        Effect::LoadTodayPerformance(day),
        Effect::LoadAgenda {
            from: day,
            to: day,
            filter: Default::default(),
        },
        Effect::LoadMonth {
            from: day,
            to: day,
            filter: Default::default(),
        },
        Effect::LoadCaseSessions(case.id),
        Effect::RecordSession {
            id: SessionId(4),
            version: 1,
            record: Box::new(SessionRecord::default()),
        },
        Effect::CreateSession {
            fields: Box::new(session_fields()),
            override_reason: String::new(),
        },
        Effect::PostponeSession {
            id: SessionId(4),
            version: 1,
            fields: Box::new(session_fields()),
            override_reason: String::new(),
        },
        Effect::CancelSession {
            id: SessionId(4),
            version: 1,
            reason: "x".into(),
        },
        Effect::LoadFollowUps(case.id),
        Effect::AddFollowUp(Box::new(visit)),
        Effect::LoadStats(period),
        Effect::ExportStats(period),
        Effect::ExportLedger(period),
        Effect::FindRepeats(crate::domain::repeat::RepeatQuery {
            keys: Vec::new(),
            exclude: None,
        }),
        Effect::TakeInRestore(2),
        Effect::LoadDrafts,
        Effect::SaveDraft {
            key: "record:7".into(),
            content: String::new(),
        },
        Effect::DeleteDraft("record:7".into()),
        Effect::DiscardDraft {
            owner: "w".into(),
            key: "record:7".into(),
        },
        Effect::AdoptDraft {
            owner: "w".into(),
            key: "record:7".into(),
        },
        Effect::ReleaseDrafts,
        Effect::LoadUsers,
        Effect::SaveUser {
            user: User::new("m", Role::Mediator),
            new: true,
        },
        Effect::LoadHistory(case.id),
        Effect::WriteDocument {
            case: case.id,
            form,
            today: day,
            choice: choice.clone(),
            print: false,
        },
        Effect::PrintLocally {
            case: case.id,
            form,
            today: day,
            choice,
        },
        Effect::LoadAgreement(case.id, false),
        Effect::SaveAgreement(Box::new(Agreement::draft(&case, &[]))),
        Effect::RecordRefusal {
            refusal: Box::new(Refusal {
                role: Role::Clerk,
                operation: Operation::EditCase,
                why: Why::Role,
            }),
            case: Some(case.id),
        },
        Effect::DailyBackup,
    ]
}

#[test]
fn one_of_each_holds_every_effect_once() {
    let mut seen: Vec<usize> = one_of_each().iter().map(variant).collect();
    seen.sort_unstable();
    assert_eq!(seen, (0..VARIANTS).collect::<Vec<_>>());
}

#[test]
fn every_part_that_kept_a_list_asks_the_table() {
    for effect in one_of_each() {
        let kind = effect.describe();
        assert_eq!(crate::app::guard::asked(&effect), kind.right, "{effect:?}");
        assert_eq!(effect.is_save(), kind.save, "{effect:?}");
        assert_eq!(
            crate::app::effects::can_be_stale(&effect),
            kind.versioned,
            "{effect:?}"
        );
        // What the table says hangs together: a save runs on the writer, a quiet write
        // beside it, a versioned write is a save.
        if kind.save || kind.quiet {
            assert!(
                matches!(kind.runs_on, RunsOn::Writer | RunsOn::Both),
                "{effect:?}"
            );
        }
        assert!(!(kind.save && kind.quiet), "{effect:?}");
        assert!(!kind.versioned || kind.save, "{effect:?}");
    }
}

#[test]
fn update_marks_today_outdated_exactly_for_what_the_table_says() {
    use crate::app::state::AppState;
    for effect in one_of_each() {
        let mut state = AppState::new(today(), crate::i18n::Lang::Zh, crate::ui::screen(80, 24));
        state.today_view.fresh_for = Some(today());
        crate::app::update::mark_today(&mut state, std::slice::from_ref(&effect));
        assert_eq!(
            state.today_view.fresh_for.is_none(),
            effect.describe().today_may_change,
            "{effect:?}"
        );
    }
}

#[test]
fn reads_drafts_and_files_leave_today_as_it_was_and_changes_do_not() {
    let by_variant = |n: usize| {
        one_of_each()
            .into_iter()
            .find(|e| variant(e) == n)
            .expect("variant")
            .describe()
    };
    // A read, a draft, an export: 今日 stays as read.
    for n in [0, 3, 17, 26, 30, 31, 38] {
        assert!(!by_variant(n).today_may_change, "{n}");
    }
    // A case saved, a session booked, a visit recorded: 今日 is read again.
    for n in [4, 5, 6, 19, 23, 41] {
        assert!(by_variant(n).today_may_change, "{n}");
        assert_eq!(by_variant(n).runs_on, RunsOn::Writer, "{n}");
    }
    assert_eq!(by_variant(2).runs_on, RunsOn::Searcher);
    assert_eq!(by_variant(43).runs_on, RunsOn::Backups);
    assert_eq!(by_variant(28).runs_on, RunsOn::Both);
    // The offer of drafts stays with the keyboard's runner, which holds their locks.
    assert_eq!(by_variant(32).runs_on, RunsOn::Keyboard);
    assert_eq!(
        by_variant(30).right,
        Some((Operation::SaveDraft, Target::Case(CaseId(7))))
    );
}
