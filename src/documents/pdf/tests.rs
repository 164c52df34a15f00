//! The PDF writer: pagination, justification, the shipped faces.

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
fn a_justified_line_reaches_the_right_margin_and_the_last_line_does_not() {
    let adv = |c: char| if c.is_ascii() { 500 } else { 1000 };
    let mut l = line(
        "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午",
        false,
    );
    l.justify = true;
    let runs = placed(&l, &adv);
    assert_eq!(runs.len(), l.text.chars().count());
    let (x_last, _) = runs.last().cloned().unwrap_or_default();
    let right = x_last + BODY_PT;
    assert!((right - (PAGE_W - RIGHT)).abs() < 0.5, "{right}");
    assert!((runs[0].0 - LEFT).abs() < 0.01);
    // Equal gaps.
    let steps: Vec<f32> = runs.windows(2).map(|w| w[1].0 - w[0].0).collect();
    assert!(
        steps.iter().all(|s| (s - steps[0]).abs() < 0.01),
        "{steps:?}"
    );
    // Not justified: one run from the margin.
    l.justify = false;
    assert_eq!(placed(&l, &adv), vec![(LEFT, l.text.clone())]);
    // An indented first line: the indent keeps its width, the end reaches the margin.
    let mut first = line(
        "　　一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯",
        false,
    );
    first.justify = true;
    let runs = placed(&first, &adv);
    assert!((runs[2].0 - (LEFT + 2.0 * BODY_PT)).abs() < 0.01);
    let end = runs.last().map_or(0.0, |r| r.0) + BODY_PT;
    assert!((end - (PAGE_W - RIGHT)).abs() < 0.5, "{end}");
    // A short line with huge slack stays ragged.
    let mut short = line("一二", false);
    short.justify = true;
    assert_eq!(placed(&short, &adv).len(), 1);
}

#[test]
fn a_kept_group_moves_to_the_next_page_whole() {
    // 22 lines fit a page; 20 body lines then a 4-line foot that must stay together.
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
            for (y, _) in page {
                assert!(*y + LINE_H <= PAGE_H - BOTTOM + 0.01, "{body}: line at {y}");
            }
        }
        assert_eq!(pages.iter().map(Vec::len).sum::<usize>(), lines.len());
    }
}

#[cfg(unix)]
#[test]
fn a_collection_named_on_the_command_line_opens_at_its_simplified_chinese_face() {
    let noto = std::path::Path::new(crate::documents::font::KNOWN_FONTS[0].0);
    if !noto.is_file() {
        eprintln!("SKIPPED: fonts-noto-cjk missing");
        return;
    }
    // The same file through another path (a symlink), so it is not a known one.
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("serif.ttc");
    std::os::unix::fs::symlink(noto, &link).unwrap();
    assert_eq!(FontFile::find(Some(&link)).unwrap().index, 2);
}

#[test]
fn the_shipped_face_sets_every_hanzi_of_gbk_and_the_rare_name_characters() {
    let body = FontFile::embedded_body();
    let mut gbk = String::new();
    for lead in 0x81u8..=0xFE {
        for trail in (0x40u8..=0xFE).filter(|t| *t != 0x7F) {
            let bytes = [lead, trail];
            let (text, had_errors) = encoding_rs::GBK.decode_without_bom_handling(&bytes);
            let c = text.chars().next().unwrap_or('\u{FFFD}');
            let hanzi =
                ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c);
            if !had_errors && hanzi {
                gbk.push(c);
            }
        }
    }
    assert!(gbk.chars().count() > 20_000, "{}", gbk.chars().count());
    let missing: String = gbk
        .chars()
        .filter(|c| !body.covers(&c.to_string()))
        .collect();
    assert!(missing.is_empty(), "the body face lacks {missing}");
    assert!(body.covers("堃喆玥珺赟彧，。、；：？！（）《》¥0123456789"));
    // The title face holds only the built-in titles (a room's own falls back to the
    // body face): a new form's title needs `scripts/subset-fonts.sh` run again.
    let title = FontFile::embedded_title();
    let templates = crate::documents::template::Templates::builtin();
    for form in crate::documents::forms::FormKind::ALL {
        let text = templates.form(form.template()).title();
        assert!(title.covers(&text), "{text}: run scripts/subset-fonts.sh");
    }
    assert!(!title.covers("王秀兰"));
}

#[test]
fn characters_the_font_lacks_are_named() {
    let font = FontFile::embedded_body();
    match font.advances(&['王', '\u{E000}', '堃']) {
        Err(FontError::Missing { chars, .. }) => assert_eq!(chars, "\u{E000}"),
        other => panic!("{:?}", other.map(|m| m.len())),
    }
    let adv = font.advances(&['王', '3']).unwrap_or_default();
    assert_eq!(adv.get(&'王'), Some(&1000));
    assert!(adv.get(&'3').is_some_and(|w| *w < 1000));
}
