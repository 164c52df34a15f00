//! The follow-up visit dialog (回访记录) of the case on screen: when, how, how the
//! agreement is being performed, the parties' satisfaction, any lawsuit or sign of
//! escalation, the measures taken and who visited. F2 reads it into a `FollowUp` (a message
//! beside the field that is wrong) and asks storage to keep it; the dialog stays until
//! storage answers. Opened by its key on the case detail, reopened from its draft once the
//! case is on screen, closed when storage says the visit is kept.

use super::{
    Answered, DialogContext, DialogKind, FormDialog, Home, Opened, Reopen, Submit, form_draft,
    refilled,
};
use crate::app::action::{Action, Effect};
use crate::app::command::Command;
use crate::app::drafts::{DraftData, DraftKey};
use crate::app::form::{Choice, Field, Form};
use crate::domain::case::{Case, CaseId};
use crate::domain::dates::parse_date_input;
use crate::domain::follow_up::{FollowUp, Performance, Satisfaction, VisitWay};
use crate::domain::org::Mediator;
use crate::domain::rights::Operation;
use crate::i18n::{label, t, tf};
use chrono::NaiveDate;

/// Its draft ("followup:<case>"), its key on the case detail.
pub const KIND: DialogKind = DialogKind {
    code: "followup",
    title: "draft.form.follow_up",
    home: Home::Case,
    reopen: |data, cx| match cx.open_case {
        Some(case) => refilled(FollowUpForm::new(case, cx.mediators, cx.today), data),
        None => Reopen::Wait,
    },
    opens: Some((Command::NewFollowUp, |cx| {
        let case = cx.open_case?;
        let form = FollowUpForm::new(case, cx.mediators, cx.today);
        Some(Opened::Dialog(Box::new(form)))
    })),
};

/// Recording a follow-up visit of one case.
#[derive(Debug, Clone)]
pub struct FollowUpForm {
    /// The case.
    pub case_id: CaseId,
    /// The fields.
    pub form: Form,
}

fn choices(group: &str, codes: &[&'static str]) -> Vec<Choice> {
    codes
        .iter()
        .map(|c| Choice {
            code: (*c).to_string(),
            label: label(group, c).into_owned(),
        })
        .collect()
}

impl FollowUpForm {
    /// A visit today by the case's first mediator, by phone, performed in full.
    pub fn new(case: &Case, mediators: &[Mediator], today: NaiveDate) -> FollowUpForm {
        let by = case
            .mediators
            .first()
            .and_then(|id| mediators.iter().find(|m| m.id == *id))
            .map(|m| m.name.as_str())
            .unwrap_or("");
        let ways: Vec<&'static str> = VisitWay::ALL.iter().map(|w| w.code()).collect();
        let perf: Vec<&'static str> = Performance::ALL.iter().map(|p| p.code()).collect();
        let sat: Vec<&'static str> = Satisfaction::ALL.iter().map(|s| s.code()).collect();
        let form = Form::new(vec![
            Field::text(
                "date",
                "field.visit_date",
                &today.format("%Y-%m-%d").to_string(),
            )
            .whole()
            .required(),
            Field::choice(
                "way",
                "field.visit_way",
                choices("visit_way", &ways),
                "phone",
            ),
            Field::choice(
                "performance",
                "field.visit_performance",
                choices("performance", &perf),
                "full",
            ),
            Field::choice(
                "satisfaction",
                "field.visit_satisfaction",
                choices("satisfaction", &sat),
                "satisfied",
            ),
            Field::check("lawsuit", "field.visit_lawsuit", false),
            Field::check("escalation", "field.visit_escalation", false),
            Field::multiline("measures", "field.visit_measures", ""),
            Field::text("by_whom", "field.visit_by_whom", by).required(),
        ]);
        FollowUpForm {
            case_id: case.id,
            form,
        }
    }

    /// The visit as typed; `None` with a message beside the field that is wrong.
    pub fn read(&mut self, today: NaiveDate) -> Option<FollowUp> {
        self.form.clear_errors();
        let text = self.form.value("date");
        let Some(visited_on) = parse_date_input(&text, today) else {
            self.error("date", tf("err.session.date", &[("value", &text)]));
            return None;
        };
        let checked = |id| self.form.field(id).is_some_and(|f| f.checked);
        let visit = FollowUp {
            case_id: self.case_id,
            visited_on,
            way: VisitWay::from_code(&self.form.value("way")).unwrap_or(VisitWay::Phone),
            performance: Performance::from_code(&self.form.value("performance"))
                .unwrap_or(Performance::Full),
            satisfaction: Satisfaction::from_code(&self.form.value("satisfaction"))
                .unwrap_or(Satisfaction::Satisfied),
            lawsuit: checked("lawsuit"),
            escalation: checked("escalation"),
            measures: self.form.value("measures").trim_end().to_string(),
            by_whom: self.form.value("by_whom").trim().to_string(),
        };
        let Some(problem) = visit.problem(today) else {
            return Some(visit);
        };
        // The same order as `FollowUp::problem` checks them.
        let field = if visit.visited_on > today {
            "date"
        } else if visit.by_whom.is_empty() {
            "by_whom"
        } else {
            "measures"
        };
        self.error(field, problem);
        None
    }

    fn error(&mut self, id: &str, text: String) {
        self.form.set_error(id, Some(text));
        self.form.focus_first_error();
    }
}

impl FormDialog for FollowUpForm {
    fn form(&self) -> &Form {
        &self.form
    }
    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }
    fn submit(&mut self, cx: &DialogContext) -> Submit {
        match self.read(cx.today) {
            Some(visit) => Submit::Run(vec![Effect::AddFollowUp(Box::new(visit))]),
            None => Submit::Stay,
        }
    }
    fn operation(&self) -> Operation {
        Operation::RecordFollowUp
    }
    fn case(&self) -> Option<CaseId> {
        Some(self.case_id)
    }
    fn title(&self) -> &'static str {
        KIND.title
    }
    fn heading(&self) -> String {
        t("dialog.follow_up_title").into_owned()
    }
    fn hint(&self) -> String {
        t("dialog.follow_up_hint").into_owned()
    }
    fn draft(&self, _cx: &DialogContext) -> Option<(DraftKey, DraftData)> {
        Some((KIND.key(Some(self.case_id)), form_draft(&self.form)))
    }
    /// The visit is kept: say so, and read the case's visits again.
    fn answered(&self, action: &Action) -> Option<Answered> {
        match action {
            Action::FollowUpSaved(case) if *case == self.case_id => Some(Answered {
                status: t("msg.follow_up_saved").into_owned(),
                effects: vec![Effect::LoadFollowUps(*case)],
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::tests::support::{case, room, today};

    #[test]
    fn a_visit_is_read_with_its_checks_beside_the_fields() {
        let mut f = FollowUpForm::new(&case(), &room().mediators, today());
        assert!(!f.form.value("by_whom").is_empty(), "the case's mediator");
        let visit = f.read(today()).expect("valid as opened");
        assert_eq!(visit.visited_on, today());
        assert_eq!(visit.way, VisitWay::Phone);
        f.form.set_text("date", "明天");
        assert!(f.read(today()).is_none());
        assert!(f.form.field("date").and_then(|x| x.error.clone()).is_some());
        f.form.set_text("date", "11-20");
        if let Some(field) = f.form.field_mut("escalation") {
            field.checked = true;
        }
        assert!(f.read(today()).is_none());
        assert!(
            f.form
                .field("measures")
                .and_then(|x| x.error.clone())
                .is_some()
        );
        f.form.set_text("measures", "已告知派出所，约双方再谈");
        let visit = f.read(today()).expect("valid now");
        assert!(visit.escalation && !visit.lawsuit);
        assert_eq!(visit.visited_on.to_string(), "2026-11-20");
    }
}
