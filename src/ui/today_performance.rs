//! A line of the today screen for an agreement's performance item still owed:
//! "  已超期3天  11-25  履行：李四→张三 支付赔偿款 ¥3,000.00  （2026）临新人调字第8号".

use super::text::{clean, fit, width};
use super::theme::Theme;
use super::today::urgency;
use crate::domain::deadlines::Limits;
use crate::domain::money::format_yuan;
use crate::i18n::t;
use crate::storage::DueItem;
use chrono::NaiveDate;
use ratatui::text::{Line, Span};

/// The line of `due` as seen on `today`, `w` cells wide.
pub fn line(due: &DueItem, today: NaiveDate, w: usize, theme: Theme) -> Line<'static> {
    let item = &due.item;
    let day = item.due.unwrap_or(today);
    let (when, style) = urgency(Limits::default().urgency(day, today), theme);
    let when = format!("  {}", fit(&when, w / 3));
    let who = if item.obligee.is_empty() {
        item.obligor.clone()
    } else {
        format!("{}→{}", item.obligor, item.obligee)
    };
    let mut rest = format!(
        "  {}  {}{} {}",
        day.format("%m-%d"),
        t("today.performance_item"),
        clean(&who),
        clean(&item.what)
    );
    if let Some(fen) = item.amount_fen {
        rest.push_str(&format!(" ¥{}", format_yuan(fen)));
    }
    rest.push_str("  ");
    rest.push_str(&clean(&due.label));
    let rest = fit(&rest, w.saturating_sub(width(&when))).into_owned();
    let pad = w.saturating_sub(width(&when) + width(&rest));
    Line::from(vec![
        Span::styled(when, style),
        Span::raw(rest),
        Span::raw(" ".repeat(pad)),
    ])
}
