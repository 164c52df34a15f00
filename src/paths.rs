//! Where data lives: the database file (`--db`, `TIAOJIE_DB`, or the platform data folder
//! through `directories`) and the log file beside it; and who is at the keyboard (the
//! operating system's login).

use std::path::{Path, PathBuf};

/// File name of the default database.
pub const DB_FILE: &str = "tiaojie.db";

/// The default database: `~/.local/share/tiaojie/tiaojie.db` on Linux,
/// `%APPDATA%\tiaojie\tiaojie\data\tiaojie.db` on Windows.
pub fn default_db() -> Option<PathBuf> {
    directories::ProjectDirs::from("cn", "tiaojie", "tiaojie").map(|d| d.data_dir().join(DB_FILE))
}

/// The database to use: the one given, else the default, else `tiaojie.db` here.
pub fn resolve_db(given: Option<&Path>) -> PathBuf {
    given
        .map(Path::to_path_buf)
        .or_else(default_db)
        .unwrap_or_else(|| PathBuf::from(DB_FILE))
}

/// The folder where a room keeps its own wording of the forms (`register.json`, …,
/// named like `assets/templates`): `TIAOJIE_TEMPLATES`, else `templates` in the platform
/// config folder (`~/.config/tiaojie/templates` on Linux).
pub fn templates_dir() -> Option<PathBuf> {
    std::env::var_os("TIAOJIE_TEMPLATES")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("cn", "tiaojie", "tiaojie")
                .map(|d| d.config_dir().join("templates"))
        })
}

/// The log file, in the database's folder (errors go here, never over the screen).
pub fn log_file(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("tiaojie.log")
}

/// The folder of the daily backups, beside the database.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// Writes `bytes` to a file at `path` readable by its owner only (0600 on Unix), even
/// if the file existed with wider rights: exports and reports hold personal data.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = create_private(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// A file at `path`, empty and readable by its owner only (0600 on Unix), even if it
/// existed with wider rights, for an export written a piece at a time.
pub fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(file)
}

/// Who is at the keyboard: the operating-system user. `$USER` (or `$LOGNAME`) when the
/// session sets it, else the login of this process's user id in the system's account
/// database (a service or a bare SSH command sets no `$USER`); on Windows `%USERNAME%`.
/// Never a made-up "unknown": that name would be recorded in histories and, on a new
/// file, become the administrator that later locks the real user out.
pub fn operator() -> String {
    let env = |name: &str| {
        std::env::var(name)
            .ok()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    env("USER")
        .or_else(|| env("LOGNAME"))
        .or_else(account_login)
        .or_else(|| env("USERNAME"))
        .unwrap_or_else(nameless)
}

/// The login name of the real user id, from the account database (`getpwuid_r`: files,
/// LDAP, whatever the system's name service uses).
#[cfg(unix)]
fn account_login() -> Option<String> {
    use std::ffi::CStr;
    let mut buf = vec![0 as libc::c_char; 4096];
    // SAFETY: `passwd` is plain data that getpwuid_r fills; `buf` outlives every use of
    // the pointers it sets in `passwd` (pw_name points into `buf`), and its length is
    // passed along, so the call never writes past it.
    unsafe {
        let mut passwd: libc::passwd = std::mem::zeroed();
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(
            libc::getuid(),
            &mut passwd,
            buf.as_mut_ptr(),
            buf.len(),
            &mut found,
        );
        if rc != 0 || found.is_null() || passwd.pw_name.is_null() {
            return None;
        }
        let name = CStr::from_ptr(passwd.pw_name)
            .to_string_lossy()
            .trim()
            .to_string();
        (!name.is_empty()).then_some(name)
    }
}

#[cfg(not(unix))]
fn account_login() -> Option<String> {
    None
}

/// A user id with no account entry (a container run as an arbitrary id): named by the
/// number, which is stable and can be added as a user like any login.
#[cfg(unix)]
fn nameless() -> String {
    // SAFETY: getuid has no preconditions and cannot fail.
    format!("uid{}", unsafe { libc::getuid() })
}

/// Windows always sets %USERNAME%; without it, the profile folder's name.
#[cfg(not(unix))]
fn nameless() -> String {
    std::env::var_os("USERPROFILE")
        .map(PathBuf::from)
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "windows".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 14: without `$USER` the operator was "unknown". The account database knows
    /// this process's login (here checked against the login the same id has in `id -un`).
    #[cfg(unix)]
    #[test]
    fn the_login_comes_from_the_account_database_when_no_variable_says_it() {
        let login = account_login().expect("this process's uid has an account");
        assert_ne!(login, "unknown");
        let id = std::process::Command::new("id").arg("-un").output();
        if let Ok(out) = id
            && out.status.success()
        {
            assert_eq!(login, String::from_utf8_lossy(&out.stdout).trim());
        }
    }

    #[test]
    fn the_given_database_wins_and_the_log_sits_beside_it() {
        let db = resolve_db(Some(Path::new("/srv/room/a.db")));
        assert_eq!(db, PathBuf::from("/srv/room/a.db"));
        assert_eq!(log_file(&db), PathBuf::from("/srv/room/tiaojie.log"));
        assert_eq!(log_file(Path::new("a.db")), PathBuf::from("./tiaojie.log"));
        assert!(resolve_db(None).ends_with(DB_FILE));
    }
}
