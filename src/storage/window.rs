//! This process's window onto the room: a token naming the drafts it writes, and a lock
//! file it holds while it runs, so that another window can tell the drafts of a window
//! still open from those of one that is gone (a dropped SSH connection, a closed PuTTY
//! window, a crash, a power cut).
//!
//! The lock is the operating system's own file lock (`flock` on Unix, `LockFileEx` on
//! Windows), which the system lets go of when the process ends however it ends. So a
//! window is alive exactly while some process holds its file locked: no process id is
//! compared, and a reused one fools nothing. The files live beside the database, in
//! `<file>.windows/`, as private as the database's folder and file.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// How often a new window tries another token when its first is taken (only a process
/// cleaning up at the same instant can cause that).
const TRIES: usize = 4;

/// The drafts of a window older than drafts per window: offered like a gone window's.
pub(super) const BEFORE_WINDOWS: &str = "";

/// This process's window: its token, its own lock, and the locks of gone windows whose
/// drafts it is offering (held so that no other window offers the same drafts at once).
#[derive(Debug)]
pub struct Window {
    token: String,
    /// The database it is a window on (its folder's and file's modes are the locks').
    db: PathBuf,
    dir: PathBuf,
    own: Option<File>,
    taken: Vec<(String, File)>,
}

impl Window {
    /// Opens a new window on the database at `db`. Never fails: if no lock can be made
    /// (a folder that cannot be written), the window still has its token and works, and
    /// others see its drafts as left behind (which is said in the log).
    pub fn open(db: &Path) -> Window {
        let dir = lock_dir(db);
        let mut window = Window {
            token: new_token(0),
            db: db.to_path_buf(),
            dir,
            own: None,
            taken: Vec::new(),
        };
        if let Err(e) = make_dir_like(&window.dir, db) {
            crate::log::error(&format!("drafts: no window lock folder: {e}"));
            return window;
        }
        for attempt in 0..TRIES {
            let token = new_token(attempt);
            match window.lock_new(&token) {
                Ok(Some(file)) => {
                    window.token = token;
                    window.own = Some(file);
                    return window;
                }
                Ok(None) => continue,
                Err(e) => {
                    crate::log::error(&format!("drafts: no window lock: {e}"));
                    return window;
                }
            }
        }
        window
    }

    /// A second handle on the window `token` that the same process holds open (the
    /// writer thread's connection writes that window's drafts): it holds no lock of its
    /// own and lets go of nothing when dropped.
    pub fn beside(db: &Path, token: &str) -> Window {
        Window {
            token: token.to_string(),
            db: db.to_path_buf(),
            dir: lock_dir(db),
            own: None,
            taken: Vec::new(),
        }
    }

    /// The token this window's drafts are stored under.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// True when no running process holds the window `token`: its process is gone. The
    /// gone window is then held by this one until [`Window::let_go`], so a window starting
    /// meanwhile does not offer its drafts as well. This window itself is never gone.
    pub(super) fn take_over(&mut self, token: &str) -> bool {
        if token == self.token || self.taken.iter().any(|(t, _)| t == token) {
            return token != self.token;
        }
        let Some(path) = self.path_of(token) else {
            // A token no tiaojie wrote: nothing can hold it.
            return true;
        };
        let file = match OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
        {
            Ok(file) => file,
            // Another account's window, in a room shared by a group whose folder is
            // not ours to read: it may be open, so its drafts are not offered.
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => return false,
            // Cannot look otherwise: say gone, as before drafts were kept per window.
            Err(_) => return true,
        };
        match file.try_lock() {
            Ok(()) => {
                self.taken.push((token.to_string(), file));
                true
            }
            Err(TryLockError::WouldBlock) => false,
            Err(TryLockError::Error(_)) => true,
        }
    }

    /// Lets go of the gone windows taken over: their drafts that are left are offered
    /// again at a later start. Their lock files go too, unless another window has just
    /// taken them.
    pub fn let_go(&mut self) {
        for (token, file) in self.taken.drain(..) {
            drop(file);
            if let Some(path) = path_in(&self.dir, &token) {
                remove_if_free(&path);
            }
        }
    }

    /// Removes lock files that no process holds and `wanted` does not name (windows that
    /// are gone with no drafts left); called while the drafts are read at start.
    pub(super) fn sweep(&self, wanted: &[String]) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(token) = token_of(&path) else {
                continue;
            };
            if token == self.token
                || wanted.iter().any(|w| file_name(w) == token)
                || self.taken.iter().any(|(t, _)| file_name(t) == token)
            {
                continue;
            }
            remove_if_free(&path);
        }
    }

    fn path_of(&self, token: &str) -> Option<PathBuf> {
        path_in(&self.dir, token)
    }

    /// This window's own lock: `None` if the token's file exists already or was taken
    /// away before it was locked (see `open`).
    fn lock_new(&self, token: &str) -> std::io::Result<Option<File>> {
        let Some(path) = self.path_of(token) else {
            return Ok(None);
        };
        let file = match new_like(&path, &self.db) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(None),
            Err(e) => return Err(e),
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Ok(None),
            Err(TryLockError::Error(e)) => return Err(e),
        }
        // Another start sweeping gone windows may have removed the file between its
        // creation and the lock: a lock on a removed file shows nobody that we live.
        if !path.exists() {
            return Ok(None);
        }
        Ok(Some(file))
    }
}

impl Drop for Window {
    fn drop(&mut self) {
        self.let_go();
        if let Some(file) = self.own.take() {
            drop(file);
            if let Some(path) = self.path_of(&self.token) {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

/// `<file>.windows` beside the database.
fn lock_dir(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".windows");
    db.with_file_name(name)
}

/// A token no other window has had: the process id, the time in nanoseconds and the try.
fn new_token(attempt: usize) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{}-{nanos:x}-{attempt}", std::process::id())
}

/// The lock file's name of a token; the drafts from before windows get one of their own.
fn file_name(token: &str) -> String {
    if token == BEFORE_WINDOWS {
        "before-windows".to_string()
    } else {
        token.to_string()
    }
}

/// The lock file of `token` in `dir`, for tokens as tiaojie makes them (letters, digits
/// and dashes): a token read from the file never becomes a path elsewhere.
fn path_in(dir: &Path, token: &str) -> Option<PathBuf> {
    let name = file_name(token);
    let plain = !name.is_empty()
        && name.len() <= 64
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    plain.then(|| dir.join(format!("{name}.lock")))
}

fn token_of(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    name.strip_suffix(".lock").map(str::to_string)
}

/// Removes a lock file nobody holds (checked by taking its lock first).
fn remove_if_free(path: &Path) {
    let Ok(file) = OpenOptions::new().read(true).write(true).open(path) else {
        return;
    };
    if file.try_lock().is_ok() {
        // Unix removes a locked file; Windows wants it closed first. Either way a window
        // starting at this instant with the same name is impossible (tokens are new).
        #[cfg(unix)]
        let _ = std::fs::remove_file(path);
        drop(file);
        #[cfg(not(unix))]
        let _ = std::fs::remove_file(path);
    }
}

/// The lock folder, as private as the database's own folder: owner-only where the
/// folder is (the default), shared with the group where a room is set up for a group
/// (docs/ssh.md), never with everyone.
fn make_dir_like(dir: &Path, db: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let folder = db.parent().and_then(|p| std::fs::metadata(p).ok());
        let mode = folder.map_or(0o700, |m| m.permissions().mode() & 0o770);
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, mode | 0o700);
    }
    #[cfg(not(unix))]
    let _ = db;
    builder.create(dir)
}

/// A new lock file, readable by whoever may read the database (it holds nothing).
fn new_like(path: &Path, db: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = std::fs::metadata(db).ok();
        let mode = file.map_or(0o600, |m| m.permissions().mode() & 0o660);
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode | 0o600);
    }
    #[cfg(not(unix))]
    let _ = db;
    options.open(path)
}

#[cfg(test)]
mod tests;
