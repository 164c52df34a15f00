//! The log file: errors go here, never over the screen. Only what happened and where —
//! never names, ID numbers or phones of parties. Created readable by the owner only.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

static LOG: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Sets where `error` writes.
pub fn init(path: PathBuf) {
    if let Ok(mut guard) = LOG.lock() {
        *guard = Some(path);
    }
}

/// Appends one line with the local time. Failing to log must never stop the app.
pub fn error(message: &str) {
    let Ok(guard) = LOG.lock() else { return };
    let Some(path) = guard.as_ref() else { return };
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    if let Ok(mut file) = options.open(path) {
        // The machine's clock with its offset: the log is read on this machine.
        let now = chrono::Local::now().format("%Y-%m-%d %H:%M:%S%:z");
        let _ = writeln!(file, "{now} {message}");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_are_appended_with_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tiaojie.log");
        super::init(path.clone());
        super::error("first");
        super::error("second");
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<_> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].ends_with(" first") && lines[1].ends_with(" second"));
        assert!(lines[0].starts_with("20"));
    }
}
