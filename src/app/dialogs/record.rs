//! The record of a session (调解记录): which session, who came, what was said and agreed,
//! the outcome. Choosing another session shows what was typed for it; F2 stores the
//! record of the chosen one (a planned session becomes held). Opened by its key on the case
//! detail once the case's sessions are read, closed when storage says the record is kept.

use super::{
    Answered, DialogContext, DialogKind, FormDialog, Home, Opened, Reopen, Submit, form_draft,
};
use crate::app::action::{Action, Effect};
use crate::app::command::Command;
use crate::app::drafts::{DraftData, DraftKey, fill};
use crate::app::form::{Choice, Field, Form};
use crate::domain::case::CaseId;
use crate::domain::rights::Operation;
use crate::domain::session::{Session, SessionId, SessionRecord, SessionStatus};
use crate::i18n::{label, t, tf};
use chrono::NaiveDate;

/// Its draft ("record:<case>", reopened once the case's sessions are read), its key.
pub const KIND: DialogKind = DialogKind {
    code: "record",
    title: "draft.form.record",
    home: Home::Case,
    reopen: |data, cx| {
        let Some(sessions) = cx.sessions else {
            return Reopen::Wait;
        };
        let Some(mut rf) = RecordForm::new(sessions, cx.today) else {
            return Reopen::Never;
        };
        // The session first: choosing it fills the text fields with its record.
        if let Some(code) = data.fields.get("session") {
            rf.form.set_choice("session", code);
            rf.refresh();
        }
        fill(&mut rf.form, &data.fields, &data.focus);
        Reopen::Now(Box::new(rf))
    },
    opens: Some((Command::RecordSession, |cx| {
        cx.open_case?;
        let sessions = cx.sessions.unwrap_or(&[]);
        Some(match RecordForm::new(sessions, cx.today) {
            Some(form) => Opened::Dialog(Box::new(form)),
            None => Opened::Notice("err.record.no_session"),
        })
    })),
};

/// Writing the record of one of the case's sessions.
#[derive(Debug, Clone)]
pub struct RecordForm {
    /// The sessions that can be recorded (planned or held), as offered by the choice.
    pub sessions: Vec<Session>,
    /// The fields.
    pub form: Form,
    /// The session whose record the text fields hold.
    shown: usize,
    /// What was typed for each session (attendees, notes, outcome), kept when the user
    /// switches to another session and back, so nothing typed is lost.
    typed: Vec<Option<[String; 3]>>,
    /// The session the user confirmed to record as held before its day.
    early: Option<SessionId>,
}

impl RecordForm {
    /// A form for the latest session that has begun by `today` (else the first one);
    /// `None` if the case has no session that could have a record.
    pub fn new(all: &[Session], today: NaiveDate) -> Option<RecordForm> {
        let sessions: Vec<Session> = all
            .iter()
            .filter(|s| matches!(s.status, SessionStatus::Planned | SessionStatus::Held))
            .cloned()
            .collect();
        let chosen = sessions
            .iter()
            .rposition(|s| s.fields.date() <= today)
            .unwrap_or(0);
        let session = sessions.get(chosen)?;
        let choices = sessions
            .iter()
            .enumerate()
            .map(|(i, s)| Choice {
                code: i.to_string(),
                label: format!(
                    "{} {}",
                    s.fields.start.format("%m-%d %H:%M"),
                    label("session_kind", s.fields.kind.code())
                ),
            })
            .collect();
        let form = Form::new(vec![
            Field::choice(
                "session",
                "field.record_session",
                choices,
                &chosen.to_string(),
            ),
            Field::text("attendees", "field.record_attendees", &attendees(session)),
            Field::multiline("notes", "field.record_notes", &session.record.notes).required(),
            Field::text("outcome", "field.record_outcome", &session.record.outcome),
        ]);
        let typed = vec![None; sessions.len()];
        Some(RecordForm {
            sessions,
            form,
            shown: chosen,
            typed,
            early: None,
        })
    }

    /// After the session choice changed: the text fields show that session's record.
    pub fn refresh(&mut self) {
        let Some(i) = self.form.field("session").map(|f| f.selected) else {
            return;
        };
        if i == self.shown {
            return;
        }
        let now = ["attendees", "notes", "outcome"].map(|id| self.form.value(id));
        if let Some(slot) = self.typed.get_mut(self.shown) {
            *slot = Some(now);
        }
        self.shown = i;
        let kept = self.typed.get(i).cloned().flatten();
        if let Some(s) = self.sessions.get(i) {
            let [who, notes, outcome] = kept.unwrap_or_else(|| {
                [
                    attendees(s),
                    s.record.notes.clone(),
                    s.record.outcome.clone(),
                ]
            });
            self.form.set_text("attendees", &who);
            self.form.set_text("notes", &notes);
            self.form.set_text("outcome", &outcome);
        }
    }

    /// The session chosen.
    pub fn session(&self) -> Option<&Session> {
        let i = self.form.field("session")?.selected;
        self.sessions.get(i)
    }

    /// The record as typed; `None` (with a message beside the notes) if they are empty.
    pub fn read(&mut self) -> Option<SessionRecord> {
        self.form.clear_errors();
        let notes = self.form.value("notes");
        if notes.trim().is_empty() {
            let text = crate::i18n::t("err.record.notes").into_owned();
            self.form.set_error("notes", Some(text));
            self.form.focus_first_error();
            return None;
        }
        Some(SessionRecord {
            attendees: self
                .form
                .value("attendees")
                .split(['、', '，', ','])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            notes: notes.trim_end().to_string(),
            outcome: self.form.value("outcome").trim().to_string(),
        })
    }
}

/// Who came, as recorded, or else who was asked to come and who mediates.
fn attendees(s: &Session) -> String {
    if !s.record.attendees.is_empty() {
        return s.record.attendees.join("、");
    }
    let mut names: Vec<String> = s.fields.parties.iter().map(|p| p.name.clone()).collect();
    names.extend(
        s.mediator_names
            .split('、')
            .filter(|n| !n.is_empty())
            .map(str::to_string),
    );
    names.join("、")
}

impl FormDialog for RecordForm {
    fn form(&self) -> &Form {
        &self.form
    }
    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }
    fn after_edit(&mut self, _cx: &DialogContext) -> Vec<crate::app::action::Effect> {
        self.refresh();
        Vec::new()
    }
    fn submit(&mut self, cx: &DialogContext) -> Submit {
        let (Some(record), Some(s)) = (self.read(), self.session()) else {
            return Submit::Stay;
        };
        // A record makes a planned session held: one whose day has not come is asked about.
        let date = s.fields.date();
        if s.status == SessionStatus::Planned && date > cx.today && self.early != Some(s.id) {
            let date = date.to_string();
            return Submit::Ask(tf("confirm.record_future", &[("date", &date)]));
        }
        Submit::Run(vec![Effect::RecordSession {
            id: s.id,
            version: s.version,
            record: Box::new(record),
        }])
    }
    fn confirmed(&mut self) {
        self.early = self.session().map(|s| s.id);
    }
    fn operation(&self) -> Operation {
        Operation::RecordSession
    }
    fn case(&self) -> Option<CaseId> {
        self.session().map(|s| s.fields.case_id)
    }
    fn title(&self) -> &'static str {
        KIND.title
    }
    fn heading(&self) -> String {
        t("dialog.record_title").into_owned()
    }
    fn hint(&self) -> String {
        t("dialog.record_hint").into_owned()
    }
    fn draft(&self, cx: &DialogContext) -> Option<(DraftKey, DraftData)> {
        let case = self.session().map(|s| s.fields.case_id);
        let case = case.or(cx.open_case.map(|c| c.id))?;
        Some((KIND.key(Some(case)), form_draft(&self.form)))
    }
    /// The record is kept: say so, and read the case's sessions again.
    fn answered(&self, action: &Action) -> Option<Answered> {
        let Action::SessionRecorded(s) = action else {
            return None;
        };
        Some(Answered {
            status: t("msg.record_saved").into_owned(),
            effects: vec![Effect::LoadCaseSessions(s.fields.case_id)],
        })
    }
}
