//! The settings tab: the room's profile, language and printer in a form, with the
//! mediators and the local categories as lists inside it.

use super::case_form::category_choices;
use super::form::{Choice, Field, Form};
use super::modal::{SettingsItem, SettingsItemKind};
use crate::documents::printer::PrinterSettings;
use crate::domain::category::{Category, LocalCategory};
use crate::domain::org::Organisation;
use crate::i18n::{Lang, label, t, tf};

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
pub fn settings_form(org: &Organisation, lang: Lang, printer: &PrinterSettings) -> Form {
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
    Form::new(vec![
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
        ),
        Field::text("print_command", "field.print_command", &printer.command),
        Field::list("mediators", "field.mediators"),
        Field::list("locals", "field.locals"),
    ])
}

/// The printer settings typed in the form: copies 1–99, the command one program name
/// (run without a shell, so it can hold no arguments).
pub fn printer_of(form: &Form) -> Result<PrinterSettings, String> {
    let copies = form.value("print_copies");
    let copies = match copies.trim().parse::<u32>() {
        Ok(n @ 1..=99) => n,
        _ => return Err(tf("err.print.copies", &[("value", copies.trim())])),
    };
    let command = form.value("print_command").trim().to_string();
    if command.chars().any(char::is_whitespace) {
        return Err(tf("err.print.command", &[("value", &command)]));
    }
    Ok(PrinterSettings {
        command: if command.is_empty() {
            PrinterSettings::default().command
        } else {
            command
        },
        printer: form.value("print_printer").trim().to_string(),
        copies,
    })
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
