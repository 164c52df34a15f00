//! How the status line is laid out, for its drawer (`ui::chrome`) and for the case list,
//! whose page holds the rows the status leaves: the message broken by the shared line
//! breaker (禁则, paths and numbers kept whole where they fit) into one line, or two when
//! it does not fit on one and the window is taller than the smallest one laid out.
//! Imports nothing of the state (the state asks it).

use crate::text::lines_within;

/// The smallest window the screens are laid out for.
pub const MIN_SIZE: (u16, u16) = (60, 16);

/// The lines `text` is shown in on a window of `size` (columns, rows); one cell of each
/// is the margin.
pub fn status_lines(text: &str, size: (u16, u16)) -> Vec<String> {
    let rows = if size.1 > MIN_SIZE.1 { 2 } else { 1 };
    lines_within(text, usize::from(size.0).saturating_sub(1), rows)
}

/// How many rows the status takes with `text` in it (one when there is none).
pub fn status_rows(text: Option<&str>, size: (u16, u16)) -> u16 {
    let lines = text.map_or(1, |t| status_lines(t, size).len());
    u16::try_from(lines).unwrap_or(1).max(1)
}
