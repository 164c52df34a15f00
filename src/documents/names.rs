//! Pieces several forms share: the names of the parties in a role, the dispute named as
//! "王秀兰与李建国邻里纠纷", and the day the case reached a result.

use super::template::Template;
use crate::domain::case::Case;
use crate::domain::party::PartyRole;
use crate::domain::status::{CaseStatus, StatusChange};

/// The names of the parties in one role, joined with 、; the template's `no_party` (当事人)
/// when there are none.
pub fn role_names(case: &Case, role: PartyRole, t: &Template) -> String {
    let names: Vec<&str> = case
        .fields
        .parties
        .iter()
        .filter(|p| p.role == role)
        .map(|p| p.name.trim())
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        t.text("no_party")
    } else {
        names.join("、")
    }
}

/// Every party's name except agents, in role order, joined with 、.
pub fn all_names(case: &Case) -> String {
    let mut parties: Vec<_> = case
        .fields
        .parties
        .iter()
        .filter(|p| p.role != PartyRole::Agent && !p.name.trim().is_empty())
        .collect();
    parties.sort_by_key(|p| p.role);
    parties
        .iter()
        .map(|p| p.name.trim())
        .collect::<Vec<_>>()
        .join("、")
}

/// The dispute as forms name it (the `dispute` template entry: 王秀兰与李建国邻里纠纷).
pub fn dispute(case: &Case, t: &Template) -> String {
    t.fill(
        "dispute",
        &[
            ("applicants", &role_names(case, PartyRole::Applicant, t)),
            ("respondents", &role_names(case, PartyRole::Respondent, t)),
            ("category", case.fields.category.display_label()),
        ],
    )
}

/// The last change to a result (调解成功 or 调解终止), if the case has one.
pub fn outcome(case: &Case) -> Option<&StatusChange> {
    case.history
        .iter()
        .rev()
        .find(|c| matches!(c.to, CaseStatus::Succeeded | CaseStatus::Terminated))
}

/// The last change into `status`, if any.
pub fn last_change(case: &Case, status: CaseStatus) -> Option<&StatusChange> {
    case.history.iter().rev().find(|c| c.to == status)
}
