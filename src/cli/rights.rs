//! Every subcommand asks the rights table (`domain::rights`) here, in one place, before it
//! runs: which operation it is, and whether the person running it may. `--as NAME` on a
//! local command line is a convenience, not a boundary (anyone who can open the file can
//! name anyone); the boundaries are the SSH forced command and who can open the file.

use super::{CliError, Command, ReportKind, identity, user::UserCommand};
use crate::domain::case::Timestamp;
use crate::domain::rights::{Operation, check};
use crate::domain::user::User;
use crate::i18n::t;
use crate::storage::{StorageError, Store};
use std::path::Path;

/// The operation `command` carries out; `None` for what touches no room's data (the
/// man page, a district table merged from other files).
pub fn operation(command: &Command) -> Option<Operation> {
    use Operation as O;
    // No catch-all: a new subcommand must say which operation it is.
    Some(match command {
        Command::Demo { .. } => O::Demo,
        Command::Export { .. } => O::ExportCases,
        Command::Agenda { .. } => O::ViewAgenda,
        Command::Import { .. } => O::Import,
        Command::Report { what } => match what {
            ReportKind::Stats { merge, .. } if !merge.is_empty() => return None,
            ReportKind::Stats { .. } => O::ExportStats,
            ReportKind::Ledger { unmasked: true, .. } => O::ExportUnmasked,
            ReportKind::Ledger { .. } => O::ExportLedger,
        },
        Command::Print { .. } => O::PrintDocument,
        Command::Backup { .. } => O::Backup,
        Command::Restore { .. } => O::Restore,
        Command::Check => O::Check,
        Command::Search { .. } => O::Search,
        Command::User { what } => match what {
            UserCommand::List
            | UserCommand::Add { .. }
            | UserCommand::Disable { .. }
            | UserCommand::Enable { .. } => O::ManageUsers,
        },
        Command::Generate { .. } => return None,
    })
}

/// Refuses `command` unless `name` may run it on the database `db` (refusals are recorded
/// in the audit). Who a file that does not exist yet belongs to is decided when it is
/// made (the first person becomes its administrator); a file too damaged to open has no
/// users to ask, so `check` and `restore` go ahead on it — whoever can write the file
/// can replace it anyway.
pub fn authorise(
    db: &Path,
    command: &Command,
    name: &str,
    now: &Timestamp,
) -> Result<(), CliError> {
    let Some(op) = operation(command) else {
        return Ok(());
    };
    let creates = matches!(command, Command::Demo { .. } | Command::Import { .. });
    if !db.exists() && !creates {
        // The command itself says that there is nothing to read.
        return Ok(());
    }
    // `check` must see the file as it is: opening it for writing would make missing
    // audit triggers again before they could be reported. A known user whom the table
    // allows is let through on a read-only look; anyone else goes the usual way below
    // (where a refusal is recorded, and the check does not run).
    if op == Operation::Check && read_only_allows(db, name, op) {
        return Ok(());
    }
    let mut store = match Store::open(db) {
        Ok(store) => store,
        Err(StorageError::Open { .. } | StorageError::Sql(_) | StorageError::NotOurs { .. })
            if matches!(op, Operation::Check | Operation::Restore) =>
        {
            return Ok(());
        }
        Err(e) => return Err(e.into()),
    };
    // Sample cases go into a new file only: run on a room, it would make whoever ran
    // it (any `--as` name) its administrator, and mix invented cases with real ones.
    if op == Operation::Demo && store.organisation()?.is_some() {
        return Err(CliError::Refused(t("cli.demo.room_exists").into_owned()));
    }
    let me: User = identity::identify(&mut store, name, now)?;
    check(&me, op, None).map_err(|refusal| {
        store.record_refusal(&refusal, None);
        CliError::Refused(refusal.to_string())
    })
}

/// Whether `name` is an active user of `db` whom the table allows `op`, read without
/// writing anything to the file (false when that cannot be told so).
fn read_only_allows(db: &Path, name: &str, op: Operation) -> bool {
    let Ok(reader) = Store::open_reader(db) else {
        return false;
    };
    match reader.user(name) {
        Ok(Some(me)) => me.active && check(&me, op, None).is_ok(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use crate::domain::rights::reach;
    use crate::domain::user::Role;
    use clap::Parser;

    fn parsed(args: &[&str]) -> Command {
        let mut all = vec!["tiaojie"];
        all.extend_from_slice(args);
        Cli::try_parse_from(all)
            .expect("parses")
            .command
            .expect("a subcommand")
    }

    #[test]
    fn every_subcommand_is_an_operation_of_the_table() {
        let range = ["--from", "2026-01-01", "--to", "2026-12-31"];
        let cases: &[(&[&str], Option<Operation>)] = &[
            (&["demo"], Some(Operation::Demo)),
            (&["export"], Some(Operation::ExportCases)),
            (&["agenda"], Some(Operation::ViewAgenda)),
            (&["import", "x.jsonl"], Some(Operation::Import)),
            (&["print", "register", "1"], Some(Operation::PrintDocument)),
            (&["backup"], Some(Operation::Backup)),
            (&["restore", "x.db"], Some(Operation::Restore)),
            (&["check"], Some(Operation::Check)),
            (&["search", "张"], Some(Operation::Search)),
            (&["user", "list"], Some(Operation::ManageUsers)),
            (
                &["user", "add", "x", "--role", "clerk"],
                Some(Operation::ManageUsers),
            ),
            (&["user", "disable", "x"], Some(Operation::ManageUsers)),
        ];
        for (args, want) in cases {
            assert_eq!(operation(&parsed(args)), *want, "{args:?}");
        }
        let ledger = [&["report", "ledger"][..], &range[..]].concat();
        assert_eq!(operation(&parsed(&ledger)), Some(Operation::ExportLedger));
        let unmasked = [&ledger[..], &["--unmasked"][..]].concat();
        assert_eq!(
            operation(&parsed(&unmasked)),
            Some(Operation::ExportUnmasked)
        );
        let stats = [&["report", "stats"][..], &range[..]].concat();
        assert_eq!(operation(&parsed(&stats)), Some(Operation::ExportStats));
        // A clerk may restore nothing, and may not add users: the same answer.
        assert_eq!(
            reach(Role::Clerk, Operation::Restore),
            reach(Role::Clerk, Operation::ManageUsers)
        );
    }
}
