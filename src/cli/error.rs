//! What a command-line command reports when it fails, each worded for the user with
//! what to do next.

use super::import::ImportError;
use crate::i18n::tf;
use crate::storage::StorageError;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The database refused or failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The import file is unreadable or has bad lines; nothing was imported.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// A document could not be made.
    #[error(transparent)]
    Print(#[from] super::print::PrintError),
    /// The export could not be written.
    #[error("{}", tf("cli.err.write", &[("path", path), ("cause", &cause.to_string())]))]
    Write { path: String, cause: std::io::Error },
    /// Export was asked of a database file that does not exist.
    #[error("{}", tf("cli.err.no_database", &[("path", path)]))]
    NoDatabase { path: String },
    /// `check` found problems (already printed).
    #[error("{}", tf("cli.check.failed", &[]))]
    Problems,
    /// The person may not open the room, or may not do this (already worded).
    #[error("{0}")]
    Refused(String),
    /// A command that only reads was given a database file that does not exist.
    #[error("{}", tf("cli.err.no_database_read", &[("path", path)]))]
    NothingToRead { path: String },
}
