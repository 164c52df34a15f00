//! `tiaojie print … --to-printer` runs CUPS' `lp` with an argument list — here a fake
//! `lp` on PATH that records its arguments — always keeps the PDF under the data folder,
//! and where no printer or `lp` is set up says so plainly with where the file was saved.
//! Hostile values are tried in `print_lockdown.rs`.

#![cfg(unix)]

#[path = "support/print_room.rs"]
mod print_room;

use print_room::{executable, print_room, set_setting};
use std::path::{Path, PathBuf};
use std::process::Command;
use tiaojie::storage::Store;

fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_tiaojie"))
}

/// A demo database, one numbered case of it, and a folder for the fake programs.
fn setup() -> (tempfile::TempDir, PathBuf, String, PathBuf) {
    let room = print_room(20);
    (room.dir, room.db, room.number, room.bin)
}

/// A fake program that writes each argument on its own line to `log` and exits `code`.
fn fake(bin_dir: &Path, name: &str, log: &Path, code: i32, stderr: &str) {
    let script = format!(
        "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '{}'; done\necho '{stderr}' >&2\n[ {code} -eq 0 ] && echo 'request id is HP-42 (1 file(s))'\nexit {code}\n",
        log.display()
    );
    executable(&bin_dir.join(name), &script);
}

fn print(db: &Path, path_env: &str, args: &[&str]) -> std::process::Output {
    Command::new(bin())
        .env("PATH", path_env)
        .arg("--db")
        .arg(db)
        .arg("print")
        .args(args)
        .output()
        .unwrap()
}

fn set(db: &Path, key: &str, value: &str) {
    set_setting(db, key, value);
}

#[test]
fn to_printer_runs_lp_with_the_printer_copies_and_the_kept_file_as_arguments() {
    let (dir, db, number, bin_dir) = setup();
    let log = dir.path().join("lp.args");
    fake(&bin_dir, "lp", &log, 0, "");
    set(&db, "print.printer", "Office_HP");
    set(&db, "print.copies", "3");
    // Only the fake folder: no real lpstat asks a CUPS this machine may have.
    let path_env = bin_dir.display().to_string();
    let out = print(&db, &path_env, &["register", &number, "--to-printer"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let kept = dir.path().join("文书").join(&number).join("受理登记表.pdf");
    assert!(std::fs::read(&kept).unwrap().starts_with(b"%PDF"));
    let args = std::fs::read_to_string(&log).unwrap();
    let want = format!(
        "-d\nOffice_HP\n-n\n3\n-t\n{number} 受理登记表\n--\n{}\n",
        kept.display()
    );
    assert_eq!(args, want);
    assert!(stderr.contains("HP-42"), "{stderr}");
}

#[test]
fn without_lp_or_a_printer_it_says_so_and_where_the_file_was_saved() {
    let (dir, db, number, bin_dir) = setup();
    let kept = dir.path().join("文书").join(&number).join("受理登记表.pdf");
    // No lp at all (an empty PATH but for the fake folder).
    let out = print(
        &db,
        &bin_dir.display().to_string(),
        &["register", &number, "--to-printer"],
    );
    assert!(!out.status.success());
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(
        msg.contains("没有找到打印程序") && msg.contains(&kept.display().to_string()),
        "{msg}"
    );
    assert!(
        kept.is_file(),
        "the file is kept even when it cannot be printed"
    );
    // lp is there but no printer is set up: its own words are passed on.
    let log = dir.path().join("lp.args");
    fake(
        &bin_dir,
        "lp",
        &log,
        1,
        "lp: Error - No default destination.",
    );
    std::fs::remove_file(&kept).unwrap();
    let out = print(
        &db,
        &bin_dir.display().to_string(),
        &["register", &number, "--to-printer"],
    );
    assert!(!out.status.success());
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(
        msg.contains("No default destination") && msg.contains("打印机名称"),
        "{msg}"
    );
    assert!(
        msg.contains(&kept.display().to_string()) && kept.is_file(),
        "{msg}"
    );
}

/// Text typed or imported into a case may hold control characters (an escape that would
/// switch the reader's terminal, a printer-off): `--format txt` writes none of them, as
/// 本机打印 sends none — only the line ends and the form feeds of the format.
#[test]
fn text_output_carries_no_control_character_from_the_case() {
    let (dir, db, number, _bin_dir) = setup();
    let mut store = Store::open(&db).unwrap();
    let org = store.organisation().unwrap().unwrap();
    let id = store.find_case(org.id, &number).unwrap().unwrap();
    let case = store.load_case(id).unwrap();
    let mut fields = case.fields.clone();
    fields.parties[0].name = format!("王\u{1b}[4i秀\u{7}{}", fields.parties[0].name);
    fields.facts = "漏水\u{1b}]0;x\u{7}损坏\u{9b}2J吊\u{c}顶\u{0}完".into();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T11:00:00+08:00").unwrap();
    store.update_case(id, case.version, &fields, &now).unwrap();
    drop(store);
    for encoding in ["utf-8", "gb18030"] {
        let out_file = dir.path().join(format!("register-{encoding}.txt"));
        let out = print(
            &db,
            "/usr/bin:/bin",
            &[
                "register",
                &number,
                "--format",
                "txt",
                "--encoding",
                encoding,
                "-o",
                out_file.to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&out_file).unwrap();
        let text = match encoding {
            "utf-8" => String::from_utf8(bytes).unwrap(),
            _ => encoding_rs::GB18030.decode(&bytes).0.into_owned(),
        };
        assert!(
            text.chars()
                .all(|c| !c.is_control() || matches!(c, '\r' | '\n' | '\u{c}')),
            "{encoding}: a control character from the case was written"
        );
        assert!(
            text.contains("漏水") && text.contains("完"),
            "{encoding}: the facts are there"
        );
    }
}
