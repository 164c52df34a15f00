//! The ledger (台账) as `tiaojie report ledger` writes it, byte for byte (text and CSV)
//! and cell for cell (.xlsx, read back with calamine), against files kept in
//! `tests/golden/ledger/` — made by the version that built the whole ledger in memory, so
//! the streamed ledger must write exactly what it did. `GOLDEN_UPDATE=1` rewrites them.
//!
//! The room: the hand-counted fixture, plus cases whose text a CSV or a text table must
//! treat with care (commas, quotes, line breaks, a leading `=`, a wide name, an
//! organisation), an archived case, agreements, and a 登记员 with one case of their own.

mod stats_fixture;

use calamine::{Data, Reader, Xlsx, open_workbook};
use stats_fixture::{at, build, day};
use std::path::{Path, PathBuf};
use std::process::Command;
use tiaojie::domain::agreement::{Agreement, AgreementKind, AgreementStatus, Confirmation};
use tiaojie::domain::case::CaseFields;
use tiaojie::domain::party::{Party, PartyKind, PartyRole};
use tiaojie::domain::status::CaseStatus;
use tiaojie::domain::user::{Role, User};
use tiaojie::storage::Store;

const ADMIN: &str = "王调解";
const CLERK: &str = "police1";

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/ledger")
}

/// The fixture room with the extra cases, in `dir`.
fn room(dir: &Path) -> PathBuf {
    let db = dir.join("room.db");
    let mut store = Store::open(&db).unwrap();
    let (org, ids) = build(&mut store);
    store.ensure_admin(ADMIN, &at("2026-10-01")).unwrap();
    let mut awkward = CaseFields::blank(day("2026-10-07"));
    awkward.facts = "楼上漏水, 说\"先修好\"\r\n再谈赔偿\t（两次）".into();
    awkward.amount_fen = Some(123_456_789);
    awkward.persons_involved = 12;
    let mut a = Party::new(PartyRole::Applicant, PartyKind::Person);
    a.name = "=HYPERLINK(\"x\")".into();
    a.phone = "0478-8412345".into();
    let mut b = Party::new(PartyRole::Respondent, PartyKind::Organisation);
    b.name = "巴彦淖尔市临河区某某供热有限责任公司第二分公司".into();
    b.credit_code = "91350100M000100Y43".into();
    b.phone = "13904781234".into();
    let mut c = Party::new(PartyRole::Respondent, PartyKind::Person);
    c.name = "-李四".into();
    c.id_number = "110105194912310021".into();
    awkward.parties = vec![a, b, c];
    let awkward = store
        .create_case(org.id, &awkward, ADMIN, &at("2026-10-07"))
        .unwrap();
    // C1 archived after its success: the result column says both.
    let c1 = store.load_case(ids[0]).unwrap();
    store
        .change_status(
            &org,
            c1.id,
            c1.version,
            CaseStatus::Archived,
            "",
            &[],
            ADMIN,
            &at("2026-10-30"),
        )
        .unwrap();
    let agreement = |case_id, kind| Agreement {
        case_id,
        version: 0,
        kind,
        number: String::new(),
        facts: String::new(),
        clauses: vec!["双方和解。".into()],
        items: Vec::new(),
        date: Some(day("2026-10-20")),
        status: AgreementStatus::Signed,
        confirmation: Confirmation::default(),
        mediators: vec![ADMIN.into()],
        recorder: String::new(),
    };
    store
        .insert_agreements(
            &[
                agreement(ids[0], AgreementKind::Written),
                agreement(ids[2], AgreementKind::Oral),
                agreement(awkward.id, AgreementKind::Written),
            ],
            &at("2026-11-01"),
        )
        .unwrap();
    store
        .add_user(&User::new(CLERK, Role::Clerk), &at("2026-10-01"))
        .unwrap();
    store.set_user(CLERK);
    let mut own = CaseFields::blank(day("2026-10-16"));
    own.facts = "邻居噪音纠纷，派出所移交".into();
    let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
    p.name = "孙自登".into();
    p.id_number = "11010519491231002X".into();
    p.phone = "13904781235".into();
    own.parties = vec![p];
    store
        .create_case(org.id, &own, CLERK, &at("2026-10-16"))
        .unwrap();
    db
}

/// `tiaojie report ledger` for 2026 as `user`, with `extra` arguments; returns the bytes
/// written to standard output.
fn ledger(db: &Path, user: &str, extra: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_tiaojie"))
        .arg("--db")
        .arg(db)
        .args(["--as", user, "--lang", "zh", "report", "ledger"])
        .args(["--from", "2026-01-01", "--to", "2026-12-31"])
        .args(extra)
        .env("TIAOJIE_FONT", "/nonexistent")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn same_as_golden(name: &str, got: &[u8]) {
    let path = golden_dir().join(name);
    if std::env::var_os("GOLDEN_UPDATE").is_some() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read(&path).unwrap_or_default();
    assert!(
        want == got,
        "{name} differs from {path:?}:\n{}",
        String::from_utf8_lossy(got)
    );
}

/// Every cell of every sheet, one line each: `sheet!row,col = value`.
fn cells_of(path: &Path) -> String {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let mut out = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if *cell != Data::Empty {
                    let (r, c) = (r0 as usize + r, c0 as usize + c);
                    out.push_str(&format!("{name}!{r},{c} = {cell:?}\n"));
                }
            }
        }
    }
    out
}

#[test]
fn the_ledger_is_written_as_before_in_every_format_and_for_every_viewer() {
    let dir = tempfile::tempdir().unwrap();
    let db = room(dir.path());
    same_as_golden("admin.txt", &ledger(&db, ADMIN, &["--format", "txt"]));
    let csv = dir.path().join("admin.csv");
    let csv_arg = csv.to_str().unwrap();
    ledger(&db, ADMIN, &["--format", "csv", "-o", csv_arg]);
    same_as_golden("admin.csv", &std::fs::read(&csv).unwrap());
    // Standard output gets the same bytes as a file.
    same_as_golden("admin.csv", &ledger(&db, ADMIN, &["--format", "csv"]));
    let unmasked = ["--format", "csv", "--unmasked"];
    same_as_golden("admin-unmasked.csv", &ledger(&db, ADMIN, &unmasked));
    same_as_golden("clerk.txt", &ledger(&db, CLERK, &["--format", "txt"]));
    same_as_golden("clerk.csv", &ledger(&db, CLERK, &["--format", "csv"]));
    for (user, name) in [(ADMIN, "admin"), (CLERK, "clerk")] {
        let xlsx = dir.path().join(format!("{name}.xlsx"));
        ledger(
            &db,
            user,
            &["--format", "xlsx", "-o", xlsx.to_str().unwrap()],
        );
        same_as_golden(&format!("{name}.xlsx.cells"), cells_of(&xlsx).as_bytes());
    }
    // A period without cases: headers and notes only.
    let empty = [
        "--from",
        "2020-01-01",
        "--to",
        "2020-12-31",
        "--format",
        "txt",
    ];
    let out = Command::new(env!("CARGO_BIN_EXE_tiaojie"))
        .arg("--db")
        .arg(&db)
        .args(["--as", ADMIN, "--lang", "zh", "report", "ledger"])
        .args(empty)
        .output()
        .unwrap();
    same_as_golden("empty.txt", &out.stdout);
}

/// The 统计 tab's F9 writes, for the same person, the cells `report ledger` writes
/// (without the line on `--unmasked`, which only the command line offers), masked.
#[test]
fn the_tabs_export_has_the_command_lines_cells() {
    use tiaojie::app::action::{Action, Effect};
    use tiaojie::app::effects::Runner;
    use tiaojie::domain::stats::period::Period;
    tiaojie::i18n::set_lang(tiaojie::i18n::Lang::Zh);
    let dir = tempfile::tempdir().unwrap();
    let db = room(dir.path());
    let year = Period::range(day("2026-01-01"), day("2026-12-31"));
    for (user, role, name) in [(ADMIN, Role::Admin, "admin"), (CLERK, Role::Clerk, "clerk")] {
        let mut runner = Runner::new(Store::open(&db).unwrap(), user.into());
        runner.set_user(User::new(user, role));
        runner.run(Effect::LoadRoom, &at("2026-11-28"));
        let action = runner.run(Effect::ExportLedger(year), &at("2026-11-28"));
        let Action::LedgerExported(path) = action else {
            panic!("{action:?}");
        };
        let want = std::fs::read_to_string(golden_dir().join(format!("{name}.xlsx.cells")))
            .unwrap()
            .lines()
            .filter(|l| !l.contains("--unmasked"))
            .map(|l| format!("{l}\n"))
            .collect::<String>();
        assert_eq!(cells_of(Path::new(&path)), want, "{name}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // No temporary file is left beside it.
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
