//! Keys of the 文书 tab: ↑/↓ choose the form, PgUp/PgDn scroll the preview, Enter
//! writes the PDF into the case's folder, F5/P also sends it to the printer (the effect
//! does the writing and printing), F6/L sends it to the printer of the user's own
//! terminal (本机打印, written by the event loop), ←/→ choose the session of a notice or record and the
//! visit of a follow-up record.

use super::super::action::Effect;
use super::super::command::Command;
use super::super::state::{AppState, CasesView, StatusLine};
use crate::app::previews::{choice, live_sessions, preview, visits};
use crate::documents::forms::FormKind;
use crate::i18n::{t, tf};

/// A key on the tab.
pub fn on_key(state: &mut AppState, command: Option<Command>) -> Vec<Effect> {
    let last = FormKind::ALL.len() - 1;
    let docs = &mut state.docs;
    match command {
        Some(Command::Up) => {
            docs.selected = docs.selected.saturating_sub(1);
            docs.scroll = 0;
        }
        Some(Command::Down) => {
            docs.selected = (docs.selected + 1).min(last);
            docs.scroll = 0;
        }
        Some(Command::PageDown) => docs.scroll = docs.scroll.saturating_add(10).min(200),
        Some(Command::PageUp) => docs.scroll = docs.scroll.saturating_sub(10),
        Some(Command::Left) => pick(state, false),
        Some(Command::Right) => pick(state, true),
        Some(Command::Open) => return write(state, false),
        Some(Command::Print) => return write(state, true),
        Some(Command::LocalPrint) => return print_locally(state),
        _ => {}
    }
    Vec::new()
}

/// ←/→: the previous or next session of a notice or record, the previous or next visit
/// of a follow-up record (starting from the latest, which is the default).
fn pick(state: &mut AppState, forward: bool) {
    let step = |at: usize, len: usize| {
        if forward {
            (at + 1).min(len.saturating_sub(1))
        } else {
            at.saturating_sub(1)
        }
    };
    match state.docs.form() {
        FormKind::Notice | FormKind::Record => {
            let ids: Vec<_> = live_sessions(state).iter().map(|s| s.id).collect();
            let current = choice(state).session;
            let at = current
                .and_then(|id| ids.iter().position(|s| *s == id))
                .unwrap_or(ids.len().saturating_sub(1));
            state.docs.session = ids.get(step(at, ids.len())).copied();
        }
        FormKind::FollowUp => {
            let len = visits(state).len();
            let at = choice(state).visit.map_or(len.saturating_sub(1), |n| n - 1);
            state.docs.visit = (len > 0).then(|| step(at, len) + 1);
        }
        _ => return,
    }
    state.docs.scroll = 0;
}

fn write(state: &mut AppState, print: bool) -> Vec<Effect> {
    let message = match preview(state) {
        None => t("docs.no_case").into_owned(),
        Some(Err(why)) => why.to_string(),
        Some(Ok(_)) => {
            if let CasesView::Detail(detail) = &state.cases {
                state.status = Some(StatusLine {
                    text: t(if print {
                        "docs.printing"
                    } else {
                        "docs.writing"
                    })
                    .into_owned(),
                    error: false,
                });
                return vec![Effect::WriteDocument {
                    case: detail.case.id,
                    form: state.docs.form(),
                    today: state.today,
                    choice: Box::new(choice(state)),
                    print,
                }];
            }
            return Vec::new();
        }
    };
    state.status = Some(StatusLine {
        text: message,
        error: true,
    });
    Vec::new()
}

/// 本机打印: the form shown goes to the printer of the user's own terminal.
fn print_locally(state: &mut AppState) -> Vec<Effect> {
    let message = match preview(state) {
        None => t("docs.no_case").into_owned(),
        Some(Err(why)) => why.to_string(),
        Some(Ok(_)) => {
            let CasesView::Detail(detail) = &state.cases else {
                return Vec::new();
            };
            return vec![Effect::PrintLocally {
                case: detail.case.id,
                form: state.docs.form(),
                today: state.today,
                choice: Box::new(choice(state)),
            }];
        }
    };
    state.status = Some(StatusLine {
        text: message,
        error: true,
    });
    Vec::new()
}

/// The form went to the terminal: whether paper comes out is the terminal's business.
pub fn printed_locally(state: &mut AppState) -> Vec<Effect> {
    state.status = Some(StatusLine {
        text: t("docs.printed_locally").into_owned(),
        error: false,
    });
    Vec::new()
}

/// The PDF was written to `path` (and sent to the printer when `printed`).
pub fn written(state: &mut AppState, path: String, printed: bool) -> Vec<Effect> {
    let key = if printed {
        "docs.printed"
    } else {
        "docs.written"
    };
    state.status = Some(StatusLine {
        text: tf(key, &[("path", &path)]),
        error: false,
    });
    Vec::new()
}
