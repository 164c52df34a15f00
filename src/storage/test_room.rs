//! What the storage tests build again and again, built once: the fixed "now", the room
//! (老王调解工作室 on a real temporary file), a case with one applicant, a booking.

use super::Store;
use crate::domain::case::{CaseFields, CaseId, Timestamp};
use crate::domain::org::{DEFAULT_NUMBER_PATTERN, MediatorId, OrgProfile, Organisation};
use crate::domain::party::{Party, PartyKind, PartyRole};
use crate::domain::session::{InvitedParty, SessionFields, SessionKind};

/// An instant written as RFC 3339.
pub fn at(s: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(s).expect("valid instant")
}

/// The tests' "now": 2026-11-28 09:30 in Beijing.
pub fn now() -> Timestamp {
    at("2026-11-28T09:30:00+08:00")
}

/// The room's profile.
pub fn profile() -> OrgProfile {
    OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: DEFAULT_NUMBER_PATTERN.into(),
    }
}

/// A room on a temporary file (kept as long as `dir` lives).
pub struct TestRoom {
    /// The folder of the file.
    pub dir: tempfile::TempDir,
    /// The open store.
    pub store: Store,
    /// The room, created by 王调解.
    pub org: Organisation,
}

/// A new room on a temporary file, no case yet.
pub fn open_room() -> TestRoom {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("room.db")).expect("opens");
    let org = store
        .create_organisation(&profile(), "王调解", &now())
        .expect("room");
    TestRoom { dir, store, org }
}

/// A case received today about `facts`, with `name` as its one applicant.
pub fn one_applicant(name: &str, facts: &str) -> CaseFields {
    let mut f = CaseFields::blank(now().date_naive());
    f.facts = facts.into();
    let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
    p.name = name.into();
    f.parties = vec![p];
    f
}

/// An hour's mediation of `case` on 2026-12-01 from `hour`, in `place`, by `mediator`,
/// with its first party invited.
pub fn booking(case: CaseId, mediator: MediatorId, hour: u32, place: &str) -> SessionFields {
    SessionFields {
        case_id: case,
        kind: SessionKind::Mediation,
        start: at(&format!("2026-12-01T{hour:02}:00:00+08:00")),
        end: at(&format!("2026-12-01T{:02}:00:00+08:00", hour + 1)),
        place: place.into(),
        place_is_room: true,
        mediators: vec![mediator],
        parties: vec![InvitedParty {
            seq: 0,
            name: "刘春梅".into(),
        }],
    }
}
