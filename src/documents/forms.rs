//! The forms this module makes, as one list the command line and the 文书 tab share.

use super::agreement::agreement_document;
use super::feedback::feedback_letter;
use super::model::{Document, DocumentError};
use super::register::register_form;
use super::template::Templates;
use crate::domain::agreement::Agreement;
use crate::domain::case::Case;
use crate::domain::org::OrgProfile;
use chrono::NaiveDate;

/// A form of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// 受理登记表.
    Register,
    /// 调解结果反馈函.
    Feedback,
    /// 人民调解协议书 (or 口头协议登记表), from the case's stored agreement.
    Agreement,
}

impl FormKind {
    /// Every form, in the order the tab lists them.
    pub const ALL: [FormKind; 3] = [FormKind::Register, FormKind::Feedback, FormKind::Agreement];

    /// The form's template file (`assets/templates/<name>.json`).
    pub fn template(self) -> &'static str {
        match self {
            FormKind::Register => "register",
            FormKind::Feedback => "feedback",
            FormKind::Agreement => "agreement",
        }
    }

    /// The form's built-in title, which is also its file name.
    pub fn title(self) -> &'static str {
        match self {
            FormKind::Register => "受理登记表",
            FormKind::Feedback => "调解结果反馈函",
            FormKind::Agreement => "人民调解协议书",
        }
    }

    /// The form of `case` in the room's wording, letters dated `today`; the agreement
    /// form needs the case's stored agreement.
    pub fn build(
        self,
        case: &Case,
        agreement: Option<&Agreement>,
        org: &OrgProfile,
        today: NaiveDate,
        templates: &Templates,
    ) -> Result<Document, DocumentError> {
        let t = templates.form(self.template());
        match self {
            FormKind::Register => Ok(register_form(case, org, &t)),
            FormKind::Feedback => feedback_letter(case, org, today, &t),
            FormKind::Agreement => match agreement.filter(|a| a.case_id == case.id) {
                Some(a) => Ok(agreement_document(case, a, org, &t)),
                None => Err(DocumentError::NoAgreement),
            },
        }
    }
}
