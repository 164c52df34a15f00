//! The small forms of 设置 in a dialog: a mediator, a local category, a user, a place.
//! Only the mediator and the category keep a draft: a user or place dialog is a name and a
//! choice, and restoring a user's edit would need the user it was about. Opened from the
//! settings tab (`update/settings.rs`).

use super::{DialogContext, DialogKind, FormDialog, Home, Submit, form_draft, refilled};
use crate::app::action::Effect;
use crate::app::drafts::{DraftData, DraftKey};
use crate::app::form::Form;
use crate::app::settings::{SettingsItem, SettingsItemKind};
use crate::app::settings::{local_item, mediator_item, user_of};
use crate::domain::category::{Category, LocalCategory};
use crate::domain::follow_up::Place;
use crate::domain::rights::Operation;
use crate::i18n::{t, tf};

/// A new mediator's draft ("settings:mediator").
pub const MEDIATOR: DialogKind = DialogKind {
    code: "settings:mediator",
    title: "draft.form.mediator",
    home: Home::Settings,
    reopen: |data, _| refilled(mediator_item(), data),
    opens: None,
};

/// A local category's draft ("settings:category").
pub const CATEGORY: DialogKind = DialogKind {
    code: "settings:category",
    title: "draft.form.category",
    home: Home::Settings,
    reopen: |data, _| refilled(local_item(None), data),
    opens: None,
};

impl FormDialog for SettingsItem {
    fn form(&self) -> &Form {
        &self.form
    }
    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }
    fn submit(&mut self, cx: &DialogContext) -> Submit {
        if self.kind == SettingsItemKind::EditUser {
            return Submit::CloseAndRun(vec![Effect::SaveUser {
                user: user_of(self),
                new: false,
            }]);
        }
        let name = self.form.value("name").trim().to_string();
        if name.is_empty() {
            let key = match self.kind {
                SettingsItemKind::Mediator => "err.mediator.name_missing",
                SettingsItemKind::LocalCategory => "err.category.name_missing",
                SettingsItemKind::NewUser | SettingsItemKind::EditUser => "err.user.name",
                SettingsItemKind::Place => "err.settings.place_name",
            };
            self.form.set_error("name", Some(t(key).into_owned()));
            return Submit::Stay;
        }
        let effect = match self.kind {
            SettingsItemKind::Place if cx.places.iter().any(|p| p.name == name) => {
                let said = tf("err.settings.place_exists", &[("name", &name)]);
                self.form.set_error("name", Some(said));
                return Submit::Stay;
            }
            SettingsItemKind::Place => {
                let mut places = cx.places.to_vec();
                places.push(Place {
                    name,
                    is_room: self.form.field("is_room").is_some_and(|f| f.checked),
                });
                Effect::SavePlaces(places)
            }
            SettingsItemKind::Mediator => Effect::AddMediator {
                name,
                phone: self.form.value("phone"),
            },
            SettingsItemKind::LocalCategory => Effect::SaveLocalCategory(LocalCategory {
                name,
                parent: Category::from_code(&self.form.value("parent")).unwrap_or(Category::Other),
            }),
            SettingsItemKind::NewUser | SettingsItemKind::EditUser => Effect::SaveUser {
                user: user_of(self),
                new: true,
            },
        };
        Submit::CloseAndRun(vec![effect])
    }
    fn operation(&self) -> Operation {
        match self.kind {
            SettingsItemKind::NewUser | SettingsItemKind::EditUser => Operation::ManageUsers,
            SettingsItemKind::Mediator
            | SettingsItemKind::LocalCategory
            | SettingsItemKind::Place => Operation::EditSettings,
        }
    }
    fn title(&self) -> &'static str {
        match self.kind {
            SettingsItemKind::Mediator => MEDIATOR.title,
            SettingsItemKind::LocalCategory => CATEGORY.title,
            SettingsItemKind::NewUser | SettingsItemKind::EditUser | SettingsItemKind::Place => {
                "draft.form.settings"
            }
        }
    }
    fn heading(&self) -> String {
        match self.kind {
            SettingsItemKind::Mediator => t("dialog.mediator_new").into_owned(),
            SettingsItemKind::LocalCategory => t("dialog.local_category").into_owned(),
            SettingsItemKind::NewUser => t("dialog.user_new").into_owned(),
            SettingsItemKind::EditUser => tf("dialog.user_edit", &[("name", &self.subject)]),
            SettingsItemKind::Place => t("dialog.place_new").into_owned(),
        }
    }
    fn draft(&self, _cx: &DialogContext) -> Option<(DraftKey, DraftData)> {
        let kind = match self.kind {
            SettingsItemKind::Mediator => MEDIATOR,
            SettingsItemKind::LocalCategory => CATEGORY,
            SettingsItemKind::NewUser | SettingsItemKind::EditUser | SettingsItemKind::Place => {
                return None;
            }
        };
        Some((kind.key(None), form_draft(&self.form)))
    }
}
