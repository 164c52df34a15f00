//! The agreement editor's state: the main form (kind, number, date, status, facts, the
//! clause and item lists, signatories, judicial confirmation), the page in front (the
//! main form, one clause, one performance item, the preview), and how the typed text
//! becomes an `Agreement` again with a message beside every wrong field.

mod item;

pub use item::{item_form, to_item};

use super::form::{Choice, Field, Form};
use crate::domain::agreement::{
    Agreement, AgreementKind, AgreementStatus, ConfirmationState, PerformanceItem,
    check_transition, editor_problems, validate,
};
use crate::domain::case::Case;
use crate::domain::dates::parse_date_input;
use crate::i18n::{label, t, tf};
use chrono::NaiveDate;

/// What the editor shows.
#[derive(Debug, Clone)]
pub enum EditorPage {
    /// The main form.
    Main,
    /// One clause being written (`index` None: a new one after the selected row).
    Clause {
        /// Which clause.
        index: Option<usize>,
        /// Its one multi-line field.
        form: Form,
    },
    /// One performance item being filled.
    Item {
        /// Which item.
        index: Option<usize>,
        /// Its fields.
        form: Form,
    },
    /// The document as it will print.
    Preview {
        /// Lines scrolled down.
        scroll: u16,
    },
}

/// The agreement of one case being edited.
#[derive(Debug, Clone)]
pub struct AgreementEditor {
    /// The case (parties, number), as it was when the editor opened.
    pub case: Case,
    /// The agreement as loaded or last saved (version, status).
    pub base: Agreement,
    /// The main fields.
    pub form: Form,
    /// The clauses as edited.
    pub clauses: Vec<String>,
    /// The performance items as edited.
    pub items: Vec<PerformanceItem>,
    /// The page in front.
    pub page: EditorPage,
    /// After a conflict: the version someone else saved; the next save replaces it.
    pub overwrite: Option<i64>,
}

impl AgreementEditor {
    /// An editor for `agreement` of `case`.
    pub fn new(case: Case, agreement: Agreement) -> AgreementEditor {
        AgreementEditor {
            form: main_form(&agreement),
            clauses: agreement.clauses.clone(),
            items: agreement.items.clone(),
            case,
            base: agreement,
            page: EditorPage::Main,
            overwrite: None,
        }
    }

    /// True once anything differs from what was loaded or last saved.
    pub fn changed(&self) -> bool {
        self.form.changed()
            || self.clauses != self.base.clauses
            || self.items != self.base.items
            || matches!(&self.page, EditorPage::Clause { form, .. } | EditorPage::Item { form, .. } if form.changed())
    }

    /// The case's parties, in their official order (the choices of an item).
    pub fn parties(&self) -> Vec<crate::domain::party::Party> {
        let mut parties = self.case.fields.parties.clone();
        parties.sort_by_key(|p| p.role);
        parties
    }

    /// The selected row of a list field, if it holds one.
    pub fn selected(&self, id: &str) -> Option<usize> {
        let rows = if id == "clauses" {
            self.clauses.len()
        } else {
            self.items.len()
        };
        let i = self.form.field(id)?.selected;
        (i < rows).then_some(i)
    }

    /// The agreement as typed (no checks), for the preview.
    pub fn draft(&self, today: NaiveDate) -> Agreement {
        self.read(today, &mut Vec::new())
    }

    fn read(&self, today: NaiveDate, errors: &mut Vec<(&'static str, String)>) -> Agreement {
        let f = &self.form;
        let mut date_of = |id: &'static str| {
            let text = f.value(id);
            match text.trim() {
                "" => None,
                typed => parse_date_input(typed, today).or_else(|| {
                    errors.push((id, tf("err.date", &[("value", typed)])));
                    None
                }),
            }
        };
        let date = date_of("date");
        let confirmation_on = date_of("confirmation_on");
        let mut a = self.base.clone();
        a.kind = AgreementKind::from_code(&f.value("kind")).unwrap_or(a.kind);
        a.number = f.value("number").trim().to_string();
        a.date = date;
        a.status = AgreementStatus::from_code(&f.value("status")).unwrap_or(a.status);
        a.facts = f.value("facts").trim_end().to_string();
        a.clauses = self.clauses.clone();
        a.items = self.items.clone();
        a.mediators = split_names(&f.value("mediators"));
        a.recorder = f.value("recorder").trim().to_string();
        a.confirmation.state =
            ConfirmationState::from_code(&f.value("confirmation")).unwrap_or(a.confirmation.state);
        a.confirmation.court = f.value("court").trim().to_string();
        a.confirmation.date = confirmation_on;
        if let Some(found) = self.overwrite {
            a.version = found;
        }
        a
    }

    /// The agreement to save, or the form with a message beside each wrong field.
    pub fn to_agreement(&mut self, today: NaiveDate) -> Option<Agreement> {
        self.form.clear_errors();
        let mut errors = Vec::new();
        let a = self.read(today, &mut errors);
        for p in validate(&a) {
            errors.push((p.field, p.message));
        }
        let new = self.base.version == 0;
        for p in editor_problems(&a, &self.case.fields.parties, new) {
            errors.push((p.field, p.message));
        }
        if a.status != self.base.status && errors.is_empty() {
            let mut before = a.clone();
            before.status = self.base.status;
            if let Err(e) = check_transition(&before, a.status) {
                errors.push(("status", e.to_string()));
            }
        }
        if errors.is_empty() {
            return Some(a);
        }
        for (id, message) in errors {
            let id = if id == "number" || self.form.field(id).is_some() {
                id
            } else {
                "status"
            };
            if self.form.field(id).is_some_and(|f| f.error.is_none()) {
                self.form.set_error(id, Some(message));
            }
        }
        self.form.focus_first_error();
        None
    }
}

/// Names typed as "王秀英、李明" (or with commas) as a list.
fn split_names(text: &str) -> Vec<String> {
    text.split(['、', ',', '，', ';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn main_form(a: &Agreement) -> Form {
    let kinds = AgreementKind::ALL
        .iter()
        .map(|k| Choice {
            code: k.code().into(),
            label: label("agreement_kind", k.code()).into(),
        })
        .collect();
    let statuses = std::iter::once(a.status)
        .chain(a.status.next().iter().copied())
        .map(|s| Choice {
            code: s.code().into(),
            label: label("agreement_status", s.code()).into(),
        })
        .collect();
    let confirmations = ConfirmationState::ALL
        .iter()
        .map(|c| Choice {
            code: c.code().into(),
            label: label("confirmation", c.code()).into(),
        })
        .collect();
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    Form::new(vec![
        Field::choice("kind", "field.agreement_kind", kinds, a.kind.code()),
        Field::text("number", "field.agreement_number", &a.number).required(),
        Field::text("date", "field.agreement_date", &date(a.date)).whole(),
        Field::choice(
            "status",
            "field.agreement_status",
            statuses,
            a.status.code(),
        ),
        Field::multiline("facts", "field.agreement_facts", &a.facts),
        Field::list("clauses", "field.agreement_clauses"),
        Field::list("items", "field.agreement_items"),
        Field::text(
            "mediators",
            "field.agreement_mediators",
            &a.mediators.join("、"),
        ),
        Field::text("recorder", "field.agreement_recorder", &a.recorder),
        Field::choice(
            "confirmation",
            "field.confirmation",
            confirmations,
            a.confirmation.state.code(),
        ),
        Field::text("court", "field.confirmation_court", &a.confirmation.court),
        Field::text(
            "confirmation_on",
            "field.confirmation_on",
            &date(a.confirmation.date),
        ),
    ])
}

/// The form of one clause.
pub fn clause_form(text: &str) -> Form {
    Form::new(vec![Field::multiline("clause", "field.clause", text)])
}

/// The title line of the editor: the kind's document name and where it stands.
pub fn title(editor: &AgreementEditor) -> String {
    let kind = AgreementKind::from_code(&editor.form.value("kind")).unwrap_or(editor.base.kind);
    let name = match kind {
        AgreementKind::Written => t("agreement.title_written"),
        AgreementKind::Oral => t("agreement.title_oral"),
    };
    format!(
        "{name} · {}",
        label("agreement_status", editor.base.status.code())
    )
}
