//! Sample sessions and follow-up visits, drawn after the cases so that each fits its case:
//! nothing for a case only registered or refused; a planned investigation for an accepted
//! one; held sessions (with records) and a planned next one while mediating; the session
//! that reached the agreement or ended mediation on that day; a follow-up visit some weeks
//! after most agreements. A mediator or room is not booked twice where a free hour can be
//! found within a few days.

use crate::domain::case::Timestamp;
use crate::domain::follow_up::{FollowUp, Performance, Place, Satisfaction, VisitWay};
use crate::domain::org::{MediatorId, OrgId};
use crate::domain::session::{
    InvitedParty, SessionFields, SessionKind, SessionRecord, SessionStatus,
};
use crate::domain::status::CaseStatus;
use crate::storage::{CaseBrief, NewSessionRecord, StorageError, Store};
use chrono::{Datelike, Days, NaiveDate, NaiveTime, TimeZone, Weekday};
use fastrand::Rng;
use std::collections::HashSet;

/// The sample room's places: two rooms of its own and the usual outside places.
pub(super) fn places() -> Vec<Place> {
    let p = |name: &str, is_room| Place {
        name: name.into(),
        is_room,
    };
    vec![
        p("大调解室", true),
        p("小调解室", true),
        p("当事人家中", false),
        p("社区居委会", false),
        p("纠纷现场", false),
    ]
}

/// Sessions start on the hour within office hours (not over lunch).
const HOURS: [u32; 7] = [9, 10, 11, 14, 15, 16, 17];

/// How many sessions and visits were added.
#[derive(Default)]
pub(super) struct Added {
    pub sessions: u64,
    pub visits: u64,
}

impl Added {
    pub(super) fn add(&mut self, more: Added) {
        self.sessions += more.sessions;
        self.visits += more.visits;
    }
}

/// Draws the sessions and visits of the new cases a chunk at a time, in case id order:
/// the same seed gives the same schedule however the cases are chunked.
pub(super) struct Schedule {
    draw: Draw,
}

impl Schedule {
    pub(super) fn new(
        store: &Store,
        org: OrgId,
        seed: u64,
        now: &Timestamp,
    ) -> Result<Schedule, StorageError> {
        let names: Vec<(MediatorId, String)> = store
            .mediators(org)?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect();
        Ok(Schedule {
            draw: Draw {
                rng: Rng::with_seed(seed ^ 0x5e55_1025),
                today: now.date_naive(),
                now: *now,
                booked: HashSet::new(),
                forgotten_before: NaiveDate::MIN,
                places: store.places(org)?,
                sessions: Vec::new(),
                visits: Vec::new(),
                names,
            },
        })
    }

    /// Adds the sessions and visits of these cases (the next ones in id order).
    pub(super) fn fill(
        &mut self,
        store: &mut Store,
        org: OrgId,
        briefs: &[CaseBrief],
    ) -> Result<Added, StorageError> {
        let draw = &mut self.draw;
        for brief in briefs {
            draw.case(brief);
        }
        let visits = store.insert_follow_ups(&draw.visits, &draw.now)?;
        let sessions = store.insert_sessions(org, &mut draw.sessions.drain(..), &draw.now)?;
        draw.visits.clear();
        Ok(Added { sessions, visits })
    }
}

struct Draw {
    rng: Rng,
    today: NaiveDate,
    now: Timestamp,
    /// Hours already taken: [`slot`] of (mediator id, or minus the place index + 1; day;
    /// hour). Packed into one number: a 1,000,000-case demo books millions of them.
    booked: HashSet<u64>,
    /// The hours of days before this one are forgotten ([`Draw::forget_before`]).
    forgotten_before: NaiveDate,
    places: Vec<Place>,
    sessions: Vec<NewSessionRecord>,
    visits: Vec<FollowUp>,
    names: Vec<(MediatorId, String)>,
}

/// One booked hour as a number: the hour in the low 5 bits, the day above it in 23, the
/// key (mediator id, or minus the place: two's complement) in the top 36. Ids and places
/// far beyond any room's still stay distinct.
fn slot(key: i64, day: NaiveDate, hour: u32) -> u64 {
    let key = (key as u64) & 0xF_FFFF_FFFF;
    (key << 28) | (slot_day(day) << 5) | u64::from(hour & 0x1F)
}

/// A day as [`slot`] packs it.
fn slot_day(day: NaiveDate) -> u64 {
    u64::try_from(day.num_days_from_ce()).unwrap_or(0) & 0x7F_FFFF
}

/// How far the acceptance days move on between two clean-ups of the booked hours.
const FORGET_EVERY_DAYS: u64 = 30;

impl Draw {
    fn case(&mut self, c: &CaseBrief) {
        let Some(accepted) = c.accepted_on else {
            return;
        };
        self.forget_before(accepted);
        let ended = c.agreed_on.or(c.terminated_on);
        let investigated = self.after(accepted, 1, 4);
        let open = matches!(c.status, CaseStatus::Accepted | CaseStatus::Mediating);
        if c.status == CaseStatus::Accepted {
            let day = investigated.max(self.after(self.today, 0, 6));
            self.session(
                c,
                SessionKind::Investigation,
                day,
                SessionStatus::Planned,
                "",
            );
            return;
        }
        if investigated < ended.unwrap_or(self.today) {
            self.session(
                c,
                SessionKind::Investigation,
                investigated,
                SessionStatus::Held,
                "",
            );
        }
        if open {
            let earlier = self.after(investigated, 2, 8);
            if earlier < self.today {
                self.session(
                    c,
                    SessionKind::Mediation,
                    earlier,
                    SessionStatus::Held,
                    "继续调解",
                );
            }
            if self.rng.u32(..100) < 5 {
                let off = self.after(self.today, 0, 3);
                self.session(c, SessionKind::Mediation, off, SessionStatus::Cancelled, "");
            }
            let next = self.after(self.today, 0, 7);
            self.session(c, SessionKind::Mediation, next, SessionStatus::Planned, "");
            return;
        }
        if let Some(agreed) = c.agreed_on {
            self.session(
                c,
                SessionKind::Mediation,
                agreed,
                SessionStatus::Held,
                "达成调解协议",
            );
            self.follow_up(c, agreed);
        } else if let Some(ended) = c.terminated_on {
            let outcome = "调解不成，已告知当事人可依法申请仲裁或向人民法院起诉";
            self.session(
                c,
                SessionKind::Mediation,
                ended,
                SessionStatus::Held,
                outcome,
            );
        }
    }

    /// Forgets the hours booked before `day` (now and then: it walks them all). The cases
    /// come in the order they were accepted, and each books only from its acceptance day
    /// on, so no later case asks for those hours: the schedule is the same, and a demo of
    /// a million cases keeps a few months of hours, not three years of them.
    fn forget_before(&mut self, day: NaiveDate) {
        let next = self
            .forgotten_before
            .checked_add_days(Days::new(FORGET_EVERY_DAYS));
        if next.is_some_and(|next| day < next) {
            return;
        }
        let first = slot_day(day);
        self.booked.retain(|s| (s >> 5) & 0x7F_FFFF >= first);
        self.forgotten_before = day;
    }

    /// Most agreements get a visit two to five weeks later (if that day has come).
    fn follow_up(&mut self, c: &CaseBrief, agreed: NaiveDate) {
        let day = self.after(agreed, 14, 35);
        if day > self.today || self.rng.u32(..100) >= 80 {
            return;
        }
        let by = c
            .mediators
            .first()
            .and_then(|id| self.names.iter().find(|(m, _)| m == id))
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        let roll = self.rng.u32(..100);
        let (performance, satisfaction) = match roll {
            0..70 => (Performance::Full, Satisfaction::Satisfied),
            70..90 => (Performance::Partial, Satisfaction::Fair),
            _ => (Performance::None, Satisfaction::Dissatisfied),
        };
        let trouble = roll >= 97;
        let way = if self.rng.bool() {
            VisitWay::Visit
        } else {
            VisitWay::Phone
        };
        if way == VisitWay::Visit {
            let outcome = label_of(performance);
            self.session(c, SessionKind::FollowUp, day, SessionStatus::Held, outcome);
        }
        self.visits.push(FollowUp {
            case_id: c.id,
            visited_on: day,
            way,
            performance,
            satisfaction,
            lawsuit: false,
            escalation: trouble,
            measures: if trouble {
                "已再次组织双方沟通，并告知社区网格员关注".into()
            } else if performance == Performance::Full {
                String::new()
            } else {
                "督促义务人按协议履行".into()
            },
            by_whom: by,
        });
    }

    /// A working day `min..=max` days after `day`, never on a weekend.
    fn after(&mut self, day: NaiveDate, min: u64, max: u64) -> NaiveDate {
        let mut d = day
            .checked_add_days(Days::new(self.rng.u64(min..=max)))
            .unwrap_or(day);
        while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            d = d.succ_opt().unwrap_or(d);
        }
        d
    }

    fn session(
        &mut self,
        c: &CaseBrief,
        kind: SessionKind,
        day: NaiveDate,
        status: SessionStatus,
        outcome: &str,
    ) {
        let place = self.place_for(kind, c.parties.len());
        let (day, hour) = self.free_slot(&c.mediators, place, day);
        let offset = *self.now.offset();
        let at = |h: u32| {
            NaiveTime::from_hms_opt(h, 0, 0)
                .and_then(|t| offset.from_local_datetime(&day.and_time(t)).single())
        };
        let (Some(start), Some(end)) = (at(hour), at(hour + 1)) else {
            return;
        };
        let parties: Vec<InvitedParty> = c
            .parties
            .iter()
            .enumerate()
            .map(|(i, n)| InvitedParty {
                seq: i as u32,
                name: n.clone(),
            })
            .collect();
        let record = if status == SessionStatus::Held {
            self.record(c, kind, outcome)
        } else {
            SessionRecord::default()
        };
        let Some(chosen) = self.places.get(place).cloned() else {
            return;
        };
        self.sessions.push(NewSessionRecord {
            fields: SessionFields {
                case_id: c.id,
                kind,
                start,
                end,
                place: chosen.name,
                place_is_room: chosen.is_room,
                mediators: c.mediators.clone(),
                parties,
            },
            status,
            record,
        });
    }

    fn place_for(&mut self, kind: SessionKind, parties: usize) -> usize {
        let find = |places: &[Place], name: &str| places.iter().position(|p| p.name == name);
        let name = match kind {
            SessionKind::Investigation if self.rng.bool() => "纠纷现场",
            SessionKind::Investigation => "小调解室",
            SessionKind::FollowUp => "当事人家中",
            _ if parties > 2 => "大调解室",
            _ if self.rng.bool() => "大调解室",
            _ => "小调解室",
        };
        find(&self.places, name).unwrap_or(0)
    }

    /// The first hour from `day` on when neither the mediators nor a room are taken;
    /// after five days the first hour of `day` (a rare double booking in big demos).
    fn free_slot(
        &mut self,
        mediators: &[MediatorId],
        place: usize,
        day: NaiveDate,
    ) -> (NaiveDate, u32) {
        let is_room = self.places.get(place).is_some_and(|p| p.is_room);
        let start = self.rng.usize(..HOURS.len());
        let mut d = day;
        for _ in 0..5 {
            for i in 0..HOURS.len() {
                let hour = HOURS[(start + i) % HOURS.len()];
                let mut keys: Vec<i64> = mediators.iter().map(|m| m.0).collect();
                if is_room {
                    keys.push(-(place as i64) - 1);
                }
                if keys
                    .iter()
                    .all(|k| !self.booked.contains(&slot(*k, d, hour)))
                {
                    for k in keys {
                        self.booked.insert(slot(k, d, hour));
                    }
                    return (d, hour);
                }
            }
            d = d.succ_opt().unwrap_or(d);
        }
        (day, HOURS[start])
    }

    fn record(&mut self, c: &CaseBrief, kind: SessionKind, outcome: &str) -> SessionRecord {
        let mediator = c
            .mediators
            .first()
            .and_then(|id| self.names.iter().find(|(m, _)| m == id))
            .map(|(_, n)| n.as_str())
            .unwrap_or("调解员");
        let first = c.parties.first().map(String::as_str).unwrap_or("申请人");
        let second = c.parties.get(1).map(String::as_str).unwrap_or("被申请人");
        let notes = match kind {
            SessionKind::Investigation => format!(
                "调解员{mediator}到场查看，听取了{first}和{second}对纠纷经过的陈述，拍照留存。\n\n双方同意由调解室组织调解。"
            ),
            SessionKind::FollowUp => {
                format!("调解员{mediator}上门回访，了解协议履行情况，听取{first}的意见。")
            }
            _ => format!(
                "{first}陈述了纠纷经过和请求，{second}陈述了意见。\n\n调解员{mediator}释法明理，分别与双方谈话，提出调解方案。\n\n{outcome}。"
            ),
        };
        let mut attendees: Vec<String> = c.parties.iter().take(3).cloned().collect();
        attendees.push(mediator.to_string());
        SessionRecord {
            attendees,
            notes,
            outcome: outcome.to_string(),
        }
    }
}

fn label_of(p: Performance) -> &'static str {
    p.label()
}

#[cfg(test)]
mod tests;
