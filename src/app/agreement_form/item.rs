//! The small form of one performance item: what, who to whom (chosen from the case's
//! parties), the amount as typed (3000, 3,000.00, ¥3000), the due date as the schedule
//! reads dates (明天, 12-31, 2026-12-31), the place, and the day it was done.

use crate::app::form::{Choice, Field, Form};
use crate::domain::agreement::PerformanceItem;
use crate::domain::dates::parse_date_input;
use crate::domain::money::{format_yuan, parse_yuan};
use crate::i18n::{t, tf};
use chrono::NaiveDate;

/// The form for `item`, offering `parties` as obligor and obligee.
pub fn item_form(item: &PerformanceItem, parties: &[String]) -> Form {
    let choices = |with_none: bool, current: &str| {
        let mut list: Vec<Choice> = Vec::new();
        if with_none {
            list.push(Choice {
                code: String::new(),
                label: t("agreement.none").into_owned(),
            });
        }
        list.extend(parties.iter().map(|p| Choice {
            code: p.clone(),
            label: p.clone(),
        }));
        // A name no longer among the parties stays choosable, so opening never changes it.
        if !current.is_empty() && !parties.iter().any(|p| p == current) {
            list.push(Choice {
                code: current.to_string(),
                label: current.to_string(),
            });
        }
        list
    };
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let obligee_default = if item.obligee.is_empty() && item.what.is_empty() {
        parties.first().cloned().unwrap_or_default()
    } else {
        item.obligee.clone()
    };
    let obligor_default = if item.obligor.is_empty() {
        parties
            .get(1)
            .or(parties.first())
            .cloned()
            .unwrap_or_default()
    } else {
        item.obligor.clone()
    };
    Form::new(vec![
        Field::text("what", "field.item_what", &item.what).required(),
        Field::choice(
            "obligor",
            "field.item_obligor",
            choices(false, &item.obligor),
            &obligor_default,
        ),
        Field::choice(
            "obligee",
            "field.item_obligee",
            choices(true, &item.obligee),
            &obligee_default,
        ),
        Field::text(
            "amount",
            "field.item_amount",
            &item.amount_fen.map(format_yuan).unwrap_or_default(),
        ),
        Field::text("due", "field.item_due", &date(item.due)),
        Field::text("place", "field.item_place", &item.place),
        Field::text("done_on", "field.item_done", &date(item.done_on)),
    ])
}

/// The item typed into `form`, or the form with a message beside each wrong field.
pub fn to_item(form: &mut Form, today: NaiveDate) -> Option<PerformanceItem> {
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
    let (obligor, obligee) = (form.value("obligor"), form.value("obligee"));
    if !obligor.is_empty() && obligor == obligee {
        errors.push(("obligee", t("err.item_same_party").into_owned()));
    }
    if errors.is_empty() {
        return Some(PerformanceItem {
            what,
            obligor,
            obligee,
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
