//! The new/edit case form: which fields it has, how a stored case fills it, and how its
//! text becomes `CaseFields` again (with a message beside each field that is wrong).

use super::form::{Choice, Field, FieldKind, Form};
use crate::domain::case::{Case, CaseFields, CaseId};
use crate::domain::category::{CaseCategory, Category, LocalCategory};
use crate::domain::dates::parse_date_input;
use crate::domain::money::{format_yuan, parse_yuan};
use crate::domain::party::Party;
use crate::domain::source::Source;
use crate::i18n::{label, t, tf};
use chrono::NaiveDate;

/// The form and the parties being edited with it.
#[derive(Debug, Clone)]
pub struct CaseForm {
    /// The case being edited and the version it was opened at; `None` for a new case.
    pub editing: Option<(CaseId, i64)>,
    /// The fields.
    pub form: Form,
    /// The parties as edited so far.
    pub parties: Vec<Party>,
    /// What the case is called (its number or parties), for a draft of this form.
    pub about: String,
    /// The case as it was opened, with its version: what a three-way merge compares both
    /// my edit and someone else's save against (`None` for a new case).
    pub base: Option<(i64, Box<CaseFields>)>,
    /// The save under way merged someone else's changes in (the status line says so).
    pub merged: bool,
    initial_parties: Vec<Party>,
}

impl CaseForm {
    /// A blank form for a new case received today; the cursor in the first text field.
    pub fn blank(today: NaiveDate, locals: &[LocalCategory]) -> CaseForm {
        let mut f = CaseForm::build(None, &CaseFields::blank(today), locals);
        f.form.focus_on("received_on");
        f
    }

    /// A form filled from a stored case.
    pub fn edit(case: &Case, locals: &[LocalCategory]) -> CaseForm {
        let mut form = CaseForm::build(Some((case.id, case.version)), &case.fields, locals);
        form.about = about_case(case);
        form.base = Some((case.version, Box::new(case.fields.clone())));
        form
    }

    /// A form showing `fields` (to compare two versions of a case field by field).
    pub fn from_fields(fields: &CaseFields, locals: &[LocalCategory]) -> CaseForm {
        CaseForm::build(None, fields, locals)
    }

    fn build(editing: Option<(CaseId, i64)>, f: &CaseFields, locals: &[LocalCategory]) -> CaseForm {
        let sources = Source::ALL.iter().map(|s| Choice {
            code: s.code().into(),
            label: label("source", s.code()).into(),
        });
        let fields = vec![
            Field::text(
                "received_on",
                "field.received_on",
                &f.received_on.to_string(),
            )
            .whole()
            .required(),
            Field::choice("source", "field.source", sources.collect(), f.source.code()),
            Field::text("referrer_unit", "field.referrer_unit", &f.referrer_unit),
            Field::text("referrer_ref", "field.referrer_ref", &f.referrer_ref),
            Field::choice(
                "category",
                "field.category",
                category_choices(locals),
                &category_code(&f.category),
            ),
            Field::multiline("facts", "field.facts", &f.facts).required(),
            Field::multiline("claims", "field.claims", &f.claims),
            Field::text(
                "amount",
                "field.amount",
                &f.amount_fen.map(format_yuan).unwrap_or_default(),
            )
            .whole(),
            Field::text(
                "persons",
                "field.persons",
                &if f.persons_involved == 0 {
                    String::new()
                } else {
                    f.persons_involved.to_string()
                },
            )
            .whole(),
            Field::check(
                "risk_escalation",
                "field.risk_escalation",
                f.risk_escalation,
            ),
            Field::check("risk_group", "field.risk_group", f.risk_group),
            Field::list("parties", "field.parties"),
        ];
        let mut form = CaseForm {
            editing,
            form: Form::new(fields),
            parties: f.parties.clone(),
            about: String::new(),
            base: None,
            merged: false,
            initial_parties: f.parties.clone(),
        };
        form.refresh();
        form
    }

    /// The version this form was opened from, if the form still edits from it (a draft
    /// restored over a case saved since starts from an older version than it shows).
    pub fn base_for(&self, version: i64) -> Option<&CaseFields> {
        match (&self.base, self.editing) {
            (Some((v, fields)), Some((_, editing))) if *v == version && editing == version => {
                Some(fields)
            }
            _ => None,
        }
    }

    /// The form after someone else's save was merged in: it now edits from `stored`
    /// (what a later save is checked against) and shows `merged`. The focus stays.
    pub fn rebase(&mut self, stored: &Case, merged: &CaseFields, locals: &[LocalCategory]) {
        let mut next = CaseForm::edit(stored, locals);
        next.form.fields = CaseForm::from_fields(merged, locals).form.fields;
        next.form.focus = self.form.focus;
        next.parties = merged.parties.clone();
        next.about = std::mem::take(&mut self.about);
        next.refresh();
        *self = next;
    }

    /// True once anything differs from what the form opened with.
    pub fn changed(&self) -> bool {
        self.form.changed() || self.parties != self.initial_parties
    }

    /// True when the focus is on the parties list.
    pub fn on_parties(&self) -> bool {
        self.form
            .focused()
            .is_some_and(|f| f.kind == FieldKind::List)
    }

    /// The selected party's index, if any.
    pub fn selected_party(&self) -> Option<usize> {
        let i = self.form.field("parties")?.selected;
        (i < self.parties.len()).then_some(i)
    }

    /// Shows the referral fields only for referrals; call after a change of source.
    pub fn refresh(&mut self) {
        let referral =
            Source::from_code(&self.form.value("source")).is_some_and(Source::is_referral);
        for id in ["referrer_unit", "referrer_ref"] {
            if let Some(f) = self.form.field_mut(id) {
                f.hidden = !referral;
            }
        }
        let n = self.parties.len();
        if let Some(f) = self.form.field_mut("parties") {
            f.selected = f.selected.min(n.saturating_sub(1));
        }
    }

    /// The case fields, or the form with a message beside every wrong field.
    pub fn to_fields(&mut self, today: NaiveDate) -> Option<CaseFields> {
        self.form.clear_errors();
        let mut errors: Vec<(&'static str, String)> = Vec::new();
        let received = self.form.value("received_on");
        let received_on = parse_date_input(&received, today).unwrap_or_else(|| {
            errors.push(("received_on", tf("err.date", &[("value", received.trim())])));
            today
        });
        let amount_text = self.form.value("amount");
        let amount_fen = match amount_text.trim() {
            "" => None,
            text => parse_yuan(text)
                .map_err(|e| errors.push(("amount", e.to_string())))
                .ok(),
        };
        let persons_text = self.form.value("persons");
        let persons_involved = match persons_text.trim() {
            "" => 0,
            text => text.parse::<u32>().unwrap_or_else(|_| {
                errors.push(("persons", t("err.persons").into_owned()));
                0
            }),
        };
        let fields = CaseFields {
            received_on,
            source: Source::from_code(&self.form.value("source")).unwrap_or(Source::Application),
            referrer_unit: self.form.value("referrer_unit").trim().to_string(),
            referrer_ref: self.form.value("referrer_ref").trim().to_string(),
            category: parse_category_code(&self.form.value("category")),
            facts: self.form.value("facts").trim_end().to_string(),
            claims: self.form.value("claims").trim_end().to_string(),
            amount_fen,
            persons_involved,
            risk_escalation: self.form.value("risk_escalation") == "1",
            risk_group: self.form.value("risk_group") == "1",
            parties: self.parties.clone(),
        };
        for problem in fields.problems(today) {
            errors.push((problem.field(), problem.to_string()));
        }
        if errors.is_empty() {
            return Some(fields);
        }
        for (id, message) in errors {
            if self.form.field(id).is_some_and(|f| f.error.is_none()) {
                self.form.set_error(id, Some(message));
            }
        }
        self.form.focus_first_error();
        None
    }
}

/// Choice code of a category: `n:<national code>` or `l:<local name>@<parent code>`, so
/// the choice alone says everything the case stores.
fn category_code(c: &CaseCategory) -> String {
    match &c.local {
        Some(local) => format!("l:{local}@{}", c.national.code()),
        None => format!("n:{}", c.national.code()),
    }
}

fn parse_category_code(code: &str) -> CaseCategory {
    match code.split_once(':') {
        Some(("l", rest)) => {
            let (name, parent) = rest.split_once('@').unwrap_or((rest, "other"));
            CaseCategory {
                national: Category::from_code(parent).unwrap_or(Category::Other),
                local: Some(name.into()),
            }
        }
        Some((_, national)) => {
            CaseCategory::national(Category::from_code(national).unwrap_or(Category::Other))
        }
        None => CaseCategory::national(Category::Other),
    }
}

/// The 15 national types, then the room's sub-types shown with their parent.
pub fn category_choices(locals: &[LocalCategory]) -> Vec<Choice> {
    let national = Category::ALL.iter().map(|c| Choice {
        code: format!("n:{}", c.code()),
        label: label("category", c.code()).into(),
    });
    let local = locals.iter().map(|l| Choice {
        code: format!("l:{}@{}", l.name, l.parent.code()),
        label: format!("{}（{}）", l.name, label("category", l.parent.code())),
    });
    national.chain(local).collect()
}

/// What a case is called in the offer: its number, else its parties' names.
pub fn about_case(case: &Case) -> String {
    case.number
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_else(|| names(&case.fields.parties))
}

pub fn names(parties: &[Party]) -> String {
    parties
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join("、")
}
