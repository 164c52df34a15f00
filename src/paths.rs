//! Where data lives: the database file (`--db`, `TIAOJIE_DB`, or the platform data folder
//! through `directories`) and the log file beside it.

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

/// Who is at the keyboard: the operating-system user.
pub fn operator() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_given_database_wins_and_the_log_sits_beside_it() {
        let db = resolve_db(Some(Path::new("/srv/room/a.db")));
        assert_eq!(db, PathBuf::from("/srv/room/a.db"));
        assert_eq!(log_file(&db), PathBuf::from("/srv/room/tiaojie.log"));
        assert_eq!(log_file(Path::new("a.db")), PathBuf::from("./tiaojie.log"));
        assert!(resolve_db(None).ends_with(DB_FILE));
    }
}
