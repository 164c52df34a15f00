//! Roles: a 登记员 (front desk) on a demo database tries every screen and every command,
//! and no full ID number or phone of a case they did not register appears anywhere —
//! not on screen, not in what storage hands the screens, not in any command's output.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::process::Command;
use tiaojie::app::action::{Action, Effect};
use tiaojie::app::effects::Runner;
use tiaojie::app::key::{Key, KeyCode};
use tiaojie::app::state::{AppState, CasesView, Tab};
use tiaojie::app::{start, update};
use tiaojie::domain::case::{CaseFields, CaseId, CaseQuery};
use tiaojie::domain::party::{Party, PartyKind, PartyRole};
use tiaojie::domain::user::{Role, User};
use tiaojie::i18n::Lang;
use tiaojie::storage::Store;

const CLERK: &str = "police1";
const OWN_ID: &str = "440524188001010014";
const OWN_PHONE: &str = "13800000001";

struct Room {
    _dir: tempfile::TempDir,
    db: PathBuf,
    /// Full ID numbers and phones of the cases the clerk did not register.
    secrets: Vec<String>,
    /// A case the clerk did not register.
    other: CaseId,
    other_number: String,
    other_name: String,
    own_number: String,
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-28T10:00:00+08:00").unwrap()
}

fn room() -> Room {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("room.db");
    let mut store = Store::open(&db).unwrap();
    store.ensure_admin("boss", &now()).unwrap();
    tiaojie::cli::demo::fill_demo(&mut store, 60, 2026, now()).unwrap();
    store
        .add_user(&User::new(CLERK, Role::Clerk), &now())
        .unwrap();
    let org = store.organisation().unwrap().unwrap();
    let mut fields = CaseFields::blank(now().date_naive());
    fields.facts = "邻居噪音纠纷，派出所移交".into();
    let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
    p.name = "孙自登".into();
    p.id_number = OWN_ID.into();
    p.phone = OWN_PHONE.into();
    fields.parties = vec![p];
    store.set_user(CLERK);
    let own = store.create_case(org.id, &fields, CLERK, &now()).unwrap();
    let mut secrets = Vec::new();
    let mut other = None;
    for id in store.case_ids(org.id).unwrap() {
        if id == own.id {
            continue;
        }
        let case = store.load_case(id).unwrap();
        for p in &case.fields.parties {
            for v in [&p.id_number, &p.phone] {
                if v.len() >= 7 && v != OWN_ID && v != OWN_PHONE {
                    secrets.push(v.clone());
                }
            }
        }
        if other.is_none()
            && case.number.is_some()
            && case.fields.parties.iter().any(|p| !p.id_number.is_empty())
        {
            other = Some(case);
        }
    }
    assert!(
        secrets.len() > 50,
        "the demo has parties with IDs and phones"
    );
    let other = other.expect("a numbered case with an ID number");
    // The clerk's own case has no number; print finds it by its id.
    Room {
        _dir: dir,
        db,
        secrets,
        other: other.id,
        other_number: other.number.clone().unwrap().text,
        other_name: other.fields.parties[0].name.clone(),
        own_number: own.id.0.to_string(),
    }
}

fn assert_clean(room: &Room, what: &str, text: &str) {
    for s in &room.secrets {
        assert!(
            !text.contains(s.as_str()),
            "{what} shows another case's {s}:\n{text}"
        );
    }
}

/// Runs effects like the event loop does; returns every action storage sent back.
fn drive(state: &mut AppState, runner: &mut Runner, effects: Vec<Effect>) -> Vec<Action> {
    let mut seen = Vec::new();
    let mut queue = std::collections::VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        let action = runner.run(effect, &now());
        seen.push(action.clone());
        queue.extend(update(state, action));
    }
    seen
}

fn screen(state: &AppState) -> String {
    let (cols, rows) = (state.size.cols, state.size.rows);
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).unwrap();
    let theme = tiaojie::ui::theme::Theme::PLAIN;
    terminal
        .draw(|f| tiaojie::ui::render(f, state, theme))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..rows {
        for x in 0..cols {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn a_clerk_sees_no_full_id_or_phone_of_another_case_on_any_screen() {
    let room = room();
    let clerk = User::new(CLERK, Role::Clerk);
    let mut runner = Runner::new(Store::open(&room.db).unwrap(), CLERK.into());
    runner.set_user(clerk.clone());
    let mut state = AppState::new(now().date_naive(), Lang::Zh, tiaojie::ui::screen(120, 40));
    state.user = clerk;
    let mut seen = drive(&mut state, &mut runner, start());
    let mut shown = vec![("today".to_string(), screen(&state))];
    // The first screen is up: what waits for it (the case list, the day's copy) is read.
    let after_first = update(&mut state, Action::FirstDrawn);
    seen.extend(drive(&mut state, &mut runner, after_first));

    // The list holds only the clerk's own case.
    state.tab = Tab::Cases;
    shown.push(("list".into(), screen(&state)));
    assert_eq!(state.list.page.total, 1, "only the case they registered");

    // Searching for another case's party, number or ID number finds nothing.
    for text in [&room.other_name, &room.other_number, &room.secrets[0]] {
        let query = CaseQuery {
            text: text.clone(),
            limit: 20,
            ..Default::default()
        };
        let found = drive(&mut state, &mut runner, vec![Effect::LoadCases(query)]);
        assert!(
            matches!(&found[0], Action::CasesLoaded(p) if p.total == 0),
            "search {text}: {found:?}"
        );
        shown.push((format!("search {text}"), screen(&state)));
        seen.extend(found);
    }
    seen.extend(drive(
        &mut state,
        &mut runner,
        vec![Effect::LoadCases(CaseQuery {
            limit: 20,
            ..Default::default()
        })],
    ));

    // Their own case opens; another case is refused, and so are its history and repeats.
    let effects = update(&mut state, Action::Key(Key::plain(KeyCode::Enter)));
    seen.extend(drive(&mut state, &mut runner, effects));
    assert!(
        matches!(state.cases, CasesView::Detail(_)),
        "own case opens"
    );
    for _ in 0..6 {
        shown.push(("detail".into(), screen(&state)));
        update(&mut state, Action::Key(Key::plain(KeyCode::PageDown)));
    }
    for effect in [
        Effect::LoadCase(room.other),
        Effect::LoadHistory(room.other),
    ] {
        let action = runner.run(effect, &now());
        assert!(matches!(action, Action::Failed(_)), "{action:?}");
        seen.push(action);
    }

    // 文书 preview, schedule, statistics, settings.
    for tab in [
        Tab::Documents,
        Tab::Schedule,
        Tab::Statistics,
        Tab::Settings,
        Tab::Today,
    ] {
        state.tab = tab;
        let today = state.today;
        let effects = update(&mut state, Action::Today(today));
        seen.extend(drive(&mut state, &mut runner, effects));
        shown.push((format!("{tab:?}"), screen(&state)));
    }
    for (what, text) in &shown {
        assert_clean(&room, what, text);
    }
    // Screens mask every ID number; the edit form of their own case gets it in full.
    assert!(
        format!("{seen:?}").contains(OWN_ID),
        "their own case is loaded in full"
    );
    assert_clean(
        &room,
        "what storage handed the screens",
        &format!("{seen:?}"),
    );
}

fn tiaojie(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tiaojie"))
        .arg("--db")
        .arg(db)
        .args(["--as", CLERK, "--lang", "zh"])
        .args(args)
        .env("TIAOJIE_FONT", "/nonexistent")
        .output()
        .unwrap()
}

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_clerk_gets_no_full_id_or_phone_of_another_case_from_any_command() {
    let room = room();
    let dir = room.db.parent().unwrap().to_path_buf();
    let mut outputs = Vec::new();
    for words in [
        room.other_name.as_str(),
        room.other_number.as_str(),
        room.secrets[0].as_str(),
        "纠纷",
    ] {
        let out = tiaojie(&room.db, &["search", words]);
        assert!(out.status.success(), "{}", text(&out));
        outputs.push((format!("search {words}"), text(&out)));
    }
    let search_all = tiaojie(&room.db, &["search", "纠纷"]);
    assert_eq!(
        String::from_utf8_lossy(&search_all.stdout).lines().count(),
        1,
        "only their own case"
    );

    let export = tiaojie(&room.db, &["export"]);
    assert!(export.status.success());
    assert_eq!(String::from_utf8_lossy(&export.stdout).lines().count(), 1);
    outputs.push(("export".into(), text(&export)));

    let ledger = dir.join("ledger.csv");
    let out = tiaojie(
        &room.db,
        &[
            "report",
            "ledger",
            "--from",
            "2020-01-01",
            "--to",
            "2026-12-31",
            "--format",
            "csv",
            "-o",
            ledger.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    outputs.push(("ledger".into(), std::fs::read_to_string(&ledger).unwrap()));
    let out = tiaojie(
        &room.db,
        &[
            "report",
            "ledger",
            "--from",
            "2020-01-01",
            "--to",
            "2026-12-31",
            "--unmasked",
        ],
    );
    assert!(!out.status.success(), "--unmasked is for administrators");
    assert!(text(&out).contains("管理员"));
    outputs.push(("ledger --unmasked".into(), text(&out)));

    let other_doc = dir.join("other.txt");
    let out = tiaojie(
        &room.db,
        &[
            "print",
            "register",
            &room.other_number,
            "--format",
            "txt",
            "-o",
            other_doc.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success(), "another case cannot be printed");
    assert!(!other_doc.exists());
    // The refusal is recorded against that case, as storage records every refusal.
    let refusals = |operation: &str| -> i64 {
        rusqlite::Connection::open(&room.db)
            .unwrap()
            .query_row(
                "SELECT count(*) FROM audit WHERE action = 'refused' AND user_name = ?2
                 AND after_json LIKE ?1",
                [format!("%\"{operation}\"%"), CLERK.to_string()],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(
        refusals("print_document"),
        1,
        "the refused print is in the audit"
    );
    outputs.push(("print other".into(), text(&out)));
    let own_doc = dir.join("own.txt");
    let out = tiaojie(
        &room.db,
        &[
            "print",
            "register",
            &room.own_number,
            "--format",
            "txt",
            "-o",
            own_doc.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let own = std::fs::read_to_string(&own_doc).unwrap();
    assert!(own.contains(OWN_ID), "their own case prints in full");
    outputs.push(("print own".into(), own));
    // No agreement for the front desk, not even of their own case.
    let out = tiaojie(&room.db, &["print", "agreement", &room.own_number]);
    assert!(!out.status.success(), "the front desk prints no agreement");
    assert_eq!(
        refusals("view_agreement"),
        1,
        "and so is the refused agreement"
    );
    assert!(text(&out).contains("协议"), "{}", text(&out));
    outputs.push(("print agreement".into(), text(&out)));

    let out = tiaojie(
        &room.db,
        &["agenda", "--from", "2026-11-01", "--days", "60"],
    );
    outputs.push(("agenda".into(), text(&out)));

    let out = tiaojie(&room.db, &["user", "add", "someone", "--role", "admin"]);
    assert!(!out.status.success(), "a clerk cannot add users");

    for (what, text) in &outputs {
        assert_clean(&room, what, text);
    }
}

/// Runs the real binary as `user` on `db`.
fn as_user(db: &Path, user: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tiaojie"))
        .arg("--db")
        .arg(db)
        .args(["--as", user, "--lang", "zh"])
        .args(args)
        .env("TIAOJIE_FONT", "/nonexistent")
        .output()
        .unwrap()
}

fn cases_in(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn every_subcommand_asks_the_rights_table_for_every_role() {
    use tiaojie::domain::rights::{Operation, Reach, reach};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("room.db");
    let demo = as_user(&db, "boss", &["demo", "--cases", "8"]);
    assert!(demo.status.success(), "{}", text(&demo));
    let people = [
        ("boss", Role::Admin),
        ("med", Role::Mediator),
        ("desk", Role::Clerk),
        ("reader", Role::ReadOnly),
    ];
    for (name, role) in &people[1..] {
        let out = as_user(&db, "boss", &["user", "add", name, "--role", role.code()]);
        assert!(out.status.success(), "{}", text(&out));
    }
    let copies = dir.path().join("copies");
    let out = as_user(&db, "boss", &["backup", copies.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let copy = std::fs::read_dir(&copies)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let jsonl = dir.path().join("cases.jsonl");
    std::fs::write(&jsonl, "").unwrap();
    let range = ["--from", "2020-01-01", "--to", "2026-12-31"];
    let ledger: Vec<&str> = [&["report", "ledger"][..], &range[..]].concat();
    let unmasked: Vec<&str> = [&ledger[..], &["--unmasked"][..]].concat();
    let stats: Vec<&str> = [&["report", "stats"][..], &range[..]].concat();
    let backup_dir = dir.path().join("more");
    let commands: Vec<(Vec<&str>, Operation)> = vec![
        (vec!["export"], Operation::ExportCases),
        (vec!["agenda"], Operation::ViewAgenda),
        (vec!["import", jsonl.to_str().unwrap()], Operation::Import),
        (stats, Operation::ExportStats),
        (ledger, Operation::ExportLedger),
        (unmasked, Operation::ExportUnmasked),
        (
            vec![
                "print",
                "register",
                "1",
                "--format",
                "txt",
                "-o",
                "/dev/null",
            ],
            Operation::PrintDocument,
        ),
        (
            vec!["backup", backup_dir.to_str().unwrap()],
            Operation::Backup,
        ),
        (vec!["check"], Operation::Check),
        (vec!["search", "纠纷"], Operation::Search),
        (vec!["user", "list"], Operation::ManageUsers),
        (vec!["user", "disable", "nobody"], Operation::ManageUsers),
        // Last: it replaces the file (with the copy, which holds the same users).
        (vec!["restore", copy.to_str().unwrap()], Operation::Restore),
    ];
    for (args, op) in &commands {
        for (name, role) in &people {
            let before = cases_in(&db);
            let out = as_user(&db, name, args);
            let said = text(&out);
            let role_label = tiaojie::i18n::label("role", role.code());
            let refused = said.contains(&format!("你的角色「{role_label}」不能"));
            match reach(*role, *op) {
                Reach::No => {
                    assert!(refused, "{name} ({role:?}) {args:?} not refused:\n{said}");
                    assert!(!out.status.success(), "{name} {args:?} exits non-zero");
                    assert_eq!(cases_in(&db), before, "{name} {args:?} wrote");
                }
                Reach::Own | Reach::Any => {
                    assert!(!refused, "{name} ({role:?}) {args:?} refused:\n{said}")
                }
            }
        }
    }
    // `tiaojie --as 前台 restore FILE` is refused to the front desk (as `user add` is).
    let out = as_user(&db, "desk", &["restore", copy.to_str().unwrap()]);
    assert!(
        !out.status.success() && text(&out).contains("恢复备份"),
        "{}",
        text(&out)
    );
    // Sample data goes into a new file only: nobody becomes administrator of this room
    // by running demo on it, not even someone it does not know.
    for name in ["boss", "desk", "stranger"] {
        let out = as_user(&db, name, &["demo", "--cases", "3"]);
        assert!(!out.status.success(), "{name}: {}", text(&out));
        assert!(text(&out).contains("已经有调解室"), "{}", text(&out));
    }
    let store = Store::open(&db).unwrap();
    assert!(store.user("stranger").unwrap().is_none());
    assert_eq!(store.user("desk").unwrap().unwrap().role, Role::Clerk);
    // Each refusal is in the audit.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let refused: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'refused' AND user_name = 'desk'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(refused >= 1, "the front desk's refusals are recorded");
}

#[test]
fn the_front_desks_agenda_names_no_other_cases_parties() {
    let room = room();
    let out = tiaojie(
        &room.db,
        &["agenda", "--from", "2026-11-01", "--days", "90"],
    );
    assert!(out.status.success(), "{}", text(&out));
    let agenda = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(agenda.contains("其他案件"), "{agenda}");
    assert!(!agenda.contains(&room.other_number), "{agenda}");
    assert!(!agenda.contains(&room.other_name), "{agenda}");
    // A mediator's agenda names them.
    let out = as_user(
        &room.db,
        "boss",
        &["agenda", "--from", "2026-11-01", "--days", "90"],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("人调字"));
}

#[test]
fn the_front_desks_ledger_is_the_same_on_the_statistics_tab_and_the_command_line() {
    use tiaojie::domain::stats::period::Period;
    let room = room();
    let clerk = User::new(CLERK, Role::Clerk);
    let mut runner = Runner::new(Store::open(&room.db).unwrap(), CLERK.into());
    runner.set_user(clerk.clone());
    let mut state = AppState::new(now().date_naive(), Lang::Zh, tiaojie::ui::screen(120, 40));
    state.user = clerk.clone();
    drive(&mut state, &mut runner, start());
    let period = Period::range(
        chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    );
    // The 统计 tab's F9 gives the front desk its ledger (it was refused before).
    let action = runner.run(Effect::ExportLedger(period), &now());
    assert!(matches!(action, Action::LedgerExported(_)), "{action:?}");
    // Of the same cases as `report ledger`: their own, one.
    let store = Store::open(&room.db).unwrap();
    let org = store.organisation().unwrap().unwrap();
    let mut cases = Vec::new();
    store
        .each_ledger_case(org.id, &period, Some(&clerk), |case, _| {
            cases.push(case.id);
            Ok::<_, tiaojie::storage::StorageError>(())
        })
        .unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].0.to_string(), room.own_number);
    let csv = room.db.parent().unwrap().join("clerk-ledger.csv");
    let range = ["--from", "2020-01-01", "--to", "2026-12-31"];
    let out = tiaojie(
        &room.db,
        &[
            &["report", "ledger"][..],
            &range[..],
            &["--format", "csv", "-o", csv.to_str().unwrap()],
        ]
        .concat(),
    );
    assert!(out.status.success(), "{}", text(&out));
    let ledger = std::fs::read_to_string(&csv).unwrap();
    assert!(
        ledger.contains("孙自登") && !ledger.contains(OWN_ID),
        "masked: {ledger}"
    );
    assert!(!ledger.contains(&room.other_name), "{ledger}");
}
