//! Scheduling a session of the case on screen: the form built from the case (its mediators
//! and parties filled in), read back into `SessionFields` with a message beside each wrong
//! field. F2 asks storage to book it (a clash opens the override dialog, `override_reason`);
//! the dialog stays until storage answers. Opened by its key on the case detail.

use super::{DialogContext, DialogKind, FormDialog, Home, Opened, Submit, form_draft, refilled};
use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::drafts::{DraftData, DraftKey};
use crate::app::form::{Choice, Field, Form};
use crate::domain::case::{Case, CaseId, Timestamp};
use crate::domain::dates::{Zone, parse_date_input, parse_end_time_input, parse_time_input};
use crate::domain::follow_up::Place;
use crate::domain::org::Mediator;
use crate::domain::rights::Operation;
use crate::domain::session::{InvitedParty, SessionFields, SessionKind, SessionProblem};
use crate::i18n::{label, t, tf};
use chrono::{Days, NaiveDate};

/// Reads the `date`, `start` and `end` fields of `form` as two instants in `zone` (an end
/// typed 次日01:00 is on the next day); on a problem, says it beside its field, puts the
/// cursor on the first one and returns `None`. The caller clears old errors first.
pub fn read_when(form: &mut Form, today: NaiveDate, zone: Zone) -> Option<(Timestamp, Timestamp)> {
    let error = |form: &mut Form, id: &str, text: String| {
        form.set_error(id, Some(text));
        form.focus_first_error();
    };
    let (date_text, start_text, end_text) =
        (form.value("date"), form.value("start"), form.value("end"));
    let date = parse_date_input(&date_text, today);
    if date.is_none() {
        error(
            form,
            "date",
            tf("err.session.date", &[("value", &date_text)]),
        );
    }
    let start = parse_time_input(&start_text);
    if start.is_none() {
        error(
            form,
            "start",
            tf("err.session.time", &[("value", &start_text)]),
        );
    }
    let end = parse_end_time_input(&end_text);
    if end.is_none() {
        error(
            form,
            "end",
            tf("err.session.end_time", &[("value", &end_text)]),
        );
    }
    let (date, start, (end, later)) = (date?, start?, end?);
    let end_day = date.checked_add_days(Days::new(later))?;
    let Some(from) = zone.at(date.and_time(start)) else {
        error(
            form,
            "start",
            tf("err.session.no_such_time", &[("value", &start_text)]),
        );
        return None;
    };
    let Some(to) = zone.at(end_day.and_time(end)) else {
        error(
            form,
            "end",
            tf("err.session.no_such_time", &[("value", &end_text)]),
        );
        return None;
    };
    Some((from, to))
}

/// The field a problem of the session's fields is said beside.
pub fn problem_field(problem: &SessionProblem) -> &'static str {
    match problem {
        SessionProblem::NoMediator => "mediators",
        _ => "end",
    }
}

/// Its draft ("session:<case>"), its key on the case detail.
pub const KIND: DialogKind = DialogKind {
    code: "session",
    title: "draft.form.session",
    home: Home::Case,
    reopen: |data, cx| match cx.open_case {
        Some(case) => refilled(SessionForm::of(case, cx), data),
        None => super::Reopen::Wait,
    },
    opens: Some((Command::NewSession, |cx| {
        let form = SessionForm::of(cx.open_case?, cx);
        Some(Opened::Dialog(Box::new(form)))
    })),
};

/// Scheduling a session for one case.
#[derive(Debug, Clone)]
pub struct SessionForm {
    /// The case.
    pub case_id: CaseId,
    /// The case's party names, by their index in the case.
    pub parties: Vec<String>,
    /// Each party as the invitation list shows it: number, role, name, ID tail.
    pub party_labels: Vec<String>,
    /// The places offered, in the order of the place choice.
    pub places: Vec<Place>,
    /// The fields.
    pub form: Form,
}

/// A refused booking waiting for a reason to override it.
#[derive(Debug, Clone)]
pub struct OverrideForm {
    /// What was asked for.
    pub fields: Box<SessionFields>,
    /// Each clash as the user reads it.
    pub clashes: Vec<String>,
    /// The session being postponed (its id and version), when this is a postponement.
    pub postpone: Option<(crate::domain::session::SessionId, i64)>,
    /// One field: the reason.
    pub form: Form,
}

impl OverrideForm {
    /// The reason step for a refused booking.
    pub fn new(fields: SessionFields, clashes: Vec<String>) -> OverrideForm {
        OverrideForm {
            fields: Box::new(fields),
            clashes,
            postpone: None,
            form: Form::new(vec![
                Field::multiline("reason", "field.override_reason", "").required(),
            ]),
        }
    }
}

impl SessionForm {
    /// A form for `case` in the room's places (the usual ones before any is set).
    fn of(case: &Case, cx: &DialogContext) -> Self {
        let defaults = Place::defaults();
        let places = if cx.places.is_empty() {
            &defaults
        } else {
            cx.places
        };
        SessionForm::new(case, cx.mediators, places, cx.today)
    }

    /// A form for `case`: tomorrow 09:00–10:00 in the first place, its mediators and all its
    /// parties invited.
    pub fn new(case: &Case, mediators: &[Mediator], places: &[Place], today: NaiveDate) -> Self {
        let kinds = SessionKind::ALL
            .iter()
            .map(|k| Choice {
                code: k.code().to_string(),
                label: label("session_kind", k.code()).into_owned(),
            })
            .collect();
        let place_choices = places
            .iter()
            .enumerate()
            .map(|(i, p)| Choice {
                code: i.to_string(),
                label: p.name.clone(),
            })
            .collect();
        let names: Vec<&str> = case
            .mediators
            .iter()
            .filter_map(|id| mediators.iter().find(|m| m.id == *id))
            .map(|m| m.name.as_str())
            .collect();
        let parties: Vec<String> = case.fields.parties.iter().map(|p| p.name.clone()).collect();
        let party_labels: Vec<String> = case
            .fields
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| crate::app::party_choices::party_label(i, p))
            .collect();
        let mut invited = Field::text(
            "parties",
            "field.session_parties",
            &crate::app::party_choices::invitation_text(&parties, 0..parties.len()),
        );
        // Short where a name is the case's only one of it (the dialog is small): the
        // number and name; role and ID tail where two parties share the name.
        let listed: Vec<String> = parties
            .iter()
            .zip(&party_labels)
            .enumerate()
            .map(
                |(i, (name, label))| match parties.iter().filter(|n| *n == name).count() > 1 {
                    true => label.clone(),
                    false => format!("{}.{name}", i + 1),
                },
            )
            .collect();
        invited.hint = Some(tf(
            "hint.session_parties",
            &[("parties", &listed.join(t("list.sep").as_ref()))],
        ));
        let tomorrow = today.succ_opt().unwrap_or(today);
        let mut end = Field::text("end", "field.session_end", "10:00")
            .whole()
            .required();
        end.hint = Some(t("hint.session_end_next_day").into_owned());
        let form = Form::new(vec![
            Field::choice("kind", "field.session_kind", kinds, "mediation"),
            Field::text(
                "date",
                "field.session_date",
                &tomorrow.format("%Y-%m-%d").to_string(),
            )
            .whole()
            .required(),
            Field::text("start", "field.session_start", "09:00")
                .whole()
                .required(),
            end,
            Field::choice("place", "field.session_place", place_choices, "0"),
            Field::text("mediators", "field.session_mediators", &names.join("、")).required(),
            invited,
        ]);
        SessionForm {
            case_id: case.id,
            parties,
            party_labels,
            places: places.to_vec(),
            form,
        }
    }

    /// Reads the form (times in `zone`); on a problem, says it beside its field and
    /// returns `None`.
    pub fn read(
        &mut self,
        mediators: &[Mediator],
        today: NaiveDate,
        zone: Zone,
    ) -> Option<SessionFields> {
        self.form.clear_errors();
        let when = read_when(&mut self.form, today, zone);
        let chosen = self.chosen_mediators(mediators);
        let invited = self.invited_parties();
        let place = self
            .form
            .field("place")
            .and_then(|f| self.places.get(f.selected))
            .cloned()
            .unwrap_or(Place {
                name: String::new(),
                is_room: false,
            });
        let kind =
            SessionKind::from_code(&self.form.value("kind")).unwrap_or(SessionKind::Mediation);
        let ((start, end), chosen, invited) = (when?, chosen?, invited?);
        let fields = SessionFields {
            case_id: self.case_id,
            kind,
            start,
            end,
            place: place.name,
            place_is_room: place.is_room,
            mediators: chosen,
            parties: invited,
        };
        if let Some(problem) = fields.problems().first() {
            self.error(problem_field(problem), problem.to_string());
            return None;
        }
        Some(fields)
    }

    fn error(&mut self, id: &str, text: String) {
        self.form.set_error(id, Some(text));
        self.form.focus_first_error();
    }

    fn chosen_mediators(
        &mut self,
        all: &[Mediator],
    ) -> Option<Vec<crate::domain::org::MediatorId>> {
        let mut out = Vec::new();
        for name in names(&self.form.value("mediators")) {
            match all.iter().find(|m| m.name == name) {
                Some(m) if !out.contains(&m.id) => out.push(m.id),
                Some(_) => {}
                None => {
                    let known: Vec<&str> = all
                        .iter()
                        .filter(|m| m.active)
                        .map(|m| m.name.as_str())
                        .collect();
                    let text = tf(
                        "err.session.unknown_mediator",
                        &[
                            ("name", &name),
                            ("known", &known.join(t("list.sep").as_ref())),
                        ],
                    );
                    self.error("mediators", text);
                    return None;
                }
            }
        }
        Some(out)
    }

    /// The invited parties as typed: a party's number in the list ("2", "2.王秀兰") or
    /// its name where no other party has it. Two parties of one name (同名同姓) are told
    /// apart by number only: a bare shared name is refused with their numbers.
    fn invited_parties(&mut self) -> Option<Vec<InvitedParty>> {
        let mut out: Vec<InvitedParty> = Vec::new();
        for token in names(&self.form.value("parties")) {
            match crate::app::party_choices::invited_party(&self.parties, &token) {
                Ok(seq) => {
                    if !out.iter().any(|p| p.seq as usize == seq) {
                        out.push(InvitedParty {
                            seq: u32::try_from(seq).unwrap_or(0),
                            name: self.parties[seq].clone(),
                        });
                    }
                }
                Err(key) => {
                    let same: Vec<&str> = self
                        .parties
                        .iter()
                        .zip(&self.party_labels)
                        .filter(|(name, _)| **name == token)
                        .map(|(_, label)| label.as_str())
                        .collect();
                    let text = tf(
                        key,
                        &[
                            ("name", &token),
                            ("same", &same.join(t("list.sep").as_ref())),
                            ("known", &self.party_labels.join(t("list.sep").as_ref())),
                        ],
                    );
                    self.error("parties", text);
                    return None;
                }
            }
        }
        Some(out)
    }
}

/// Names as typed: separated by 、 ， , ; or spaces.
fn names(text: &str) -> Vec<String> {
    text.split(['、', '，', ',', ';', '；', ' ', '\u{3000}'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl FormDialog for SessionForm {
    fn form(&self) -> &Form {
        &self.form
    }
    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }
    fn submit(&mut self, cx: &DialogContext) -> Submit {
        match self.read(cx.mediators, cx.today, cx.zone) {
            Some(fields) => Submit::Run(vec![Effect::CreateSession {
                fields: Box::new(fields),
                override_reason: String::new(),
            }]),
            None => Submit::Stay,
        }
    }
    fn operation(&self) -> Operation {
        Operation::ScheduleSession
    }
    fn case(&self) -> Option<CaseId> {
        Some(self.case_id)
    }
    fn title(&self) -> &'static str {
        KIND.title
    }
    fn heading(&self) -> String {
        t("dialog.session_new").into_owned()
    }
    fn hint(&self) -> String {
        t("dialog.session_hint").into_owned()
    }
    fn draft(&self, _cx: &DialogContext) -> Option<(DraftKey, DraftData)> {
        Some((KIND.key(Some(self.case_id)), form_draft(&self.form)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::tests::support::{case, room, today};

    fn form() -> (SessionForm, Vec<Mediator>) {
        let mediators = room().mediators;
        (
            SessionForm::new(&case(), &mediators, &Place::defaults(), today()),
            mediators,
        )
    }

    #[test]
    fn the_form_starts_tomorrow_with_the_case_people_and_reads_back() {
        let (mut f, mediators) = form();
        assert_eq!(f.form.value("date"), "2026-11-29");
        let fields = f.read(&mediators, today(), Zone::beijing()).expect("valid");
        assert_eq!(fields.start.to_rfc3339(), "2026-11-29T09:00:00+08:00");
        assert!(!fields.mediators.is_empty());
        assert_eq!(fields.parties.len(), f.parties.len());
        assert!(fields.place_is_room);
    }

    #[test]
    fn wrong_dates_times_and_names_are_said_beside_their_fields() {
        let (mut f, mediators) = form();
        f.form.set_text("date", "下下周");
        f.form.set_text("start", "10:00");
        f.form.set_text("end", "9点半");
        f.form.set_text("mediators", "王建国、钱多多");
        assert!(f.read(&mediators, today(), Zone::beijing()).is_none());
        assert!(
            f.form
                .field("date")
                .unwrap()
                .error
                .as_ref()
                .unwrap()
                .contains("明天")
        );
        assert!(
            f.form
                .field("mediators")
                .unwrap()
                .error
                .as_ref()
                .unwrap()
                .contains("钱多多")
        );
        f.form.set_text("date", "下周一");
        f.form.set_text("mediators", "王建国");
        assert!(f.read(&mediators, today(), Zone::beijing()).is_none());
        assert!(
            f.form.field("end").unwrap().error.is_some(),
            "end before start"
        );
        f.form.set_text("end", "11:00");
        let fields = f
            .read(&mediators, today(), Zone::beijing())
            .expect("valid now");
        assert_eq!(
            fields.date(),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
    }

    #[test]
    fn two_parties_of_one_name_are_invited_by_number_never_the_first_by_name() {
        let mediators = room().mediators;
        let mut twins = case();
        let mut second = twins.fields.parties[0].clone();
        second.id = None;
        second.id_number = "110105196803050029".into();
        twins.fields.parties.push(second);
        let name = twins.fields.parties[0].name.clone();
        let last = twins.fields.parties.len();
        let mut f = SessionForm::new(&twins, &mediators, &Place::defaults(), today());
        // Offered by number where the name is shared, and the list says who is who.
        let offered = f.form.value("parties");
        assert!(offered.contains(&format!("1.{name}")), "{offered}");
        assert!(offered.contains(&format!("{last}.{name}")), "{offered}");
        let hint = f.form.field("parties").unwrap().hint.clone().unwrap();
        assert!(hint.contains("…0029"), "{hint}");
        // Only the second of the two: invited as that party, not the first of the name.
        f.form.set_text("parties", &format!("{last}.{name}"));
        let fields = f.read(&mediators, today(), Zone::beijing()).expect("valid");
        assert_eq!(fields.parties.len(), 1);
        assert_eq!(fields.parties[0].seq as usize, last - 1);
        f.form.set_text("parties", &last.to_string());
        let fields = f.read(&mediators, today(), Zone::beijing()).expect("valid");
        assert_eq!(fields.parties[0].seq as usize, last - 1);
        // The bare shared name is refused, naming both.
        f.form.set_text("parties", &name);
        assert!(f.read(&mediators, today(), Zone::beijing()).is_none());
        let said = f.form.field("parties").unwrap().error.clone().unwrap();
        assert!(
            said.contains("…0029") && said.contains(&format!("{last}.")),
            "{said}"
        );
        // A number past the list, or a name that is not at that number.
        for bad in ["99".to_string(), format!("1.{name}x")] {
            f.form.set_text("parties", &bad);
            assert!(
                f.read(&mediators, today(), Zone::beijing()).is_none(),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_end_on_the_next_day_is_typed_as_such_and_times_take_the_zone() {
        let (mut f, mediators) = form();
        f.form.set_text("start", "22:00");
        f.form.set_text("end", "01:00");
        assert!(f.read(&mediators, today(), Zone::beijing()).is_none());
        let said = f.form.field("end").and_then(|x| x.error.clone());
        assert!(
            said.is_some_and(|e| e.contains("第二天")),
            "the message says how"
        );
        f.form.set_text("end", "次日01:00");
        let fields = f.read(&mediators, today(), Zone::beijing()).expect("valid");
        assert_eq!(fields.start.to_rfc3339(), "2026-11-29T22:00:00+08:00");
        assert_eq!(fields.end.to_rfc3339(), "2026-11-30T01:00:00+08:00");
        assert_eq!(
            fields.date(),
            NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
        );
        f.form.set_text("end", "次日23:00");
        assert!(
            f.read(&mediators, today(), Zone::beijing()).is_none(),
            "25 hours is refused as too long"
        );
        let utc = Zone::utc();
        f.form.set_text("end", "23:00");
        let fields = f.read(&mediators, today(), utc).expect("valid");
        assert_eq!(fields.start.to_rfc3339(), "2026-11-29T22:00:00+00:00");
        f.form.set_text("end", "明天");
        assert!(f.read(&mediators, today(), utc).is_none());
        let said = f.form.field("end").and_then(|x| x.error.clone());
        assert!(said.is_some_and(|e| e.contains("次日01:00")));
    }
}
