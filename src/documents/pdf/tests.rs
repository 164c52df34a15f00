//! The PDF writer: justification, the grid, the shipped faces.

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

/// A line's right end on the page, as set.
fn right_end(set: &Placed, adv: &dyn Fn(char) -> f32) -> f32 {
    let (x, text, _) = set.runs.last().cloned().unwrap_or_default();
    set.x + set.scale * (x + text.chars().map(adv).sum::<f32>())
}

#[test]
fn a_justified_line_reaches_the_right_margin_and_the_last_line_does_not() {
    let adv = |c: char| if c.is_ascii() { 8.0 } else { BODY_PT };
    let face = |_| 0;
    // 27 characters: one cell short of the 28 a line holds.
    let mut l = line(
        "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午",
        false,
    );
    l.justify = true;
    let set = placed(&l, &adv, &face);
    assert_eq!(set.runs.len(), l.text.chars().count());
    assert!((right_end(&set, &adv) - (PAGE_W - RIGHT)).abs() < 0.5);
    assert!((set.x - LEFT).abs() < 0.01);
    let steps: Vec<f32> = set.runs.windows(2).map(|w| w[1].0 - w[0].0).collect();
    assert!(
        steps.iter().all(|s| (s - steps[0]).abs() < 0.01),
        "{steps:?}"
    );
    // Not justified: one run from the margin.
    l.justify = false;
    assert_eq!(placed(&l, &adv, &face).runs, vec![(0.0, l.text.clone(), 0)]);
    // An indented first line: the indent keeps its width, the end reaches the margin.
    let mut first = line(
        "　　一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯",
        false,
    );
    first.justify = true;
    let set = placed(&first, &adv, &face);
    assert!((set.runs[2].0 - 2.0 * BODY_PT).abs() < 0.01);
    assert!((right_end(&set, &adv) - (PAGE_W - RIGHT)).abs() < 0.5);
}

#[test]
fn a_line_left_short_by_a_piece_moved_down_stays_ragged_rather_than_gappy() {
    let adv = |c: char| if c.is_ascii() { 8.0 } else { BODY_PT };
    // 22 characters where 28 fit (an 18-digit number went to the next line): six
    // characters of slack over 21 gaps is more than an eighth of an em each.
    let mut l = line("性别：女；民族：达斡尔族；出生日期：一九六八年", false);
    l.justify = true;
    assert_eq!(placed(&l, &adv, &face_zero).runs.len(), 1);
    // One character short: spread.
    let mut l = line(
        "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳",
        false,
    );
    l.justify = true;
    assert!(placed(&l, &adv, &face_zero).runs.len() > 1);
}

fn face_zero(_: char) -> usize {
    0
}

#[test]
fn glyphs_wider_than_their_cells_are_set_narrower_to_stay_in_the_line() {
    // Digits a little wider than half an em, as in Noto Serif CJK.
    let adv = |c: char| {
        if c.is_ascii() {
            0.557 * BODY_PT
        } else {
            BODY_PT
        }
    };
    let l = line("身份证号：110105196803050029；职业：退休职工", false);
    let set = placed(&l, &adv, &face_zero);
    assert!(set.scale < 1.0);
    let width = set.scale * l.text.chars().map(adv).sum::<f32>();
    assert!(width <= units(&l) as f32 * UNIT + 0.01);
    // Characters of another face are runs of their own.
    let face = |c: char| usize::from(c == '㛃');
    let set = placed(&line("陈㛃女士", false), &adv, &face);
    let faces: Vec<usize> = set.runs.iter().map(|r| r.2).collect();
    assert_eq!(faces, [0, 1, 0]);
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
    // The titles of variants: 口头协议登记表, 调查记录.
    for (form, key) in [
        ("agreement", "title_oral"),
        ("record", "title_investigation"),
    ] {
        let text = templates.form(form).text(key);
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
