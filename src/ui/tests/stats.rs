//! Snapshots of the 统计 tab, and the keys that move its period and table.

use super::support::*;
use crate::app::action::{Action, Effect};
use crate::app::key::{Key, KeyCode};
use crate::app::{AppState, Tab, update};
use crate::domain::case::CaseId;
use crate::domain::category::Category;
use crate::domain::source::Source;
use crate::domain::stats::period::Period;
use crate::domain::stats::{Outcome, StatsCase, compute};
use crate::i18n::Lang;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// November 2026: eight cases over four categories, one local sub-type, two mediators.
fn rows() -> Vec<StatsCase> {
    let base = |id, category, source, succeeded: bool| StatsCase {
        id: CaseId(id),
        category,
        local: None,
        source,
        mediators: vec!["王建国".into()],
        persons_involved: 2,
        party_count: 2,
        amount_fen: Some(120_000),
        risk_escalation: false,
        risk_group: false,
        accepted_on: Some(d("2026-11-03")),
        outcome: Some((
            if succeeded {
                Outcome::Succeeded
            } else {
                Outcome::Terminated
            },
            d("2026-11-20"),
        )),
        agreement: succeeded.then_some((crate::domain::agreement::AgreementKind::Written, None)),
    };
    let mut out = vec![
        base(1, Category::Neighbour, Source::Application, true),
        base(2, Category::Neighbour, Source::Police, true),
        base(3, Category::Neighbour, Source::Initiative, false),
        base(4, Category::Marriage, Source::Application, true),
        base(5, Category::Property, Source::Court, true),
        base(6, Category::Contract, Source::Petition, true),
        base(7, Category::Traffic, Source::Police, true),
    ];
    out[4].local = Some("供热".into());
    out[4].risk_group = true;
    out[4].persons_involved = 23;
    out[1].risk_escalation = true;
    out[5].mediators = vec!["李秀英".into(), "王建国".into()];
    let mut open = base(8, Category::Neighbour, Source::Application, true);
    open.outcome = None;
    out.push(open);
    out
}

/// The tab as it looks once November's figures have arrived.
fn stats_state(lang: Lang) -> AppState {
    let mut s = list_state(lang);
    // 案件 → 日程 → 文书 → 统计.
    press(
        &mut s,
        &[
            Key::plain(KeyCode::Tab),
            Key::plain(KeyCode::Tab),
            Key::plain(KeyCode::Tab),
        ],
    );
    assert_eq!(s.tab, Tab::Statistics);
    let period = Period::month_of(today());
    assert_eq!(s.stats.period, Some(period));
    update(
        &mut s,
        Action::StatsLoaded(Box::new(compute(period, &rows()))),
    );
    s
}

#[test]
fn statistics_zh() {
    insta::assert_snapshot!(screen(&stats_state(Lang::Zh)));
}

#[test]
fn statistics_en() {
    insta::assert_snapshot!(screen(&stats_state(Lang::En)));
}

#[test]
fn statistics_by_source_zh() {
    let mut s = stats_state(Lang::Zh);
    press(
        &mut s,
        &[Key::plain(KeyCode::F(6)), Key::plain(KeyCode::F(6))],
    );
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn arrows_move_the_period_and_f5_changes_its_kind() {
    let mut s = stats_state(Lang::Zh);
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::Left)));
    let october = Period::month_of(d("2026-10-01"));
    assert_eq!(effects, vec![Effect::LoadStats(october)]);
    // November's figures arriving late are not shown for October.
    update(
        &mut s,
        Action::StatsLoaded(Box::new(compute(Period::month_of(today()), &rows()))),
    );
    assert!(s.stats.stats.is_none());
    assert!(screen(&s).contains("2026年10月"));
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(5))));
    let q4 = Period::quarter_of(d("2026-10-01"));
    assert_eq!(effects, vec![Effect::LoadStats(q4)]);
    let effects = update(&mut s, Action::Key(Key::char('x')));
    assert_eq!(effects, vec![Effect::ExportStats(q4)]);
    update(&mut s, Action::StatsExported("/tmp/统计.xlsx".into()));
    assert!(screen(&s).contains("/tmp/统计.xlsx"));
}

#[test]
fn the_tab_draws_at_every_size_without_panicking() {
    for (w, h) in [(60, 16), (61, 17), (80, 24), (200, 60)] {
        let mut s = stats_state(Lang::Zh);
        update(&mut s, Action::Resize(crate::ui::screen(w, h)));
        for _ in 0..20 {
            press(&mut s, &[Key::plain(KeyCode::Down)]);
        }
        let _ = screen(&s);
    }
}

fn range_state(lang: Lang) -> AppState {
    let mut s = stats_state(lang);
    press(&mut s, &[Key::plain(KeyCode::F(7))]);
    assert!(s.stats.range.is_some());
    s
}

#[test]
fn statistics_range_form_zh() {
    insta::assert_snapshot!(screen(&range_state(Lang::Zh)));
}

#[test]
fn statistics_range_form_en() {
    insta::assert_snapshot!(screen(&range_state(Lang::En)));
}

/// F7 opens the two days filled with the period shown; dates are typed as in the
/// schedule; a day that is not one is marked and nothing is read; Esc closes.
#[test]
fn any_range_is_typed_like_the_schedules_dates() {
    let mut s = range_state(Lang::Zh);
    let form = s.stats.range.as_ref().unwrap();
    assert_eq!(form.value("from"), "2026-11-01");
    assert_eq!(form.value("to"), "2026-11-30");
    // Letters are text here, not the tab's keys.
    let clear = |s: &mut AppState| {
        for _ in 0..12 {
            press(s, &[Key::plain(KeyCode::Backspace)]);
        }
    };
    clear(&mut s);
    let typed: Vec<Key> = "10-15".chars().map(Key::char).collect();
    press(&mut s, &typed);
    press(&mut s, &[Key::plain(KeyCode::Tab)]);
    clear(&mut s);
    let typed: Vec<Key> = "xyz".chars().map(Key::char).collect();
    press(&mut s, &typed);
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(2))));
    assert!(effects.is_empty());
    assert!(screen(&s).contains("xyz"));
    assert!(s.stats.range.is_some());
    clear(&mut s);
    let typed: Vec<Key> = "昨天".chars().map(Key::char).collect();
    press(&mut s, &typed);
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::Enter)));
    let range = Period::range(d("2026-10-15"), today().pred_opt().unwrap());
    assert_eq!(effects, vec![Effect::LoadStats(range)]);
    assert!(s.stats.range.is_none());
    assert!(screen(&s).contains("2026-10-15"));
    // F9 exports that range's ledger; the path is said.
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(9))));
    assert_eq!(effects, vec![Effect::ExportLedger(range)]);
    update(&mut s, Action::LedgerExported("/tmp/台账.xlsx".into()));
    assert!(screen(&s).contains("/tmp/台账.xlsx"));
    // Esc closes the form and keeps the period.
    press(
        &mut s,
        &[Key::plain(KeyCode::F(7)), Key::plain(KeyCode::Esc)],
    );
    assert!(s.stats.range.is_none());
    assert_eq!(s.stats.period, Some(range));
}
