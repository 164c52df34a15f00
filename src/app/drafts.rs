//! Drafts of open forms, as plain data: which forms are open and under which key, what
//! each holds (its fields as JSON), and how a stored draft fills a form again. Pure: the
//! event loop decides when to save (after a pause in typing), `update` what to save.

use super::form::{FieldKind, Form};
use crate::domain::agreement::PerformanceItem;
use crate::domain::case::CaseId;
use crate::domain::party::Party;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which form a draft belongs to. A party is edited inside its case's form and saved with
/// the case, so an open party dialog is part of the case form's draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftKey {
    /// The case form: a new case, or an existing one.
    Case(Option<CaseId>),
    /// The room's settings.
    Settings,
    /// The agreement editor of a case (main form, an open clause or item page).
    Agreement(CaseId),
    /// The first-start form.
    Setup,
    /// A form dialog (see `app/dialogs`: each kind of dialog names its own key).
    Dialog(DialogKey),
}

/// The draft key of a form dialog, as its kind (`dialogs::DialogKind`) makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DialogKey {
    /// The stored code of its kind ("followup", "settings:mediator").
    pub code: &'static str,
    /// Catalogue key naming the dialog in the draft offer.
    pub title: &'static str,
    /// The case it is about (`None`: a dialog of the settings).
    pub case: Option<CaseId>,
}

impl DraftKey {
    /// The stored form key: "case:new", "case:123", "agreement:123", "settings", a
    /// dialog's code with its case ("followup:123").
    pub fn code(self) -> String {
        match self {
            DraftKey::Case(None) => "case:new".into(),
            DraftKey::Case(Some(id)) => format!("case:{}", id.0),
            DraftKey::Settings => "settings".into(),
            DraftKey::Agreement(id) => format!("agreement:{}", id.0),
            DraftKey::Setup => "setup".into(),
            DraftKey::Dialog(DialogKey {
                code, case: None, ..
            }) => code.into(),
            DraftKey::Dialog(DialogKey {
                code,
                case: Some(id),
                ..
            }) => format!("{code}:{}", id.0),
        }
    }

    /// Reads a stored key of a form that is not a dialog; `None` for any other (the
    /// dialogs' keys are read by `dialogs::parse_draft_key`).
    pub fn parse(code: &str) -> Option<DraftKey> {
        match code {
            "settings" => return Some(DraftKey::Settings),
            "setup" => return Some(DraftKey::Setup),
            "case:new" => return Some(DraftKey::Case(None)),
            _ => {}
        }
        let (kind, id) = code.split_once(':')?;
        let id = CaseId(id.parse().ok()?);
        match kind {
            "case" => Some(DraftKey::Case(Some(id))),
            "agreement" => Some(DraftKey::Agreement(id)),
            _ => None,
        }
    }

    /// Catalogue key naming the form for the user.
    pub fn title(self) -> &'static str {
        match self {
            DraftKey::Case(None) => "draft.form.case_new",
            DraftKey::Case(Some(_)) => "draft.form.case_edit",
            DraftKey::Settings => "draft.form.settings",
            DraftKey::Agreement(_) => "draft.form.agreement",
            DraftKey::Setup => "draft.form.setup",
            DraftKey::Dialog(d) => d.title,
        }
    }

    /// The case the form is about, if any.
    pub fn case(self) -> Option<CaseId> {
        match self {
            DraftKey::Case(id) => id,
            DraftKey::Agreement(id) => Some(id),
            DraftKey::Dialog(d) => d.case,
            DraftKey::Settings | DraftKey::Setup => None,
        }
    }
}

/// What a form held, as stored in a draft's JSON.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DraftData {
    /// What the form is about, for the offer (a case number, or the parties' names).
    #[serde(default)]
    pub about: String,
    /// Every field's value by id (text, a choice's code, or "1"/"0").
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// The field that had the focus.
    #[serde(default)]
    pub focus: String,
    /// The version of the case the form was opened at (a save then still detects changes
    /// made by others since, rather than overwriting them).
    #[serde(default)]
    pub version: Option<i64>,
    /// The case form's parties.
    #[serde(default)]
    pub parties: Vec<Party>,
    /// A party dialog open over the case form.
    #[serde(default)]
    pub party: Option<PartyDraft>,
    /// The rest of the agreement editor, the booking-override reason, the status asked
    /// for (see `agreement_draft`).
    #[serde(default, flatten)]
    pub more: MoreData,
}

/// What these forms hold besides their fields (all absent for the older forms, so their
/// stored drafts read as before).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MoreData {
    /// The agreement's clauses as edited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clauses: Option<Vec<String>>,
    /// The agreement's performance items as edited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<PerformanceItem>>,
    /// A clause or item page open in the agreement editor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<PageDraft>,
    /// The reason typed to book over a clash (kept with the session or postpone form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
    /// The status a reason is for (its code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// A clause or performance-item page of the agreement editor.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PageDraft {
    /// `true`: a clause; else a performance item.
    pub clause: bool,
    /// Which row it edits (`None`: a new one).
    pub index: Option<usize>,
    /// Its fields by id.
    pub fields: BTreeMap<String, String>,
}

/// A party dialog in a case form's draft.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PartyDraft {
    /// Which party it edits (`None`: a new one).
    pub index: Option<usize>,
    /// Its fields by id.
    pub fields: BTreeMap<String, String>,
}

/// A form open now that holds something worth keeping: its key and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenForm {
    /// Which form.
    pub key: DraftKey,
    /// What it holds.
    pub data: DraftData,
}

/// The values of a form's fields by id (lists aside: they live in the state).
pub fn values(form: &Form) -> BTreeMap<String, String> {
    form.fields
        .iter()
        .filter(|f| f.kind != FieldKind::List)
        .map(|f| (f.id.to_string(), f.value()))
        .collect()
}

/// Puts stored values back into a form (ids it does not have are ignored), focus included.
pub fn fill(form: &mut Form, fields: &BTreeMap<String, String>, focus: &str) {
    for (id, value) in fields {
        let Some(field) = form.field_mut(id) else {
            continue;
        };
        match &field.kind {
            FieldKind::Text | FieldKind::Multiline => form.set_text(id, value),
            FieldKind::Choice(_) => form.set_choice(id, value),
            FieldKind::Check => field.checked = value == "1",
            FieldKind::List => {}
        }
    }
    form.focus_on(focus);
}

pub fn focus_id(form: &Form) -> String {
    form.focused().map(|f| f.id.to_string()).unwrap_or_default()
}

/// Drafts as this run knows them.
#[derive(Debug, Clone, Default)]
pub struct DraftsState {
    /// The JSON last saved per form key in this run: an unchanged form is not written
    /// again, and a form that is no longer open has its draft deleted.
    pub saved: BTreeMap<String, String>,
    /// A draft waiting for its case (or the case's sessions) before its form reopens.
    pub pending: Option<(DraftKey, DraftData)>,
    /// A restored booking-override reason, typed in again when the booking clashes again.
    pub override_reason: Option<String>,
}

/// A draft offered at start.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferedDraft {
    /// The gone window that left it (its token); empty for this window's own draft,
    /// kept when a restore closed its form.
    pub owner: String,
    /// Which form.
    pub key: DraftKey,
    /// What it holds.
    pub data: DraftData,
    /// When it was last saved, as shown ("11-28 14:03").
    pub when: String,
}

/// The drafts left by windows that are gone, offered to restore or discard.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftOffer {
    /// The drafts, newest first.
    pub rows: Vec<OfferedDraft>,
    /// Row with the cursor.
    pub selected: usize,
    /// Offered because a restore closed their forms (not left from an earlier run).
    pub after_restore: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::form::{Choice, Field};

    #[test]
    fn keys_read_back_as_written_and_unknown_ones_are_refused() {
        for key in [
            DraftKey::Case(None),
            DraftKey::Case(Some(CaseId(12))),
            DraftKey::Settings,
            DraftKey::Agreement(CaseId(5)),
            DraftKey::Setup,
        ] {
            assert_eq!(DraftKey::parse(&key.code()), Some(key));
        }
        for bad in [
            "",
            "case",
            "case:x",
            "agreement:x",
            "session:new",
            "setup:1",
            "followup:6",
        ] {
            assert_eq!(DraftKey::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_form_filled_from_its_values_is_the_same_form() {
        let build = || {
            Form::new(vec![
                Field::text("name", "field.name", ""),
                Field::multiline("facts", "field.facts", ""),
                Field::choice(
                    "sex",
                    "field.sex",
                    vec![
                        Choice {
                            code: "m".into(),
                            label: "男".into(),
                        },
                        Choice {
                            code: "f".into(),
                            label: "女".into(),
                        },
                    ],
                    "m",
                ),
                Field::check("risk", "field.risk", false),
            ])
        };
        let mut typed = build();
        typed.set_text("name", "张三丰");
        typed.set_text("facts", "楼上漏水\n第二行");
        typed.set_choice("sex", "f");
        typed.fields[3].checked = true;
        typed.focus_on("facts");
        let json = serde_json::to_string(&DraftData {
            fields: values(&typed),
            focus: "facts".into(),
            ..DraftData::default()
        })
        .unwrap();
        let data: DraftData = serde_json::from_str(&json).unwrap();
        let mut again = build();
        fill(&mut again, &data.fields, &data.focus);
        assert_eq!(values(&again), values(&typed));
        assert_eq!(again.focused().unwrap().id, "facts");
        assert!(again.changed());
    }
}
