//! Keys in dialogs: questions, menus, pickers, the status change steps, help.

use super::case_form::close;
use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::key::Key;
use crate::app::modal::{MediatorPick, Modal, Pending, PickerTarget, ReasonForm};
use crate::app::picker::PickerStep;
use crate::app::state::{AppState, CasesView, Tab};
use crate::domain::status::{CaseStatus, TransitionError, TransitionInput, check_transition};

/// Keys while a dialog is open (the top one gets them).
pub fn on_key(state: &mut AppState, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    if let Some(effects) = super::dialog::on_key(state, cmd, key) {
        return effects;
    }
    let Some(top) = state.modals.last_mut() else {
        return Vec::new();
    };
    match top {
        Modal::Help { scroll } => {
            match cmd {
                Some(Command::Down) => *scroll = scroll.saturating_add(1),
                Some(Command::Up) => *scroll = scroll.saturating_sub(1),
                Some(Command::PageDown) => *scroll = scroll.saturating_add(10),
                Some(Command::PageUp) => *scroll = scroll.saturating_sub(10),
                Some(Command::Back) => {
                    state.modals.pop();
                }
                _ => {}
            }
            Vec::new()
        }
        Modal::Notice { .. } => {
            if matches!(cmd, Some(Command::Back | Command::Open)) {
                state.modals.pop();
            }
            Vec::new()
        }
        Modal::Confirm(c) => {
            match cmd {
                Some(Command::Left | Command::Right) => c.yes_selected = !c.yes_selected,
                Some(Command::Yes) => return confirmed(state),
                Some(Command::Open) if c.yes_selected => return confirmed(state),
                Some(Command::Open | Command::No) => {
                    state.modals.pop();
                }
                _ => {}
            }
            Vec::new()
        }
        Modal::StatusMenu(_) => status_menu_key(state, cmd),
        Modal::Mediators(_) => mediators_key(state, cmd),
        Modal::Picker(_) => picker_key(state, cmd, key),
        Modal::Drafts(_) => super::drafts::offer_key(state, cmd),
        Modal::Conflict(_) => super::conflict::on_key(state, cmd),
        // The form dialogs: `dialog::on_key` above.
        _ => Vec::new(),
    }
}

fn confirmed(state: &mut AppState) -> Vec<Effect> {
    let Some(Modal::Confirm(c)) = state.modals.pop() else {
        return Vec::new();
    };
    match c.on_yes {
        Pending::Quit => state.quit = true,
        Pending::DiscardDialog => {
            state.modals.pop();
        }
        Pending::DiscardCaseForm => return close(state),
        Pending::SubmitDialog => return super::dialog::submit_confirmed(state),
        Pending::DiscardSettings(to) => {
            let to = Tab::ALL.get(to).copied().unwrap_or(Tab::Cases);
            super::settings::leave(state, to);
            return super::entered(state);
        }
        Pending::DiscardAgreement => return super::agreement::discard(state),
        Pending::DiscardAgreementRow => super::agreement::discard_row(state),
        Pending::RemoveParty(i) => {
            if let CasesView::Form(cf) = &mut state.cases
                && i < cf.parties.len()
            {
                // The agents' links keep naming the same parties.
                crate::domain::agents::remove(&mut cf.parties, i);
                cf.refresh();
            }
        }
    }
    Vec::new()
}

fn menu_move(selected: &mut usize, len: usize, cmd: Option<Command>) {
    match cmd {
        Some(Command::Down) => *selected = (*selected + 1).min(len.saturating_sub(1)),
        Some(Command::Up) => *selected = selected.saturating_sub(1),
        Some(Command::PageDown | Command::End) => *selected = len.saturating_sub(1),
        Some(Command::PageUp | Command::Home) => *selected = 0,
        _ => {}
    }
}

fn status_menu_key(state: &mut AppState, cmd: Option<Command>) -> Vec<Effect> {
    let Some(Modal::StatusMenu(menu)) = state.modals.last_mut() else {
        return Vec::new();
    };
    let options = menu.options();
    menu_move(&mut menu.selected, options.len(), cmd);
    match cmd {
        Some(Command::Back) => {
            state.modals.pop();
        }
        Some(Command::Open) => {
            let Some(&to) = options.get(menu.selected) else {
                return Vec::new();
            };
            let (id, version, from) = (menu.case_id, menu.version, menu.from);
            state.modals.pop();
            // Reason and mediators are asked next, so only the step itself is checked now.
            let probe = TransitionInput {
                reason: "-".into(),
                mediator_count: 1,
            };
            if let Err(e) = check_transition(from, to, &probe) {
                state.modals.push(Modal::Notice {
                    text: e.to_string(),
                });
            } else if to == CaseStatus::Accepted {
                let assigned = current_mediators(state);
                let options = state
                    .mediators
                    .iter()
                    .filter(|m| m.active)
                    .enumerate()
                    .map(|(i, m)| {
                        (
                            m.id,
                            m.name.clone(),
                            assigned.contains(&m.id) || (assigned.is_empty() && i == 0),
                        )
                    })
                    .collect();
                state.modals.push(Modal::Mediators(MediatorPick {
                    case_id: id,
                    version,
                    to,
                    options,
                    selected: 0,
                }));
            } else if to.needs_reason() {
                state
                    .modals
                    .push(Modal::form(ReasonForm::new(id, version, to)));
            } else {
                return vec![Effect::ChangeStatus {
                    id,
                    version,
                    to,
                    reason: String::new(),
                    mediators: Vec::new(),
                }];
            }
        }
        _ => {}
    }
    Vec::new()
}

fn current_mediators(state: &AppState) -> Vec<crate::domain::org::MediatorId> {
    match &state.cases {
        CasesView::Detail(d) => d.case.mediators.clone(),
        _ => Vec::new(),
    }
}

fn mediators_key(state: &mut AppState, cmd: Option<Command>) -> Vec<Effect> {
    let Some(Modal::Mediators(pick)) = state.modals.last_mut() else {
        return Vec::new();
    };
    menu_move(&mut pick.selected, pick.options.len(), cmd);
    match cmd {
        Some(Command::Toggle) => {
            if let Some(o) = pick.options.get_mut(pick.selected) {
                o.2 = !o.2;
            }
        }
        Some(Command::Back) => {
            state.modals.pop();
        }
        Some(Command::Open) => {
            let mut chosen: Vec<_> = pick.options.iter().filter(|o| o.2).map(|o| o.0).collect();
            if chosen.is_empty()
                && let Some(o) = pick.options.get(pick.selected)
            {
                chosen.push(o.0);
            }
            if chosen.is_empty() {
                let text = TransitionError::MediatorRequired.to_string();
                state.modals.push(Modal::Notice { text });
                return Vec::new();
            }
            let (id, version, to) = (pick.case_id, pick.version, pick.to);
            state.modals.pop();
            return vec![Effect::ChangeStatus {
                id,
                version,
                to,
                reason: String::new(),
                mediators: chosen,
            }];
        }
        _ => {}
    }
    Vec::new()
}

fn picker_key(state: &mut AppState, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    let Some(Modal::Picker(p)) = state.modals.last_mut() else {
        return Vec::new();
    };
    match p.on_key(cmd, key) {
        PickerStep::Stay => {}
        PickerStep::Close => {
            state.modals.pop();
        }
        PickerStep::Pick(code) => {
            let Some(Modal::Picker(p)) = state.modals.pop() else {
                return Vec::new();
            };
            match p.target {
                PickerTarget::CaseForm => {
                    if let CasesView::Form(cf) = &mut state.cases {
                        cf.form.set_choice(p.field, &code);
                        cf.refresh();
                    }
                }
                PickerTarget::Settings => {
                    if let Some(form) = state.settings.form.as_mut() {
                        form.set_choice(p.field, &code);
                    }
                }
                PickerTarget::Agreement => {
                    if let CasesView::Agreement(editor) = &mut state.cases {
                        let form = super::agreement::focused_form(editor);
                        form.set_choice(p.field, &code);
                    }
                }
                PickerTarget::Dialog => return super::dialog::picked(state, p.field, &code),
            }
        }
    }
    Vec::new()
}
