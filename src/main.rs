//! `tiaojie`: parse the command line, then open the app or run a command.

use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;
use tiaojie::cli::Cli;
use tiaojie::i18n::{set_lang, t, tf};
use tiaojie::{log, paths, storage::Store, tui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    set_lang(cli.lang.unwrap_or_default());
    match &cli.command {
        Some(command) => match tiaojie::cli::run_command(&cli, command) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        },
        None => open_app(&cli),
    }
}

fn open_app(cli: &Cli) -> ExitCode {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("{}", t("err.not_a_terminal"));
        return ExitCode::FAILURE;
    }
    let db = paths::resolve_db(cli.db.as_deref());
    // Opened before the screen is taken over, so a refusal is printed plainly, and so is
    // the upgrade of an older file (a copy and a migration: a minute at a million cases,
    // which would otherwise pass in front of an empty terminal).
    let mut store = match Store::open_noting(&db, &mut |upgrade| eprintln!("{upgrade}")) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    // An unknown or disabled person is refused here, in plain words, not with an empty screen.
    let name = tiaojie::cli::identity::login_name(cli.as_user.as_deref());
    // The room's clock (its zone in 设置), not the machine's.
    let now = store
        .now()
        .unwrap_or_else(|_| tiaojie::domain::zone::Zone::default().local(&chrono::Utc::now()));
    let user = match tiaojie::cli::identity::identify(&mut store, &name, &now) {
        Ok(user) => user,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    log::init(paths::log_file(&db));
    // The first start of the day keeps a copy, made beside the app once its first screen
    // is up (see `app::backup_worker`); a failure is logged and said on the status line.
    let display = tiaojie::ui::theme::DisplayAsked {
        color: cli.color,
        ascii: cli.ascii,
    };
    match tui::run(store, user, cli.lang, display) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            log::error(&format!("terminal: {e}"));
            eprintln!("{}", tf("err.terminal", &[("cause", &e.to_string())]));
            ExitCode::FAILURE
        }
    }
}
