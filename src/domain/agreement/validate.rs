//! The checks on an agreement, each with a plain-Chinese message naming the field and what
//! to do. A draft may be incomplete; a signed agreement must be printable and in force.

use super::{Agreement, ConfirmationState};
use crate::domain::party::FieldProblem;
use crate::i18n::tf;

/// Every problem of `agreement` as it stands (its status decides how complete it must be).
pub fn validate(agreement: &Agreement) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    let mut push = |field: &'static str, key: &str, args: &[(&str, &str)]| {
        out.push(FieldProblem {
            field,
            message: tf(key, args),
        });
    };
    if agreement.status.is_signed() {
        if agreement.number.trim().is_empty() {
            push("number", "err.agreement.number_required", &[]);
        }
        if agreement.date.is_none() {
            push("date", "err.agreement.date_required", &[]);
        }
        if agreement.clauses.iter().all(|c| c.trim().is_empty()) {
            push("clauses", "err.agreement.clause_required", &[]);
        }
        if agreement.mediators.iter().all(|m| m.trim().is_empty()) {
            push("mediators", "err.agreement.mediator_required", &[]);
        }
    }
    for (i, item) in agreement.items.iter().enumerate() {
        let n = (i + 1).to_string();
        if item.what.trim().is_empty() {
            push("items", "err.agreement.item_what", &[("n", &n)]);
        }
        if item.obligor.trim().is_empty() {
            push("items", "err.agreement.item_obligor", &[("n", &n)]);
        } else if item.same_party() {
            push("items", "err.agreement.item_same_party", &[("n", &n)]);
        }
        if item.amount_fen.is_some_and(|a| a < 0) {
            push("items", "err.agreement.item_negative", &[("n", &n)]);
        }
        if let (Some(due), Some(date)) = (item.due, agreement.date)
            && due < date
        {
            let args = [
                ("n", n.as_str()),
                ("due", &due.to_string()),
                ("date", &date.to_string()),
            ];
            push("items", "err.agreement.item_due_early", &args);
        }
        if let (Some(done), Some(date)) = (item.done_on, agreement.date)
            && done < date
        {
            let args = [
                ("n", n.as_str()),
                ("done", &done.to_string()),
                ("date", &date.to_string()),
            ];
            push("items", "err.agreement.item_done_early", &args);
        }
    }
    let c = &agreement.confirmation;
    if c.state != ConfirmationState::NotApplied {
        if !agreement.status.is_signed() {
            push("confirmation", "err.agreement.confirm_unsigned", &[]);
        }
        if c.court.trim().is_empty() {
            push("confirmation", "err.agreement.confirm_court", &[]);
        }
        match (c.date, agreement.date) {
            (None, _) => push("confirmation", "err.agreement.confirm_date", &[]),
            (Some(cd), Some(date)) if cd < date => {
                let args = [("cdate", cd.to_string()), ("date", date.to_string())];
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                push("confirmation", "err.agreement.confirm_early", &args);
            }
            _ => {}
        }
    }
    out
}

/// What the editor refuses on top of [`validate`], for agreements written from now on
/// (an import or a stored agreement is not held to it: it still prints, with a
/// warning). `new` is an agreement never saved; `parties` are the case's.
///
/// - A new agreement needs two parties (agents not counted): it settles a dispute
///   between them (人民调解法 Art 28–29), and the case says who they are.
/// - A payment needs a payee: a clause "支付人民币…元" naming nobody to receive it has
///   no definite content, which is what a 司法所 reviewer and a court asked to confirm
///   it (民事诉讼法 Art 205–206) look for — who pays whom, how much, by when. Printing it
///   "correctly" is impossible without knowing the payee, so the editor asks for one.
pub fn editor_problems(
    agreement: &Agreement,
    parties: &[crate::domain::party::Party],
    new: bool,
) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    let count = parties
        .iter()
        .filter(|p| p.role != crate::domain::party::PartyRole::Agent)
        .count();
    if new && count < 2 {
        out.push(FieldProblem {
            field: "status",
            message: tf("err.agreement.one_party", &[("n", &count.to_string())]),
        });
    }
    for (i, item) in agreement.items.iter().enumerate() {
        if item.amount_fen.is_some_and(|a| a > 0) && item.obligee.trim().is_empty() {
            out.push(FieldProblem {
                field: "items",
                message: tf("err.agreement.item_payee", &[("n", &(i + 1).to_string())]),
            });
        }
    }
    out
}
