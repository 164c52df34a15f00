//! Nothing stored in the room or typed in the app chooses a program or reaches one as an
//! option: `tiaojie print --to-printer` runs `lp` (else `lpr`) from PATH, or the owner's
//! `TIAOJIE_PRINT_PROGRAM`, with the printer name and title as option values and the file
//! after `--`. Hostile printer names and stored programs never reach the fake programs
//! (put first on PATH, recording their arguments; CI has no CUPS), and a font path that
//! is no font is refused without showing what the file holds. PATH is given to each
//! child, never changed in this process, so the tests run in parallel.

#![cfg(unix)]

#[path = "support/print_room.rs"]
mod print_room;

use print_room::{PrintRoom, executable, print_room, set_setting};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tiaojie::storage::Store;

type Room = PrintRoom;

fn room() -> Room {
    print_room(12)
}

impl Room {
    /// A fake program in the bin folder writing `[arg]` lines to `<name>.args` and then
    /// running `then` (a line of shell).
    fn fake(&self, name: &str, then: &str) -> PathBuf {
        let path = self.bin.join(name);
        let log = self.log(name);
        let script = format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\" >> '{}'; done\n{then}\n",
            log.display()
        );
        executable(&path, &script);
        path
    }

    fn log(&self, name: &str) -> PathBuf {
        self.dir.path().join(format!("{name}.args"))
    }

    fn ran(&self, name: &str) -> Option<String> {
        std::fs::read_to_string(self.log(name)).ok()
    }

    fn set(&self, key: &str, value: &str) {
        set_setting(&self.db, key, value);
    }

    fn kept(&self) -> PathBuf {
        self.dir
            .path()
            .join("文书")
            .join(&self.number)
            .join("受理登记表.pdf")
    }

    /// `tiaojie print register CASE --to-printer` with PATH = the bin folder only.
    fn print(&self, env: &[(&str, &Path)], extra: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_tiaojie"));
        cmd.env_clear()
            .env("PATH", &self.bin)
            .env("USER", "wang")
            .arg("--db")
            .arg(&self.db)
            .args(["print", "register", &self.number, "--to-printer"])
            .args(extra);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    }
}

fn said(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn lines(args: &[&str]) -> String {
    args.iter().map(|a| format!("[{a}]\n")).collect()
}

#[test]
fn lp_gets_the_printer_copies_and_title_as_option_values_and_the_file_after_a_double_dash() {
    let r = room();
    r.fake("lp", "echo 'request id is Office_HP-7 (1 file(s))'");
    r.fake("lpstat", "echo Office_HP; echo 前台");
    r.set("print.printer", "Office_HP");
    r.set("print.copies", "2");
    let out = r.print(&[], &[]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(said(&out).contains("Office_HP-7"), "{}", said(&out));
    let kept = r.kept();
    let title = format!("{} 受理登记表", r.number);
    let want = [
        "-d",
        "Office_HP",
        "-n",
        "2",
        "-t",
        &title,
        "--",
        kept.to_str().unwrap(),
    ];
    assert_eq!(r.ran("lp").unwrap(), lines(&want));
    assert_eq!(r.ran("lpstat").unwrap(), lines(&["-e"]));
}

#[test]
fn without_lp_lpr_gets_p_hash_and_t_and_the_absolute_file_last() {
    let r = room();
    r.fake("lpr", "exit 0");
    r.set("print.printer", "前台");
    let out = r.print(&[], &[]);
    assert!(out.status.success(), "{}", said(&out));
    let kept = r.kept();
    let title = format!("{} 受理登记表", r.number);
    let want = [
        "-P",
        "前台",
        "-#",
        "1",
        "-T",
        &title,
        kept.to_str().unwrap(),
    ];
    assert_eq!(r.ran("lpr").unwrap(), lines(&want));
}

#[test]
fn hostile_printer_names_are_refused_plainly_and_never_reach_a_program() {
    let r = room();
    r.fake("lp", "exit 0");
    r.fake("lpstat", "echo Office_HP");
    let long = "P".repeat(200);
    for bad in [
        "-oHack",
        "-dx -o job-sheets=secret",
        "Office HP",
        "Office\"HP",
        "Office'HP",
        "Office\nHP",
        "Office;touch /tmp/tiaojie-pwned",
        "$(touch /tmp/tiaojie-pwned)",
        "`id`",
        "Office/dup",
        "Office#1",
        long.as_str(),
    ] {
        r.set("print.printer", bad);
        let out = r.print(&[], &[]);
        let msg = said(&out);
        assert!(!out.status.success(), "{bad:?} printed");
        assert!(
            msg.contains("打印机名称") && msg.contains(&r.kept().display().to_string()),
            "{bad:?}: {msg}"
        );
        assert!(!msg.contains(bad), "{bad:?} echoed: {msg}");
    }
    assert_eq!(r.ran("lp"), None, "lp never ran");
    assert_eq!(r.ran("lpstat"), None, "lpstat never ran");
}

#[test]
fn a_printer_cups_does_not_list_is_refused_before_lp_runs() {
    let r = room();
    r.fake("lp", "exit 0");
    r.fake("lpstat", "echo Office_HP; echo '-bad name'");
    r.set("print.printer", "Front_Desk");
    let out = r.print(&[], &[]);
    let msg = said(&out);
    assert!(!out.status.success());
    assert!(
        msg.contains("Front_Desk") && msg.contains("Office_HP") && !msg.contains("-bad"),
        "{msg}"
    );
    assert_eq!(r.ran("lp"), None);
}

#[test]
fn a_print_command_stored_by_an_earlier_version_is_never_run() {
    let r = room();
    let evil = r.fake("roomprint", "exit 0");
    r.fake("lp", "exit 0");
    r.set("print.command", evil.to_str().unwrap());
    r.set("print.command", "roomprint");
    let out = r.print(&[], &[]);
    assert!(out.status.success(), "{}", said(&out));
    assert_eq!(r.ran("roomprint"), None, "the stored program never ran");
    assert!(r.ran("lp").is_some());
}

#[test]
fn the_owners_print_program_must_be_absolute_and_executable_and_gets_lps_arguments() {
    let r = room();
    r.fake("lp", "exit 0");
    let owner = r.fake("roomprint", "exit 0");
    let plain = r.dir.path().join("notes.sh");
    std::fs::write(&plain, "#!/bin/sh\ntouch /tmp/never\n").unwrap();
    for (given, why) in [
        (Path::new("roomprint"), "完整路径"),
        (plain.as_path(), "不可执行"),
        (r.dir.path(), "不是一个普通文件"),
        (Path::new("/nonexistent/print"), "不存在"),
    ] {
        let out = r.print(&[("TIAOJIE_PRINT_PROGRAM", given)], &[]);
        let msg = said(&out);
        assert!(!out.status.success(), "{given:?}");
        assert!(
            msg.contains("TIAOJIE_PRINT_PROGRAM") && msg.contains(why),
            "{given:?}: {msg}"
        );
    }
    assert_eq!(
        r.ran("lp"),
        None,
        "lp is not used instead of a bad owner's program"
    );
    assert_eq!(r.ran("roomprint"), None);
    let out = r.print(&[("TIAOJIE_PRINT_PROGRAM", &owner)], &[]);
    assert!(out.status.success(), "{}", said(&out));
    let title = format!("{} 受理登记表", r.number);
    let kept = r.kept();
    let want = ["-n", "1", "-t", &title, "--", kept.to_str().unwrap()];
    assert_eq!(r.ran("roomprint").unwrap(), lines(&want));
    assert_eq!(r.ran("lp"), None);
}

#[test]
fn a_font_path_that_is_no_font_is_refused_by_name_without_its_contents() {
    let r = room();
    r.fake("lp", "exit 0");
    let secret = "root:x:0:0:SECRET-LINE:/root:/bin/bash\n";
    let text = r.dir.path().join("passwd");
    std::fs::write(&text, secret).unwrap();
    let pdf = r.dir.path().join("form.pdf");
    std::fs::write(&pdf, "%PDF-1.7\n% SECRET-PDF\n").unwrap();
    let otto = r.dir.path().join("fake.otf");
    std::fs::write(&otto, b"OTTO\x00\x0aSECRET-OTTO").unwrap();
    for font in [&text, &pdf, &otto] {
        let shown = font.display().to_string();
        let via_flag = r.print(&[], &["--font", &shown]);
        let via_env = r.print(&[("TIAOJIE_FONT", font)], &[]);
        r.set("print.font", &shown);
        let via_room = r.print(&[], &[]);
        r.set("print.font", "");
        for out in [via_flag, via_env, via_room] {
            let msg = said(&out);
            assert!(!out.status.success(), "{font:?}");
            assert!(msg.contains(&shown), "{msg}");
            // Lower case: skrifa says "Invalid sfnt version 0x726F6F74" for "root".
            for leak in ["secret", "root:x", "%pdf", "726f6f74", "4f54544f"] {
                let lower = msg.to_lowercase();
                assert!(!lower.contains(leak), "{font:?} leaked {leak}: {msg}");
            }
        }
    }
    assert_eq!(r.ran("lp"), None, "nothing was printed");
}

#[test]
fn saving_the_printer_settings_deletes_a_stored_print_command() {
    use tiaojie::app::effects::Runner;
    use tiaojie::app::{Action, Effect};
    let r = room();
    r.set("print.command", "/bin/sh");
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T10:00:00+08:00").unwrap();
    let mut runner = Runner::new(Store::open(&r.db).unwrap(), "wang".into());
    let Action::RoomLoaded(room) = runner.run(Effect::LoadRoom, &now) else {
        panic!("no room");
    };
    let org = room.org.clone().unwrap();
    let save = Effect::SaveRoom {
        profile: org.profile.clone(),
        lang: tiaojie::i18n::Lang::Zh,
        printer: room.printer.clone(),
    };
    assert!(matches!(runner.run(save, &now), Action::RoomLoaded(_)));
    let store = Store::open(&r.db).unwrap();
    assert_eq!(store.setting(org.id, "print.command").unwrap(), None);
    assert_eq!(
        store.setting(org.id, "print.copies").unwrap().as_deref(),
        Some("1")
    );
}

#[test]
fn an_agreement_of_three_parties_prints_four_copies_under_the_case_number_and_form() {
    let r = room();
    r.fake("lp", "exit 0");
    // The room says one copy; the agreement itself says 一式四份 (parties + 1).
    r.set("print.copies", "1");
    let mut store = Store::open(&r.db).unwrap();
    let org = store.organisation().unwrap().unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T10:00:00+08:00").unwrap();
    tiaojie::cli::identity::identify(&mut store, "wang", &now).unwrap();
    use tiaojie::domain::party::PartyRole;
    let principals = |c: &tiaojie::domain::case::Case| {
        c.fields
            .parties
            .iter()
            .filter(|p| p.role != PartyRole::Agent)
            .count()
    };
    let case = store
        .case_ids(org.id)
        .unwrap()
        .into_iter()
        .map(|id| store.load_case(id).unwrap())
        .find(|c| {
            c.number.is_some()
                && principals(c) == 2
                && store.agreement_of_case(c.id).unwrap().is_some()
        })
        .expect("a demo case of two parties with an agreement");
    let mut fields = case.fields.clone();
    let mut third = fields.parties[0].clone();
    third.id = None;
    third.role = PartyRole::ThirdParty;
    third.name = "赵第三".into();
    third.id_number.clear();
    fields.parties.push(third);
    store
        .update_case(case.id, case.version, &fields, &now)
        .unwrap();
    drop(store);
    let number = case.number.unwrap().text;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tiaojie"));
    let out = cmd
        .env_clear()
        .env("PATH", &r.bin)
        .env("USER", "wang")
        .arg("--db")
        .arg(&r.db)
        .args(["print", "agreement", &number, "--to-printer"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", said(&out));
    let kept = r
        .dir
        .path()
        .join("文书")
        .join(&number)
        .join("人民调解协议书.pdf");
    let title = format!("{number} 人民调解协议书");
    let want = ["-n", "4", "-t", &title, "--", kept.to_str().unwrap()];
    assert_eq!(r.ran("lp").unwrap(), lines(&want));
}
