//! Postponing (改期) or calling off (取消) a planned session: which session (choosing it
//! shows its times), then its new date and times (read as the session form reads them) or
//! why it is called off. F2 asks storage to move it (a clash opens the override dialog) or
//! call it off. Opened by its keys on the case detail (or on the agenda, `update/
//! reschedule.rs`), reopened from its draft once the case's sessions are read.

use super::session::{problem_field, read_when};
use super::{DialogContext, DialogKind, FormDialog, Home, Opened, Reopen, Submit, form_draft};
use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::drafts::{DraftData, DraftKey, fill};
use crate::app::form::{Choice, Field, Form};
use crate::domain::case::CaseId;
use crate::domain::dates::Zone;
use crate::domain::rights::Operation;
use crate::domain::session::{Session, SessionFields, SessionStatus};
use crate::i18n::{label, t};
use chrono::NaiveDate;

/// What the dialog does to the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RescheduleKind {
    /// Move it to another time (a new session linked from the old).
    Postpone,
    /// Call it off, with a reason.
    Cancel,
}

/// Postponing: its draft ("postpone:<case>"), its key on the case detail.
pub const POSTPONE: DialogKind = DialogKind {
    code: "postpone",
    title: "draft.form.postpone",
    home: Home::Case,
    reopen: |data, cx| reopen(RescheduleKind::Postpone, data, cx),
    opens: Some((Command::PostponeSession, |cx| {
        open(RescheduleKind::Postpone, cx)
    })),
};

/// Calling off: its draft ("cancel:<case>"), its key on the case detail.
pub const CANCEL: DialogKind = DialogKind {
    code: "cancel",
    title: "draft.form.cancel",
    home: Home::Case,
    reopen: |data, cx| reopen(RescheduleKind::Cancel, data, cx),
    opens: Some((Command::CancelSession, |cx| {
        open(RescheduleKind::Cancel, cx)
    })),
};

/// The dialog for the planned sessions of the case on screen.
fn open(kind: RescheduleKind, cx: &DialogContext) -> Option<Opened> {
    cx.open_case?;
    let sessions = cx.sessions.unwrap_or(&[]);
    Some(match RescheduleForm::new(kind, sessions, cx.today) {
        Some(form) => Opened::Dialog(Box::new(form)),
        None => Opened::Notice("err.session.none_planned"),
    })
}

/// The dialog again from its draft, once the case's sessions are read.
fn reopen(kind: RescheduleKind, data: &DraftData, cx: &DialogContext) -> Reopen {
    let Some(sessions) = cx.sessions else {
        return Reopen::Wait;
    };
    let Some(mut rf) = RescheduleForm::new(kind, sessions, cx.today) else {
        return Reopen::Never;
    };
    // The session first: choosing it fills the date and times with its own.
    if let Some(code) = data.fields.get("session") {
        rf.form.set_choice("session", code);
        rf.refresh();
    }
    fill(&mut rf.form, &data.fields, &data.focus);
    Reopen::Now(Box::new(rf))
}

/// The postpone or cancel dialog.
#[derive(Debug, Clone)]
pub struct RescheduleForm {
    /// Postpone or cancel.
    pub kind: RescheduleKind,
    /// The planned sessions offered, in the order of the session choice.
    pub sessions: Vec<Session>,
    /// The fields.
    pub form: Form,
    /// The session whose times the date and time fields were filled from.
    shown: usize,
}

impl RescheduleForm {
    /// A dialog for the planned sessions among `all`, the first one from `today` on chosen
    /// (else the last); `None` if none is planned.
    pub fn new(kind: RescheduleKind, all: &[Session], today: NaiveDate) -> Option<Self> {
        let sessions: Vec<Session> = all
            .iter()
            .filter(|s| s.status == SessionStatus::Planned)
            .cloned()
            .collect();
        let chosen = sessions
            .iter()
            .position(|s| s.fields.date() >= today)
            .unwrap_or(sessions.len().saturating_sub(1));
        let session = sessions.get(chosen)?;
        let choices = sessions
            .iter()
            .enumerate()
            .map(|(i, s)| Choice {
                code: i.to_string(),
                label: format!(
                    "{} {} {}",
                    s.fields.start.format("%m-%d %H:%M"),
                    label("session_kind", s.fields.kind.code()),
                    s.fields.place
                ),
            })
            .collect();
        let which = Field::choice(
            "session",
            "field.reschedule_session",
            choices,
            &chosen.to_string(),
        );
        let mut form = match kind {
            RescheduleKind::Postpone => {
                let [date, start, end] = times_of(session);
                Form::new(vec![
                    which,
                    Field::text("date", "field.postpone_date", &date)
                        .whole()
                        .required(),
                    Field::text("start", "field.session_start", &start)
                        .whole()
                        .required(),
                    Field::text("end", "field.session_end", &end)
                        .whole()
                        .required(),
                ])
            }
            RescheduleKind::Cancel => Form::new(vec![
                which,
                Field::multiline("reason", "field.cancel_reason", "").required(),
            ]),
        };
        form.focus_on(match kind {
            RescheduleKind::Postpone => "date",
            RescheduleKind::Cancel => "reason",
        });
        Some(RescheduleForm {
            kind,
            sessions,
            form,
            shown: chosen,
        })
    }

    /// Its kind of the protocol (postponing or calling off).
    fn kind(&self) -> &'static DialogKind {
        match self.kind {
            RescheduleKind::Postpone => &POSTPONE,
            RescheduleKind::Cancel => &CANCEL,
        }
    }

    /// The session chosen.
    pub fn session(&self) -> Option<&Session> {
        let i = self.form.field("session")?.selected;
        self.sessions.get(i)
    }

    /// After the session choice changed: the date and times show that session's.
    pub fn refresh(&mut self) {
        let Some(i) = self.form.field("session").map(|f| f.selected) else {
            return;
        };
        if i == self.shown || self.kind != RescheduleKind::Postpone {
            return;
        }
        self.shown = i;
        if let Some(s) = self.sessions.get(i) {
            let [date, start, end] = times_of(s);
            self.form.set_text("date", &date);
            self.form.set_text("start", &start);
            self.form.set_text("end", &end);
        }
    }

    /// The chosen session at its new time (everything else kept); `None` with a message
    /// beside the field that is wrong.
    pub fn read_postponed(&mut self, today: NaiveDate, zone: Zone) -> Option<SessionFields> {
        self.form.clear_errors();
        let (start, end) = read_when(&mut self.form, today, zone)?;
        let mut fields = self.session()?.fields.clone();
        fields.start = start;
        fields.end = end;
        if let Some(problem) = fields.problems().first() {
            self.form
                .set_error(problem_field(problem), Some(problem.to_string()));
            self.form.focus_first_error();
            return None;
        }
        Some(fields)
    }

    /// The reason as typed; `None` with a message beside it if it is empty.
    pub fn read_reason(&mut self) -> Option<String> {
        self.form.clear_errors();
        let reason = self.form.value("reason").trim().to_string();
        if reason.is_empty() {
            let text = t("err.session.cancel_reason").into_owned();
            self.form.set_error("reason", Some(text));
            self.form.focus_first_error();
            return None;
        }
        Some(reason)
    }
}

/// A session's date, start and end as the fields show them (an end past midnight as 次日).
fn times_of(s: &Session) -> [String; 3] {
    let (start, end) = (s.fields.start, s.fields.end);
    let end_text = if end.date_naive() > start.date_naive() {
        format!("{}{}", t("time.next_day"), end.format("%H:%M"))
    } else {
        end.format("%H:%M").to_string()
    };
    [
        start.format("%Y-%m-%d").to_string(),
        start.format("%H:%M").to_string(),
        end_text,
    ]
}

impl FormDialog for RescheduleForm {
    fn form(&self) -> &Form {
        &self.form
    }
    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }
    fn after_edit(&mut self, _cx: &DialogContext) -> Vec<Effect> {
        self.refresh();
        Vec::new()
    }
    fn submit(&mut self, cx: &DialogContext) -> Submit {
        let Some(s) = self.session() else {
            return Submit::Stay;
        };
        let (id, version) = (s.id, s.version);
        let effect = match self.kind {
            RescheduleKind::Postpone => {
                self.read_postponed(cx.today, cx.zone)
                    .map(|fields| Effect::PostponeSession {
                        id,
                        version,
                        fields: Box::new(fields),
                        override_reason: String::new(),
                    })
            }
            RescheduleKind::Cancel => self.read_reason().map(|reason| Effect::CancelSession {
                id,
                version,
                reason,
            }),
        };
        match effect {
            Some(effect) => Submit::Run(vec![effect]),
            None => Submit::Stay,
        }
    }
    fn operation(&self) -> Operation {
        match self.kind {
            RescheduleKind::Postpone => Operation::PostponeSession,
            RescheduleKind::Cancel => Operation::CancelSession,
        }
    }
    fn case(&self) -> Option<CaseId> {
        self.session().map(|s| s.fields.case_id)
    }
    fn title(&self) -> &'static str {
        self.kind().title
    }
    fn heading(&self) -> String {
        match self.kind {
            RescheduleKind::Postpone => t("dialog.postpone_title").into_owned(),
            RescheduleKind::Cancel => t("dialog.cancel_title").into_owned(),
        }
    }
    fn hint(&self) -> String {
        match self.kind {
            RescheduleKind::Postpone => t("dialog.postpone_hint").into_owned(),
            RescheduleKind::Cancel => t("dialog.cancel_hint").into_owned(),
        }
    }
    fn draft(&self, _cx: &DialogContext) -> Option<(DraftKey, DraftData)> {
        let case = self.session()?.fields.case_id;
        Some((self.kind().key(Some(case)), form_draft(&self.form)))
    }
}
