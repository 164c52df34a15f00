//! The small form asking for a first and a last day, shared by the statistics tab (F7)
//! and the schedule's agenda (F9): the two fields, and reading them back as days typed
//! like the schedule's dates (2026-12-03, 12-03, 12月3日, 明天, 下周一 …). What a range
//! may be (in order, how long) is the caller's rule; this module only reads days.

use crate::app::form::{Field, Form};
use crate::domain::dates::parse_date_input;
use chrono::NaiveDate;

/// The form, filled with `days` (the range shown) when given; focus on the first day.
pub fn form(labels: (&'static str, &'static str), days: Option<(NaiveDate, NaiveDate)>) -> Form {
    let text = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    Form::new(vec![
        Field::text("from", labels.0, &text(days.map(|d| d.0)))
            .whole()
            .required(),
        Field::text("to", labels.1, &text(days.map(|d| d.1)))
            .whole()
            .required(),
    ])
}

/// Both days as typed, in the form's order (not sorted). A field that is not a day gets
/// the catalogue message `bad` (with `{value}`) beside it and the focus; then `None`.
pub fn read(form: &mut Form, today: NaiveDate, bad: &str) -> Option<(NaiveDate, NaiveDate)> {
    form.clear_errors();
    let mut days = Vec::new();
    for id in ["from", "to"] {
        let text = form.value(id);
        match parse_date_input(&text, today) {
            Some(day) => days.push(day),
            None => {
                let message = crate::i18n::tf(bad, &[("value", text.trim())]);
                form.set_error(id, Some(message));
            }
        }
    }
    match days.as_slice() {
        [from, to] => Some((*from, *to)),
        _ => {
            form.focus_first_error();
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn reads_both_days_or_marks_each_bad_one() {
        let today = d("2026-11-28");
        let mut f = form(("stats.range.from", "stats.range.to"), None);
        f.set_text("from", "12月3日");
        f.set_text("to", "下周一");
        assert_eq!(
            read(&mut f, today, "stats.range.bad"),
            Some((d("2026-12-03"), d("2026-11-30")))
        );
        f.set_text("from", "xyz");
        f.set_text("to", "2026-02-30");
        assert_eq!(read(&mut f, today, "stats.range.bad"), None);
        assert!(f.field("from").unwrap().error.is_some());
        assert!(f.field("to").unwrap().error.is_some());
        assert_eq!(f.focused().map(|x| x.id), Some("from"));
        f.set_text("from", "明天");
        f.set_text("to", "明天");
        assert!(read(&mut f, today, "stats.range.bad").is_some());
        assert!(f.field("to").unwrap().error.is_none(), "errors are cleared");
    }
}
