//! Which program prints, and its arguments: CUPS' `lp` found on PATH, else `lpr`, or the
//! one program the machine's owner names in `TIAOJIE_PRINT_PROGRAM` where tiaojie is
//! started (the forced command, a service file). Nothing stored in the room or typed in
//! the app chooses the program. The printer name and the title are only ever the values
//! of options, and the file comes after `--` (lp) or as an absolute path (lpr has no
//! `--`), so none of them can be read as an option.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The environment variable naming another print program (an absolute path).
pub const PROGRAM_VAR: &str = "TIAOJIE_PRINT_PROGRAM";

/// What printing reads from the environment tiaojie was started in: the folders where
/// `lp`, `lpr` and `lpstat` are looked for, and the owner's program if named. Tests
/// build one instead of changing the environment of the test process.
#[derive(Debug, Clone, Default)]
pub struct PrintEnv {
    /// `PATH`.
    pub path: Option<OsString>,
    /// `TIAOJIE_PRINT_PROGRAM`.
    pub program: Option<OsString>,
}

impl PrintEnv {
    /// The environment of this process.
    pub fn of_process() -> PrintEnv {
        PrintEnv {
            path: std::env::var_os("PATH"),
            program: std::env::var_os(PROGRAM_VAR).filter(|p| !p.is_empty()),
        }
    }
}

/// The program that prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Program {
    /// CUPS' System V `lp`.
    Lp(PathBuf),
    /// CUPS' Berkeley `lpr`, where there is no `lp`.
    Lpr(PathBuf),
    /// The owner's program from `TIAOJIE_PRINT_PROGRAM`; it gets `lp`'s arguments.
    Owner(PathBuf),
}

/// Why the owner's program cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadProgram {
    /// Not an absolute path (a bare name would be looked up on PATH).
    NotAbsolute,
    /// Nothing is there.
    Missing,
    /// A folder or a device, not a file.
    NotAFile,
    /// A file nobody may run.
    NotExecutable,
}

impl BadProgram {
    /// The i18n key of the reason.
    pub fn key(self) -> &'static str {
        match self {
            BadProgram::NotAbsolute => "print.program.not_absolute",
            BadProgram::Missing => "print.program.missing",
            BadProgram::NotAFile => "print.program.not_a_file",
            BadProgram::NotExecutable => "print.program.not_executable",
        }
    }
}

/// Why no program prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoProgram {
    /// `TIAOJIE_PRINT_PROGRAM` is set but unusable (never silently replaced by `lp`).
    Owner(PathBuf, BadProgram),
    /// Neither `lp` nor `lpr` is on PATH.
    NotFound,
}

/// One print job: everything but the program.
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    /// A checked CUPS destination (`name::check`); empty = the default printer.
    pub printer: &'a str,
    /// Copies, 1–99.
    pub copies: u32,
    /// A cleaned title (`name::job_title`).
    pub title: &'a str,
    /// The PDF, an absolute path.
    pub file: &'a Path,
}

impl Program {
    /// The program to run: the owner's if named (and usable), else `lp`, else `lpr`.
    pub fn find(env: &PrintEnv) -> Result<Program, NoProgram> {
        if let Some(named) = &env.program {
            let path = PathBuf::from(named);
            return match usable(&path) {
                Ok(()) => Ok(Program::Owner(path)),
                Err(why) => Err(NoProgram::Owner(path, why)),
            };
        }
        let path = env.path.as_deref();
        on_path(path, "lp")
            .map(Program::Lp)
            .or_else(|| on_path(path, "lpr").map(Program::Lpr))
            .ok_or(NoProgram::NotFound)
    }

    /// The file to run.
    pub fn path(&self) -> &Path {
        match self {
            Program::Lp(p) | Program::Lpr(p) | Program::Owner(p) => p,
        }
    }

    /// The arguments: `lp [-d PRINTER] -n COPIES -t TITLE -- FILE`, or
    /// `lpr [-P PRINTER] -# COPIES -T TITLE FILE` (CUPS' lpr reads a lone `--` as an
    /// unknown option, so the file goes last as an absolute path, which never begins
    /// with `-`).
    pub fn args(&self, job: &Job) -> Vec<OsString> {
        let (printer, copies, title) = match self {
            Program::Lp(_) | Program::Owner(_) => ("-d", "-n", "-t"),
            Program::Lpr(_) => ("-P", "-#", "-T"),
        };
        let mut args: Vec<OsString> = Vec::new();
        if !job.printer.is_empty() {
            args.extend([printer.into(), job.printer.into()]);
        }
        args.extend([copies.into(), job.copies.clamp(1, 99).to_string().into()]);
        args.extend([title.into(), job.title.into()]);
        if !matches!(self, Program::Lpr(_)) {
            args.push("--".into());
        }
        args.push(job.file.as_os_str().to_owned());
        args
    }
}

/// `name` in the first folder of `path` holding it as a file that may be run. Folders
/// given relatively (an empty entry means "here") are skipped: what runs must not
/// depend on the folder tiaojie happens to be started in.
pub fn on_path(path: Option<&OsStr>, name: &str) -> Option<PathBuf> {
    std::env::split_paths(path?)
        .filter(|dir| dir.is_absolute())
        .map(|dir| dir.join(name))
        .find(|candidate| usable(candidate).is_ok())
}

/// Whether `path` is an absolute path to a regular file with an execute bit.
pub fn usable(path: &Path) -> Result<(), BadProgram> {
    if !path.is_absolute() {
        return Err(BadProgram::NotAbsolute);
    }
    let meta = std::fs::metadata(path).map_err(|_| BadProgram::Missing)?;
    if !meta.is_file() {
        return Err(BadProgram::NotAFile);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o111 == 0 {
            return Err(BadProgram::NotExecutable);
        }
    }
    Ok(())
}

/// The destinations CUPS knows, from `lpstat -e`, or from `lpstat -a` where `-e` is not
/// understood or lists nothing (without a running scheduler `-e` lists nothing and
/// succeeds; `-a` then fails); `None` when CUPS does not answer, so nobody can tell.
pub fn destinations(lpstat: &Path) -> Option<Vec<String>> {
    let run = |flag: &str| {
        Command::new(lpstat)
            .arg(flag)
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()
            .filter(|out| out.status.success())
            .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let names = |text: String| -> Vec<String> {
        text.lines()
            .filter_map(|line| line.split_whitespace().next())
            .map(str::to_string)
            .collect()
    };
    match run("-e").map(names) {
        Some(listed) if !listed.is_empty() => Some(listed),
        _ => run("-a").map(names),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn script(dir: &Path, name: &str, mode: u32, body: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        path
    }

    fn env(path: &str, program: Option<&Path>) -> PrintEnv {
        PrintEnv {
            path: Some(path.into()),
            program: program.map(|p| p.as_os_str().to_owned()),
        }
    }

    #[test]
    fn lp_before_lpr_only_from_absolute_folders_and_only_if_it_may_run() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(b.join("lp")).unwrap();
        let lpr = script(&b, "lpr", 0o755, "exit 0");
        let dead_lp = script(&a, "lp", 0o644, "exit 0");
        let joined = format!("relative:{}:{}", a.display(), b.display());
        // a/lp may not run and b/lp is a folder: lpr is found.
        assert_eq!(Program::find(&env(&joined, None)), Ok(Program::Lpr(lpr)));
        std::fs::set_permissions(&dead_lp, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(Program::find(&env(&joined, None)), Ok(Program::Lp(dead_lp)));
        // A program in a relative folder is never found, even one named by PATH.
        assert_eq!(on_path(Some(OsStr::new("")), "lp"), None);
        assert_eq!(on_path(Some(OsStr::new(".")), "lp"), None);
        assert_eq!(
            Program::find(&env("", None)),
            Err(NoProgram::NotFound),
            "nothing on PATH"
        );
    }

    #[test]
    fn the_owners_program_must_be_an_absolute_executable_file_and_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let lp = script(dir.path(), "lp", 0o755, "exit 0");
        let on_path = dir.path().display().to_string();
        let good = script(dir.path(), "roomprint", 0o755, "exit 0");
        let plain = script(dir.path(), "notes", 0o644, "exit 0");
        let owner = |p: &Path| Program::find(&env(&on_path, Some(p)));
        assert_eq!(owner(&good), Ok(Program::Owner(good.clone())));
        for (given, why) in [
            (Path::new("roomprint"), BadProgram::NotAbsolute),
            (Path::new("./roomprint"), BadProgram::NotAbsolute),
            (plain.as_path(), BadProgram::NotExecutable),
            (dir.path(), BadProgram::NotAFile),
            (Path::new("/dev/null"), BadProgram::NotAFile),
            (Path::new("/nonexistent/print"), BadProgram::Missing),
        ] {
            assert_eq!(
                owner(given),
                Err(NoProgram::Owner(given.to_path_buf(), why)),
                "{given:?} (lp at {lp:?} is not used instead)"
            );
        }
    }

    #[test]
    fn every_typed_value_is_an_option_value_and_the_file_comes_after_the_options() {
        let file = Path::new("/data/文书/（2026）新人调字第12号/受理登记表.pdf");
        let job = Job {
            printer: "Office_HP",
            copies: 3,
            title: "（2026）新人调字第12号 受理登记表",
            file,
        };
        let os = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        let lp = Program::Lp("/usr/bin/lp".into());
        let want_lp = [
            "-d",
            "Office_HP",
            "-n",
            "3",
            "-t",
            job.title,
            "--",
            file.to_str().unwrap(),
        ];
        assert_eq!(lp.args(&job), os(&want_lp));
        assert_eq!(Program::Owner("/opt/p".into()).args(&job), os(&want_lp));
        let lpr = Program::Lpr("/usr/bin/lpr".into());
        assert_eq!(
            lpr.args(&job),
            os(&[
                "-P",
                "Office_HP",
                "-#",
                "3",
                "-T",
                job.title,
                file.to_str().unwrap()
            ])
        );
        let default = Job {
            printer: "",
            copies: 500,
            ..job
        };
        assert_eq!(lp.args(&default)[..2], os(&["-n", "99"]));
    }

    #[test]
    fn the_destinations_are_what_lpstat_lists_and_none_when_cups_does_not_answer() {
        let dir = tempfile::tempdir().unwrap();
        let e = script(dir.path(), "lpstat-e", 0o755, "echo Office_HP; echo 前台");
        assert_eq!(
            destinations(&e),
            Some(vec!["Office_HP".into(), "前台".into()])
        );
        let a = script(
            dir.path(),
            "lpstat-a",
            0o755,
            "[ \"$1\" = -e ] && exit 1\necho 'Office_HP accepting requests since Mon 07 Dec 2026'",
        );
        assert_eq!(destinations(&a), Some(vec!["Office_HP".into()]));
        let down = script(dir.path(), "lpstat-down", 0o755, "exit 1");
        assert_eq!(destinations(&down), None);
        // CUPS 2.4 with no scheduler: -e lists nothing and succeeds, -a fails.
        let idle = script(dir.path(), "lpstat-idle", 0o755, "[ \"$1\" = -e ]");
        assert_eq!(destinations(&idle), None);
        let none = script(dir.path(), "lpstat-none", 0o755, "exit 0");
        assert_eq!(destinations(&none), Some(Vec::new()));
    }
}
