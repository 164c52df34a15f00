//! From a [`Document`] to positioned lines, for both writers: the blocks broken into
//! lines of a given width by a given measure (cells for text, font advances for PDF),
//! with alignment, hanging indents, and which lines must stay on one page together
//! (signature areas with their labels, the seal and the date). Every line of running
//! text but a paragraph's last is marked to be justified, and no paragraph ends with a
//! single character on its last line (`linebreak::break_paragraphs`).

use super::linebreak::{break_lines, break_paragraphs};
use super::model::{Block, Document};

/// How a line sits across the width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left, after its indent.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// One laid-out line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text.
    pub text: String,
    /// Alignment.
    pub align: Align,
    /// Left indent, in the measure's units (a hanging indent under a label).
    pub indent: u32,
    /// In the title face and size.
    pub title: bool,
    /// An empty line's worth of space before this one.
    pub gap_before: bool,
    /// This line and the next must be on the same page.
    pub keep_with_next: bool,
    /// Spread to the full width (from its indent to the right margin): every line of a
    /// left-aligned paragraph but its last.
    pub justify: bool,
}

impl Line {
    fn new(text: String, align: Align) -> Self {
        Self {
            text,
            align,
            indent: 0,
            title: false,
            gap_before: false,
            keep_with_next: false,
            justify: false,
        }
    }
}

/// Measures for a layout: the body width and one character's width in the body and the
/// title face, all in the same units.
pub struct Measure<'a> {
    /// The width of a line.
    pub width: u32,
    /// A body character's width.
    pub body: &'a dyn Fn(char) -> u32,
    /// A title character's width.
    pub title: &'a dyn Fn(char) -> u32,
}

/// The whole document as lines, top to bottom.
pub fn lay_out(doc: &Document, m: &Measure) -> Vec<Line> {
    let mut out = Vec::new();
    for text in break_lines(&doc.title, m.width, m.title) {
        let mut line = Line::new(text, Align::Center);
        line.title = true;
        line.keep_with_next = true;
        out.push(line);
    }
    if let Some(number) = &doc.number {
        push_wrapped(&mut out, number, Align::Center, 0, m, &doc.keep);
    }
    if let Some(to) = &doc.addressee {
        let first = out.len();
        push_wrapped(&mut out, to, Align::Left, 0, m, &doc.keep);
        mark_gap(&mut out, first);
    }
    let mut starts = Vec::new();
    for block in &doc.blocks {
        let first = out.len();
        starts.push(first);
        block_lines(&mut out, block, m, &doc.keep);
        mark_gap(&mut out, first);
    }
    let body_end = out.len();
    if let Some(mark) = &doc.end_mark {
        push_wrapped(&mut out, &format!("　　{mark}"), Align::Left, 0, m, &[]);
    }
    let foot = out.len();
    for sig in &doc.signatures {
        let at = out.len();
        let text = signature_text(&sig.label, m);
        push_wrapped(&mut out, &text, Align::Left, 0, m, &doc.keep);
        mark_gap(&mut out, at);
    }
    if let Some(seal) = &doc.seal {
        let at = out.len();
        push_wrapped(&mut out, seal, Align::Right, 0, m, &doc.keep);
        mark_gap(&mut out, at);
    }
    if let Some(date) = &doc.date {
        push_wrapped(&mut out, date, Align::Right, 0, m, &doc.keep);
    }
    keep_closing(&mut out, &starts, body_end, foot);
    out
}

/// Joins the signature areas, the seal and the date into one group kept on one page,
/// with the closing lines of the text above them, so the page that is signed always
/// carries text of the document (DOMAIN.md §3): at least [`CLOSING_LINES`], from the
/// start of their paragraph when it is short (a page never starts with a short
/// paragraph's last words). `starts` are the first lines of the body's blocks.
fn keep_closing(out: &mut [Line], starts: &[usize], body_end: usize, foot: usize) {
    let last = out.len().saturating_sub(1);
    if last < foot {
        return;
    }
    let body_start = starts.first().copied().unwrap_or(body_end);
    let at_least = body_end.saturating_sub(CLOSING_LINES).max(body_start);
    let block = starts
        .iter()
        .rev()
        .find(|s| **s <= at_least)
        .copied()
        .unwrap_or(at_least);
    let block_end = starts
        .iter()
        .find(|s| **s > block)
        .copied()
        .unwrap_or(body_end);
    let closing = if block_end - block <= SHORT_BLOCK {
        block
    } else {
        at_least
    };
    for line in out.iter_mut().take(last).skip(closing.min(foot)) {
        line.keep_with_next = true;
    }
}

/// A paragraph this short goes to the signed page whole.
const SHORT_BLOCK: usize = 4;

/// How many lines of text end up on the signed page at least (a standard closing
/// sentence alone would fit under any text: some of the document's own words go too).
const CLOSING_LINES: usize = 3;

/// "label：＿＿＿＿＿＿＿＿" with the line to sign on never broken: when a long label
/// leaves less room than 8 ＿ on its last line, the line fills what is left (at least
/// 4), else it starts a line of its own.
fn signature_text(label: &str, m: &Measure) -> String {
    let head = format!("{label}：");
    let rule = (m.body)('＿').max(1);
    let last = break_lines(&head, m.width, m.body)
        .last()
        .map_or(0, |l| l.chars().map(m.body).sum::<u32>());
    let room = m.width.saturating_sub(last) / rule;
    match room {
        8.. => format!("{head}{}", "＿".repeat(8)),
        4..=7 => format!("{head}{}", "＿".repeat(room as usize)),
        _ => format!("{head}\n{}", "＿".repeat(8)),
    }
}

fn mark_gap(out: &mut [Line], at: usize) {
    if let Some(line) = out.get_mut(at) {
        line.gap_before = true;
    }
}

fn block_lines(out: &mut Vec<Line>, block: &Block, m: &Measure, keep: &[String]) {
    match block {
        Block::Paragraph(text) => {
            push_wrapped(out, &format!("　　{text}"), Align::Left, 0, m, keep);
        }
        Block::Labelled { label, text } => labelled(out, label, text, m, keep),
        Block::Fields(rows) => {
            for (label, value) in rows {
                labelled(out, label, value, m, keep);
            }
        }
        Block::Party { role, fields } => {
            let mut rows = fields.iter();
            let name = rows.next().map(|(_, v)| v.as_str()).unwrap_or_default();
            labelled(out, role, name, m, keep);
            // The role line never ends a page alone.
            if let Some(line) = out.last_mut() {
                line.keep_with_next = rows.len() > 0;
            }
            let rest: Vec<String> = rows.map(|(l, v)| format!("{l}：{v}")).collect();
            if !rest.is_empty() {
                let indent = (m.body)('　') * 2;
                let text = rest.join("；");
                push_wrapped(out, &text, Align::Left, indent, m, keep);
            }
        }
    }
}

/// "label：text" with the text's continuation lines under the text, not the label —
/// unless the label takes more than a quarter of the line (纠纷主要事实、争议事项), then
/// the whole is one paragraph: a long text in a narrow column under a long label reads
/// badly and wastes the page.
fn labelled(out: &mut Vec<Line>, label: &str, text: &str, m: &Measure, keep: &[String]) {
    let head = format!("{label}：");
    let head_width: u32 = head.chars().map(m.body).sum();
    if head_width * 4 > m.width {
        push_wrapped(out, &format!("{head}{text}"), Align::Left, 0, m, keep);
        return;
    }
    let lines = break_paragraphs(text, m.width - head_width, m.body, keep);
    let held = held_together(&lines);
    for (i, (text, last)) in lines.into_iter().enumerate() {
        let mut line = Line::new(text, Align::Left);
        line.justify = !last;
        line.keep_with_next = held[i];
        if i == 0 {
            line.text.insert_str(0, &head);
        } else {
            line.indent = head_width;
        }
        out.push(line);
    }
}

fn push_wrapped(
    out: &mut Vec<Line>,
    text: &str,
    align: Align,
    indent: u32,
    m: &Measure,
    keep: &[String],
) {
    let lines = break_paragraphs(text, m.width.saturating_sub(indent), m.body, keep);
    let held = held_together(&lines);
    for (i, (text, last)) in lines.into_iter().enumerate() {
        let mut line = Line::new(text, align);
        line.indent = indent;
        line.justify = align == Align::Left && !last;
        line.keep_with_next = held[i];
        out.push(line);
    }
}

/// Which lines of broken paragraphs (each line with whether it ends its paragraph) must
/// stay on a page with the next: a paragraph's last line never starts a page alone, its
/// first never ends one alone (of three lines or more), and a figure stays with its
/// capitals.
fn held_together(lines: &[(String, bool)]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut start = 0;
    for (i, (text, last)) in lines.iter().enumerate() {
        if *last {
            let n = i + 1 - start;
            if n >= 2 {
                out[i - 1] = true;
            }
            if n >= 3 {
                out[start] = true;
            }
            start = i + 1;
        } else if amount_open(text) {
            out[i] = true;
        }
    }
    out
}

/// Whether a line holds an amount in figures whose capitals (（大写：…）) go on after it:
/// the two lines then stay on one page (DOMAIN.md §3).
fn amount_open(line: &str) -> bool {
    line.rfind(['¥', '￥'])
        .or_else(|| line.rfind("大写"))
        .is_some_and(|at| !line[at..].contains(['）', ')']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::linebreak::cells;

    fn lines(doc: &Document, width: u32) -> Vec<Line> {
        lay_out(
            doc,
            &Measure {
                width,
                body: &cells,
                title: &cells,
            },
        )
    }

    #[test]
    fn running_text_is_justified_but_for_each_paragraphs_last_line() {
        let mut doc = Document::titled("标题");
        doc.blocks
            .push(Block::Paragraph("一二三四五六七八九十甲乙丙丁".into()));
        doc.blocks.push(Block::Labelled {
            label: "事实".into(),
            text: "甲乙丙丁戊己庚辛壬癸子丑寅卯".into(),
        });
        doc.seal = Some("委员会（印）".into());
        let out = lines(&doc, 12);
        let flags: Vec<(&str, bool)> = out.iter().map(|l| (l.text.as_str(), l.justify)).collect();
        assert_eq!(
            flags,
            [
                ("标题", false),
                ("　　一二三四", true),
                ("五六七八九十", true),
                ("甲乙丙丁", false),
                // A label over a quarter of the line: one paragraph, no hanging column.
                ("事实：甲乙丙", true),
                ("丁戊己庚辛壬", true),
                ("癸子丑寅卯", false),
                ("委员会（印）", false),
            ]
        );
    }

    #[test]
    fn a_short_label_hangs_its_text_and_a_long_one_runs_as_a_paragraph() {
        let mut doc = Document::titled("标题");
        doc.blocks.push(Block::Labelled {
            label: "事实".into(),
            text: "甲乙丙丁戊己庚辛壬癸子丑寅卯".into(),
        });
        doc.blocks.push(Block::Labelled {
            label: "纠纷主要事实".into(),
            text: "甲乙丙丁戊己庚辛壬癸".into(),
        });
        let out = lines(&doc, 24);
        let texts: Vec<(&str, u32)> = out.iter().map(|l| (l.text.as_str(), l.indent)).collect();
        assert_eq!(
            texts,
            [
                ("标题", 0),
                ("事实：甲乙丙丁戊己庚辛壬", 0),
                ("癸子丑寅卯", 6),
                ("纠纷主要事实：甲乙丙丁戊", 0),
                ("己庚辛壬癸", 0),
            ]
        );
    }

    #[test]
    fn no_paragraph_ends_on_a_lone_character() {
        let mut doc = Document::titled("标题");
        // The indent and 11 characters in lines of 6 would be 6 + 6 + 1: the breaker
        // makes it 6 + 5 + 2.
        doc.blocks
            .push(Block::Paragraph("一二三四五六七八九十甲".into()));
        let out = lines(&doc, 12);
        let body: Vec<&str> = out.iter().skip(1).map(|l| l.text.as_str()).collect();
        assert_eq!(body, ["　　一二三四", "五六七八九", "十甲"]);
        for l in &out {
            assert!(l.text.chars().map(cells).sum::<u32>() <= 12);
        }
    }

    #[test]
    fn a_figure_keeps_its_capitals_and_the_signatures_keep_the_closing_lines() {
        let mut doc = Document::titled("标题");
        doc.blocks
            .push(Block::Paragraph("甲乙丙丁戊己庚辛壬癸。".repeat(3)));
        doc.blocks.push(Block::Paragraph(
            "支付修复费用¥3,000.00（大写：人民币叁仟元整），于月底付清。".into(),
        ));
        doc.end_mark = Some("（以下无正文）".into());
        doc.signatures = vec![crate::documents::Signature::new("当事人（签名）")];
        doc.date = Some("2026年11月28日".into());
        let out = lines(&doc, 24);
        let texts: Vec<(&str, bool)> = out
            .iter()
            .map(|l| (l.text.as_str(), l.keep_with_next))
            .collect();
        // The line with the figure stays with the line with the rest of its capitals.
        let figure = out.iter().position(|l| l.text.contains('¥')).unwrap_or(0);
        assert!(!out[figure].text.contains('）'), "{texts:?}");
        assert!(out[figure].keep_with_next, "{texts:?}");
        // The whole short last paragraph, the mark and the foot form one group.
        let first_of_last = out
            .iter()
            .position(|l| l.text.starts_with("　　支付"))
            .unwrap_or(0);
        let last = out.len() - 1;
        assert!(
            out[first_of_last..last].iter().all(|l| l.keep_with_next),
            "{texts:?}"
        );
        assert!(!out[first_of_last - 1].keep_with_next, "{texts:?}");
        assert!(out.iter().any(|l| l.text == "　　（以下无正文）"));
    }
}
