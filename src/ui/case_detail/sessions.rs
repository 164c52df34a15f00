//! The sessions of the case on its detail: date and time, kind, place, mediators, status;
//! a session's override reason, record outcome, new time (postponed) or reason (called off)
//! below it when there is one.

use crate::app::CaseDetail;
use crate::i18n::{t, tf};
use crate::ui::session_line;
use crate::ui::text::{clean, fit};
use crate::ui::theme::Theme;
use ratatui::text::{Line, Span};

/// The heading with the number of sessions, then one line per session.
pub(super) fn section(out: &mut Vec<Line<'static>>, detail: &CaseDetail, w: usize, theme: Theme) {
    let sessions = detail.sessions();
    let none = sessions.is_empty().then(|| t("detail.no_sessions"));
    super::section_heading(
        out,
        tf("detail.sessions", &[("n", &sessions.len().to_string())]),
        none.as_deref(),
        w,
        theme,
    );
    for s in sessions {
        let day = format!("  {} ", s.fields.start.format("%Y-%m-%d"));
        let rest = session_line::line(s, w.saturating_sub(day.len()), 0, false, theme);
        let mut spans = vec![Span::styled(day, theme.frame())];
        spans.extend(rest.spans);
        out.push(Line::from(spans));
        // A postponed session names its new time (the new session is listed too).
        let moved_to = s
            .postponed_to
            .and_then(|id| sessions.iter().find(|n| n.id == id))
            .map(|n| n.fields.start.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
        for (key, text) in [
            ("detail.session_override", &s.override_reason),
            ("detail.session_outcome", &s.record.outcome),
            ("detail.session_moved_to", &moved_to),
            ("detail.session_cancel_reason", &s.cancel_reason),
        ] {
            if !text.trim().is_empty() {
                let line = tf(key, &[("text", &clean(text))]);
                out.push(Line::styled(
                    fit(&format!("    {line}"), w).into_owned(),
                    theme.dim(),
                ));
            }
        }
    }
}
