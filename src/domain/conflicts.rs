//! Double bookings: a mediator or a room taken twice at overlapping times is refused unless
//! the user gives a reason to override; a party invited to two sessions at once is a warning.
//! Intervals are half-open, so 10:00–11:00 and 11:00–12:00 do not clash. Pure.

use super::case::Timestamp;
use super::org::MediatorId;
use super::session::SessionId;
use crate::i18n::tf;

/// The part of a session that can clash: as storage reads it for the check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// The stored session (None for the one being scheduled).
    pub id: Option<SessionId>,
    /// Start, with its zone.
    pub start: Timestamp,
    /// End (after start).
    pub end: Timestamp,
    /// Place name.
    pub place: String,
    /// Only the room's own rooms are exclusive; a party's home is not.
    pub place_is_room: bool,
    /// Mediators with their names (the names are for the message).
    pub mediators: Vec<(MediatorId, String)>,
    /// Invited party names.
    pub parties: Vec<String>,
    /// Which case it belongs to, as the message names it.
    pub case_label: String,
}

/// What clashes with what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClashKind {
    /// The same mediator in both.
    Mediator(String),
    /// The same room in both.
    Room(String),
    /// The same party invited to both (a warning only).
    Party(String),
}

/// One clash with an existing session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// What is shared.
    pub kind: ClashKind,
    /// The session already booked.
    pub other: Slot,
}

impl Clash {
    /// Mediator and room clashes refuse the booking; party clashes only warn.
    pub fn refuses(&self) -> bool {
        !matches!(self.kind, ClashKind::Party(_))
    }
}

impl std::fmt::Display for Clash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (key, who) = match &self.kind {
            ClashKind::Mediator(n) => ("err.clash.mediator", n),
            ClashKind::Room(n) => ("err.clash.room", n),
            ClashKind::Party(n) => ("err.clash.party", n),
        };
        let when = format!(
            "{}–{}",
            self.other.start.format("%m-%d %H:%M"),
            self.other.end.format("%H:%M")
        );
        let text = tf(
            key,
            &[
                ("name", who),
                ("when", &when),
                ("place", &self.other.place),
                ("case", &self.other.case_label),
            ],
        );
        f.write_str(&text)
    }
}

/// The verdict on a new booking.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Verdict {
    /// Clashes that refuse the booking unless overridden.
    pub refusals: Vec<Clash>,
    /// Clashes that only warn.
    pub warnings: Vec<Clash>,
}

impl Verdict {
    /// True when the booking may be stored: nothing refuses it, or a reason overrides.
    pub fn allows(&self, override_reason: &str) -> bool {
        self.refusals.is_empty() || !override_reason.trim().is_empty()
    }
}

/// Half-open overlap: touching intervals do not overlap; an empty or reversed interval
/// overlaps nothing.
pub fn overlaps(a: (&Timestamp, &Timestamp), b: (&Timestamp, &Timestamp)) -> bool {
    a.0 < a.1 && b.0 < b.1 && a.0 < b.1 && b.0 < a.1
}

/// Every clash of `new` with `booked` (which should hold only sessions that occupy their
/// time; the session being edited is skipped by its id).
pub fn check(new: &Slot, booked: &[Slot]) -> Verdict {
    let mut verdict = Verdict::default();
    for other in booked {
        if new.id.is_some() && other.id == new.id {
            continue;
        }
        if !overlaps((&new.start, &new.end), (&other.start, &other.end)) {
            continue;
        }
        let mut push = |kind: ClashKind| {
            let clash = Clash {
                kind,
                other: other.clone(),
            };
            if clash.refuses() {
                verdict.refusals.push(clash);
            } else {
                verdict.warnings.push(clash);
            }
        };
        for (id, name) in &new.mediators {
            if other.mediators.iter().any(|(o, _)| o == id) {
                push(ClashKind::Mediator(name.clone()));
            }
        }
        if new.place_is_room && other.place_is_room && same_name(&new.place, &other.place) {
            push(ClashKind::Room(new.place.trim().to_string()));
        }
        for name in &new.parties {
            if other.parties.iter().any(|o| same_name(o, name)) {
                push(ClashKind::Party(name.trim().to_string()));
            }
        }
    }
    verdict
}

fn same_name(a: &str, b: &str) -> bool {
    let a = a.trim();
    !a.is_empty() && a == b.trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn slot(id: i64, start: &str, end: &str) -> Slot {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        Slot {
            id: Some(SessionId(id)),
            start: at(start),
            end: at(end),
            place: "小调解室".into(),
            place_is_room: true,
            mediators: vec![(MediatorId(1), "王秀英".into())],
            parties: vec!["张三".into()],
            case_label: "（2026）临新人调字第3号".into(),
        }
    }

    fn new(start: &str, end: &str) -> Slot {
        Slot {
            id: None,
            ..slot(0, start, end)
        }
    }

    #[test]
    fn touching_sessions_do_not_clash_overlapping_ones_do() {
        let booked = [slot(
            1,
            "2026-11-28T10:00:00+08:00",
            "2026-11-28T11:00:00+08:00",
        )];
        let after = new("2026-11-28T11:00:00+08:00", "2026-11-28T12:00:00+08:00");
        assert_eq!(check(&after, &booked), Verdict::default());
        let before = new("2026-11-28T09:00:00+08:00", "2026-11-28T10:00:00+08:00");
        assert_eq!(check(&before, &booked), Verdict::default());
        let inside = new("2026-11-28T10:15:00+08:00", "2026-11-28T10:45:00+08:00");
        let v = check(&inside, &booked);
        assert_eq!(v.refusals.len(), 2, "mediator and room");
        assert_eq!(v.warnings.len(), 1, "party");
        assert!(!v.allows(""));
        assert!(!v.allows("   "));
        assert!(v.allows("王调解员临时借用"));
    }

    #[test]
    fn sessions_across_midnight_and_other_zones_are_compared_as_instants() {
        let booked = [slot(
            1,
            "2026-11-28T23:00:00+08:00",
            "2026-11-29T01:00:00+08:00",
        )];
        let early = new("2026-11-29T00:30:00+08:00", "2026-11-29T02:00:00+08:00");
        assert_eq!(check(&early, &booked).refusals.len(), 2);
        // 16:30 UTC is 00:30 the next day in Beijing.
        let utc = new("2026-11-28T16:30:00+00:00", "2026-11-28T17:30:00+00:00");
        assert_eq!(check(&utc, &booked).refusals.len(), 2);
        let next = new("2026-11-29T01:00:00+08:00", "2026-11-29T02:00:00+08:00");
        assert!(check(&next, &booked).refusals.is_empty());
    }

    #[test]
    fn reversed_or_empty_intervals_clash_with_nothing() {
        let booked = [slot(
            1,
            "2026-11-28T10:00:00+08:00",
            "2026-11-28T11:00:00+08:00",
        )];
        let reversed = new("2026-11-28T10:30:00+08:00", "2026-11-28T10:00:00+08:00");
        assert!(check(&reversed, &booked).refusals.is_empty());
        let empty = new("2026-11-28T10:30:00+08:00", "2026-11-28T10:30:00+08:00");
        assert!(check(&empty, &booked).refusals.is_empty());
    }

    #[test]
    fn outside_places_other_mediators_and_the_session_itself_do_not_clash() {
        let booked = [slot(
            1,
            "2026-11-28T10:00:00+08:00",
            "2026-11-28T11:00:00+08:00",
        )];
        let mut home = new("2026-11-28T10:00:00+08:00", "2026-11-28T11:00:00+08:00");
        home.place = "当事人家中".into();
        home.place_is_room = false;
        home.mediators = vec![(MediatorId(2), "李建国".into())];
        home.parties = vec!["李四".into()];
        assert_eq!(check(&home, &booked), Verdict::default());
        let mut same_room = home.clone();
        same_room.place = " 小调解室 ".into();
        same_room.place_is_room = true;
        let v = check(&same_room, &booked);
        assert_eq!(v.refusals.len(), 1);
        assert_eq!(v.refusals[0].kind, ClashKind::Room("小调解室".into()));
        let itself = slot(1, "2026-11-28T10:30:00+08:00", "2026-11-28T11:30:00+08:00");
        assert_eq!(check(&itself, &booked), Verdict::default());
    }

    #[test]
    fn a_party_invited_twice_only_warns() {
        let booked = [slot(
            1,
            "2026-11-28T10:00:00+08:00",
            "2026-11-28T11:00:00+08:00",
        )];
        let mut other = new("2026-11-28T10:30:00+08:00", "2026-11-28T11:30:00+08:00");
        other.place = "大调解室".into();
        other.mediators = vec![(MediatorId(2), "李建国".into())];
        let v = check(&other, &booked);
        assert!(v.refusals.is_empty());
        assert_eq!(v.warnings[0].kind, ClashKind::Party("张三".into()));
        assert!(v.allows(""));
        let text = v.warnings[0].to_string();
        assert!(
            text.contains("张三") && text.contains("11-28 10:00–11:00"),
            "{text}"
        );
    }
}
