//! The follow-up visits (回访) of the case on its detail: one line per visit (date, way,
//! performance, satisfaction, who), then any lawsuit or escalation and the measures taken.

use crate::app::CaseDetail;
use crate::i18n::{label, t, tf};
use crate::ui::text::{clean, fit};
use crate::ui::theme::Theme;
use ratatui::text::Line;

/// The heading with the number of visits, then each visit.
pub(super) fn section(out: &mut Vec<Line<'static>>, detail: &CaseDetail, w: usize, theme: Theme) {
    let visits = detail.follow_ups();
    let none = visits.is_empty().then(|| t("detail.no_follow_ups"));
    super::section_heading(
        out,
        tf("detail.follow_ups", &[("n", &visits.len().to_string())]),
        none.as_deref(),
        w,
        theme,
    );
    for v in visits {
        let line = tf(
            "detail.follow_up_line",
            &[
                ("date", &v.visited_on.format("%Y-%m-%d").to_string()),
                ("way", &label("visit_way", v.way.code())),
                ("performance", &label("performance", v.performance.code())),
                (
                    "satisfaction",
                    &label("satisfaction", v.satisfaction.code()),
                ),
                ("by", &clean(&v.by_whom)),
            ],
        );
        out.push(Line::raw(fit(&format!("  {line}"), w).into_owned()));
        let mut flags = Vec::new();
        if v.lawsuit {
            flags.push(t("detail.follow_up_lawsuit"));
        }
        if v.escalation {
            flags.push(t("detail.follow_up_escalation"));
        }
        if !flags.is_empty() {
            let text = format!("    ! {}", flags.join(t("list.sep").as_ref()));
            out.push(Line::styled(fit(&text, w).into_owned(), theme.error()));
        }
        if !v.measures.trim().is_empty() {
            let text = tf(
                "detail.follow_up_measures",
                &[("text", &clean(&v.measures))],
            );
            out.push(Line::styled(
                fit(&format!("    {text}"), w).into_owned(),
                theme.dim(),
            ));
        }
    }
}
