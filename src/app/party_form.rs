//! The party form: person or organisation fields, whom an agent acts for (chosen among
//! the case's parties by place, never by name), and every problem shown beside its
//! field. The checks as the ID number and credit code are typed are in `typed`.

mod typed;

use super::form::{Choice, Field, Form};
use super::party_choices::principal_choices;
use crate::domain::agents::{agents_of, usual_principal};
use crate::domain::case::{CaseId, CaseSummary};
use crate::domain::dates::parse_date_input;
use crate::domain::party::{Party, PartyId, PartyKind, PartyRole, Sex, validate_party};
use crate::domain::repeat::{RepeatKey, RepeatQuery};
use crate::i18n::{label, t, tf};
use chrono::NaiveDate;

/// Fields only a person has.
const PERSON_FIELDS: [&str; 5] = ["id_number", "sex", "birth_date", "ethnicity", "occupation"];
/// Fields only an organisation has.
const ORG_FIELDS: [&str; 3] = ["credit_code", "legal_rep", "legal_rep_title"];

/// A party being added (`index` None) or edited.
#[derive(Debug, Clone)]
pub struct PartyForm {
    /// Position in the case's party list, if editing.
    pub index: Option<usize>,
    /// The stored party it edits (kept, so saving the case changes that party).
    pub party_id: Option<PartyId>,
    /// The fields.
    pub form: Form,
    /// The ID number last read, so birth date and sex are filled once per new number and
    /// can still be corrected by hand afterwards.
    checked_id: String,
    /// The birth date and sex code last filled from the ID number: when the number changes
    /// or is cleared, fields still holding them follow it (a value typed by hand stays).
    derived: Option<(String, String)>,
    /// The credit code last read, so it is checked once per change.
    checked_code: String,
    /// The day the form was opened: an ID number may not say its holder is born after it.
    today: NaiveDate,
    /// The last question asked about earlier cases of this party (重复纠纷).
    pub repeats_asked: Option<RepeatQuery>,
    /// Earlier cases of this party, as answered.
    pub repeats: Vec<CaseSummary>,
    /// Agents of the case act for this party: it cannot become an agent itself.
    represented: bool,
}

fn choices<T: Copy>(all: &[T], kind: &str, code: fn(T) -> &'static str) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            code: code(*v).into(),
            label: label(kind, code(*v)).into(),
        })
        .collect()
}

impl PartyForm {
    /// A form for `party`, at `index` of the case's `parties` when editing; focus on the
    /// name. `today` bounds the birth date in an ID number.
    pub fn new(
        index: Option<usize>,
        party: &Party,
        parties: &[Party],
        today: NaiveDate,
    ) -> PartyForm {
        let principals = principal_choices(parties, index);
        // An agent new to the case acts for the usual party until the user says otherwise.
        let acts_for = party
            .acts_for
            .or_else(|| usual_principal(parties).filter(|p| Some(*p) != index))
            .map(|p| p.to_string())
            .unwrap_or_default();
        let mut sexes = vec![Choice {
            code: String::new(),
            label: t("field.unknown").into(),
        }];
        sexes.extend(choices(Sex::ALL, "sex", Sex::code));
        let fields = vec![
            Field::choice(
                "role",
                "field.role",
                choices(PartyRole::ALL, "role", PartyRole::code),
                party.role.code(),
            ),
            Field::choice(
                "kind",
                "field.kind",
                choices(PartyKind::ALL, "kind", PartyKind::code),
                party.kind.code(),
            ),
            Field::choice("acts_for", "field.acts_for", principals, &acts_for),
            Field::text("name", "field.name", &party.name).required(),
            Field::text("id_number", "field.id_number", &party.id_number),
            Field::choice(
                "sex",
                "field.sex",
                sexes,
                party.sex.map(Sex::code).unwrap_or(""),
            ),
            Field::text(
                "birth_date",
                "field.birth_date",
                &party.birth_date.map(|d| d.to_string()).unwrap_or_default(),
            ),
            Field::text("ethnicity", "field.ethnicity", &party.ethnicity),
            Field::text("credit_code", "field.credit_code", &party.credit_code),
            Field::text("legal_rep", "field.legal_rep", &party.legal_rep),
            Field::text(
                "legal_rep_title",
                "field.legal_rep_title",
                &party.legal_rep_title,
            ),
            Field::text("phone", "field.phone", &party.phone),
            Field::text("occupation", "field.occupation", &party.occupation),
            Field::text("address", "field.address", &party.address),
        ];
        let mut f = PartyForm {
            index,
            party_id: party.id,
            form: Form::new(fields),
            checked_id: String::new(),
            derived: None,
            checked_code: String::new(),
            today,
            repeats_asked: None,
            repeats: Vec::new(),
            represented: index.is_some_and(|i| !agents_of(parties, i).is_empty()),
        };
        f.refresh();
        f.form.focus_on("name");
        f
    }

    /// Shows the fields of the chosen kind and checks the ID number as typed so far.
    pub fn refresh(&mut self) {
        let person = self.form.value("kind") == PartyKind::Person.code();
        let agent = self.form.value("role") == PartyRole::Agent.code();
        for f in self.form.fields.iter_mut() {
            if PERSON_FIELDS.contains(&f.id) {
                f.hidden = !person;
            } else if ORG_FIELDS.contains(&f.id) {
                f.hidden = person;
            } else if f.id == "acts_for" {
                // No party to choose yet: the agent is linked when the case has one.
                f.hidden =
                    !agent || matches!(&f.kind, super::form::FieldKind::Choice(c) if c.is_empty());
            }
        }
        self.check_id_as_typed();
        self.check_code_as_typed();
    }

    /// The question about earlier cases for what is typed now, if it changed since the
    /// last one (a complete ID number, or a name with a phone); `exclude` is the case edited.
    pub fn repeats_to_ask(&mut self, exclude: Option<CaseId>) -> Option<RepeatQuery> {
        let key = RepeatKey::of(
            &self.form.value("id_number"),
            &self.form.value("name"),
            &self.form.value("phone"),
        );
        let query = key.map(|k| RepeatQuery {
            keys: vec![k],
            exclude,
        });
        if query == self.repeats_asked {
            return None;
        }
        self.repeats.clear();
        self.repeats_asked = query.clone();
        query
    }

    /// The party, or the form with a message beside every wrong field.
    pub fn to_party(&mut self, today: NaiveDate) -> Option<Party> {
        self.form.clear_errors();
        let v = |id: &str| self.form.value(id);
        let birth_text = v("birth_date");
        let birth_date = match birth_text.trim() {
            "" => None,
            text => match parse_date_input(text, today) {
                Some(d) => Some(d),
                None => {
                    let message = tf("err.date", &[("value", text)]);
                    self.form.set_error("birth_date", Some(message));
                    self.form.focus_first_error();
                    return None;
                }
            },
        };
        let person = v("kind") == PartyKind::Person.code();
        let role = PartyRole::from_code(&v("role")).unwrap_or(PartyRole::Applicant);
        if role == PartyRole::Agent && self.represented {
            self.form
                .set_error("role", Some(t("err.party.represented").into_owned()));
            self.form.focus_first_error();
            return None;
        }
        let acts_for = match self.form.field("acts_for") {
            Some(f) if role == PartyRole::Agent && !f.hidden => f.value().parse().ok(),
            _ => None,
        };
        let keep = |id: &str, applies: bool| {
            if applies {
                v(id).trim().to_string()
            } else {
                String::new()
            }
        };
        let party = Party {
            id: self.party_id,
            role,
            kind: if person {
                PartyKind::Person
            } else {
                PartyKind::Organisation
            },
            name: v("name"),
            sex: if person {
                Sex::from_code(&v("sex"))
            } else {
                None
            },
            ethnicity: keep("ethnicity", person),
            birth_date: birth_date.filter(|_| person),
            id_number: keep("id_number", person),
            occupation: keep("occupation", person),
            credit_code: keep("credit_code", !person),
            legal_rep: keep("legal_rep", !person),
            legal_rep_title: keep("legal_rep_title", !person),
            acts_for,
            phone: v("phone").trim().to_string(),
            address: v("address").trim().to_string(),
        };
        match validate_party(&party, today) {
            Ok(valid) => Some(valid),
            Err(problems) => {
                for p in problems {
                    self.form.set_error(p.field, Some(p.message));
                }
                self.form.focus_first_error();
                None
            }
        }
    }
}

#[cfg(test)]
mod tests;
