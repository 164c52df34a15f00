//! The forms this module makes, as one list the command line and the 文书 tab share, and
//! what every form is built from: the case with the sessions and follow-up visits storage
//! holds for it, its agreement ([`CaseFile`]), and the user's choices ([`Choice`]: which
//! session, which party, which visit).

use super::model::{Document, DocumentError};
use super::template::Templates;
use super::{
    agreement, confirmation, cover, feedback, file_index, notice, record, register, visit,
};
use crate::domain::agreement::Agreement;
use crate::domain::case::Case;
use crate::domain::follow_up::FollowUp;
use crate::domain::org::{Mediator, OrgProfile};
use crate::domain::party::PartyKind;
use crate::domain::session::{Session, SessionId, SessionKind, SessionStatus};
use chrono::NaiveDate;

/// A form of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// 受理登记表.
    Register,
    /// 调解通知书 (one per invited party of a session).
    Notice,
    /// 调解记录 (of a session).
    Record,
    /// 人民调解协议书 (or 口头协议登记表 for an oral agreement).
    Agreement,
    /// 回访记录 (of a follow-up visit).
    FollowUp,
    /// 卷宗封面.
    Cover,
    /// 卷内目录.
    Index,
    /// 司法确认申请书.
    Confirmation,
    /// 调解结果反馈函.
    Feedback,
}

/// The agreement a form refers to (its number and date), from the case's agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementRef {
    /// 编号.
    pub number: String,
    /// The date it was signed (its effective date).
    pub date: NaiveDate,
}

/// What the user chose for a form; `None` means the default named on each field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choice {
    /// The session of a notice or a record (default: the case's latest session that was
    /// not cancelled or postponed; for a record, the latest one held).
    pub session: Option<SessionId>,
    /// The invited party of a notice, 1-based among the session's invited parties
    /// (default: one notice for each).
    pub party: Option<usize>,
    /// The follow-up visit, 1-based in date order (default: the latest).
    pub visit: Option<usize>,
    /// The agreement's number and date (follow-up record, index, judicial confirmation);
    /// filled from the case's agreement once it has a date (see [`CaseData::file`]).
    pub agreement: Option<AgreementRef>,
}

/// Everything a form of one case is made from. Pure data: the builders read no storage.
pub struct CaseFile<'a> {
    /// The case.
    pub case: &'a Case,
    /// The room (committee name for the seal line, number pattern).
    pub org: &'a OrgProfile,
    /// The room's mediators (names for ids).
    pub mediators: &'a [Mediator],
    /// The case's sessions, in time order.
    pub sessions: &'a [Session],
    /// The case's follow-up visits, oldest first.
    pub follow_ups: &'a [FollowUp],
    /// The case's agreement, if one has been drafted.
    pub agreement: Option<&'a Agreement>,
    /// The court the room's cases usually go to (设置), for a case that names none.
    pub default_court: &'a str,
    /// The date of letters and notices.
    pub today: NaiveDate,
    /// The user's choices.
    pub choice: Choice,
    /// How many pages a document takes (the PDF's count when printing; an estimate
    /// from the text layout for the preview) — for the 卷内目录.
    pub pages: &'a dyn Fn(&Document) -> usize,
}

impl CaseFile<'_> {
    /// The session a notice (`held == false`) or a record (`held == true`) is about: the
    /// one chosen, else for a notice the next planned session from `today` (else the
    /// latest live one), for a record the latest mediation held (else the latest
    /// investigation held, else the latest live session). A follow-up visit is neither
    /// noticed nor recorded here: it has its own 回访记录.
    pub fn session(&self, held: bool) -> Option<&Session> {
        let visit = |s: &Session| s.fields.kind == SessionKind::FollowUp;
        if let Some(id) = self.choice.session {
            return self.sessions.iter().find(|s| s.id == id && !visit(s));
        }
        let live = |s: &&Session| {
            !visit(s)
                && !matches!(
                    s.status,
                    SessionStatus::Cancelled | SessionStatus::Postponed
                )
        };
        let pick = |want: &dyn Fn(&&Session) -> bool| self.sessions.iter().rev().find(want);
        let held_of = |kind: SessionKind| {
            move |s: &&Session| s.status == SessionStatus::Held && s.fields.kind == kind
        };
        if held {
            pick(&held_of(SessionKind::Mediation))
                .or_else(|| pick(&held_of(SessionKind::Investigation)))
                .or_else(|| pick(&|s| live(s) && s.status == SessionStatus::Held))
                .or_else(|| pick(&live))
        } else {
            self.sessions
                .iter()
                .filter(|s| live(s) && s.status == SessionStatus::Planned)
                .filter(|s| s.fields.date() >= self.today)
                .min_by_key(|s| s.fields.start)
                .or_else(|| pick(&live))
        }
    }

    /// The follow-up visit chosen (default the latest).
    pub fn visit(&self) -> Option<&FollowUp> {
        match self.choice.visit {
            Some(n) => n.checked_sub(1).and_then(|i| self.follow_ups.get(i)),
            None => self.follow_ups.last(),
        }
    }

    /// The names of the case's mediators, joined with 、.
    pub fn mediator_names(&self) -> String {
        self.case
            .mediators
            .iter()
            .filter_map(|id| self.mediators.iter().find(|m| m.id == *id))
            .map(|m| m.name.trim())
            .collect::<Vec<_>>()
            .join("、")
    }
}

impl FormKind {
    /// Every form, in the order the tab lists them (the binding order of the file).
    pub const ALL: [FormKind; 9] = [
        FormKind::Register,
        FormKind::Notice,
        FormKind::Record,
        FormKind::Agreement,
        FormKind::FollowUp,
        FormKind::Confirmation,
        FormKind::Feedback,
        FormKind::Cover,
        FormKind::Index,
    ];

    /// The form's template file (`assets/templates/<name>.json`).
    pub fn template(self) -> &'static str {
        match self {
            FormKind::Register => "register",
            FormKind::Notice => "notice",
            FormKind::Record => "record",
            FormKind::Agreement => "agreement",
            FormKind::FollowUp => "follow_up",
            FormKind::Cover => "cover",
            FormKind::Index => "index",
            FormKind::Confirmation => "confirmation",
            FormKind::Feedback => "feedback",
        }
    }

    /// The form's title in the room's wording, which is also its file name.
    pub fn title(self, templates: &Templates) -> String {
        templates.form(self.template()).title()
    }

    /// The form of the case: one document, or for a notice one per invited party (each
    /// its own letter, printed as pages of one file).
    pub fn build(
        self,
        file: &CaseFile,
        templates: &Templates,
    ) -> Result<Vec<Document>, DocumentError> {
        let t = templates.form(self.template());
        let mut docs = self.build_bare(file, templates, &t)?;
        let keep = keep_words(file);
        for doc in &mut docs {
            doc.keep.extend(keep.iter().cloned());
        }
        Ok(docs)
    }

    fn build_bare(
        self,
        file: &CaseFile,
        templates: &Templates,
        t: &super::template::Template,
    ) -> Result<Vec<Document>, DocumentError> {
        let t = *t;
        let one = |doc: Document| Ok(vec![doc]);
        match self {
            FormKind::Register => one(register::register_form(file.case, file.org, &t)),
            FormKind::Notice => notice::notices(file, &t),
            FormKind::Record => one(record::session_record(file, &t)?),
            FormKind::Agreement => match file.agreement.filter(|a| a.case_id == file.case.id) {
                Some(a) => one(agreement::agreement_document(file.case, a, file.org, &t)),
                None => Err(DocumentError::NoAgreement),
            },
            FormKind::FollowUp => one(visit::follow_up_record(file, &t)?),
            FormKind::Cover => one(cover::file_cover(file, &t)),
            FormKind::Index => one(file_index::file_index(file, templates)),
            FormKind::Confirmation => one(confirmation::application(file, &t)?),
            FormKind::Feedback => one(feedback::feedback_letter_to(
                file.case,
                file.org,
                file.today,
                file.default_court,
                &t,
            )?),
        }
    }
}

/// The names and numbers of a case no line may split (DOMAIN.md §3): every party's and
/// agent's name, the representatives, the mediators, the case, agreement and referral
/// numbers.
fn keep_words(file: &CaseFile) -> Vec<String> {
    let f = &file.case.fields;
    let mut out: Vec<String> = Vec::new();
    // A person's name, not an organisation's: a long name moved whole would leave
    // the line above it half empty.
    for p in &f.parties {
        match p.kind {
            PartyKind::Person => out.push(p.name.trim().to_string()),
            PartyKind::Organisation => out.push(super::principals::legal_rep(p).0),
        }
    }
    out.extend(file.mediators.iter().map(|m| m.name.trim().to_string()));
    out.extend(file.case.number.as_ref().map(|n| n.text.clone()));
    out.extend(file.agreement.map(|a| a.number.trim().to_string()));
    out.push(f.referrer_ref.trim().to_string());
    out.retain(|w| w.chars().count() > 1);
    out.sort();
    out.dedup();
    out
}

/// The owned data of a case's forms, as read from storage by the caller (the command
/// line, the app's effects), to lend out as a [`CaseFile`].
#[derive(Debug, Clone)]
pub struct CaseData {
    /// The case.
    pub case: Case,
    /// The room's profile.
    pub org: OrgProfile,
    /// The room's mediators.
    pub mediators: Vec<Mediator>,
    /// The case's sessions, in time order.
    pub sessions: Vec<Session>,
    /// The case's follow-up visits, oldest first.
    pub follow_ups: Vec<FollowUp>,
    /// The case's agreement, if one has been drafted.
    pub agreement: Option<Agreement>,
    /// The room's usual court (the setting [`DEFAULT_COURT_KEY`]; empty if not set).
    pub default_court: String,
}

/// The room setting naming the court the room's cases usually go to (设置).
pub const DEFAULT_COURT_KEY: &str = "documents.default_court";

impl CaseData {
    /// The forms' view of this data; the agreement's number and date come from the
    /// case's agreement when the choice does not name them and it has a date.
    pub fn file<'a>(
        &'a self,
        today: NaiveDate,
        mut choice: Choice,
        pages: &'a dyn Fn(&Document) -> usize,
    ) -> CaseFile<'a> {
        if choice.agreement.is_none() {
            choice.agreement = self.agreement.as_ref().and_then(|a| {
                Some(AgreementRef {
                    number: a.number.clone(),
                    date: a.date?,
                })
            });
        }
        CaseFile {
            case: &self.case,
            org: &self.org,
            mediators: &self.mediators,
            sessions: &self.sessions,
            follow_ups: &self.follow_ups,
            agreement: self.agreement.as_ref(),
            default_court: &self.default_court,
            today,
            choice,
            pages,
        }
    }
}

/// The number of pages a document takes: the text format and the PDF break pages
/// alike (`pages`), so this is what either prints.
pub fn text_pages(doc: &Document) -> usize {
    super::text::text_pages(doc, super::text::TEXT_WIDTH)
        .len()
        .max(1)
}
