//! Sample agreements for the demo's successful cases, consistent with their dates: one per
//! case dated the day of 调解成功, number and facts from the case, two or three clauses,
//! a payment (and sometimes a repair or an apology) with due dates after it. Items due
//! before today are mostly done; an agreement whose items are all done is 已履行, one with
//! a long-missed item 未履行, the others 已签署 or 履行中. A few went to court.

use crate::domain::agreement::{
    Agreement, AgreementKind, AgreementStatus, Confirmation, ConfirmationState, PerformanceItem,
};
use crate::domain::case::Timestamp;
use crate::domain::org::{MediatorId, OrgId};
use crate::storage::{CaseBrief, StorageError, Store};
use chrono::{Days, NaiveDate};
use fastrand::Rng;
use std::collections::HashMap;

/// A missed item this many days old makes the agreement 未履行.
const GIVE_UP_DAYS: u64 = 30;

/// Draws the agreements of the new successful cases a chunk at a time, in case id order:
/// the same seed gives the same agreements however the cases are chunked.
pub(super) struct Agreements {
    /// The room's mediators in the room's order, not a HashMap's: the same seed must
    /// draw the same recorder.
    all: Vec<String>,
    names: HashMap<MediatorId, String>,
    rng: Rng,
    now: Timestamp,
}

impl Agreements {
    pub(super) fn new(
        store: &Store,
        org: OrgId,
        seed: u64,
        now: &Timestamp,
    ) -> Result<Agreements, StorageError> {
        let mediators = store.mediators(org)?;
        Ok(Agreements {
            all: mediators.iter().map(|m| m.name.clone()).collect(),
            names: mediators.into_iter().map(|m| (m.id, m.name)).collect(),
            rng: Rng::with_seed(seed ^ 0xa9_2e3e),
            now: *now,
        })
    }

    /// Adds an agreement to every successful case of these (the next ones in id order);
    /// returns how many, in one transaction.
    pub(super) fn fill(
        &mut self,
        store: &mut Store,
        briefs: &[CaseBrief],
    ) -> Result<u64, StorageError> {
        let today = self.now.date_naive();
        let mut batch = Vec::new();
        for brief in briefs {
            let Some(agreed) = brief.agreed_on else {
                continue;
            };
            let mediators: Vec<String> = brief
                .mediators
                .iter()
                .filter_map(|m| self.names.get(m).cloned())
                .collect();
            batch.push(agreement(
                brief,
                agreed,
                today,
                mediators,
                &self.all,
                &mut self.rng,
            ));
        }
        store.insert_agreements(&batch, &self.now)
    }
}

fn days(day: NaiveDate, n: u64) -> NaiveDate {
    day.checked_add_days(Days::new(n)).unwrap_or(day)
}

fn agreement(
    c: &CaseBrief,
    agreed: NaiveDate,
    today: NaiveDate,
    mediators: Vec<String>,
    all: &[String],
    rng: &mut Rng,
) -> Agreement {
    let applicant = c.parties.first().cloned().unwrap_or_default();
    // A case with one party recorded (the other side is not a party of the file): that
    // party performs, towards no one named.
    let (obligor, obligee) = match c.parties.get(1) {
        Some(respondent) => (respondent.clone(), applicant.clone()),
        None => (applicant.clone(), String::new()),
    };
    let mut items = items(&obligor, &obligee, agreed, today, rng);
    // Each by the party it is (two parties may share a name).
    let (owes, owed) = match c.party_ids.as_slice() {
        [first, second, ..] => (Some(*second), Some(*first)),
        [only] => (Some(*only), None),
        [] => (None, None),
    };
    for item in &mut items {
        item.obligor_party = owes;
        item.obligee_party = owed;
    }
    let first = if obligee.is_empty() {
        format!("{obligor}认可所欠款项，同意按期清偿。")
    } else {
        format!("{obligor}对本纠纷承担主要责任，{obligee}予以谅解。")
    };
    let clauses = vec![
        first,
        "双方就本纠纷再无其他争议，今后互谅互让、和睦相处。".to_string(),
    ];
    let open: Vec<&PerformanceItem> = items.iter().filter(|i| i.done_on.is_none()).collect();
    let given_up = days(today, 0)
        .checked_sub_days(Days::new(GIVE_UP_DAYS))
        .unwrap_or(today);
    let status = if open.is_empty() {
        AgreementStatus::Performed
    } else if open.iter().any(|i| i.due.is_some_and(|d| d < given_up)) {
        AgreementStatus::Unperformed
    } else if open.len() < items.len() {
        AgreementStatus::Performing
    } else {
        AgreementStatus::Signed
    };
    let recorder = all
        .get(rng.usize(..all.len().max(1)))
        .filter(|n| !mediators.contains(n))
        .cloned();
    Agreement {
        case_id: c.id,
        version: 0,
        kind: if rng.u32(..100) < 12 {
            AgreementKind::Oral
        } else {
            AgreementKind::Written
        },
        // Number and facts are taken from the case when the agreement is stored.
        number: String::new(),
        facts: String::new(),
        clauses,
        items,
        date: Some(agreed),
        status,
        confirmation: confirmation(agreed, today, rng),
        mediators,
        recorder: recorder.unwrap_or_default(),
    }
}

fn items(
    obligor: &str,
    obligee: &str,
    agreed: NaiveDate,
    today: NaiveDate,
    rng: &mut Rng,
) -> Vec<PerformanceItem> {
    let mut out = vec![PerformanceItem {
        what: if obligee.is_empty() {
            "支付所欠款项"
        } else {
            "支付赔偿款"
        }
        .into(),
        obligor: obligor.into(),
        obligee: obligee.into(),
        amount_fen: Some(i64::from(rng.u32(2..=60)) * 500 * 100),
        due: Some(days(agreed, rng.u64(7..=60))),
        place: "调解室".into(),
        done_on: None,
        // Set by the caller, which knows the parties' ids.
        obligor_party: None,
        obligee_party: None,
    }];
    if rng.u32(..100) < 30 {
        let what = if rng.bool() {
            "修复损坏设施"
        } else {
            "当面赔礼道歉"
        };
        out.push(PerformanceItem {
            what: what.into(),
            obligor: obligor.into(),
            obligee: obligee.into(),
            due: Some(days(agreed, rng.u64(3..=20))),
            ..Default::default()
        });
    }
    for item in &mut out {
        let due = item.due.unwrap_or(agreed);
        // Most obligations are met on time; a few are late or not at all.
        if due <= today && rng.u32(..100) < 92 {
            let early = rng.u64(0..=5);
            item.done_on = Some(
                due.checked_sub_days(Days::new(early))
                    .unwrap_or(due)
                    .max(agreed),
            );
        }
    }
    out
}

fn confirmation(agreed: NaiveDate, today: NaiveDate, rng: &mut Rng) -> Confirmation {
    let applied = days(agreed, rng.u64(1..=20));
    if rng.u32(..100) >= 8 || applied > today {
        return Confirmation::default();
    }
    let ruled = days(applied, 15);
    let (state, date) = if ruled <= today {
        (ConfirmationState::Confirmed, ruled)
    } else {
        (ConfirmationState::Applied, applied)
    };
    Confirmation {
        state,
        court: "临河区人民法院".into(),
        date: Some(date),
    }
}
