//! Repeat disputes (重复纠纷): earlier cases of the same parties, under the parties in the
//! case detail and at the foot of the party dialog.

use super::super::text::{clean, fit};
use super::super::theme::Theme;
use super::super::wrap::wrap;
use crate::domain::case::CaseSummary;
use crate::i18n::{label, t, tn};
use ratatui::text::Line;

/// How a case is named in a short list: its number, or its date when it has none.
fn name(c: &CaseSummary) -> String {
    match &c.number {
        Some(n) => clean(n).into_owned(),
        None => c.received_on.to_string(),
    }
}

/// The section in the case detail (nothing when there are no earlier cases).
pub(in crate::ui) fn section(
    out: &mut Vec<Line<'static>>,
    cases: &[CaseSummary],
    w: usize,
    theme: Theme,
) {
    if cases.is_empty() {
        return;
    }
    out.push(Line::default());
    out.push(Line::styled(
        tn(
            "repeat.title",
            cases.len() as u64,
            &[("n", &cases.len().to_string())],
        ),
        theme.risk(),
    ));
    for c in cases {
        let text = format!(
            "  {}  {}  {}  {}",
            name(c),
            c.received_on,
            label("status", c.status.code()),
            clean(&c.parties)
        );
        out.extend(wrap(
            &[(fit(&text, w.saturating_mul(2)).into_owned(), theme.text())],
            w,
            4,
        ));
    }
}

/// One line for the party dialog: how many earlier cases and the first few.
pub(in crate::ui) fn dialog_line(cases: &[CaseSummary]) -> Option<String> {
    if cases.is_empty() {
        return None;
    }
    let shown: Vec<String> = cases.iter().take(3).map(name).collect();
    let more = if cases.len() > 3 {
        t("repeat.more").into_owned()
    } else {
        String::new()
    };
    Some(tn(
        "repeat.dialog",
        cases.len() as u64,
        &[
            ("n", &cases.len().to_string()),
            ("cases", &format!("{}{more}", shown.join(&t("list.sep")))),
        ],
    ))
}
