//! Keys the role at the keyboard may not use: refused before the screen acts, with a
//! line saying why and who can. The runner checks the same rules again (`app::guard`).

use crate::app::command::Command;
use crate::app::state::{AppState, CasesView, StatusLine, Tab};
use crate::domain::user::{may_edit_agreements, may_edit_settings, may_see_agreements, may_write};
use crate::i18n::{label, tf};

/// The refusal for `command` on the current screen, or `None` if it may go ahead.
pub fn refusal(state: &AppState, command: Option<Command>) -> Option<StatusLine> {
    let user = &state.user;
    let agreement_refused = match (&state.tab, &state.cases) {
        (Tab::Cases, CasesView::Detail(_)) => {
            command == Some(Command::Agreement) && !may_see_agreements(user)
        }
        (Tab::Cases, CasesView::Agreement(_)) => {
            command == Some(Command::Save) && !may_edit_agreements(user)
        }
        _ => false,
    };
    if agreement_refused {
        return Some(StatusLine {
            text: tf(
                "role.refused.agreement",
                &[("role", &label("role", user.role.code()))],
            ),
            error: true,
        });
    }
    let writes = match state.tab {
        Tab::Cases => match &state.cases {
            CasesView::List => matches!(command, Some(Command::New | Command::Edit)),
            CasesView::Detail(_) => matches!(
                command,
                Some(
                    Command::Edit
                        | Command::ChangeStatus
                        | Command::NewSession
                        | Command::RecordSession
                )
            ),
            CasesView::Form(_) => matches!(command, Some(Command::Save)),
            CasesView::Agreement(_) => false,
        },
        _ => false,
    };
    let key = if writes && !may_write(user) {
        "role.refused.write"
    } else if state.tab == Tab::Settings && !may_edit_settings(user) && !looks(command) {
        "role.refused.settings"
    } else {
        return None;
    };
    Some(StatusLine {
        text: tf(key, &[("role", &label("role", user.role.code()))]),
        error: true,
    })
}

/// Keys that only move around or leave (what someone who may not change settings may
/// still do on the settings tab); typed letters are none of them.
fn looks(command: Option<Command>) -> bool {
    matches!(
        command,
        Some(
            Command::Up
                | Command::Down
                | Command::PageUp
                | Command::PageDown
                | Command::Home
                | Command::End
                | Command::NextField
                | Command::PrevField
                | Command::Back
        )
    )
}
