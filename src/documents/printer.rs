//! Sending a kept PDF to the room's printer through CUPS: `lp` found on PATH, else
//! `lpr`, or the program the machine's owner names in `TIAOJIE_PRINT_PROGRAM`
//! (`program`). The room's settings choose only the printer (a checked CUPS destination
//! name, `name`) and the copies; no setting names a program. The program is run with an
//! argument list, never through a shell, and the file it gets is the one tiaojie wrote
//! under the data folder. Where no printer is set up, the error says so in plain words;
//! the file stays saved. On Windows nothing is run: the PDF is kept and its place said.

pub mod name;
pub mod program;

use super::job::JobTicket;
use crate::i18n::tf;
use std::path::{Path, PathBuf};

pub use program::PrintEnv;

/// The room's printing settings (`print.printer`, `print.copies`, `print.font` in the
/// settings table; changed only on the settings screen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrinterSettings {
    /// The CUPS destination; empty = the system's default printer.
    pub printer: String,
    /// Copies of each page (1–99).
    pub copies: u32,
    /// A font file for PDFs (SimSun, FangSong, a system face); empty = the shipped face.
    pub font: String,
}

impl Default for PrinterSettings {
    fn default() -> Self {
        PrinterSettings {
            printer: String::new(),
            copies: 1,
            font: String::new(),
        }
    }
}

/// The settings keys.
pub const KEYS: [&str; 3] = ["print.printer", "print.copies", "print.font"];

/// Keys earlier versions stored and this one never reads: `print.command` was a program
/// typed on the settings screen. Saving the printer settings deletes them.
pub const RETIRED_KEYS: [&str; 1] = ["print.command"];

impl PrinterSettings {
    /// Read through `get` (a settings lookup); missing or bad copies keep the default.
    /// The printer name is read as stored and checked again before each print.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> PrinterSettings {
        let mut s = PrinterSettings::default();
        if let Some(p) = get(KEYS[0]) {
            s.printer = p.trim().to_string();
        }
        if let Some(n) = get(KEYS[1]).and_then(|n| n.trim().parse::<u32>().ok()) {
            s.copies = n.clamp(1, 99);
        }
        if let Some(f) = get(KEYS[2]) {
            s.font = f.trim().to_string();
        }
        s
    }

    /// The settings as (key, value) pairs to store.
    pub fn entries(&self) -> [(&'static str, String); 3] {
        [
            (KEYS[0], self.printer.clone()),
            (KEYS[1], self.copies.to_string()),
            (KEYS[2], self.font.clone()),
        ]
    }

    /// The font file PDFs are set in: `given` (the command line or `TIAOJIE_FONT`) wins
    /// over the room's setting; none means the shipped face.
    pub fn font_file(&self, given: Option<&Path>) -> Option<PathBuf> {
        given
            .map(Path::to_path_buf)
            .or_else(|| (!self.font.is_empty()).then(|| PathBuf::from(&self.font)))
    }
}

/// Why a file was not printed. Each says where the file is saved.
#[derive(Debug, thiserror::Error)]
pub enum PrintFailure {
    /// The stored printer name is not a CUPS destination name (typed before names were
    /// checked, or written around the settings screen).
    #[error("{}", tf("print.err.bad_name", &[("path", &file.display().to_string())]))]
    BadName {
        /// The file, which is saved.
        file: PathBuf,
    },
    /// CUPS is there and does not know the printer.
    #[error("{}", tf("print.err.unknown_printer", &[("name", name), ("known", known), ("path", &file.display().to_string())]))]
    UnknownPrinter {
        /// The printer name (checked, so safe to show).
        name: String,
        /// The destinations CUPS knows, joined with 、.
        known: String,
        /// The file, which is saved.
        file: PathBuf,
    },
    /// `TIAOJIE_PRINT_PROGRAM` names something that cannot be run.
    #[error("{}", tf("print.err.bad_program", &[("program", program), ("why", why), ("path", &file.display().to_string())]))]
    BadProgram {
        /// What the variable says.
        program: String,
        /// Why it cannot be used.
        why: String,
        /// The file, which is saved.
        file: PathBuf,
    },
    /// Neither `lp` nor `lpr` is installed (no CUPS).
    #[error("{}", tf("print.err.no_program", &[("path", &file.display().to_string())]))]
    NoProgram {
        /// The file, which is saved.
        file: PathBuf,
    },
    /// The program ran and refused (no printer set up, unknown printer …).
    #[error("{}", tf("print.err.refused", &[("command", command), ("why", why), ("path", &file.display().to_string())]))]
    Refused {
        /// The program.
        command: String,
        /// What it said.
        why: String,
        /// The file, which is saved.
        file: PathBuf,
    },
    /// This system has no print program tiaojie runs (Windows).
    #[error("{}", tf("print.err.not_here", &[("path", &file.display().to_string())]))]
    NotHere {
        /// The file, which is saved.
        file: PathBuf,
    },
}

/// Sends `file` to the printer as the job `ticket` names (its name, cleaned again by
/// `name::job_title`, and its copies: what the document states, else the room's
/// setting; see `documents::job`); on success returns what the program said (lp: the
/// job id). The settings give only the printer.
#[cfg(unix)]
pub fn send(
    settings: &PrinterSettings,
    file: &Path,
    ticket: &JobTicket,
    env: &PrintEnv,
) -> Result<String, PrintFailure> {
    use program::{NoProgram, Program};
    let file = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    if name::check(&settings.printer).is_err() {
        return Err(PrintFailure::BadName { file });
    }
    let program = Program::find(env).map_err(|no| match no {
        NoProgram::Owner(path, why) => PrintFailure::BadProgram {
            program: path.display().to_string(),
            why: crate::i18n::t(why.key()).into_owned(),
            file: file.clone(),
        },
        NoProgram::NotFound => PrintFailure::NoProgram { file: file.clone() },
    })?;
    known_to_cups(&settings.printer, env, &file)?;
    let job = program::Job {
        printer: &settings.printer,
        copies: ticket.copies,
        title: &name::job_title(None, &ticket.name),
        file: &file,
    };
    let command = program.path().display().to_string();
    let output = std::process::Command::new(program.path())
        .args(program.args(&job))
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| PrintFailure::Refused {
            command: command.clone(),
            why: e.to_string(),
            file: file.clone(),
        })?;
    let said = |b: &[u8]| String::from_utf8_lossy(b).trim().to_string();
    if output.status.success() {
        return Ok(said(&output.stdout));
    }
    let mut why = said(&output.stderr);
    if why.is_empty() {
        why = output.status.to_string();
    }
    Err(PrintFailure::Refused { command, why, file })
}

/// Windows has no `lp`: the PDF is kept, and the message says where (docs/windows.md).
#[cfg(not(unix))]
pub fn send(
    _settings: &PrinterSettings,
    file: &Path,
    _ticket: &JobTicket,
    _env: &PrintEnv,
) -> Result<String, PrintFailure> {
    Err(PrintFailure::NotHere {
        file: file.to_path_buf(),
    })
}

/// Refuses a named printer that CUPS, where it answers (`lpstat` on PATH), does not list.
#[cfg(unix)]
fn known_to_cups(printer: &str, env: &PrintEnv, file: &Path) -> Result<(), PrintFailure> {
    if printer.is_empty() {
        return Ok(());
    }
    let Some(lpstat) = program::on_path(env.path.as_deref(), "lpstat") else {
        return Ok(());
    };
    let Some(known) = program::destinations(&lpstat) else {
        return Ok(());
    };
    if known.iter().any(|k| k == printer) {
        return Ok(());
    }
    // Only names that could be typed in 设置 are shown, so nothing odd reaches the screen.
    let shown: Vec<&str> = known
        .iter()
        .map(String::as_str)
        .filter(|k| !k.is_empty() && name::check(k).is_ok())
        .take(12)
        .collect();
    Err(PrintFailure::UnknownPrinter {
        name: printer.to_string(),
        known: match shown.is_empty() {
            true => crate::i18n::t("print.no_printers").into_owned(),
            false => shown.join("、"),
        },
        file: file.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_given_on_the_command_line_wins_over_the_rooms_then_the_shipped_face() {
        let mut s = PrinterSettings::default();
        assert_eq!(s.font_file(None), None, "the shipped face");
        s.font = "C:\\Windows\\Fonts\\simsun.ttc".into();
        assert_eq!(
            s.font_file(None),
            Some(PathBuf::from("C:\\Windows\\Fonts\\simsun.ttc"))
        );
        let given = Path::new("/usr/share/fonts/x.ttc");
        assert_eq!(s.font_file(Some(given)), Some(given.to_path_buf()));
        let read = PrinterSettings::from_lookup(|k| (k == "print.font").then(|| " /f.ttf ".into()));
        assert_eq!(read.font, "/f.ttf");
    }

    #[test]
    fn settings_read_back_with_bad_copies_at_the_default_and_a_stored_command_ignored() {
        let stored = |k: &str| match k {
            "print.printer" => Some(" HP ".to_string()),
            "print.copies" => Some("500".to_string()),
            "print.command" => Some("/bin/sh".to_string()),
            _ => None,
        };
        let s = PrinterSettings::from_lookup(stored);
        assert_eq!(s.printer, "HP");
        assert_eq!(s.copies, 99);
        assert!(
            s.entries().iter().all(|(k, _)| !RETIRED_KEYS.contains(k)),
            "print.command is neither read nor written"
        );
        let round = PrinterSettings::from_lookup(|k| {
            s.entries()
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(round, s);
    }

    #[cfg(unix)]
    #[test]
    fn a_stored_name_that_is_no_destination_never_reaches_a_program() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let ran = dir.path().join("ran");
        let lp = dir.path().join("lp");
        let body = format!("#!/bin/sh\ntouch '{}'\n", ran.display());
        std::fs::write(&lp, body).unwrap();
        std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
        let env = PrintEnv {
            path: Some(dir.path().as_os_str().to_owned()),
            program: None,
        };
        let file = dir.path().join("x.pdf");
        for bad in ["-oHack", "a b", "x\ny", "$(id)"] {
            let settings = PrinterSettings {
                printer: bad.into(),
                ..Default::default()
            };
            let ticket = JobTicket {
                name: "t".into(),
                copies: 1,
            };
            let failure = send(&settings, &file, &ticket, &env).unwrap_err();
            assert!(matches!(failure, PrintFailure::BadName { .. }), "{bad:?}");
            assert!(!failure.to_string().contains(bad), "{failure}");
        }
        assert!(!ran.exists(), "lp never ran");
    }
}
