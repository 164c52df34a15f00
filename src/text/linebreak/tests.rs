use super::*;

fn lines(text: &str, max: u32) -> Vec<String> {
    break_lines(text, max, &cells)
}

fn width(s: &str) -> u32 {
    s.chars().map(cells).sum()
}

#[test]
fn chinese_breaks_between_characters_to_the_width() {
    assert_eq!(lines("一二三四五六七八", 6), ["一二三", "四五六", "七八"]);
    assert_eq!(lines("一二\n\n三", 10), ["一二", "", "三"]);
    assert_eq!(lines("", 10), [""]);
}

#[test]
fn no_line_starts_with_a_closing_mark() {
    // 。 would start line 2: it takes 三 along.
    assert_eq!(lines("一二三。四五", 6), ["一二", "三。四", "五"]);
    for mark in "，。、；：？！）》」』”".chars() {
        let text = format!("甲乙丙{mark}丁戊");
        for l in lines(&text, 6) {
            assert!(!l.starts_with(mark), "{text}: {l:?}");
        }
    }
    // Two closing marks in a row stay with the character before them.
    assert_eq!(lines("他说：“好。”然后", 6), ["他说：", "“好。”", "然后"]);
}

#[test]
fn no_line_ends_with_an_opening_mark() {
    for mark in "（《「『“".chars() {
        let text = format!("甲乙{mark}丙丁戊");
        for l in lines(&text, 6) {
            assert!(!l.ends_with(mark), "{text}: {l:?}");
        }
    }
    assert_eq!(lines("甲乙（丙）丁", 6), ["甲乙", "（丙）", "丁"]);
}

#[test]
fn numbers_amounts_and_dates_are_never_split() {
    let keep = [
        "¥3,000.00",
        "2026-12-31",
        "2026年12月31日",
        "13812345678",
        "11010519491231002X",
    ];
    for whole in keep {
        for max in width(whole)..30 {
            let text = format!("于某某某{whole}之前支付");
            let got = lines(&text, max);
            assert!(
                got.iter().any(|l| l.contains(whole)),
                "{whole} at {max}: {got:?}"
            );
            for l in &got {
                assert!(width(l) <= max, "{l:?} wider than {max}");
            }
        }
    }
}

#[test]
fn a_number_ends_where_its_parts_end() {
    // 年 with no digit after it is a word of its own; a trailing comma is punctuation.
    assert_eq!(
        lines("2026年底前，3,000元", 8),
        ["2026年底", "前，", "3,000元"]
    );
    assert_eq!(lines("共3人。", 40), ["共3人。"]);
}

#[test]
fn full_width_marks_and_the_indent_are_kept_and_spaces_at_breaks_dropped() {
    assert_eq!(lines("　　甲乙，丙丁。", 40), ["　　甲乙，丙丁。"]);
    assert_eq!(
        lines("press Enter to close", 12),
        ["press Enter", "to close"]
    );
    assert_eq!(lines("ab cd", 2), ["ab", "cd"]);
}

#[test]
fn a_piece_wider_than_the_line_is_cut_and_nothing_is_lost() {
    let text = "12345678901234567890";
    let got = lines(text, 8);
    assert_eq!(got.concat(), text);
    assert!(got.iter().all(|l| width(l) <= 8));
    // A width of 0 or 1 never loops forever or panics.
    assert_eq!(lines("一二", 0).concat(), "一二");
}

#[test]
fn every_character_survives_and_no_line_is_too_wide() {
    let text = "申请人王秀兰（女，1968年3月5日出生）与被申请人李建国因相邻关系发生纠纷，约定于2026年12月31日前支付¥3,000.00元（大写：叁仟元整）。";
    assert_eq!(lines(text, 6).concat(), text);
    // From the widest unbreakable piece (1968年3月5日, 12 cells) up, every rule holds.
    for max in 12..60 {
        let got = lines(text, max);
        let joined: String = got.concat();
        assert_eq!(joined, text, "at {max}");
        for l in &got {
            assert!(width(l) <= max, "{l:?} at {max}");
            assert!(
                !l.chars().next().is_some_and(|c| NO_LINE_START.contains(c)),
                "{l:?}"
            );
            assert!(
                !l.chars().last().is_some_and(|c| "（《「『“".contains(c)),
                "{l:?}"
            );
        }
    }
}

#[test]
fn a_paragraphs_last_line_never_holds_a_single_character() {
    let para = |t: &str, max| break_paragraphs(t, max, &cells, &[]);
    // Plain breaking leaves 七 alone; the paragraph breaker pulls 六 down to it.
    assert_eq!(lines("一二三四五六七", 6), ["一二三", "四五六", "七"]);
    assert_eq!(
        para("一二三四五六七", 6),
        [
            ("一二三".to_string(), false),
            ("四五".to_string(), false),
            ("六七".to_string(), true)
        ]
    );
    // A closing mark travels with its character: the pulled piece is whole.
    let got = para("一二三四五，六", 6);
    assert_eq!(got.last().map(|(l, _)| l.as_str()), Some("五，六"));
    // A number is never split to cure an orphan.
    let got = para("共计2026元整", 10);
    assert!(got.iter().all(|(l, _)| !l.contains("202 ")), "{got:?}");
    for (l, _) in &got {
        assert!(width(l) <= 10, "{got:?}");
    }
    // A character with its full stop is alone too.
    let got = para("一二三四五六七。", 6);
    assert_eq!(got.last().map(|(l, _)| l.as_str()), Some("六七。"));
    // One line, and each paragraph of several, end with `true`.
    assert_eq!(para("一", 6), [("一".to_string(), true)]);
    let flags: Vec<bool> = para("一二三四\n五", 4)
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    assert_eq!(flags, [false, true, true]);
}

#[test]
fn a_line_to_write_on_is_never_split() {
    let got = lines("于＿＿＿＿年＿＿月", 8);
    assert_eq!(got, ["于", "＿＿＿＿", "年＿＿月"]);
}

/// Every way `text` can be broken at widths from its widest piece up: `whole` is on one
/// line each time.
fn never_split(text: &str, whole: &str, keep: &[String]) {
    for max in width(whole)..(width(text) + 2) {
        let got: Vec<String> = break_paragraphs(text, max, &cells, keep)
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(got.concat().replace(' ', ""), text.replace(' ', ""));
        assert!(
            got.iter().any(|l| l.contains(whole)),
            "{whole:?} split at {max}: {got:?}"
        );
    }
}

#[test]
fn amounts_dates_times_and_document_numbers_stay_whole() {
    let cases = [
        ("共计人民币壹万玖仟元整），于月底付清", "人民币壹万玖仟元整"),
        ("赔偿金131600元，分两次付清", "131600元"),
        ("双方于2024年2月发生争执", "2024年2月"),
        ("于2026年12月31日前付清", "2026年12月31日"),
        ("定于上午9时30分开始调解", "9时30分"),
        ("定于10:30开始", "10:30"),
        ("依新公调〔2026〕88号移送本会", "〔2026〕88号"),
        ("法院以民诉前调2054号委派本会", "民诉前调2054号"),
        ("卷号（2026）新人调字第12号。", "（2026）新人调字第12号"),
        ("共计13.5万元，已付清", "13.5万元"),
        ("支付¥19,000.00（大写", "¥19,000.00"),
    ];
    for (text, whole) in cases {
        never_split(text, whole, &[]);
    }
}

#[test]
fn a_name_the_document_names_is_never_split() {
    let keep = ["额尔德木图".to_string()];
    never_split("申请人额尔德木图与被申请人李建国", "额尔德木图", &keep);
    // Without the name in the list, it may break like any word.
    let got = break_paragraphs("申请人额尔德木图与", 10, &cells, &[]);
    assert!(
        got.iter().all(|(l, _)| !l.contains("额尔德木图")),
        "{got:?}"
    );
}

#[test]
fn brackets_of_document_numbers_obey_the_rules_too() {
    // From the width of the number itself (12 cells) up.
    for max in 12..30 {
        for (l, _) in break_paragraphs("依据新公调〔2026〕88号文件办理", max, &cells, &[])
        {
            assert!(!l.ends_with('〔'), "{l:?} at {max}");
            assert!(!l.starts_with('〕'), "{l:?} at {max}");
        }
    }
}
