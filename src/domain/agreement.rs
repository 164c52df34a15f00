//! The 人民调解协议书 (or the 口头协议登记 of an oral agreement): its number, facts, numbered
//! clauses, the performance items the 今日 screen watches, its status and judicial
//! confirmation, and the rules derived from them (copies, the 30-day confirmation window).
//! Pure: must not import rusqlite, ratatui or crossterm.

mod flow;
mod list;
mod validate;

#[cfg(test)]
mod tests;

pub use flow::{AgreementStatus, TransitionError, check_transition};
pub use list::{delete_at, insert_at, move_down, move_up};
pub use validate::{editor_problems, validate};

use super::case::{Case, CaseId};
use super::labelled::labelled_enum;
use super::party::PartyId;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Days after the effective date within which parties may jointly apply for judicial
/// confirmation (人民调解法 Art 33; 民事诉讼法 Art 205).
pub const CONFIRMATION_WINDOW_DAYS: u64 = 30;

labelled_enum! {
    /// A written agreement (协议书) or an oral one recorded by the mediator (人民调解法 Art 28, 30).
    pub enum AgreementKind {
        Written => ("written", "书面协议"),
        Oral => ("oral", "口头协议"),
    }
}

labelled_enum! {
    /// Where an application for judicial confirmation (司法确认) stands.
    pub enum ConfirmationState {
        NotApplied => ("none", "未申请"),
        Applied => ("applied", "已申请"),
        Confirmed => ("confirmed", "已确认"),
        Refused => ("refused", "不予确认"),
    }
}

/// The judicial confirmation of an agreement: its state, the court and the date of the
/// last step (application, ruling).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    /// Where it stands.
    pub state: ConfirmationState,
    /// The court applied to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub court: String,
    /// When it was applied for, or ruled on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

impl Default for Confirmation {
    fn default() -> Self {
        Self {
            state: ConfirmationState::NotApplied,
            court: String::new(),
            date: None,
        }
    }
}

/// One thing a party must do under the agreement (履行方式、时限): pay, repair, move out …
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PerformanceItem {
    /// What is to be done, in the words the agreement prints.
    pub what: String,
    /// The party who must do it: its name (as the case has it now, for a party of the
    /// case), or the name of someone who is not a party (an insurer paying for one).
    pub obligor: String,
    /// Which of the case's parties `obligor` is (`None`: not a party of the case). Two
    /// parties of one name (同名同姓) are told apart by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obligor_party: Option<PartyId>,
    /// The party it is done for (its name; may be empty for a duty towards all).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub obligee: String,
    /// Which of the case's parties `obligee` is (`None`: not a party, or nobody named).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obligee_party: Option<PartyId>,
    /// The amount in fen, when it is a payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_fen: Option<i64>,
    /// By when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Where (履行地点), if the agreement says.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// The day it was done; `None` while it is still owed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<NaiveDate>,
}

impl PerformanceItem {
    /// Still owed after its due date (due before `today` and not done).
    pub fn is_missed(&self, today: NaiveDate) -> bool {
        self.done_on.is_none() && self.due.is_some_and(|d| d < today)
    }

    /// True when the same one both owes and is owed: the same party of the case, or the
    /// same name where neither is a party of the case.
    pub fn same_party(&self) -> bool {
        match (self.obligor_party, self.obligee_party) {
            (Some(a), Some(b)) => a == b,
            (None, None) => {
                !self.obligor.trim().is_empty() && self.obligor.trim() == self.obligee.trim()
            }
            _ => false,
        }
    }

    /// Still owed and due between `today` and `today + days` (both included).
    pub fn is_due_within(&self, today: NaiveDate, days: u64) -> bool {
        let end = today.checked_add_days(Days::new(days)).unwrap_or(today);
        self.done_on.is_none() && self.due.is_some_and(|d| d >= today && d <= end)
    }
}

/// The agreement of one case (a case has at most one current agreement).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// The case it settles.
    pub case_id: CaseId,
    /// Optimistic-locking version; 0 for a draft never saved.
    pub version: i64,
    /// Written or oral.
    pub kind: AgreementKind,
    /// 编号 (by default the case's number: the agreement is filed in the case's 卷宗).
    pub number: String,
    /// 纠纷主要事实、争议事项 (several paragraphs).
    pub facts: String,
    /// The clauses, printed numbered 一、二、… in this order.
    pub clauses: Vec<String>,
    /// 履行方式、时限 as structured items.
    pub items: Vec<PerformanceItem>,
    /// The date of the agreement, which is its effective date.
    pub date: Option<NaiveDate>,
    /// Where it stands.
    pub status: AgreementStatus,
    /// 司法确认.
    pub confirmation: Confirmation,
    /// The mediators who sign (names).
    pub mediators: Vec<String>,
    /// 记录人.
    pub recorder: String,
}

impl Agreement {
    /// A first draft from what the case already says: number, facts and claims, mediators.
    pub fn draft(case: &Case, mediator_names: &[String]) -> Self {
        let mut facts = case.fields.facts.trim().to_string();
        let claims = case.fields.claims.trim();
        if !claims.is_empty() {
            if !facts.is_empty() {
                facts.push_str("\n\n");
            }
            facts.push_str(claims);
        }
        Self {
            case_id: case.id,
            version: 0,
            kind: AgreementKind::Written,
            number: case
                .number
                .as_ref()
                .map(|n| n.text.clone())
                .unwrap_or_default(),
            facts,
            clauses: Vec::new(),
            items: Vec::new(),
            date: None,
            status: AgreementStatus::Draft,
            confirmation: Confirmation::default(),
            mediators: mediator_names.to_vec(),
            recorder: String::new(),
        }
    }

    /// The last day on which parties may apply for judicial confirmation; `None` without a date.
    pub fn confirmation_deadline(&self) -> Option<NaiveDate> {
        self.date.and_then(confirmation_window_end)
    }

    /// The sum of the amounts of its items, in fen (for 协议涉及金额).
    pub fn amount_fen(&self) -> i64 {
        self.items
            .iter()
            .filter_map(|i| i.amount_fen)
            .fold(0i64, |a, b| a.saturating_add(b.max(0)))
    }
}

/// The last day of the 30-day judicial-confirmation window that starts on `effective`.
pub fn confirmation_window_end(effective: NaiveDate) -> Option<NaiveDate> {
    effective.checked_add_days(Days::new(CONFIRMATION_WINDOW_DAYS))
}

/// How many copies are signed: one per party and one kept by the committee.
pub fn copies(parties: usize) -> usize {
    parties.saturating_add(1)
}

/// A small count in Chinese numerals as official documents write it (一式三份, 第十二条).
pub fn chinese_count(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

/// The copies clause with the default wording (documents may take theirs from a template).
pub fn copies_clause(parties: usize) -> String {
    format!(
        "本协议一式{}份，当事人各执一份，人民调解委员会留存一份。",
        chinese_count(copies(parties))
    )
}
