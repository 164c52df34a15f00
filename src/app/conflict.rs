//! Saving a case that someone else saved since it was opened: the fields that differ
//! (yours beside theirs), and the three ways out — keep yours over theirs, take theirs,
//! or go back to editing. Nothing is overwritten without the user choosing it.

use super::case_form::CaseForm;
use super::form::FieldKind;
use crate::domain::agreement::Agreement;
use crate::domain::case::{Case, CaseFields};
use crate::domain::category::LocalCategory;
use crate::domain::id_card::mask_id;
use crate::domain::org::MediatorId;
use crate::domain::party::Party;
use crate::domain::phone::mask_phone;
use crate::domain::session::{Session, SessionRecord};
use crate::domain::status::CaseStatus;
use crate::i18n::{label, t, tf};

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
        /// What I tried to save.
        mine: Box<CaseFields>,
        /// The case as stored now.
        theirs: Box<Case>,
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
