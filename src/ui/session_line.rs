//! One session as a line of a list (today screen, agenda, case detail): time, kind, place,
//! the case, the mediators; cut to the width, every stored string cleaned.

use super::text::{clean, fit, squeeze, width};
use super::theme::Theme;
use crate::domain::session::{Session, SessionStatus};
use crate::i18n::label;
use ratatui::text::{Line, Span};

/// The pieces of a session line, in the order they are shown.
pub fn pieces(s: &Session, with_case: bool) -> Vec<String> {
    let f = &s.fields;
    let mut out = vec![
        format!("{}–{}", f.start.format("%H:%M"), f.end.format("%H:%M")),
        label("session_kind", f.kind.code()).into_owned(),
        clean(&f.place).into_owned(),
    ];
    let parties: Vec<&str> = f.parties.iter().map(|p| p.name.as_str()).collect();
    if !parties.is_empty() {
        out.push(clean(&parties.join("、")).into_owned());
    }
    if with_case {
        out.push(clean(&s.case_label).into_owned());
    }
    out.push(clean(&s.mediator_names).into_owned());
    if s.status != SessionStatus::Planned {
        out.push(format!("[{}]", label("session_status", s.status.code())));
    }
    out
}

/// A session as one line of at most `w` cells, starting with `indent` spaces. Where the
/// line is too long, the party names are shortened first, then the place, the mediators
/// and the kind; the case number is never cut.
pub fn line(s: &Session, w: usize, indent: usize, with_case: bool, theme: Theme) -> Line<'static> {
    let mut pieces = pieces(s, with_case);
    let parties = usize::from(!s.fields.parties.is_empty());
    let case = usize::from(with_case);
    // Indices in `pieces`: time 0, kind 1, place 2, parties 3, case, then the mediators.
    let mediators = 3 + parties + case;
    let mut shrink = vec![2, mediators, 1];
    if parties == 1 {
        shrink.insert(0, 3);
    }
    squeeze(&mut pieces, &shrink, 2, w.saturating_sub(indent));
    let shown: Vec<String> = pieces.into_iter().filter(|p| !p.is_empty()).collect();
    let text = format!("{}{}", " ".repeat(indent), shown.join("  "));
    let style = if s.status.occupies_time() {
        theme.text()
    } else {
        theme.dim()
    };
    let cut = fit(&text, w).into_owned();
    let pad = w.saturating_sub(width(&cut));
    Line::from(vec![Span::styled(cut, style), Span::raw(" ".repeat(pad))])
}
