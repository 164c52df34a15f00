//! What a 司法所 reviewer checks on printed paper (DOMAIN.md §3), on `pdftotext -layout`
//! output: one function per rule, each returning the lines that break it, so a failure
//! names the form, the case and the offending text.

/// Marks no line may start with.
const CLOSING: &str = "，。、；：？！）》」』】〕”’";
/// Marks no line may end with.
const OPENING: &str = "（《「『【〔“";
/// Units that belong to the number before them.
const UNITS: &str = "年月日号时分元角万岁%";
/// Amounts in capitals.
const CAPITALS: &str = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角整";

/// The pages of a pdftotext output, each as its non-empty lines, trimmed; the folio
/// (第 1 页 共 2 页) left out.
pub fn pages(text: &str) -> Vec<Vec<String>> {
    text.split('\u{c}')
        .map(|page| {
            page.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .filter(|l| !(l.starts_with('第') && l.contains("页共") || l.contains("页 共")))
                .map(str::to_string)
                .collect::<Vec<String>>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Lines that start with a closing mark or end with an opening one.
pub fn bad_marks(pages: &[Vec<String>]) -> Vec<String> {
    pages
        .iter()
        .flatten()
        .filter(|l| {
            l.chars().next().is_some_and(|c| CLOSING.contains(c))
                || l.chars().last().is_some_and(|c| OPENING.contains(c))
        })
        .cloned()
        .collect()
}

/// Pairs of lines where a number, an amount in capitals or a date runs on from one to
/// the next (`131600⏎元`, `2024年2⏎月`, `壹万玖仟元⏎整`, `民诉前调2054⏎号`).
pub fn split_numbers(pages: &[Vec<String>]) -> Vec<String> {
    let mut out = Vec::new();
    for page in pages {
        for pair in page.windows(2) {
            let (Some(end), Some(start)) = (pair[0].chars().last(), pair[1].chars().next()) else {
                continue;
            };
            // A number typed at the end of a party's particulars is followed by the next
            // label, never by a digit or a unit.
            let digit_then =
                end.is_ascii_digit() && (start.is_ascii_digit() || UNITS.contains(start));
            let date_then = "年月".contains(end) && start.is_ascii_digit() && {
                let before: Vec<char> = pair[0].chars().rev().skip(1).take(1).collect();
                before.first().is_some_and(char::is_ascii_digit)
            };
            let capitals = CAPITALS.contains(end)
                && CAPITALS.contains(start)
                && pair[0]
                    .chars()
                    .rev()
                    .nth(1)
                    .is_some_and(|c| CAPITALS.contains(c));
            if digit_then || date_then || capitals {
                out.push(format!("{}⏎{}", pair[0], pair[1]));
            }
        }
    }
    out
}

/// Whether a line is a place to sign, the seal line or the date at the foot.
fn is_foot(line: &str) -> bool {
    line.contains("＿＿")
        || line.ends_with("（印）")
        || (line.ends_with('日') && line.contains('年') && line.chars().count() <= 12)
}

/// Pages after the first that hold nothing but the signature block.
pub fn bare_signature_pages(pages: &[Vec<String>]) -> Vec<usize> {
    pages
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, page)| {
            page.iter().any(|l| l.contains("＿＿")) && page.iter().all(|l| is_foot(l))
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// The text without any whitespace (pdftotext breaks lines where the paper does).
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_checks_find_what_they_look_for() {
    let text = "人民调解协议书\n支付131600\n元，依新公调〔\n2026〕88号\n，人民币壹万玖仟元\n整）于2024年\n2月\n\u{c}\n当事人（签名）：＿＿＿＿\n新华委员会（印）\n2026年11月28日\n";
    let p = pages(text);
    assert_eq!(p.len(), 2);
    assert_eq!(split_numbers(&p).len(), 3, "{:?}", split_numbers(&p));
    assert_eq!(bad_marks(&p), ["元，依新公调〔", "，人民币壹万玖仟元"]);
    assert_eq!(bare_signature_pages(&p), [2]);
    let fine =
        pages("正文\n联系方式：13812345678\n住址：幸福里\n\u{c}末行正文。\n当事人（签名）：＿＿\n");
    assert!(split_numbers(&fine).is_empty() && bare_signature_pages(&fine).is_empty());
}
