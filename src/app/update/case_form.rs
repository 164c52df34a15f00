//! The case form: editing, adding and removing parties (the party dialog's keys are the
//! one driver's, `dialog.rs`), saving, and asking before anything typed is thrown away.

use super::form_keys::{Outcome, clamp_list, form_key};
use super::list::reload;
use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::key::Key;
use crate::app::modal::{Confirm, Modal, Pending, Picker, PickerTarget};
use crate::app::party_form::PartyForm;
use crate::app::state::{AppState, CasesView, StatusLine, Tab};
use crate::domain::agents::agents_of;
use crate::domain::party::{Party, PartyKind, PartyRole};
use crate::i18n::{t, tf};

/// Keys on the case form.
pub fn on_key(state: &mut AppState, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    let CasesView::Form(cf) = &mut state.cases else {
        return Vec::new();
    };
    let outcome = form_key(&mut cf.form, cmd, key);
    clamp_list(&mut cf.form, "parties", cf.parties.len());
    cf.refresh();
    match outcome {
        Outcome::Save => return save(state),
        Outcome::Cancel => return cancel(state),
        Outcome::Add => open_party(state, None),
        Outcome::OpenRow => {
            let index = cf.selected_party();
            open_party(state, index);
        }
        Outcome::Remove => {
            if let Some(i) = cf.selected_party() {
                let name = cf.parties[i].name.clone();
                // An agent acts for this party: removing it would leave the agent for
                // nobody. Said, as a party an agreement item names is (storage).
                if let Some(&agent) = agents_of(&cf.parties, i).first() {
                    let agent = cf.parties[agent].name.clone();
                    state.status = Some(StatusLine {
                        text: tf(
                            "err.party.remove_represented",
                            &[("agent", &agent), ("name", &name)],
                        ),
                        error: true,
                    });
                    return Vec::new();
                }
                state.modals.push(Modal::Confirm(Confirm {
                    question: tf("confirm.remove_party", &[("name", &name)]),
                    yes: "button.remove",
                    no: "button.keep",
                    on_yes: Pending::RemoveParty(i),
                    yes_selected: false,
                }));
            }
        }
        Outcome::Pick => {
            if let Some(picker) = picker_for(&cf.form, PickerTarget::CaseForm) {
                state.modals.push(Modal::Picker(picker));
            }
        }
        Outcome::Handled | Outcome::Ignored => {}
    }
    Vec::new()
}

/// A picker over the focused choice field's options.
pub fn picker_for(form: &crate::app::form::Form, target: PickerTarget) -> Option<Picker> {
    Picker::for_focused(form, target)
}

fn save(state: &mut AppState) -> Vec<Effect> {
    let today = state.today;
    let CasesView::Form(cf) = &mut state.cases else {
        return Vec::new();
    };
    let Some(fields) = cf.to_fields(today) else {
        state.status = Some(StatusLine {
            text: t("msg.fix_marked").into_owned(),
            error: true,
        });
        return Vec::new();
    };
    vec![match cf.editing {
        Some((id, version)) => Effect::UpdateCase {
            id,
            version,
            fields: Box::new(fields),
        },
        None => Effect::CreateCase(Box::new(fields)),
    }]
}

/// Asks before throwing typed text away; an unchanged form closes at once (and the
/// list or the case it edits is read again, so the screen behind it is current).
fn cancel(state: &mut AppState) -> Vec<Effect> {
    let CasesView::Form(cf) = &state.cases else {
        return Vec::new();
    };
    if cf.changed() {
        // A new case was never saved: it is not registered, not "changed".
        let question = match cf.editing {
            Some(_) => "confirm.discard_case",
            None => "confirm.discard_new_case",
        };
        state.modals.push(Modal::Confirm(Confirm {
            question: t(question).into_owned(),
            yes: "button.discard",
            no: "button.keep_editing",
            on_yes: Pending::DiscardCaseForm,
            yes_selected: false,
        }));
        Vec::new()
    } else {
        close(state)
    }
}

/// Opening another case (from 今日 or 日程) would close the case form or the agreement
/// editor: with unsaved typing in it, it is brought to the front as it is instead, and the
/// status line says how to go on. True when it was kept.
pub fn kept_before_opening(state: &mut AppState) -> bool {
    let unsaved = match &state.cases {
        CasesView::Form(cf) => cf.changed(),
        CasesView::Agreement(a) => a.changed(),
        _ => false,
    };
    if unsaved {
        state.tab = Tab::Cases;
        state.status = Some(StatusLine {
            text: t("msg.form_kept_open").into_owned(),
            error: true,
        });
    }
    unsaved
}

/// Leaves the form without saving: back to the case it edits, or to the list.
pub fn close(state: &mut AppState) -> Vec<Effect> {
    let editing = match &state.cases {
        CasesView::Form(cf) => cf.editing,
        _ => None,
    };
    match editing {
        Some((id, _)) => {
            state.cases = CasesView::List;
            vec![Effect::LoadCase(id)]
        }
        None => {
            state.cases = CasesView::List;
            reload(state)
        }
    }
}

fn open_party(state: &mut AppState, index: Option<usize>) {
    let CasesView::Form(cf) = &state.cases else {
        return;
    };
    let party = match index.and_then(|i| cf.parties.get(i)) {
        Some(p) => p.clone(),
        // The first party is usually the applicant, the next the respondent.
        None if cf.parties.is_empty() => Party::new(PartyRole::Applicant, PartyKind::Person),
        None => Party::new(PartyRole::Respondent, PartyKind::Person),
    };
    state.modals.push(Modal::form(PartyForm::new(
        index,
        &party,
        &cf.parties,
        state.today,
    )));
}

/// The form closes on a successful save and the saved case is shown (read again with
/// what comes with it).
pub fn saved(state: &mut AppState, case: crate::domain::case::Case) -> Vec<Effect> {
    let key = match &state.cases {
        CasesView::Form(cf) if cf.editing.is_none() => "msg.registered",
        CasesView::Form(cf) if cf.merged => "msg.saved_merged",
        _ => "msg.saved",
    };
    state.status = Some(StatusLine {
        text: t(key).into_owned(),
        error: false,
    });
    super::detail::show(state, case)
}
