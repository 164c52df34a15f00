//! Where the pages of a laid-out document break — one rule for the PDF, the text format
//! and the preview, so they have the same pages (and the 卷内目录 the same page numbers):
//! the text block of A4 after GB/T 9704 holds 22 lines; a title takes two, the space
//! before a block half of one. A run of lines joined by `keep_with_next` moves to a new
//! page as a whole when it does not fit (unless it is taller than a page, when it breaks
//! where it must). Heights are counted in half lines.

use super::layout::Line;

/// A page's text block, in half lines (22 lines).
pub const PAGE: u32 = 44;
/// A body line.
pub const LINE: u32 = 2;
/// A title line.
pub const TITLE: u32 = 4;
/// The space before a block.
pub const GAP: u32 = 1;

/// A line's height where it is placed: its own, and the space before it unless it opens
/// a page.
fn height(line: &Line, at_top: bool) -> u32 {
    let gap = if line.gap_before && !at_top { GAP } else { 0 };
    gap + if line.title { TITLE } else { LINE }
}

/// Lines placed on pages: each with the top of its box, in half lines from the top of
/// the text block, and whether a gap goes before it on this page.
pub fn paginate(lines: &[Line]) -> Vec<Vec<(u32, &Line)>> {
    let mut pages: Vec<Vec<(u32, &Line)>> = vec![Vec::new()];
    let mut y = 0;
    let mut i = 0;
    while i < lines.len() {
        let mut end = i;
        while end + 1 < lines.len() && lines[end].keep_with_next {
            end += 1;
        }
        let group = &lines[i..=end];
        let page_empty = pages.last().is_none_or(Vec::is_empty);
        let total: u32 = group
            .iter()
            .enumerate()
            .map(|(k, l)| height(l, k == 0 && page_empty))
            .sum();
        if y + total > PAGE && !page_empty && total <= PAGE {
            pages.push(Vec::new());
            y = 0;
        }
        for line in group {
            let at_top = pages.last().is_none_or(Vec::is_empty);
            if y + height(line, at_top) > PAGE && !at_top {
                pages.push(Vec::new());
                y = 0;
            }
            let at_top = pages.last().is_none_or(Vec::is_empty);
            if line.gap_before && !at_top {
                y += GAP;
            }
            if let Some(page) = pages.last_mut() {
                page.push((y, line));
            }
            y += if line.title { TITLE } else { LINE };
        }
        i = end + 1;
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::layout::Align;

    fn line(text: &str, keep: bool) -> Line {
        Line {
            text: text.into(),
            align: Align::Left,
            indent: 0,
            title: false,
            gap_before: false,
            keep_with_next: keep,
            justify: false,
        }
    }

    #[test]
    fn a_kept_group_moves_to_the_next_page_whole() {
        // 22 lines fit a page; body lines then a 4-line foot that must stay together.
        for body in 15..30 {
            let mut lines: Vec<Line> = (0..body)
                .map(|i| line(&format!("正文{i}"), false))
                .collect();
            lines.push(line("当事人（签名）：＿＿", true));
            lines.push(line("登记人（签名）：＿＿", true));
            lines.push(line("委员会（印）", true));
            lines.push(line("2026年11月28日", false));
            let pages = paginate(&lines);
            let page_of = |t: &str| {
                pages
                    .iter()
                    .position(|p| p.iter().any(|(_, l)| l.text.starts_with(t)))
            };
            let foot = page_of("当事人");
            assert!(foot.is_some());
            for t in ["登记人", "委员会", "2026年"] {
                assert_eq!(page_of(t), foot, "{body} body lines");
            }
            for page in &pages {
                assert!(page.len() <= 22);
                for (y, _) in page {
                    assert!(*y + LINE <= PAGE, "{body}: line at {y}");
                }
            }
            assert_eq!(pages.iter().map(Vec::len).sum::<usize>(), lines.len());
        }
    }

    #[test]
    fn a_group_taller_than_a_page_breaks_where_it_must() {
        let lines: Vec<Line> = (0..30).map(|i| line(&format!("{i}"), true)).collect();
        let pages = paginate(&lines);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), 22);
    }
}
