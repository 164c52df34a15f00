//! The party form's checks as the ID number and the credit code are typed: counted while
//! incomplete, checked when complete (never naming the right check character), and
//! birth date and sex filled from the ID number and following it when it changes.

use super::PartyForm;
use crate::domain::credit_code::parse_credit_code;
use crate::domain::id_card::parse_id_card;
use crate::domain::party::Sex;
use crate::i18n::{label, t, tf, tn};

impl PartyForm {
    /// While the credit code is typed: count the characters; when complete, check it, as
    /// the ID number is checked (and, like it, never name the right check character).
    pub(super) fn check_code_as_typed(&mut self) {
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
    pub(super) fn check_id_as_typed(&mut self) {
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
}
