//! The settings tab: the room's profile and language (F2 saves), mediators (Enter marks
//! one as left or back, F7 adds), local categories (Enter changes the parent, F7 adds).

use super::case_form::picker_for;
use super::form_keys::{Outcome, clamp_list, form_key};
use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::key::Key;
use crate::app::modal::{Modal, PickerTarget, SettingsItemKind};
use crate::app::settings::{local_item, mediator_item};
use crate::app::setup::profile_of;
use crate::app::state::{AppState, StatusLine};
use crate::domain::category::{Category, LocalCategory};
use crate::i18n::{Lang, t};

/// Keys on the settings tab.
pub fn on_key(state: &mut AppState, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    let Some(form) = state.settings.form.as_mut() else {
        return Vec::new();
    };
    let outcome = form_key(form, cmd, key);
    clamp_list(form, "mediators", state.mediators.len());
    clamp_list(form, "locals", state.locals.len());
    let focused = form.focused().map(|f| (f.id, f.selected));
    match (outcome, focused) {
        (Outcome::Save, _) => {
            form.clear_errors();
            let profile = profile_of(form);
            if let Err(e) = profile.validated() {
                state.status = Some(StatusLine {
                    text: e.to_string(),
                    error: true,
                });
                return Vec::new();
            }
            let lang = Lang::from_code(&form.value("lang")).unwrap_or_default();
            state.lang = lang;
            state.lang_locked = false;
            // Saved values become the new "unchanged" baseline when the room reloads.
            state.settings.form = None;
            state.status = Some(StatusLine {
                text: t("msg.saved").into_owned(),
                error: false,
            });
            return vec![Effect::SaveRoom { profile, lang }];
        }
        (Outcome::Cancel, _) => {
            if let Some(org) = &state.org {
                state.settings.form = Some(crate::app::settings::settings_form(org, state.lang));
            }
        }
        (Outcome::OpenRow, Some(("mediators", row))) => {
            if let Some(m) = state.mediators.get(row) {
                return vec![Effect::SetMediatorActive {
                    id: m.id,
                    active: !m.active,
                }];
            }
        }
        (Outcome::OpenRow, Some(("locals", row))) => {
            if let Some(l) = state.locals.get(row) {
                state.modals.push(Modal::SettingsItem(local_item(Some(l))));
            }
        }
        (Outcome::Add, Some(("locals", _))) => {
            state.modals.push(Modal::SettingsItem(local_item(None)))
        }
        (Outcome::Add, _) => state.modals.push(Modal::SettingsItem(mediator_item())),
        (Outcome::Pick, _) => {
            if let Some(picker) = picker_for(form, PickerTarget::Settings) {
                state.modals.push(Modal::Picker(picker));
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Keys in a settings dialog (new mediator, local category).
pub fn item_key(state: &mut AppState, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    let Some(Modal::SettingsItem(item)) = state.modals.last_mut() else {
        return Vec::new();
    };
    match form_key(&mut item.form, cmd, key) {
        Outcome::Save => {
            let name = item.form.value("name").trim().to_string();
            if name.is_empty() {
                let key = match item.kind {
                    SettingsItemKind::Mediator => "err.mediator.name_missing",
                    SettingsItemKind::LocalCategory => "err.category.name_missing",
                };
                item.form.set_error("name", Some(t(key).into_owned()));
                return Vec::new();
            }
            let effect = match item.kind {
                SettingsItemKind::Mediator => Effect::AddMediator {
                    name,
                    phone: item.form.value("phone"),
                },
                SettingsItemKind::LocalCategory => Effect::SaveLocalCategory(LocalCategory {
                    name,
                    parent: Category::from_code(&item.form.value("parent"))
                        .unwrap_or(Category::Other),
                }),
            };
            state.modals.pop();
            vec![effect]
        }
        Outcome::Cancel => {
            state.modals.pop();
            Vec::new()
        }
        Outcome::Pick => {
            if let Some(picker) = picker_for(&item.form, PickerTarget::SettingsItem) {
                state.modals.push(Modal::Picker(picker));
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}
