//! The front desk's view of the room: a 登记员 needs to know when rooms and mediators are
//! free, not who the other parties are. Sessions of cases they did not register reach 今日,
//! 日程 and the clash dialog as time, place and mediators only (no parties, no case
//! number); deadline alerts and agreements due are theirs only. Every other role sees the
//! room as storage read it. The rule is the rights table's (`user::sees_parties`).

use super::action::{Action, TodayData};
use crate::domain::conflicts::{ClashKind, Verdict};
use crate::domain::session::Session;
use crate::domain::user::{User, may_see_agreements, sees_parties};
use crate::storage::{StorageError, Store};

/// `action` (a schedule effect's answer) as `user` may see it.
pub fn as_seen(store: &Store, user: &User, action: Action) -> Result<Action, StorageError> {
    Ok(match action {
        Action::TodayLoaded(data) => Action::TodayLoaded(today(store, user, data)?),
        Action::TodayRestLoaded(day, data) => {
            Action::TodayRestLoaded(day, today(store, user, data)?)
        }
        Action::TodayPerformanceLoaded(day, data) => {
            Action::TodayPerformanceLoaded(day, today(store, user, data)?)
        }
        Action::TodaySessionsLoaded {
            today,
            from,
            sessions: list,
        } => Action::TodaySessionsLoaded {
            today,
            from,
            sessions: sessions(user, list),
        },
        Action::AgendaLoaded(list) => Action::AgendaLoaded(sessions(user, list)),
        Action::CaseSessionsLoaded(id, list) => {
            Action::CaseSessionsLoaded(id, sessions(user, list))
        }
        other => other,
    })
}

/// 今日's data (or part of it) as `user` may see it.
fn today(
    store: &Store,
    user: &User,
    mut data: Box<TodayData>,
) -> Result<Box<TodayData>, StorageError> {
    data.sessions = sessions(user, std::mem::take(&mut data.sessions));
    let mut alerts = Vec::with_capacity(data.alerts.len());
    let mut dropped = false;
    for alert in std::mem::take(&mut data.alerts) {
        if sees_case(store, user, alert.case_id)? {
            alerts.push(alert);
        } else {
            dropped = true;
        }
    }
    data.alerts = alerts;
    // The first screen's counts are the room's: the front desk is given all of its own
    // alerts instead (`update::today`), never these.
    if crate::domain::user::case_scope(user).is_some() {
        data.alerts_head = None;
    }
    // Counted room-wide: not the front desk's number once others' are left out.
    if dropped {
        data.more_alerts = 0;
    }
    let agreements = may_see_agreements(user);
    let mut due = Vec::with_capacity(data.performance.len());
    for item in std::mem::take(&mut data.performance) {
        if agreements && sees_case(store, user, item.case_id)? {
            due.push(item);
        }
    }
    data.performance = due;
    Ok(data)
}

/// The clashes of a refused booking as `user` may see them: another case's session is
/// named by its time, place and mediator, and a party of another case is not named.
pub fn clash_as_seen(store: &Store, user: &User, verdict: Verdict) -> Verdict {
    let own = |clash: &crate::domain::conflicts::Clash| match clash.other.id {
        Some(id) => store
            .load_session(id)
            .is_ok_and(|s| sees_parties(&s.registered_by, user)),
        None => true,
    };
    let mask = |mut clash: crate::domain::conflicts::Clash| {
        if !own(&clash) {
            clash.other.parties.clear();
            clash.other.case_label = crate::i18n::t("rights.other_case").into_owned();
        }
        clash
    };
    Verdict {
        refusals: verdict.refusals.into_iter().map(mask).collect(),
        // That a party of the new session is invited elsewhere says they have another
        // case: only where the user may see that case.
        warnings: verdict
            .warnings
            .into_iter()
            .filter(|c| !matches!(c.kind, ClashKind::Party(_)) || own(c))
            .map(mask)
            .collect(),
    }
}

fn sessions(user: &User, list: Vec<Session>) -> Vec<Session> {
    list.into_iter()
        .map(|s| {
            if sees_parties(&s.registered_by, user) {
                s
            } else {
                s.without_parties()
            }
        })
        .collect()
}

fn sees_case(
    store: &Store,
    user: &User,
    case: crate::domain::case::CaseId,
) -> Result<bool, StorageError> {
    if crate::domain::user::case_scope(user).is_none() {
        return Ok(true);
    }
    let registrar = store.registrar(case)?.unwrap_or_default();
    Ok(sees_parties(&registrar, user))
}

#[cfg(test)]
mod tests;
