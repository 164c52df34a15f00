//! The life of an agreement: 草拟 → 已签署(生效) → 履行中 → 已履行 | 未履行, and the rule
//! that says which change is allowed and, if not, why.

use super::Agreement;
use crate::domain::labelled::labelled_enum;
use crate::domain::party::FieldProblem;
use crate::i18n::{label, t, tf};

labelled_enum! {
    /// Where an agreement stands.
    pub enum AgreementStatus {
        Draft => ("draft", "草拟"),
        Signed => ("signed", "已签署"),
        Performing => ("performing", "履行中"),
        Performed => ("performed", "已履行"),
        Unperformed => ("unperformed", "未履行"),
    }
}

impl AgreementStatus {
    /// The statuses this one may move to, in the order a menu offers them.
    pub fn next(self) -> &'static [AgreementStatus] {
        use AgreementStatus::*;
        match self {
            Draft => &[Signed],
            Signed => &[Performing, Performed, Unperformed],
            Performing => &[Performed, Unperformed],
            // A party may still perform late; the follow-up visit records it.
            Unperformed => &[Performing, Performed],
            Performed => &[],
        }
    }

    /// Signed and in force: its text may no longer change without going back to paper.
    pub fn is_signed(self) -> bool {
        self != AgreementStatus::Draft
    }
}

/// Why a status change was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransitionError {
    /// Already in that status.
    Unchanged(AgreementStatus),
    /// The target cannot follow the current status.
    NotAllowed {
        /// From.
        from: AgreementStatus,
        /// To.
        to: AgreementStatus,
    },
    /// The agreement is not complete enough for the target (signing needs clauses, a date …).
    Incomplete(Vec<FieldProblem>),
    /// 已履行 while some item is still owed.
    ItemsOpen(usize),
}

impl std::error::Error for TransitionError {}

impl std::fmt::Display for TransitionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = |s: AgreementStatus| label("agreement_status", s.code());
        let text = match self {
            TransitionError::Unchanged(s) => {
                tf("err.agreement.unchanged", &[("status", &name(*s))])
            }
            TransitionError::NotAllowed { from, to } => {
                let allowed: Vec<_> = from.next().iter().map(|s| name(*s)).collect();
                let allowed = if allowed.is_empty() {
                    t("agreement.none").to_string()
                } else {
                    allowed.join(t("list.sep").as_ref())
                };
                tf(
                    "err.agreement.not_allowed",
                    &[
                        ("from", &name(*from)),
                        ("to", &name(*to)),
                        ("allowed", &allowed),
                    ],
                )
            }
            TransitionError::Incomplete(problems) => problems
                .iter()
                .map(|p| p.message.as_str())
                .collect::<Vec<_>>()
                .join(t("list.sep").as_ref()),
            TransitionError::ItemsOpen(n) => {
                tf("err.agreement.items_open", &[("count", &n.to_string())])
            }
        };
        f.write_str(&text)
    }
}

/// Checks moving `agreement` to `to`; `Ok` means storage may record it. Leaving 草拟 needs
/// an agreement that passes [`super::validate`] as signed; 已履行 needs every item done.
pub fn check_transition(agreement: &Agreement, to: AgreementStatus) -> Result<(), TransitionError> {
    let from = agreement.status;
    if from == to {
        return Err(TransitionError::Unchanged(from));
    }
    if !from.next().contains(&to) {
        return Err(TransitionError::NotAllowed { from, to });
    }
    let mut target = agreement.clone();
    target.status = to;
    let problems = super::validate(&target);
    if !problems.is_empty() {
        return Err(TransitionError::Incomplete(problems));
    }
    if to == AgreementStatus::Performed {
        let open = agreement
            .items
            .iter()
            .filter(|i| i.done_on.is_none())
            .count();
        if open > 0 {
            return Err(TransitionError::ItemsOpen(open));
        }
    }
    Ok(())
}
