//! From a [`Document`] to positioned lines, for both writers: the blocks broken into
//! lines of a given width by a given measure (cells for text, font advances for PDF),
//! with alignment, hanging indents, and which lines must stay on one page together
//! (signature areas with their labels, the seal and the date).

use super::linebreak::break_lines;
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
        push_wrapped(&mut out, number, Align::Center, 0, m);
    }
    if let Some(to) = &doc.addressee {
        let first = out.len();
        push_wrapped(&mut out, to, Align::Left, 0, m);
        mark_gap(&mut out, first);
    }
    for block in &doc.blocks {
        let first = out.len();
        block_lines(&mut out, block, m);
        mark_gap(&mut out, first);
    }
    let foot = out.len();
    for sig in &doc.signatures {
        let at = out.len();
        let text = format!("{}：{}", sig.label, "＿".repeat(8));
        push_wrapped(&mut out, &text, Align::Left, 0, m);
        mark_gap(&mut out, at);
    }
    if let Some(seal) = &doc.seal {
        let at = out.len();
        push_wrapped(&mut out, seal, Align::Right, 0, m);
        mark_gap(&mut out, at);
    }
    if let Some(date) = &doc.date {
        push_wrapped(&mut out, date, Align::Right, 0, m);
    }
    // The signature areas, the seal and the date stay on one page together.
    let last = out.len().saturating_sub(1);
    for line in out.iter_mut().take(last).skip(foot) {
        line.keep_with_next = true;
    }
    out
}

fn mark_gap(out: &mut [Line], at: usize) {
    if let Some(line) = out.get_mut(at) {
        line.gap_before = true;
    }
}

fn block_lines(out: &mut Vec<Line>, block: &Block, m: &Measure) {
    match block {
        Block::Paragraph(text) => push_wrapped(out, &format!("　　{text}"), Align::Left, 0, m),
        Block::Labelled { label, text } => labelled(out, label, text, m),
        Block::Fields(rows) => {
            for (label, value) in rows {
                labelled(out, label, value, m);
            }
        }
        Block::Party { role, fields } => {
            let mut rows = fields.iter();
            let name = rows.next().map(|(_, v)| v.as_str()).unwrap_or_default();
            labelled(out, role, name, m);
            // The role line never ends a page alone.
            if let Some(line) = out.last_mut() {
                line.keep_with_next = rows.len() > 0;
            }
            let rest: Vec<String> = rows.map(|(l, v)| format!("{l}：{v}")).collect();
            if !rest.is_empty() {
                let indent = (m.body)('　') * 2;
                let text = rest.join("；");
                push_wrapped(out, &text, Align::Left, indent, m);
            }
        }
    }
}

/// "label：text" with the text's continuation lines under the text, not the label —
/// unless the label takes more than half the line, then the whole is one paragraph.
fn labelled(out: &mut Vec<Line>, label: &str, text: &str, m: &Measure) {
    let head = format!("{label}：");
    let head_width: u32 = head.chars().map(m.body).sum();
    if head_width * 2 > m.width {
        push_wrapped(out, &format!("{head}{text}"), Align::Left, 0, m);
        return;
    }
    let lines = break_lines(text, m.width - head_width, m.body);
    for (i, text) in lines.into_iter().enumerate() {
        let mut line = Line::new(text, Align::Left);
        if i == 0 {
            line.text.insert_str(0, &head);
        } else {
            line.indent = head_width;
        }
        out.push(line);
    }
}

fn push_wrapped(out: &mut Vec<Line>, text: &str, align: Align, indent: u32, m: &Measure) {
    for text in break_lines(text, m.width.saturating_sub(indent), m.body) {
        let mut line = Line::new(text, align);
        line.indent = indent;
        out.push(line);
    }
}
