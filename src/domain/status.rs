//! The life of a case: 登记 → 受理 | 不予受理 → 调解中 → 调解成功 | 调解终止 → 已归档,
//! and the rule that says which change is allowed and, if not, why.

use super::labelled::labelled_enum;
use crate::i18n::{label, t, tf};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// Where a case stands.
    pub enum CaseStatus {
        Registered => ("registered", "登记"),
        Accepted => ("accepted", "受理"),
        Rejected => ("rejected", "不予受理"),
        Mediating => ("mediating", "调解中"),
        Succeeded => ("succeeded", "调解成功"),
        Terminated => ("terminated", "调解终止"),
        Archived => ("archived", "已归档"),
    }
}

impl CaseStatus {
    /// The statuses this one may move to, in the order a menu offers them.
    pub fn next(self) -> &'static [CaseStatus] {
        use CaseStatus::*;
        match self {
            Registered => &[Accepted, Rejected],
            // A party may refuse mediation before the first session (人民调解法 Art 17).
            Accepted => &[Mediating, Terminated],
            Mediating => &[Succeeded, Terminated],
            Succeeded | Terminated | Rejected => &[Archived],
            Archived => &[],
        }
    }

    /// True once the case needs no more work (its outcome is known).
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            CaseStatus::Rejected
                | CaseStatus::Succeeded
                | CaseStatus::Terminated
                | CaseStatus::Archived
        )
    }

    /// Changes to this status must say why (不予受理, 调解终止).
    pub fn needs_reason(self) -> bool {
        matches!(self, CaseStatus::Rejected | CaseStatus::Terminated)
    }
}

/// What a status change brings with it, checked by [`check_transition`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TransitionInput {
    /// The reason typed by the user (required for 不予受理 and 调解终止).
    pub reason: String,
    /// How many mediators the case will have after the change.
    pub mediator_count: usize,
}

/// Why a status change was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransitionError {
    /// The case is already in that status.
    Unchanged(CaseStatus),
    /// Archived cases are final.
    Final,
    /// The target cannot follow the current status.
    NotAllowed { from: CaseStatus, to: CaseStatus },
    /// 不予受理 and 调解终止 need a reason.
    ReasonRequired(CaseStatus),
    /// A case is accepted by naming at least one mediator.
    MediatorRequired,
}

impl std::error::Error for TransitionError {}

impl std::fmt::Display for TransitionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = |s: CaseStatus| label("status", s.code());
        let text = match self {
            TransitionError::Unchanged(s) => tf("err.status.unchanged", &[("status", &name(*s))]),
            TransitionError::Final => tf("err.status.final", &[]),
            TransitionError::NotAllowed { from, to } => {
                let allowed: Vec<_> = from.next().iter().map(|s| name(*s)).collect();
                tf(
                    "err.status.not_allowed",
                    &[
                        ("from", &name(*from)),
                        ("to", &name(*to)),
                        ("allowed", &allowed.join(t("list.sep").as_ref())),
                    ],
                )
            }
            TransitionError::ReasonRequired(s) => {
                tf("err.status.reason_required", &[("status", &name(*s))])
            }
            TransitionError::MediatorRequired => tf("err.status.mediator_required", &[]),
        };
        f.write_str(&text)
    }
}

/// Checks one status change; `Ok` means storage may record it.
pub fn check_transition(
    from: CaseStatus,
    to: CaseStatus,
    input: &TransitionInput,
) -> Result<(), TransitionError> {
    if from == to {
        return Err(TransitionError::Unchanged(from));
    }
    if from == CaseStatus::Archived {
        return Err(TransitionError::Final);
    }
    if !from.next().contains(&to) {
        return Err(TransitionError::NotAllowed { from, to });
    }
    if to.needs_reason() && input.reason.trim().is_empty() {
        return Err(TransitionError::ReasonRequired(to));
    }
    if to == CaseStatus::Accepted && input.mediator_count == 0 {
        return Err(TransitionError::MediatorRequired);
    }
    Ok(())
}

/// One recorded change of status: when, by whom, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// The status before (None for the registration itself).
    pub from: Option<CaseStatus>,
    /// The status after.
    pub to: CaseStatus,
    /// When, with the zone it happened in.
    pub at: DateTime<FixedOffset>,
    /// Who did it (the operator's user name).
    pub operator: String,
    /// The reason given, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::CaseStatus::*;
    use super::*;

    fn ok_input() -> TransitionInput {
        TransitionInput {
            reason: "当事人拒绝调解".into(),
            mediator_count: 1,
        }
    }

    #[test]
    fn every_pair_of_statuses_follows_the_flow() {
        let allowed = [
            (Registered, Accepted),
            (Registered, Rejected),
            (Accepted, Mediating),
            (Accepted, Terminated),
            (Mediating, Succeeded),
            (Mediating, Terminated),
            (Succeeded, Archived),
            (Terminated, Archived),
            (Rejected, Archived),
        ];
        for &from in CaseStatus::ALL {
            for &to in CaseStatus::ALL {
                let result = check_transition(from, to, &ok_input());
                assert_eq!(
                    result.is_ok(),
                    allowed.contains(&(from, to)),
                    "{from:?} → {to:?}: {result:?}"
                );
            }
        }
    }

    #[test]
    fn skipping_a_step_says_what_is_allowed() {
        let err = check_transition(Registered, Succeeded, &ok_input()).unwrap_err();
        assert_eq!(
            err,
            TransitionError::NotAllowed {
                from: Registered,
                to: Succeeded
            }
        );
        assert_eq!(
            err.to_string(),
            "「登记」之后不能直接改为「调解成功」，只能改为：受理、不予受理"
        );
    }

    #[test]
    fn rejection_and_termination_need_a_reason() {
        let blank = TransitionInput {
            reason: "  ".into(),
            mediator_count: 1,
        };
        assert_eq!(
            check_transition(Registered, Rejected, &blank),
            Err(TransitionError::ReasonRequired(Rejected))
        );
        assert_eq!(
            check_transition(Mediating, Terminated, &blank),
            Err(TransitionError::ReasonRequired(Terminated))
        );
        assert!(check_transition(Mediating, Succeeded, &blank).is_ok());
    }

    #[test]
    fn acceptance_needs_a_mediator() {
        let none = TransitionInput {
            reason: String::new(),
            mediator_count: 0,
        };
        assert_eq!(
            check_transition(Registered, Accepted, &none),
            Err(TransitionError::MediatorRequired)
        );
    }

    #[test]
    fn archived_is_final_and_unchanged_is_refused() {
        assert_eq!(
            check_transition(Archived, Registered, &ok_input()),
            Err(TransitionError::Final)
        );
        assert_eq!(
            check_transition(Mediating, Mediating, &ok_input()),
            Err(TransitionError::Unchanged(Mediating))
        );
        assert!(Archived.next().is_empty());
    }
}
