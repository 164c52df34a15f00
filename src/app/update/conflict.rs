//! The conflict dialog: a case saved by someone else since the form opened. The user
//! keeps theirs over the other (saved against the version now stored), takes the other
//! (the form closes, the stored case is shown), or goes back to the form, unsaved.

use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::conflict::{ConflictChoice, ConflictView};
use crate::app::modal::Modal;
use crate::app::state::{AppState, CaseDetail, CasesView, StatusLine};
use crate::domain::case::{Case, CaseFields};
use crate::i18n::t;

/// Saving was refused: show both versions, if the form that tried is still open.
pub fn arrived(state: &mut AppState, mine: CaseFields, theirs: Case) -> Vec<Effect> {
    if !matches!(&state.cases, CasesView::Form(cf) if cf.editing.is_some_and(|(id, _)| id == theirs.id))
    {
        return Vec::new();
    }
    let view = ConflictView::new(mine, theirs, &state.locals);
    state.modals.push(Modal::Conflict(Box::new(view)));
    Vec::new()
}

/// Keys in the dialog: ←/→ choose, Enter does it, Esc goes back to the form.
pub fn on_key(state: &mut AppState, cmd: Option<Command>) -> Vec<Effect> {
    let Some(Modal::Conflict(view)) = state.modals.last_mut() else {
        return Vec::new();
    };
    let choice = match cmd {
        Some(Command::Left) => {
            view.step(false);
            return Vec::new();
        }
        Some(Command::Right) => {
            view.step(true);
            return Vec::new();
        }
        Some(Command::Down) => {
            view.scroll = view.scroll.saturating_add(1);
            return Vec::new();
        }
        Some(Command::Up) => {
            view.scroll = view.scroll.saturating_sub(1);
            return Vec::new();
        }
        Some(Command::Open) => view.choice,
        Some(Command::Back) => ConflictChoice::Back,
        _ => return Vec::new(),
    };
    let Some(Modal::Conflict(view)) = state.modals.pop() else {
        return Vec::new();
    };
    let ConflictView { mine, theirs, .. } = *view;
    match choice {
        ConflictChoice::Mine => {
            // Saved against the version just shown: if a third save came in between,
            // the user is asked again.
            if let CasesView::Form(cf) = &mut state.cases {
                cf.editing = Some((theirs.id, theirs.version));
            }
            vec![Effect::UpdateCase {
                id: theirs.id,
                version: theirs.version,
                fields: mine,
            }]
        }
        ConflictChoice::Theirs => {
            state.status = Some(StatusLine {
                text: t("msg.conflict_took_theirs").into_owned(),
                error: false,
            });
            state.cases = CasesView::Detail(Box::new(CaseDetail {
                case: *theirs,
                scroll: 0,
                repeats: Vec::new(),
            }));
            super::detail::repeats_of_detail(state)
        }
        ConflictChoice::Back => {
            state.status = Some(StatusLine {
                text: t("msg.conflict_back").into_owned(),
                error: false,
            });
            Vec::new()
        }
    }
}
