//! The settings tab: the room's profile, language and printer in a form, with the
//! mediators and the local categories as lists inside it.

use super::case_form::category_choices;
use super::form::{Choice, Field, Form};
use super::room_settings::RoomSettings;
use crate::documents::printer::PrinterSettings;
use crate::domain::category::{Category, LocalCategory};
use crate::domain::follow_up::Place;
use crate::domain::org::Organisation;
use crate::domain::user::{Role, User, may_manage_users};
use crate::i18n::{Lang, label, t, tf};

/// The settings tab's state: its form, once the room is known.
#[derive(Debug, Clone, Default)]
pub struct SettingsView {
    /// Profile, language, and the two lists.
    pub form: Option<Form>,
    /// True while keys type into the focused text field. The tab opens in browse mode
    /// (arrows move, digits switch tabs): a settings screen is read first and edited on
    /// purpose, with Enter.
    pub editing: bool,
    /// The field to come back to when the form is rebuilt after F2 saved it.
    pub saved_focus: Option<usize>,
}

impl SettingsView {
    /// True if the profile or language was changed and not saved.
    pub fn changed(&self) -> bool {
        self.form.as_ref().is_some_and(Form::changed)
    }

    /// True when typed characters go into the focused field (only in edit mode).
    pub fn typing(&self) -> bool {
        self.editing && self.form.as_ref().is_some_and(Form::typing)
    }
}

/// The settings form filled from the room.
pub fn settings_form(
    org: &Organisation,
    lang: Lang,
    printer: &PrinterSettings,
    settings: &RoomSettings,
) -> Form {
    Form::new(settings_fields(org, lang, printer, settings))
}

/// The settings form as `user` gets it: administrators also manage the users in it.
pub fn settings_form_for(
    org: &Organisation,
    lang: Lang,
    user: &User,
    printer: &PrinterSettings,
    settings: &RoomSettings,
) -> Form {
    let mut fields = settings_fields(org, lang, printer, settings);
    if may_manage_users(user) {
        fields.push(Field::list("users", "field.users"));
    }
    Form::new(fields)
}

fn settings_fields(
    org: &Organisation,
    lang: Lang,
    printer: &PrinterSettings,
    settings: &RoomSettings,
) -> Vec<Field> {
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
        Field::text("print_printer", "field.print_printer", &printer.printer),
        Field::text(
            "print_copies",
            "field.print_copies",
            &printer.copies.to_string(),
        )
        .whole(),
        Field::text("print_font", "field.print_font", &printer.font),
        Field::list("mediators", "field.mediators"),
        Field::list("locals", "field.locals"),
    ];
    fields.extend(settings.fields());
    fields
}

/// The printer settings typed in the form: copies 1–99, a printer name that can be a
/// CUPS destination (`printer::name::check`), a font file given by its full local path. The
/// error names the field to mark and says what is allowed (never echoing the value).
pub fn printer_of(form: &Form) -> Result<PrinterSettings, (&'static str, String)> {
    let copies = form.value("print_copies");
    let copies = match copies.trim().parse::<u32>() {
        Ok(n @ 1..=99) => n,
        _ => {
            let said = tf("err.print.copies", &[("value", copies.trim())]);
            return Err(("print_copies", said));
        }
    };
    let printer = form.value("print_printer").trim().to_string();
    if crate::documents::printer::name::check(&printer).is_err() {
        return Err(("print_printer", t("err.print.printer").into_owned()));
    }
    let font = form.value("print_font").trim().to_string();
    // A network path (\\server\share) would make Windows connect to that server to read it.
    let whole = std::path::Path::new(&font).is_absolute() && !font.starts_with("\\\\");
    if !font.is_empty() && (!whole || font.chars().any(char::is_control)) {
        return Err(("print_font", t("err.print.font").into_owned()));
    }
    Ok(PrinterSettings {
        printer,
        copies,
        font,
    })
}

/// The dialog for a new mediator.
pub fn mediator_item() -> SettingsItem {
    SettingsItem {
        kind: SettingsItemKind::Mediator,
        subject: String::new(),
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
        subject: String::new(),
        form,
    }
}

/// The dialog for a new place.
pub fn place_item() -> SettingsItem {
    SettingsItem {
        kind: SettingsItemKind::Place,
        subject: String::new(),
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

/// The dialog for a new user (login name, display name, role), or for changing `existing`.
pub fn user_item(existing: Option<&User>) -> SettingsItem {
    let roles: Vec<Choice> = Role::ALL
        .iter()
        .map(|r| Choice {
            code: r.code().into(),
            label: label("role", r.code()).into_owned(),
        })
        .collect();
    let states = [true, false]
        .iter()
        .map(|a| Choice {
            code: if *a { "1" } else { "0" }.into(),
            label: user_state(*a).into_owned(),
        })
        .collect();
    let role = existing.map(|u| u.role).unwrap_or(Role::Mediator);
    let display = existing.map(|u| u.display.as_str()).unwrap_or("");
    let mut fields = Vec::new();
    if existing.is_none() {
        fields.push(Field::text("name", "field.user_name", "").required());
    }
    fields.push(Field::text("display", "field.user_display", display));
    fields.push(Field::choice("role", "field.user_role", roles, role.code()));
    if let Some(u) = existing {
        let code = if u.active { "1" } else { "0" };
        fields.push(Field::choice("active", "field.user_state", states, code));
    }
    SettingsItem {
        kind: if existing.is_some() {
            SettingsItemKind::EditUser
        } else {
            SettingsItemKind::NewUser
        },
        subject: existing.map(|u| u.name.clone()).unwrap_or_default(),
        form: Form::new(fields),
    }
}

/// The user the dialog describes, as it should be saved.
pub fn user_of(item: &SettingsItem) -> User {
    let name = match item.kind {
        SettingsItemKind::EditUser => item.subject.clone(),
        _ => item.form.value("name"),
    };
    let mut user = User::new(
        &name,
        Role::from_code(&item.form.value("role")).unwrap_or(Role::ReadOnly),
    );
    user.display = item.form.value("display").trim().to_string();
    user.active = item.kind != SettingsItemKind::EditUser || item.form.value("active") == "1";
    user
}

/// A user's state word.
pub fn user_state(active: bool) -> std::borrow::Cow<'static, str> {
    if active {
        t("user.state.active")
    } else {
        t("user.state.inactive")
    }
}

/// What a settings dialog adds or changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsItemKind {
    /// A new mediator.
    Mediator,
    /// A local category (new, or a new parent for one).
    LocalCategory,
    /// A new user (administrators only).
    NewUser,
    /// A user's display name, role and state (the user is the item's `subject`).
    EditUser,
    /// A new place (a room of its own or an outside place).
    Place,
}

/// A small settings form in a dialog.
#[derive(Debug, Clone)]
pub struct SettingsItem {
    /// What it is for.
    pub kind: SettingsItemKind,
    /// The record it changes, where the form does not show it (a user's login name).
    pub subject: String,
    /// Its fields.
    pub form: Form,
}
