//! Saving a case that someone else saved since it was opened: the fields that differ
//! (yours beside theirs), and the three ways out — keep yours over theirs, take theirs,
//! or go back to editing. Nothing is overwritten without the user choosing it. A case
//! form merges first (`domain::case_merge`): the dialog then shows only what both sides
//! changed, and its two choices decide those fields alone.

use super::case_form::CaseForm;
use super::form::FieldKind;
use super::party_form::PartyForm;
use crate::domain::agreement::Agreement;
use crate::domain::case::{Case, CaseFields};
use crate::domain::case_merge::{Clash, Prefer};
use crate::domain::category::LocalCategory;
use crate::domain::id_card::mask_id;
use crate::domain::org::MediatorId;
use crate::domain::party::Party;
use crate::domain::phone::mask_phone;
use crate::domain::session::{Session, SessionRecord};
use crate::domain::status::CaseStatus;
use crate::i18n::{label, t, tf};
use chrono::NaiveDate;

/// What the user chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Save my version over theirs (用我的覆盖).
    Mine,
    /// Take theirs and drop mine (采用对方的).
    Theirs,
    /// Back to my form, nothing saved (返回修改).
    Back,
}

impl ConflictChoice {
    /// The buttons in order.
    pub const ALL: [ConflictChoice; 3] = [
        ConflictChoice::Mine,
        ConflictChoice::Theirs,
        ConflictChoice::Back,
    ];

    /// Catalogue key of its button.
    pub fn button(self) -> &'static str {
        match self {
            ConflictChoice::Mine => "button.conflict_mine",
            ConflictChoice::Theirs => "button.conflict_theirs",
            ConflictChoice::Back => "button.conflict_back",
        }
    }
}

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffRow {
    /// The field's name (already in the user's language).
    pub label: String,
    /// My value as shown.
    pub mine: String,
    /// Their value as shown.
    pub theirs: String,
}

/// What was saved twice: mine as I tried to save it, theirs as stored now (with the
/// version a "keep mine" saves over).
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// A case's fields.
    Case {
        /// What I tried to save (merged with their one-sided changes, if `merged`).
        mine: Box<CaseFields>,
        /// The case as stored now.
        theirs: Box<Case>,
        /// Merged, with what both changed taken from theirs: "take theirs" saves this
        /// (`None`: no version to merge against, so "take theirs" drops mine).
        merged: Option<Box<CaseFields>>,
    },
    /// A case's agreement.
    Agreement {
        /// The agreement as I typed it.
        mine: Box<Agreement>,
        /// As stored now (`None`: deleted meanwhile — mine is then saved as new).
        theirs: Option<Box<Agreement>>,
    },
    /// A case's status.
    Status {
        /// The change I asked for.
        mine: Box<StatusAsk>,
        /// The case as stored now.
        theirs: Box<Case>,
    },
    /// A session's record.
    Record {
        /// The record I typed.
        mine: Box<SessionRecord>,
        /// The session as stored now.
        theirs: Box<Session>,
    },
}

/// A status change as asked (what `Effect::ChangeStatus` carries, the version aside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusAsk {
    /// The status asked for.
    pub to: CaseStatus,
    /// The reason typed.
    pub reason: String,
    /// The mediators chosen on acceptance.
    pub mediators: Vec<MediatorId>,
}

/// The conflict dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictView {
    /// Whose two versions.
    pub subject: Subject,
    /// The fields that differ.
    pub rows: Vec<DiffRow>,
    /// The button with the cursor (starts on "back": Enter alone overwrites nothing).
    pub choice: ConflictChoice,
    /// Rows scrolled down.
    pub scroll: u16,
}

impl ConflictView {
    /// The dialog for my fields against the stored case.
    pub fn new(mine: CaseFields, theirs: Case, locals: &[LocalCategory]) -> ConflictView {
        let rows = diff(&mine, &theirs.fields, locals);
        ConflictView::of(
            Subject::Case {
                mine: Box::new(mine),
                theirs: Box::new(theirs),
                merged: None,
            },
            rows,
        )
    }

    /// The dialog for a case merge that left clashes: only the fields both sides changed,
    /// `mine` and `with_theirs` being the merge decided each way.
    pub fn clashes(
        mine: CaseFields,
        with_theirs: CaseFields,
        theirs: Case,
        clashes: &[Clash],
        locals: &[LocalCategory],
        today: NaiveDate,
    ) -> ConflictView {
        let rows = clash_rows(&mine, &with_theirs, clashes, locals, today);
        ConflictView::of(
            Subject::Case {
                mine: Box::new(mine),
                theirs: Box::new(theirs),
                merged: Some(Box::new(with_theirs)),
            },
            rows,
        )
    }

    /// The dialog for any subject and the rows that differ.
    pub fn of(subject: Subject, rows: Vec<DiffRow>) -> ConflictView {
        ConflictView {
            subject,
            rows,
            choice: ConflictChoice::Back,
            scroll: 0,
        }
    }

    /// Catalogue keys of the dialog's title and prompt: they name what was saved twice.
    pub fn wording(&self) -> (&'static str, &'static str) {
        match &self.subject {
            Subject::Case {
                merged: Some(_), ..
            } => ("dialog.conflict_title", "dialog.conflict_prompt_merged"),
            Subject::Case { .. } | Subject::Status { .. } => {
                ("dialog.conflict_title", "dialog.conflict_prompt")
            }
            Subject::Agreement { .. } => (
                "dialog.conflict_title_agreement",
                "dialog.conflict_prompt_agreement",
            ),
            Subject::Record { .. } => (
                "dialog.conflict_title_record",
                "dialog.conflict_prompt_record",
            ),
        }
    }

    /// Moves the cursor to the next (or previous) button, wrapping.
    pub fn step(&mut self, forward: bool) {
        let all = ConflictChoice::ALL;
        let i = all.iter().position(|c| *c == self.choice).unwrap_or(0);
        let n = all.len();
        self.choice = all[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }
}

/// The fields whose shown values differ, in the form's order, then the parties.
pub fn diff(mine: &CaseFields, theirs: &CaseFields, locals: &[LocalCategory]) -> Vec<DiffRow> {
    let a = CaseForm::from_fields(mine, locals);
    let b = CaseForm::from_fields(theirs, locals);
    let mut rows: Vec<DiffRow> = a
        .form
        .fields
        .iter()
        .zip(&b.form.fields)
        .filter(|(x, _)| x.kind != FieldKind::List)
        .map(|(x, y)| (x, shown(x), shown(y)))
        .filter(|(_, m, o)| m != o)
        .map(|(x, mine, theirs)| DiffRow {
            label: t(x.label).into_owned(),
            mine,
            theirs,
        })
        .collect();
    let n = mine.parties.len().max(theirs.parties.len());
    for i in 0..n {
        let (m, o) = (mine.parties.get(i), theirs.parties.get(i));
        if m != o {
            rows.push(DiffRow {
                label: tf("conflict.party", &[("n", &(i + 1).to_string())]),
                mine: m
                    .map(party_line)
                    .unwrap_or_else(|| t("conflict.none").into()),
                theirs: o
                    .map(party_line)
                    .unwrap_or_else(|| t("conflict.none").into()),
            });
        }
    }
    rows
}

/// One row per clash: the case field, or the party's field, mine beside theirs. A
/// party's values are shown in full, as in the party form this user is editing: masked,
/// two different phone numbers could look the same.
fn clash_rows(
    mine: &CaseFields,
    theirs: &CaseFields,
    clashes: &[Clash],
    locals: &[LocalCategory],
    today: NaiveDate,
) -> Vec<DiffRow> {
    let (a, b) = (
        CaseForm::from_fields(mine, locals),
        CaseForm::from_fields(theirs, locals),
    );
    let party = |list: &[Party], id| list.iter().find(|p| p.id == Some(id)).cloned();
    // The party's own form, built with its case's list so 代理谁 names the party.
    let field_of = |p: Option<Party>, list: &[Party], field: &str| {
        p.map(|p| PartyForm::new(None, &p, list, today))
            .and_then(|f| f.form.field(field).map(|x| (x.label, shown(x))))
    };
    let mut rows = Vec::new();
    for clash in clashes {
        match *clash {
            Clash::Case("parties") => {
                let lines = |f: &CaseFields| {
                    let all: Vec<String> = f.parties.iter().map(party_line).collect();
                    all.join("；")
                };
                rows.push(DiffRow {
                    label: t("field.parties").into_owned(),
                    mine: lines(mine),
                    theirs: lines(theirs),
                });
            }
            Clash::Case(id) => {
                if let (Some(x), Some(y)) = (a.form.field(id), b.form.field(id)) {
                    rows.push(DiffRow {
                        label: t(x.label).into_owned(),
                        mine: shown(x),
                        theirs: shown(y),
                    });
                }
            }
            Clash::Party { id, field } => {
                let (m, o) = (party(&mine.parties, id), party(&theirs.parties, id));
                let name = m.as_ref().or(o.as_ref()).map(|p| p.name.clone());
                if let (Some((key, mv)), Some((_, ov))) = (
                    field_of(m, &mine.parties, field),
                    field_of(o, &theirs.parties, field),
                ) {
                    rows.push(DiffRow {
                        label: tf(
                            "conflict.party_field",
                            &[("name", &name.unwrap_or_default()), ("field", &t(key))],
                        ),
                        mine: mv,
                        theirs: ov,
                    });
                }
            }
            Clash::PartyGone { id, removed_by } => {
                let (m, o) = (party(&mine.parties, id), party(&theirs.parties, id));
                let name = m.as_ref().or(o.as_ref()).map(|p| p.name.clone());
                let line = |p: Option<Party>, gone: bool| match p {
                    Some(p) if !gone => party_line(&p),
                    _ => t("conflict.party_removed").into_owned(),
                };
                rows.push(DiffRow {
                    label: name.unwrap_or_default(),
                    mine: line(m, removed_by == Prefer::Mine),
                    theirs: line(o, removed_by == Prefer::Theirs),
                });
            }
        }
    }
    rows
}

/// A field's value as the user reads it.
pub(super) fn shown(field: &crate::app::form::Field) -> String {
    match &field.kind {
        FieldKind::Choice(_) => field.choice_label().to_string(),
        FieldKind::Check => t(if field.checked {
            "conflict.yes"
        } else {
            "conflict.no"
        })
        .into_owned(),
        _ => field.value(),
    }
}

/// A party in one line, ID number and phone masked as in lists.
fn party_line(p: &Party) -> String {
    let mut parts = vec![format!("{}（{}）", p.name, label("role", p.role.code()))];
    if !p.id_number.is_empty() {
        parts.push(mask_id(&p.id_number));
    }
    if !p.credit_code.is_empty() {
        parts.push(p.credit_code.clone());
    }
    if !p.phone.is_empty() {
        parts.push(mask_phone(&p.phone));
    }
    if !p.address.is_empty() {
        parts.push(p.address.clone());
    }
    parts.join(" ")
}
