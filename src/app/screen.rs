//! The terminal's size as `update` gets it. The layout (`ui::screen`, called by the event
//! loop and the tests) says how many case rows a page of the list holds in it, so the page
//! size lives with the layout and `app` imports nothing of `ui`.

/// The terminal's size, and what the layout fits in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// Columns.
    pub cols: u16,
    /// Rows.
    pub rows: u16,
    /// Case rows that fit on one page of the case list (at least one).
    pub list_rows: u64,
}
