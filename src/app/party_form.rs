//! The party form: person or organisation fields, the ID number and the credit code checked
//! as they are typed (birth date and sex filled from the ID), and every problem shown beside
//! its field.

use super::form::{Choice, Field, Form};
use crate::domain::case::{CaseId, CaseSummary};
use crate::domain::credit_code::parse_credit_code;
use crate::domain::dates::parse_date_input;
use crate::domain::id_card::parse_id_card;
use crate::domain::party::{Party, PartyId, PartyKind, PartyRole, Sex, validate_party};
use crate::domain::repeat::{RepeatKey, RepeatQuery};
use crate::i18n::{label, t, tf, tn};
use chrono::NaiveDate;

/// Fields only a person has.
const PERSON_FIELDS: [&str; 5] = ["id_number", "sex", "birth_date", "ethnicity", "occupation"];
/// Fields only an organisation has.
const ORG_FIELDS: [&str; 2] = ["credit_code", "legal_rep"];

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
    /// A form for `party`; focus on the name. `today` bounds the birth date in an ID number.
    pub fn new(index: Option<usize>, party: &Party, today: NaiveDate) -> PartyForm {
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
        };
        f.refresh();
        f.form.focus_on("name");
        f
    }

    /// Shows the fields of the chosen kind and checks the ID number as typed so far.
    pub fn refresh(&mut self) {
        let person = self.form.value("kind") == PartyKind::Person.code();
        for f in self.form.fields.iter_mut() {
            if PERSON_FIELDS.contains(&f.id) {
                f.hidden = !person;
            } else if ORG_FIELDS.contains(&f.id) {
                f.hidden = person;
            }
        }
        self.check_id_as_typed();
        self.check_code_as_typed();
    }

    /// While the credit code is typed: count the characters; when complete, check it, as
    /// the ID number is checked (and, like it, never name the right check character).
    fn check_code_as_typed(&mut self) {
        let text = self.form.value("credit_code");
        let text = text.trim();
        if text == self.checked_code {
            return;
        }
        self.checked_code = text.to_string();
        let (hint, error) = match text.chars().count() {
            0 => (None, None),
            18 => match parse_credit_code(text) {
                Ok(_) => (Some(t("hint.credit_ok").to_string()), None),
                Err(e) => (None, Some(e.to_string())),
            },
            n if n > 18 => (
                None,
                Some(tf("err.credit.length", &[("len", &n.to_string())])),
            ),
            n => (
                Some(tn("hint.credit_count", n as u64, &[("n", &n.to_string())])),
                None,
            ),
        };
        if let Some(field) = self.form.field_mut("credit_code") {
            field.hint = hint;
            field.error = error;
        }
    }

    /// While the ID number is typed: count the digits; when complete, check it and fill
    /// birth date and sex, or say what is wrong.
    fn check_id_as_typed(&mut self) {
        let text = self.form.value("id_number");
        let text = text.trim();
        if text == self.checked_id {
            return;
        }
        self.checked_id = text.to_string();
        let len = text.chars().count();
        let (hint, error, filled) = match len {
            0 => (None, None, None),
            // Fifteen characters are an old card only if they read as one; otherwise the
            // user is still typing an 18-digit number and gets no error yet.
            15 if parse_id_card(text, self.today).is_err() => {
                (Some(tf("hint.id_count", &[("n", "15")])), None, None)
            }
            15 | 18 => match parse_id_card(text, self.today) {
                Ok(card) => {
                    let sex = if card.male { Sex::Male } else { Sex::Female };
                    let hint = tf(
                        "hint.id_ok",
                        &[
                            ("date", &card.birth_date.to_string()),
                            ("sex", &label("sex", sex.code())),
                        ],
                    );
                    (Some(hint), None, Some((card.birth_date, sex)))
                }
                Err(e) => (None, Some(e.to_string()), None),
            },
            n if n > 18 => (
                None,
                Some(tf("hint.id_too_long", &[("n", &n.to_string())])),
                None,
            ),
            n => (
                Some(tn("hint.id_count", n as u64, &[("n", &n.to_string())])),
                None,
                None,
            ),
        };
        if let Some(field) = self.form.field_mut("id_number") {
            field.hint = hint;
            field.error = error;
        }
        match filled {
            Some((birth, sex)) => {
                self.form.set_text("birth_date", &birth.to_string());
                self.form.set_choice("sex", sex.code());
                self.derived = Some((birth.to_string(), sex.code().to_string()));
            }
            // The number no longer says who it is: what it filled goes with it.
            None => {
                if let Some((birth, sex)) = self.derived.take() {
                    if self.form.value("birth_date") == birth {
                        self.form.set_text("birth_date", "");
                    }
                    if self.form.value("sex") == sex {
                        self.form.set_choice("sex", "");
                    }
                }
            }
        }
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
        let keep = |id: &str, applies: bool| {
            if applies {
                v(id).trim().to_string()
            } else {
                String::new()
            }
        };
        let party = Party {
            id: self.party_id,
            role: PartyRole::from_code(&v("role")).unwrap_or(PartyRole::Applicant),
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
mod tests {
    use super::*;
    use crate::app::key::{Key, KeyCode};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn type_into(f: &mut PartyForm, id: &str, text: &str) {
        f.form.focus_on(id);
        for c in text.chars() {
            f.form.edit(Key::char(c));
            f.refresh();
        }
    }

    #[test]
    fn the_id_number_is_counted_then_checked_and_fills_birth_and_sex() {
        let mut f = PartyForm::new(
            None,
            &Party::new(PartyRole::Applicant, PartyKind::Person),
            today(),
        );
        type_into(&mut f, "id_number", "1101051949");
        assert_eq!(
            f.form.field("id_number").unwrap().hint.as_deref(),
            Some(tf("hint.id_count", &[("n", "10")]).as_str())
        );
        type_into(&mut f, "id_number", "1231002x");
        let field = f.form.field("id_number").unwrap();
        assert_eq!(field.error, None);
        assert!(field.hint.as_deref().unwrap().contains("1949-12-31"));
        assert_eq!(f.form.value("birth_date"), "1949-12-31");
        assert_eq!(f.form.value("sex"), "female");
    }

    #[test]
    fn a_wrong_check_digit_is_said_beside_the_field_and_nothing_typed_is_lost() {
        let mut f = PartyForm::new(
            None,
            &Party::new(PartyRole::Applicant, PartyKind::Person),
            today(),
        );
        type_into(&mut f, "name", "王秀兰");
        type_into(&mut f, "id_number", "110105194912310021");
        assert!(f.form.field("id_number").unwrap().error.is_some());
        assert_eq!(f.to_party(today()), None);
        assert_eq!(f.form.focused().unwrap().id, "id_number");
        assert_eq!(f.form.value("name"), "王秀兰");
        f.form.edit(Key::plain(KeyCode::Backspace));
        f.form.edit(Key::char('X'));
        f.refresh();
        let party = f.to_party(today()).unwrap();
        assert_eq!(
            (party.name.as_str(), party.sex),
            ("王秀兰", Some(Sex::Female))
        );
    }

    #[test]
    fn an_organisation_hides_person_fields_and_keeps_none_of_them() {
        let mut p = Party::new(PartyRole::Respondent, PartyKind::Person);
        p.name = "某物业公司".into();
        p.ethnicity = "汉族".into();
        let mut f = PartyForm::new(Some(0), &p, today());
        f.form.focus_on("kind");
        f.form.cycle(true);
        f.refresh();
        assert!(f.form.field("id_number").unwrap().hidden);
        assert!(!f.form.field("credit_code").unwrap().hidden);
        let party = f.to_party(today()).unwrap();
        assert_eq!(party.kind, PartyKind::Organisation);
        assert_eq!(party.ethnicity, "");
    }

    #[test]
    fn fifteen_digits_of_a_longer_number_are_not_called_wrong_yet() {
        let mut f = PartyForm::new(
            None,
            &Party::new(PartyRole::Applicant, PartyKind::Person),
            today(),
        );
        type_into(&mut f, "id_number", "150802196503150");
        let field = f.form.field("id_number").unwrap();
        assert_eq!(field.error, None);
        assert_eq!(
            field.hint.as_deref(),
            Some(tf("hint.id_count", &[("n", "15")]).as_str())
        );
        type_into(&mut f, "id_number", "024");
        assert_eq!(f.form.value("birth_date"), "1965-03-15");
    }

    #[test]
    fn an_old_fifteen_digit_card_is_read_as_one() {
        let mut f = PartyForm::new(
            None,
            &Party::new(PartyRole::Applicant, PartyKind::Person),
            today(),
        );
        type_into(&mut f, "id_number", "110105491231002");
        assert_eq!(f.form.value("birth_date"), "1949-12-31");
        assert_eq!(f.form.value("sex"), "female");
    }

    #[test]
    fn a_birth_date_after_today_is_said_as_typed_and_fills_nothing() {
        let mut f = PartyForm::new(
            None,
            &Party::new(PartyRole::Applicant, PartyKind::Person),
            today(),
        );
        type_into(&mut f, "id_number", "150802203001011238");
        let field = f.form.field("id_number").unwrap();
        assert!(field.hint.is_none(), "{:?}", field.hint);
        assert!(field.error.as_deref().unwrap().contains("2030-01-01"));
        assert_eq!(f.form.value("birth_date"), "");
        type_into(&mut f, "name", "王秀兰");
        assert_eq!(f.to_party(today()), None);
    }

    fn organisation() -> PartyForm {
        let mut f = PartyForm::new(
            None,
            &Party::new(PartyRole::Respondent, PartyKind::Organisation),
            today(),
        );
        type_into(&mut f, "name", "恒泰供热有限公司");
        f
    }

    #[test]
    fn the_credit_code_is_counted_then_checked_as_typed() {
        let mut f = organisation();
        type_into(&mut f, "credit_code", "91350100");
        let field = f.form.field("credit_code").unwrap();
        assert_eq!(field.error, None);
        assert_eq!(
            field.hint.as_deref(),
            Some(tf("hint.credit_count", &[("n", "8")]).as_str())
        );
        type_into(&mut f, "credit_code", "M000100Y43");
        let field = f.form.field("credit_code").unwrap();
        assert_eq!(
            (field.error.as_deref(), field.hint.as_deref()),
            (None, Some(t("hint.credit_ok").as_ref()))
        );
    }

    #[test]
    fn a_wrong_credit_code_is_said_as_typed_without_naming_the_check_character() {
        let mut f = organisation();
        // 91350100M000100Y4 has the check character 3 (see domain::credit_code).
        type_into(&mut f, "credit_code", "91350100M000100Y4R");
        let error = f.form.field("credit_code").unwrap().error.clone().unwrap();
        assert!(!error.contains('3'), "{error}");
        assert_eq!(error, crate::i18n::t("err.credit.checksum"));
        type_into(&mut f, "credit_code", "9");
        assert!(f.form.field("credit_code").unwrap().error.is_some());
    }

    #[test]
    fn birth_date_and_sex_from_an_id_number_follow_it_when_it_changes_or_is_cleared() {
        let mut f = PartyForm::new(
            None,
            &Party::new(PartyRole::Applicant, PartyKind::Person),
            today(),
        );
        type_into(&mut f, "name", "张三");
        type_into(&mut f, "id_number", "11010519491231002X");
        assert_eq!(f.form.value("birth_date"), "1949-12-31");
        // One digit removed: the number no longer says who it is, so neither do the fields.
        f.form.edit(Key::plain(KeyCode::Backspace));
        f.refresh();
        assert_eq!(f.form.value("birth_date"), "");
        assert_eq!(f.form.value("sex"), "");
        type_into(&mut f, "id_number", "X");
        assert_eq!(f.form.value("birth_date"), "1949-12-31");
        // Cleared: nothing derived from it is saved.
        f.form.set_text("id_number", "");
        f.refresh();
        let party = f
            .to_party(today())
            .unwrap_or_else(|| panic!("{:?}", f.form));
        assert_eq!((party.birth_date, party.sex), (None, None));
        // What was typed by hand stays.
        type_into(&mut f, "id_number", "11010519491231002X");
        f.form.set_text("birth_date", "1949-12-30");
        f.form.set_text("id_number", "");
        f.refresh();
        assert_eq!(f.form.value("birth_date"), "1949-12-30");
        assert_eq!(f.form.value("sex"), "");
    }
}
