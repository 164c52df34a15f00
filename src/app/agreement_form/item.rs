//! The small form of one performance item: what, who to whom (chosen from the case's
//! parties), the amount as typed (3000, 3,000.00, ¥3000), the due date as the schedule
//! reads dates (明天, 12-31, 2026-12-31), the place, and the day it was done.

use crate::app::form::{Choice, Field, Form};
use crate::domain::agreement::PerformanceItem;
use crate::domain::dates::parse_date_input;
use crate::domain::money::{format_yuan, parse_yuan};
use crate::domain::party::{Party, PartyId, PartyRole};
use crate::i18n::{t, tf};
use chrono::NaiveDate;

/// The choice code of a party of the case: its id, so two parties of one name are two
/// choices. Anything else a choice holds is a name (someone who is not a party).
fn party_code(id: PartyId) -> String {
    format!("#{}", id.0)
}

/// The party a choice code names, among `parties`.
fn party_of<'a>(code: &str, parties: &'a [Party]) -> Option<&'a Party> {
    let id = PartyId(code.strip_prefix('#')?.parse().ok()?);
    parties.iter().find(|p| p.id == Some(id))
}

/// The form for `item`, offering `parties` (the case's, in their official order) as
/// obligor and obligee.
pub fn item_form(item: &PerformanceItem, parties: &[Party]) -> Form {
    // A party is shown by name; with its role where another party has the same name.
    let label = |p: &Party| {
        if parties.iter().filter(|q| q.name == p.name).count() > 1 {
            format!(
                "{}（{}）",
                p.name,
                crate::i18n::label("role", p.role.code())
            )
        } else {
            p.name.clone()
        }
    };
    let listed: Vec<(String, String)> = parties
        .iter()
        .map(|p| match p.id {
            Some(id) => (party_code(id), label(p)),
            // A party of a case not saved yet has no id: its name stands for it.
            None => (p.name.clone(), p.name.clone()),
        })
        .collect();
    let code_of = |party: Option<PartyId>, name: &str| match party {
        Some(id) if parties.iter().any(|p| p.id == Some(id)) => party_code(id),
        _ => name.to_string(),
    };
    let choices = |with_none: bool, current: &str| {
        let mut list: Vec<Choice> = Vec::new();
        if with_none {
            list.push(Choice {
                code: String::new(),
                label: t("agreement.none").into_owned(),
            });
        }
        list.extend(listed.iter().map(|(code, label)| Choice {
            code: code.clone(),
            label: label.clone(),
        }));
        // A name no longer among the parties (or someone who is not a party, an insurer)
        // stays choosable, so opening never changes it.
        if !current.is_empty() && !listed.iter().any(|(code, _)| code == current) {
            list.push(Choice {
                code: current.to_string(),
                label: current.to_string(),
            });
        }
        list
    };
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let obligor = code_of(item.obligor_party, &item.obligor);
    let obligee = code_of(item.obligee_party, &item.obligee);
    let obligee_default = if obligee.is_empty() && item.what.is_empty() {
        listed
            .first()
            .map(|(code, _)| code.clone())
            .unwrap_or_default()
    } else {
        obligee.clone()
    };
    // Who owes is most often the respondent: the first 被申请人, else the second party.
    let respondent = parties.iter().position(|p| p.role == PartyRole::Respondent);
    let obligor_default = if obligor.is_empty() {
        respondent
            .and_then(|i| listed.get(i))
            .or(listed.get(1))
            .or(listed.first())
            .map(|(code, _)| code.clone())
            .unwrap_or_default()
    } else {
        obligor.clone()
    };
    Form::new(vec![
        Field::text("what", "field.item_what", &item.what).required(),
        Field::choice(
            "obligor",
            "field.item_obligor",
            choices(false, &obligor),
            &obligor_default,
        ),
        Field::choice(
            "obligee",
            "field.item_obligee",
            choices(true, &obligee),
            &obligee_default,
        ),
        Field::text(
            "amount",
            "field.item_amount",
            &item.amount_fen.map(format_yuan).unwrap_or_default(),
        )
        .whole(),
        Field::text("due", "field.item_due", &date(item.due)).whole(),
        Field::text("place", "field.item_place", &item.place),
        Field::text("done_on", "field.item_done", &date(item.done_on)).whole(),
    ])
}

/// The item typed into `form` (its parties among `parties`), or the form with a message
/// beside each wrong field.
pub fn to_item(form: &mut Form, today: NaiveDate, parties: &[Party]) -> Option<PerformanceItem> {
    form.clear_errors();
    let mut errors: Vec<(&str, String)> = Vec::new();
    let what = form.value("what").trim().to_string();
    if what.is_empty() {
        errors.push(("what", t("err.item_what").into_owned()));
    }
    let amount_fen = match form.value("amount").trim() {
        "" => None,
        text => parse_yuan(text)
            .map_err(|e| errors.push(("amount", e.to_string())))
            .ok(),
    };
    let mut date_of = |id: &'static str| {
        let text = form.value(id);
        match text.trim() {
            "" => None,
            typed => parse_date_input(typed, today).or_else(|| {
                errors.push((id, tf("err.date", &[("value", typed)])));
                None
            }),
        }
    };
    let due = date_of("due");
    let done_on = date_of("done_on");
    let (obligor_code, obligee_code) = (form.value("obligor"), form.value("obligee"));
    if !obligor_code.is_empty() && obligor_code == obligee_code {
        errors.push(("obligee", t("err.item_same_party").into_owned()));
    }
    // A party by its id and its name now; anything else is a name.
    let who = |code: &str| match party_of(code, parties) {
        Some(p) => (p.name.clone(), p.id),
        None => (code.to_string(), None),
    };
    let ((obligor, obligor_party), (obligee, obligee_party)) =
        (who(&obligor_code), who(&obligee_code));
    if errors.is_empty() {
        return Some(PerformanceItem {
            what,
            obligor,
            obligor_party,
            obligee,
            obligee_party,
            amount_fen,
            due,
            place: form.value("place").trim().to_string(),
            done_on,
        });
    }
    for (id, message) in errors {
        if form.field(id).is_some_and(|f| f.error.is_none()) {
            form.set_error(id, Some(message));
        }
    }
    form.focus_first_error();
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::party::PartyKind;

    fn party(id: i64, name: &str, role: PartyRole) -> Party {
        let mut p = Party::new(role, PartyKind::Person);
        p.id = Some(PartyId(id));
        p.name = name.into();
        p
    }

    #[test]
    fn a_new_item_is_owed_by_the_first_respondent_to_the_first_applicant() {
        let parties = [
            party(1, "王秀兰", PartyRole::Applicant),
            party(2, "李明", PartyRole::Applicant),
            party(3, "恒泰物业", PartyRole::Respondent),
            party(4, "赵四", PartyRole::Respondent),
        ];
        let form = item_form(&PerformanceItem::default(), &parties);
        assert_eq!(
            form.value("obligor"),
            "#3",
            "the second applicant was chosen"
        );
        assert_eq!(form.value("obligee"), "#1");
    }
}
