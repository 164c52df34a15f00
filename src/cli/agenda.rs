//! `tiaojie agenda`: the sessions of a range of days as plain text, or as an iCalendar file
//! (RFC 5545) a phone calendar can import: one VEVENT per session, times in UTC, CRLF line
//! ends, lines folded at 75 octets without splitting a character.

use crate::domain::case::Timestamp;
use crate::domain::session::{Session, SessionStatus};
use crate::i18n::{label, t, tf};
use crate::storage::{SessionFilter, StorageError, Store};
use chrono::{Datelike, Days, NaiveDate, Utc};

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum AgendaFormat {
    /// Plain text, one day after another.
    #[default]
    Txt,
    /// iCalendar (.ics).
    Ics,
}

/// What the agenda command asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaQuery {
    /// First day.
    pub from: NaiveDate,
    /// How many days (at least one).
    pub days: u32,
    /// Only this mediator's sessions (by name).
    pub mediator: Option<String>,
}

/// The sessions the query names, in time order; an unknown mediator is refused with the
/// names that exist.
pub fn sessions(store: &Store, q: &AgendaQuery) -> Result<Vec<Session>, StorageError> {
    let Some(org) = store.organisation()? else {
        return Ok(Vec::new());
    };
    let mut filter = SessionFilter::default();
    if let Some(name) = q.mediator.as_deref().map(str::trim) {
        let all = store.mediators(org.id)?;
        let Some(m) = all.iter().find(|m| m.name == name) else {
            let known: Vec<&str> = all.iter().map(|m| m.name.as_str()).collect();
            return Err(StorageError::Invalid(tf(
                "err.session.unknown_mediator",
                &[
                    ("name", name),
                    ("known", &known.join(t("list.sep").as_ref())),
                ],
            )));
        };
        filter.mediator = Some(m.id);
    }
    let to = q
        .from
        .checked_add_days(Days::new(u64::from(q.days.max(1) - 1)))
        .unwrap_or(q.from);
    store.sessions_in_range(org.id, q.from, to, &filter)
}

/// The agenda as text: a heading per day that has sessions, one line per session.
pub fn text(sessions: &[Session], q: &AgendaQuery) -> String {
    let mut out = String::new();
    let mut last = None;
    for s in sessions {
        let day = s.fields.date();
        if last != Some(day) {
            let weekday = t(&format!("weekday.{}", day.weekday().num_days_from_monday()));
            out.push_str(&format!("{} {}\n", day.format("%Y-%m-%d"), weekday));
            last = Some(day);
        }
        out.push_str(&format!("  {}\n", line(s).join("  ")));
    }
    if sessions.is_empty() {
        out.push_str(&crate::i18n::tn(
            "cli.agenda.none",
            u64::from(q.days),
            &[
                ("from", &q.from.format("%Y-%m-%d").to_string()),
                ("days", &q.days.to_string()),
            ],
        ));
        out.push('\n');
    }
    out
}

fn line(s: &Session) -> Vec<String> {
    let f = &s.fields;
    let parties: Vec<&str> = f.parties.iter().map(|p| p.name.as_str()).collect();
    let mut out = vec![
        format!("{}–{}", f.start.format("%H:%M"), f.end.format("%H:%M")),
        label("session_kind", f.kind.code()).into_owned(),
        f.place.clone(),
        parties.join("、"),
        s.case_label.clone(),
        s.mediator_names.clone(),
    ];
    if s.status != SessionStatus::Planned {
        out.push(format!("[{}]", label("session_status", s.status.code())));
    }
    out.retain(|p| !p.trim().is_empty());
    out
}

/// The agenda as an iCalendar file.
pub fn ics(sessions: &[Session], now: &Timestamp) -> String {
    let stamp = utc(now);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//tiaojie//agenda//ZH".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    for s in sessions {
        let f = &s.fields;
        let parties: Vec<&str> = f.parties.iter().map(|p| p.name.as_str()).collect();
        let kind = label("session_kind", f.kind.code());
        let summary = if parties.is_empty() {
            kind.into_owned()
        } else {
            format!("{kind} · {}", parties.join("、"))
        };
        let description = tf(
            "cli.agenda.description",
            &[("case", &s.case_label), ("mediators", &s.mediator_names)],
        );
        let status = match s.status {
            SessionStatus::Cancelled | SessionStatus::Postponed => "CANCELLED",
            _ => "CONFIRMED",
        };
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:session-{}@tiaojie", s.id.0),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART:{}", utc(&f.start)),
            format!("DTEND:{}", utc(&f.end)),
            format!("SUMMARY:{}", escape(&summary)),
            format!("LOCATION:{}", escape(&f.place)),
            format!("DESCRIPTION:{}", escape(&description)),
            format!("STATUS:{status}"),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

fn utc(t: &Timestamp) -> String {
    t.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so no physical line exceeds 75 octets (continuations start
/// with a space), ended by CRLF (RFC 5545 §3.1).
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let long = format!("SUMMARY:{}", "调解".repeat(40));
        let folded = fold(&long);
        assert!(folded.ends_with("\r\n"));
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), long);
        assert_eq!(fold("END:VEVENT"), "END:VEVENT\r\n");
    }

    #[test]
    fn the_agenda_prints_and_exports_the_range_asked_for() {
        use crate::domain::case::CaseFields;
        use crate::domain::org::{DEFAULT_NUMBER_PATTERN, OrgProfile};
        use crate::domain::party::{Party, PartyKind, PartyRole};
        use crate::domain::session::{InvitedParty, SessionFields, SessionKind};
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        let now = at("2026-11-28T09:00:00+08:00");
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("a.db")).unwrap();
        let profile = OrgProfile {
            room_name: "老王调解工作室".into(),
            committee_name: "新华街道人民调解委员会".into(),
            number_prefix: "临新".into(),
            number_pattern: DEFAULT_NUMBER_PATTERN.into(),
        };
        let org = store.create_organisation(&profile, "王建国", &now).unwrap();
        let wang = store.mediators(org.id).unwrap()[0].id;
        let mut f = CaseFields::blank(now.date_naive());
        f.facts = "漏水".into();
        let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
        p.name = "王秀兰,张".into();
        f.parties.push(p);
        let case = store.create_case(org.id, &f, "wang", &now).unwrap();
        let session = SessionFields {
            case_id: case.id,
            kind: SessionKind::Mediation,
            start: at("2026-11-30T09:30:00+08:00"),
            end: at("2026-11-30T11:00:00+08:00"),
            place: "小调解室".into(),
            place_is_room: true,
            mediators: vec![wang],
            parties: vec![InvitedParty {
                seq: 0,
                name: "王秀兰,张".into(),
            }],
        };
        store.create_session(org.id, &session, "", &now).unwrap();
        let q = AgendaQuery {
            from: now.date_naive(),
            days: 3,
            mediator: Some("王建国".into()),
        };
        let found = sessions(&store, &q).unwrap();
        assert_eq!(found.len(), 1);
        let txt = text(&found, &q);
        assert!(
            txt.starts_with("2026-11-30 周一\n  09:30–11:00  调解  小调解室"),
            "{txt}"
        );
        let cal = ics(&found, &now);
        assert!(cal.contains("DTSTART:20261130T013000Z\r\n"), "{cal}");
        assert!(cal.contains("SUMMARY:调解 · 王秀兰\\,张\r\n"), "{cal}");
        assert!(
            !cal.replace("\r\n", "").contains('\n'),
            "every line ends with CRLF"
        );
        let two_days = AgendaQuery {
            days: 2,
            ..q.clone()
        };
        assert!(sessions(&store, &two_days).unwrap().is_empty());
        assert!(text(&[], &two_days).contains("没有日程"));
        let nobody = AgendaQuery {
            mediator: Some("钱多多".into()),
            ..q
        };
        let err = sessions(&store, &nobody).unwrap_err().to_string();
        assert!(err.contains("钱多多") && err.contains("王建国"), "{err}");
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape("a,b;c\\d\ne\u{7}"), "a\\,b\\;c\\\\d\\ne");
    }
}
