//! The checks of one line on its own: its fields as the case form checks them, each
//! party, the mediators, and a history that the status rules could have produced, with
//! a number exactly when the case was accepted. Pure: no storage, "now" comes in.

use crate::cli::jsonl::{
    CaseLine, FORMAT_VERSION, FORMAT_VERSION_1, FORMAT_VERSION_2, FORMAT_VERSION_3, FieldError,
};
use crate::domain::case::CaseProblem;
use crate::domain::party::validate_party;
use crate::domain::status::{CaseStatus, TransitionInput, check_transition};
use crate::i18n::{label, tf};
use chrono::{DateTime, Datelike, FixedOffset, SecondsFormat};
use std::collections::HashSet;

/// Every problem of the line that needs nothing but the line and the time.
pub(super) fn check_line(line: &CaseLine, now: &DateTime<FixedOffset>) -> Vec<FieldError> {
    let mut out = Vec::new();
    let known = [
        FORMAT_VERSION_1,
        FORMAT_VERSION_2,
        FORMAT_VERSION_3,
        FORMAT_VERSION,
    ];
    if !known.contains(&line.format_version) {
        let found = line.format_version.to_string();
        let supported = known
            .map(|v| v.to_string())
            .join(crate::i18n::t("list.sep").as_ref());
        let args = [("found", found.as_str()), ("supported", supported.as_str())];
        let message = if line.format_version > FORMAT_VERSION {
            tf("import.err.newer_format", &args)
        } else {
            tf("import.err.format", &args)
        };
        out.push(FieldError::new("format_version", message));
        // The rest of the line may mean something else in another version.
        return out;
    }
    let fields = line.fields();
    for problem in fields.problems(now.date_naive()) {
        out.push(FieldError::new(field_of(&problem), problem.to_string()));
    }
    for (i, party) in fields.parties.iter().enumerate() {
        if let Err(problems) = validate_party(party, now.date_naive()) {
            for p in problems {
                out.push(FieldError::new(
                    format!("parties[{i}].{}", p.field),
                    p.message,
                ));
            }
        }
    }
    check_agents(line, &mut out);
    check_mediators(line, &mut out);
    check_history(line, now, &mut out);
    check_number(line, &mut out);
    check_extras(line, &mut out);
    out
}

/// A line of format 1 is read exactly as before (it had no such fields); in format 2
/// every postponement must point at another session of the same case, and the
/// agreement must pass the editor's checks.
fn check_extras(line: &CaseLine, out: &mut Vec<FieldError>) {
    if line.format_version == FORMAT_VERSION_1 {
        if line.has_extras() {
            out.push(FieldError::new(
                "format_version",
                tf("import.err.v1_extras", &[]),
            ));
        }
        return;
    }
    let count = line.sessions.len();
    for (i, s) in line.sessions.iter().enumerate() {
        if let Some(to) = s.postponed_to
            && (to == 0 || to > count || to == i + 1)
        {
            out.push(FieldError::new(
                format!("sessions[{i}].postponed_to"),
                tf("import.err.postponed_to", &[("count", &count.to_string())]),
            ));
        }
        // An invited party is kept by name even where its position is past the case's
        // parties now: a party taken off the case after the invitation stays invited.
        let problems = s.to_imported();
        let mut fields = problems.fields;
        // The mediators are named, not numbered, here: stand one in for the check.
        fields.mediators = s
            .mediators
            .iter()
            .map(|_| crate::domain::org::MediatorId(0))
            .collect();
        for p in fields.problems() {
            out.push(FieldError::new(format!("sessions[{i}]"), p.to_string()));
        }
    }
    if let Some(a) = &line.agreement {
        let count = line.parties.len();
        for (i, item) in a.items.iter().enumerate() {
            for (field, position) in [
                ("obligor_party", item.obligor_party),
                ("obligee_party", item.obligee_party),
            ] {
                // Version 2 named parties by name only: the field is new in version 3.
                if position.is_some() && line.format_version < FORMAT_VERSION_3 {
                    out.push(FieldError::new(
                        format!("agreement.items[{i}].{field}"),
                        tf("import.err.v2_item_party", &[]),
                    ));
                } else if position.is_some_and(|p| p >= count) {
                    out.push(FieldError::new(
                        format!("agreement.items[{i}].{field}"),
                        tf("import.err.invited_party", &[("count", &count.to_string())]),
                    ));
                }
            }
        }
        let agreement = a.to_agreement(line.format_version, &line.party_names());
        for p in crate::domain::agreement::validate(&agreement) {
            out.push(FieldError::new(format!("agreement.{}", p.field), p.message));
        }
    }
}

/// Whom each agent acts for: a field of version 4 only, naming another party of the
/// line that is not an agent.
fn check_agents(line: &CaseLine, out: &mut Vec<FieldError>) {
    for (i, p) in line.parties.iter().enumerate() {
        let new_fields = p.acts_for.is_some() || !p.legal_rep_title.is_empty();
        if new_fields && line.format_version < FORMAT_VERSION {
            out.push(FieldError::new(
                format!("parties[{i}]"),
                tf("import.err.v3_party_fields", &[]),
            ));
            continue;
        }
        if p.acts_for.is_some() {
            let mut parties: Vec<crate::domain::party::Party> =
                line.parties.iter().cloned().map(Into::into).collect();
            // Only this party's link is looked at here, so each wrong one is said once.
            for (j, q) in parties.iter_mut().enumerate() {
                if j != i {
                    q.acts_for = None;
                }
            }
            if let Err(message) = crate::domain::agents::check_links(&parties) {
                out.push(FieldError::new(format!("parties[{i}].acts_for"), message));
            }
        }
    }
}

/// The line's name for the form field a case problem belongs to.
fn field_of(problem: &CaseProblem) -> &'static str {
    match problem.field() {
        "amount" => "amount_fen",
        other => other,
    }
}

fn check_mediators(line: &CaseLine, out: &mut Vec<FieldError>) {
    let mut seen = HashSet::new();
    for (i, name) in line.mediators.iter().enumerate() {
        let name = name.trim();
        let path = format!("mediators[{i}]");
        if name.is_empty() {
            out.push(FieldError::new(path, tf("import.err.mediator_blank", &[])));
        } else if !seen.insert(name) {
            out.push(FieldError::new(
                path,
                tf("import.err.mediator_repeated", &[("name", name)]),
            ));
        }
    }
}

fn check_history(line: &CaseLine, now: &DateTime<FixedOffset>, out: &mut Vec<FieldError>) {
    let Some(first) = line.history.first() else {
        out.push(FieldError::new(
            "history",
            tf("import.err.history_empty", &[]),
        ));
        return;
    };
    if first.from.is_some() || first.to != CaseStatus::Registered {
        out.push(FieldError::new(
            "history[0]",
            tf("import.err.history_first", &[]),
        ));
    }
    let input = |reason: &str| TransitionInput {
        reason: reason.to_string(),
        mediator_count: line.mediators.len(),
    };
    for (i, pair) in line.history.windows(2).enumerate() {
        let (before, entry) = (&pair[0], &pair[1]);
        let path = format!("history[{}]", i + 1);
        if entry.from != Some(before.to) {
            let expected = status_name(before.to);
            out.push(FieldError::new(
                format!("{path}.from"),
                tf("import.err.history_from", &[("expected", &expected)]),
            ));
        } else if let Err(e) = check_transition(before.to, entry.to, &input(&entry.reason)) {
            out.push(FieldError::new(path, e.to_string()));
        }
    }
    for (i, entry) in line.history.iter().enumerate() {
        if entry.at > *now {
            let at = entry.at.to_rfc3339_opts(SecondsFormat::Secs, false);
            out.push(FieldError::new(
                format!("history[{i}].at"),
                tf("import.err.history_future", &[("at", &at)]),
            ));
        }
    }
    if let Some(last) = line.history.last()
        && last.to != line.status
    {
        out.push(FieldError::new(
            "status",
            tf(
                "import.err.status_mismatch",
                &[("last", &status_name(last.to))],
            ),
        ));
    }
}

fn check_number(line: &CaseLine, out: &mut Vec<FieldError>) {
    let accepted = line.history.iter().find(|h| h.to == CaseStatus::Accepted);
    match (&line.number, accepted) {
        (None, Some(_)) => out.push(FieldError::new(
            "number",
            tf("import.err.number_missing", &[]),
        )),
        (Some(_), None) => out.push(FieldError::new(
            "number",
            tf("import.err.number_unexpected", &[]),
        )),
        (None, None) => {}
        (Some(number), Some(acceptance)) => {
            let year = acceptance.at.year();
            if number.year != year {
                out.push(FieldError::new(
                    "number.year",
                    tf("import.err.number_year", &[("year", &year.to_string())]),
                ));
            }
            if number.seq == 0 {
                out.push(FieldError::new(
                    "number.seq",
                    tf("import.err.number_seq", &[]),
                ));
            }
            if number.text.trim().is_empty() {
                out.push(FieldError::new(
                    "number.text",
                    tf("import.err.number_text", &[]),
                ));
            }
        }
    }
}

fn status_name(status: CaseStatus) -> String {
    label("status", status.code()).into_owned()
}
