//! The case list: a table of the visible page (number, date, category, parties, status,
//! mediators), with the filter, sort and page shown above it.

use super::text::{clean, fit, width};
use super::theme::Theme;
use crate::app::AppState;
use crate::app::state::Screen;
use crate::domain::case::CaseSort;
use crate::domain::category::CaseCategory;
use crate::domain::status::CaseStatus;
use crate::i18n::{label, t, tf};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState};
use tui_input::Input;

/// Widths in cells of number, date and category; parties take what is left, status and
/// mediator columns fit their words in the current language.
const WIDTHS: [u16; 3] = [24, 10, 8];
/// The number column grows to fit three- and four-digit sequences, up to this.
const NUMBER_MAX: u16 = 28;
/// The parties keep at least this many cells: on a narrow window the date gives up its
/// year and then the category its column before the names shrink to `…`.
const PARTIES_MIN: u16 = 12;
/// The date without its year (`11-27`).
const SHORT_DATE: u16 = 5;

fn status_width() -> u16 {
    let longest = CaseStatus::ALL
        .iter()
        .map(|s| width(&label("status", s.code())))
        .max()
        .unwrap_or(8);
    longest.max(width(&t("col.status"))) as u16
}

/// Rows of the case list screen that are not case rows: the title and tab bars, the info
/// line, the table's two borders and its header, the status line and the key bar.
pub const CHROME_ROWS: u16 = 8;

/// The terminal's size as `update` gets it, with the case rows a page of the list holds.
pub fn screen(cols: u16, rows: u16) -> Screen {
    Screen {
        cols,
        rows,
        list_rows: u64::from(rows.saturating_sub(CHROME_ROWS)).max(1),
    }
}

/// Draws the list.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let [info, table] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    info_line(frame, info, state, theme);
    let list = &state.list;
    let page = (list.query.offset / list.query.limit.max(1)) + 1;
    let pages = list.page.total.div_ceil(list.query.limit.max(1)).max(1);
    let title = tf(
        "list.title",
        &[
            ("total", &list.page.total.to_string()),
            ("page", &page.to_string()),
            ("pages", &pages.to_string()),
        ],
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.frame())
        .title(format!(" {title} "));
    if list.page.rows.is_empty() {
        let key = if list.loading {
            "list.loading"
        } else if list.query.status.is_some() || !list.query.text.is_empty() {
            "list.none_match"
        } else {
            "list.empty"
        };
        frame.render_widget(
            Paragraph::new(t(key)).style(theme.dim()).block(block),
            table,
        );
        return;
    }
    // In ASCII a triangle would become `v` or `^`, and `v` is a key (记录回访): the
    // direction is then written as a sign, as in `-收案日期` sort orders.
    let sort_mark = match (theme.ascii, list.query.descending) {
        (false, true) => "▼",
        (false, false) => "▲",
        (true, true) => "-",
        (true, false) => "+",
    };
    let header_cell = |key: &str, sort: Option<CaseSort>| {
        let mut text = t(key).into_owned();
        if sort == Some(list.query.sort) {
            text.push_str(sort_mark);
        }
        Cell::from(text)
    };
    let status_w = status_width();
    let widest_number = list
        .page
        .rows
        .iter()
        .filter_map(|r| r.number.as_deref())
        .map(width)
        .max();
    let number_w = (widest_number.unwrap_or(0) as u16).clamp(WIDTHS[0], NUMBER_MAX);
    let mediator_w = (width(&t("col.mediators")) as u16).max(6);
    let fixed = 2 + number_w + status_w + mediator_w + 5;
    let room =
        |received: u16, category: u16| table.width.saturating_sub(fixed + received + category);
    let (received_w, category_w) = if room(WIDTHS[1], WIDTHS[2]) >= PARTIES_MIN {
        (WIDTHS[1], WIDTHS[2])
    } else if room(SHORT_DATE, WIDTHS[2]) >= PARTIES_MIN {
        (SHORT_DATE, WIDTHS[2])
    } else {
        (SHORT_DATE, 0)
    };
    let parties_width = room(received_w, category_w) as usize;
    let short_date = received_w == SHORT_DATE;
    let header = Row::new(vec![
        header_cell("col.number", Some(CaseSort::Number)),
        header_cell(
            if short_date {
                "col.received_short"
            } else {
                "col.received"
            },
            Some(CaseSort::Received),
        ),
        header_cell("col.category", Some(CaseSort::Category)),
        header_cell("col.parties", None),
        header_cell("col.status", Some(CaseSort::Status)),
        header_cell("col.mediators", None),
    ])
    .style(theme.header());
    let rows = list.page.rows.iter().map(|r| {
        let number = r
            .number
            .as_deref()
            .map(|n| clean(n).into_owned())
            .unwrap_or_else(|| t("list.no_number").into_owned());
        let mut parties = vec![Span::raw(
            fit(&clean(&r.parties), parties_width.saturating_sub(2)).into_owned(),
        )];
        if r.at_risk {
            parties.insert(0, Span::styled("! ", theme.risk()));
        }
        Row::new(vec![
            Cell::from(fit(&number, number_w as usize).into_owned()),
            Cell::from(
                r.received_on
                    .format(if short_date { "%m-%d" } else { "%Y-%m-%d" })
                    .to_string(),
            ),
            Cell::from(fit(&category_label(&r.category), category_w as usize).into_owned()),
            Cell::from(Line::from(parties)),
            Cell::from(label("status", r.status.code())).style(theme.status(r.status)),
            Cell::from(fit(&clean(&r.mediators), mediator_w as usize).into_owned()),
        ])
    });
    let widths = [
        Constraint::Length(number_w),
        Constraint::Length(received_w),
        Constraint::Length(category_w),
        Constraint::Min(8),
        Constraint::Length(status_w),
        Constraint::Length(mediator_w),
    ];
    let table_widget = Table::new(rows, widths)
        .header(header)
        .block(block)
        .row_highlight_style(theme.selected());
    let mut table_state = TableState::default().with_selected(Some(list.selected));
    frame.render_stateful_widget(table_widget, table, &mut table_state);
}

/// The line above the table: the search box (with the cursor in it) or the active filter.
fn info_line(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let list = &state.list;
    let status = match list.query.status {
        Some(s) => label("status", s.code()),
        None => t("list.all_statuses"),
    };
    let mut spans = vec![
        Span::styled(format!(" {} ", t("list.status_filter")), theme.dim()),
        Span::raw(status.into_owned()),
    ];
    spans.push(Span::styled(
        format!("  {} ", t("list.search")),
        theme.dim(),
    ));
    match &list.search {
        Some(input) => {
            let prefix: usize = spans.iter().map(|s| super::text::width(&s.content)).sum();
            spans.push(Span::styled(
                format!("{} ", clean(input.value())),
                theme.selected(),
            ));
            place_cursor(frame, area, prefix, input);
        }
        None if list.query.text.is_empty() => {
            spans.push(Span::styled(t("list.search_hint"), theme.dim()))
        }
        None => spans.push(Span::raw(clean(&list.query.text).into_owned())),
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn place_cursor(frame: &mut Frame, area: Rect, prefix: usize, input: &Input) {
    let x = area.x as usize + prefix + input.visual_cursor();
    if x < (area.x + area.width) as usize {
        frame.set_cursor_position((x as u16, area.y));
    }
}

/// A category as lists show it: the room's own sub-type name, else the national type.
pub fn category_label(c: &CaseCategory) -> String {
    match &c.local {
        Some(local) => clean(local).into_owned(),
        None => label("category", c.national.code()).into_owned(),
    }
}
