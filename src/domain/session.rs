//! A session (调解/调查/回访 …) of a case: when and where, who mediates, which parties are
//! invited, its status 计划 → 已举行 | 改期 | 取消 (a postponement links the new session),
//! and its record (调解记录). Pure: no SQL, no terminal.

use super::case::{CaseId, Timestamp};
use super::labelled::labelled_enum;
use super::org::MediatorId;
use crate::i18n::{label, t, tf};
use chrono::NaiveDate;

labelled_enum! {
    /// What the session is for.
    pub enum SessionKind {
        Investigation => ("investigation", "调查核实"),
        Mediation => ("mediation", "调解"),
        FollowUp => ("follow_up", "回访"),
        Confirmation => ("confirmation", "陪同司法确认"),
        Other => ("other", "其他"),
    }
}

labelled_enum! {
    /// Where a session stands.
    pub enum SessionStatus {
        Planned => ("planned", "计划"),
        Held => ("held", "已举行"),
        Postponed => ("postponed", "改期"),
        Cancelled => ("cancelled", "取消"),
    }
}

impl SessionStatus {
    /// Only a planned session can still happen, move or be called off.
    pub fn next(self) -> &'static [SessionStatus] {
        match self {
            SessionStatus::Planned => &[
                SessionStatus::Held,
                SessionStatus::Postponed,
                SessionStatus::Cancelled,
            ],
            _ => &[],
        }
    }

    /// A session that still occupies its time (and so can clash with another).
    pub fn occupies_time(self) -> bool {
        matches!(self, SessionStatus::Planned | SessionStatus::Held)
    }
}

/// Database identity of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SessionId(pub i64);

/// A party asked to attend: its place in the case's party list and its name then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitedParty {
    /// Index in the case's parties (0-based), as stored with the case.
    pub seq: u32,
    /// The name, kept so that the agenda reads one table and a clash can be named.
    pub name: String,
}

/// Everything the session form edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFields {
    /// The case it belongs to.
    pub case_id: CaseId,
    /// What it is for.
    pub kind: SessionKind,
    /// Starts at, with its zone.
    pub start: Timestamp,
    /// Ends at (after `start`; may be on the next day).
    pub end: Timestamp,
    /// A room or an outside place, from the room's list of places.
    pub place: String,
    /// True when `place` is one of the room's own rooms, which cannot hold two sessions.
    pub place_is_room: bool,
    /// The mediators who hold it (at least one).
    pub mediators: Vec<MediatorId>,
    /// The parties asked to attend.
    pub parties: Vec<InvitedParty>,
}

impl SessionFields {
    /// The day the session is on (the local date of its start).
    pub fn date(&self) -> NaiveDate {
        self.start.date_naive()
    }

    /// The checks a session must pass before it is stored.
    pub fn problems(&self) -> Vec<SessionProblem> {
        let mut out = Vec::new();
        if self.end <= self.start {
            out.push(SessionProblem::EndNotAfterStart);
        } else if self.end - self.start > chrono::Duration::hours(24) {
            out.push(SessionProblem::TooLong);
        }
        if self.mediators.is_empty() {
            out.push(SessionProblem::NoMediator);
        }
        out
    }
}

/// Why a session cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionProblem {
    /// The end is not after the start.
    EndNotAfterStart,
    /// Longer than a day: almost surely a typing mistake in the date.
    TooLong,
    /// Nobody holds it.
    NoMediator,
}

impl std::error::Error for SessionProblem {}

impl std::fmt::Display for SessionProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let key = match self {
            SessionProblem::EndNotAfterStart => "err.session.end_not_after_start",
            SessionProblem::TooLong => "err.session.too_long",
            SessionProblem::NoMediator => "err.session.no_mediator",
        };
        f.write_str(&t(key))
    }
}

/// What was written after the session (调解记录).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionRecord {
    /// Who came (names, as the mediator writes them).
    pub attendees: Vec<String>,
    /// What was said and agreed; several paragraphs.
    pub notes: String,
    /// The outcome in a line (达成协议, 继续调解 …).
    pub outcome: String,
}

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Its row.
    pub id: SessionId,
    /// Bumped by every change; a save names the version it started from.
    pub version: i64,
    /// The form's fields.
    pub fields: SessionFields,
    /// Where it stands.
    pub status: SessionStatus,
    /// The session that replaced it, when postponed.
    pub postponed_to: Option<SessionId>,
    /// The record, once held.
    pub record: SessionRecord,
    /// Why a clash was overridden (empty if there was none).
    pub override_reason: String,
    /// Why it was called off (empty unless cancelled).
    pub cancel_reason: String,
    /// Mediator names, joined by 、 (kept by storage for lists).
    pub mediator_names: String,
    /// The case's number or, before acceptance, its parties (for the agenda line).
    pub case_label: String,
    /// Who registered its case (the rights table asks: a 登记员 may change only the
    /// sessions of cases they registered, and sees others' without parties).
    pub registered_by: String,
}

impl Session {
    /// The session as someone who may not see its case's parties sees it: time, place,
    /// mediators and status, with no parties, no case number, no record and no reasons
    /// (the front desk's view of other cases' sessions).
    pub fn without_parties(&self) -> Session {
        let mut shown = self.clone();
        shown.fields.parties.clear();
        shown.record = SessionRecord::default();
        shown.override_reason.clear();
        shown.cancel_reason.clear();
        shown.case_label = t("rights.other_case").into_owned();
        shown
    }
}

/// Why a session's status cannot change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionStatusError {
    /// Held, postponed or cancelled sessions are final.
    NotAllowed {
        from: SessionStatus,
        to: SessionStatus,
    },
    /// A postponement names the session that replaces it.
    NewSessionRequired,
}

impl std::error::Error for SessionStatusError {}

impl std::fmt::Display for SessionStatusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            SessionStatusError::NotAllowed { from, to } => tf(
                "err.session.status_not_allowed",
                &[
                    ("from", &label("session_status", from.code())),
                    ("to", &label("session_status", to.code())),
                ],
            ),
            SessionStatusError::NewSessionRequired => t("err.session.new_required").into(),
        };
        f.write_str(&text)
    }
}

/// Checks a status change; a postponement must name the new session.
pub fn check_session_status(
    from: SessionStatus,
    to: SessionStatus,
    postponed_to: Option<SessionId>,
) -> Result<(), SessionStatusError> {
    if !from.next().contains(&to) {
        return Err(SessionStatusError::NotAllowed { from, to });
    }
    if to == SessionStatus::Postponed && postponed_to.is_none() {
        return Err(SessionStatusError::NewSessionRequired);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn at(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn fields(start: &str, end: &str) -> SessionFields {
        SessionFields {
            case_id: CaseId(1),
            kind: SessionKind::Mediation,
            start: at(start),
            end: at(end),
            place: "小调解室".into(),
            place_is_room: true,
            mediators: vec![MediatorId(1)],
            parties: vec![],
        }
    }

    #[test]
    fn end_must_follow_start_but_may_cross_midnight() {
        let ok = fields("2026-11-28T23:00:00+08:00", "2026-11-29T01:00:00+08:00");
        assert!(ok.problems().is_empty());
        assert_eq!(ok.date(), NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
        let back = fields("2026-11-28T10:00:00+08:00", "2026-11-28T09:00:00+08:00");
        assert_eq!(back.problems(), vec![SessionProblem::EndNotAfterStart]);
        let empty = fields("2026-11-28T10:00:00+08:00", "2026-11-28T10:00:00+08:00");
        assert_eq!(empty.problems(), vec![SessionProblem::EndNotAfterStart]);
        let long = fields("2026-11-28T10:00:00+08:00", "2026-11-30T10:00:00+08:00");
        assert_eq!(long.problems(), vec![SessionProblem::TooLong]);
        let mut nobody = ok.clone();
        nobody.mediators.clear();
        assert_eq!(nobody.problems(), vec![SessionProblem::NoMediator]);
    }

    #[test]
    fn only_planned_sessions_change_and_a_postponement_names_its_successor() {
        use SessionStatus::*;
        assert!(check_session_status(Planned, Held, None).is_ok());
        assert!(check_session_status(Planned, Cancelled, None).is_ok());
        assert_eq!(
            check_session_status(Planned, Postponed, None),
            Err(SessionStatusError::NewSessionRequired)
        );
        assert!(check_session_status(Planned, Postponed, Some(SessionId(2))).is_ok());
        for from in [Held, Postponed, Cancelled] {
            for to in SessionStatus::ALL {
                assert!(check_session_status(from, *to, Some(SessionId(2))).is_err());
            }
        }
        assert!(Planned.occupies_time() && Held.occupies_time());
        assert!(!Postponed.occupies_time() && !Cancelled.occupies_time());
        assert_eq!(
            SessionKind::from_label("陪同司法确认"),
            Some(SessionKind::Confirmation)
        );
    }
}
