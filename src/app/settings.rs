//! The settings tab: the room's profile and language in a form, with the mediators and
//! the local categories as lists inside it.

use super::case_form::category_choices;
use super::form::{Choice, Field, Form};
use super::modal::{SettingsItem, SettingsItemKind};
use super::room_settings::RoomSettings;
use crate::domain::category::{Category, LocalCategory};
use crate::domain::follow_up::Place;
use crate::domain::org::Organisation;
use crate::i18n::{Lang, label, t};

/// The settings tab's state: its form, once the room is known.
#[derive(Debug, Clone, Default)]
pub struct SettingsState {
    /// Profile, language, and the two lists.
    pub form: Option<Form>,
}

impl SettingsState {
    /// True if the profile or language was changed and not saved.
    pub fn changed(&self) -> bool {
        self.form.as_ref().is_some_and(Form::changed)
    }
}

/// The settings form filled from the room.
pub fn settings_form(org: &Organisation, lang: Lang, settings: &RoomSettings) -> Form {
    let p = &org.profile;
    let langs = vec![
        Choice {
            code: "zh".into(),
            label: "中文".into(),
        },
        Choice {
            code: "en".into(),
            label: "English".into(),
        },
    ];
    let mut fields = vec![
        Field::text("room_name", "field.room_name", &p.room_name).required(),
        Field::text("committee_name", "field.committee_name", &p.committee_name).required(),
        Field::text("number_prefix", "field.number_prefix", &p.number_prefix),
        Field::text("number_pattern", "field.number_pattern", &p.number_pattern),
        Field::choice("lang", "field.lang", langs, lang.code()),
        Field::list("mediators", "field.mediators"),
        Field::list("locals", "field.locals"),
    ];
    fields.extend(settings.fields());
    Form::new(fields)
}

/// The dialog for a new mediator.
pub fn mediator_item() -> SettingsItem {
    SettingsItem {
        kind: SettingsItemKind::Mediator,
        form: Form::new(vec![
            Field::text("name", "field.mediator_name", "").required(),
            Field::text("phone", "field.phone", ""),
        ]),
    }
}

/// The dialog for a local category: a new one, or `existing` with its parent to change.
pub fn local_item(existing: Option<&LocalCategory>) -> SettingsItem {
    let parents: Vec<Choice> = category_choices(&[])
        .into_iter()
        .map(|c| Choice {
            code: c.code.trim_start_matches("n:").to_string(),
            label: c.label,
        })
        .collect();
    let parent = existing.map(|l| l.parent).unwrap_or(Category::Other);
    let mut form = Form::new(vec![
        Field::text(
            "name",
            "field.local_name",
            existing.map(|l| l.name.as_str()).unwrap_or(""),
        )
        .required(),
        Field::choice("parent", "field.local_parent", parents, parent.code()),
    ]);
    if existing.is_some() {
        form.focus_on("parent");
    }
    SettingsItem {
        kind: SettingsItemKind::LocalCategory,
        form,
    }
}

/// The dialog for a new place.
pub fn place_item() -> SettingsItem {
    SettingsItem {
        kind: SettingsItemKind::Place,
        form: Form::new(vec![
            Field::text("name", "field.place_name", "").required(),
            Field::check("is_room", "field.place_is_room", false),
        ]),
    }
}

/// A place's line in the list: its name and whether it is one of the room's own rooms.
pub fn place_cells(p: &Place) -> Vec<String> {
    let kind = if p.is_room {
        t("place.room")
    } else {
        t("place.outside")
    };
    vec![p.name.clone(), kind.into_owned()]
}

/// A local category's line in the list: 供热 → 物业.
pub fn local_line(l: &LocalCategory) -> String {
    format!("{} → {}", l.name, label("category", l.parent.code()))
}

/// A mediator's state word.
pub fn active_word(active: bool) -> std::borrow::Cow<'static, str> {
    if active {
        t("mediator.active")
    } else {
        t("mediator.inactive")
    }
}
