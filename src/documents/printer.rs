//! Sending a kept PDF to the room's printer through CUPS' `lp` (or the command the room
//! sets): the program is run with an argument list, never through a shell, and nothing
//! a user typed into a case is part of it — only the settings (printer name, copies,
//! command) and the path of the file the program itself wrote under the data folder.
//! Where no printer is set up, the error says so in plain words; the file stays saved.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The room's printing settings (`print.command`, `print.printer`, `print.copies`,
/// `print.font` in the settings table; changed only on the settings screen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrinterSettings {
    /// The program (default `lp`).
    pub command: String,
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
            command: "lp".into(),
            printer: String::new(),
            copies: 1,
            font: String::new(),
        }
    }
}

/// The settings keys.
pub const KEYS: [&str; 4] = [
    "print.command",
    "print.printer",
    "print.copies",
    "print.font",
];

impl PrinterSettings {
    /// Read through `get` (a settings lookup); missing or bad values keep the default.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> PrinterSettings {
        let mut s = PrinterSettings::default();
        if let Some(c) = get(KEYS[0]).filter(|c| !c.trim().is_empty()) {
            s.command = c.trim().to_string();
        }
        if let Some(p) = get(KEYS[1]) {
            s.printer = p.trim().to_string();
        }
        if let Some(n) = get(KEYS[2]).and_then(|n| n.trim().parse::<u32>().ok()) {
            s.copies = n.clamp(1, 99);
        }
        if let Some(f) = get(KEYS[3]) {
            s.font = f.trim().to_string();
        }
        s
    }

    /// The settings as (key, value) pairs to store.
    pub fn entries(&self) -> [(&'static str, String); 4] {
        [
            (KEYS[0], self.command.clone()),
            (KEYS[1], self.printer.clone()),
            (KEYS[2], self.copies.to_string()),
            (KEYS[3], self.font.clone()),
        ]
    }

    /// The font file PDFs are set in: `given` (the command line or `TIAOJIE_FONT`) wins
    /// over the room's setting; none means the shipped face.
    pub fn font_file(&self, given: Option<&Path>) -> Option<PathBuf> {
        given
            .map(Path::to_path_buf)
            .or_else(|| (!self.font.is_empty()).then(|| PathBuf::from(&self.font)))
    }

    /// The arguments after the program: `-d PRINTER` when one is named, `-n COPIES`, and
    /// the file as an absolute path (so it can never be read as an option).
    pub fn args(&self, file: &Path) -> Vec<OsString> {
        let mut args: Vec<OsString> = Vec::new();
        if !self.printer.is_empty() {
            args.push("-d".into());
            args.push(self.printer.clone().into());
        }
        args.push("-n".into());
        args.push(self.copies.clamp(1, 99).to_string().into());
        args.push(absolute(file).into_os_string());
        args
    }
}

/// Why a file was not printed.
#[derive(Debug, thiserror::Error)]
pub enum PrintFailure {
    /// The program is not installed (no CUPS) or not found.
    #[error("{}", crate::i18n::tf("print.err.no_command", &[("command", command), ("path", &file.display().to_string())]))]
    NoCommand {
        /// The program.
        command: String,
        /// The file, which is saved.
        file: PathBuf,
    },
    /// The program ran and refused (no printer set up, unknown printer …).
    #[error("{}", crate::i18n::tf("print.err.refused", &[("command", command), ("why", why), ("path", &file.display().to_string())]))]
    Refused {
        /// The program.
        command: String,
        /// What it said.
        why: String,
        /// The file, which is saved.
        file: PathBuf,
    },
}

/// Sends `file` to the printer; on success returns what the program said (lp: the job id).
pub fn send(settings: &PrinterSettings, file: &Path) -> Result<String, PrintFailure> {
    let output = Command::new(&settings.command)
        .args(settings.args(file))
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|_| PrintFailure::NoCommand {
            command: settings.command.clone(),
            file: file.to_path_buf(),
        })?;
    let said = |b: &[u8]| String::from_utf8_lossy(b).trim().to_string();
    if output.status.success() {
        return Ok(said(&output.stdout));
    }
    let mut why = said(&output.stderr);
    if why.is_empty() {
        why = output.status.to_string();
    }
    Err(PrintFailure::Refused {
        command: settings.command.clone(),
        why,
        file: file.to_path_buf(),
    })
}

fn absolute(file: &Path) -> PathBuf {
    std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arguments_name_the_printer_copies_and_the_absolute_file_only() {
        let s = PrinterSettings {
            command: "lp".into(),
            printer: "Office_HP".into(),
            copies: 3,
            font: String::new(),
        };
        let args = s.args(Path::new("/data/文书/（2026）新人调字第12号/调解记录.pdf"));
        assert_eq!(
            args,
            [
                "-d",
                "Office_HP",
                "-n",
                "3",
                "/data/文书/（2026）新人调字第12号/调解记录.pdf"
            ]
            .map(OsString::from)
        );
        let default = PrinterSettings::default().args(Path::new("-x.pdf"));
        assert_eq!(default[..2], ["-n", "1"].map(OsString::from));
        // A relative name is made absolute, so it cannot pass for an option.
        assert!(Path::new(&default[2]).is_absolute());
    }

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
    fn settings_read_back_with_bad_values_left_at_their_defaults() {
        let stored = |k: &str| match k {
            "print.printer" => Some(" HP ".to_string()),
            "print.copies" => Some("500".to_string()),
            "print.command" => Some("  ".to_string()),
            _ => None,
        };
        let s = PrinterSettings::from_lookup(stored);
        assert_eq!(s.printer, "HP");
        assert_eq!(s.copies, 99);
        assert_eq!(s.command, "lp");
        let round = PrinterSettings::from_lookup(|k| {
            s.entries()
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(round, s);
    }
}
