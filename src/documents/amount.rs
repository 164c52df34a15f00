//! Amounts as documents write them: in figures (¥3,000.00) and in capital Chinese
//! numerals (叁仟元整), following the 支付结算办法 rules for 大写金额: 拾 always has its
//! digit (壹拾), one 零 for any run of zeros inside the number, 整 after 元 when there
//! are no 角/分, 零 between 元 and 分 when 角 is zero.

use crate::domain::money::format_yuan;

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP: [&str; 4] = ["仟", "佰", "拾", ""];
const GROUPS: [&str; 4] = ["万亿", "亿", "万", ""];

/// ¥3,000.00 (fen → figures with the yuan sign).
#[must_use]
pub fn figures(fen: i64) -> String {
    format!("¥{}", format_yuan(fen))
}

/// 300000 fen → 叁仟元整; 1234567 → 壹万贰仟叁佰肆拾伍元陆角柒分.
#[must_use]
pub fn capital(fen: i64) -> String {
    let abs = fen.unsigned_abs();
    let (yuan, jiao, fen_part) = (abs / 100, (abs / 10 % 10) as usize, (abs % 10) as usize);
    let mut out = String::new();
    if fen < 0 {
        out.push('负');
    }
    out.push_str(&yuan_text(yuan));
    if yuan > 0 {
        out.push('元');
    }
    if jiao == 0 && fen_part == 0 {
        if yuan == 0 {
            out.push_str("零元");
        }
        out.push('整');
        return out;
    }
    if jiao > 0 {
        out.push(DIGITS[jiao]);
        out.push('角');
    }
    if fen_part > 0 {
        if jiao == 0 && yuan > 0 {
            out.push('零');
        }
        out.push(DIGITS[fen_part]);
        out.push('分');
    }
    out
}

/// The yuan part: groups of four digits (万亿, 亿, 万, units), zeros collapsed.
fn yuan_text(yuan: u64) -> String {
    let mut out = String::new();
    let mut gap = false;
    for (i, unit) in GROUPS.iter().enumerate() {
        let div = 10_000u64.pow((GROUPS.len() - 1 - i) as u32);
        let group = (yuan / div % 10_000) as usize;
        if i == 0 {
            // u64 yuan can exceed 9999 万亿; what is above is written as its own number.
            let high = yuan / div / 10_000;
            if high > 0 {
                out.push_str(&yuan_text(high));
                out.push_str("万万亿");
            }
        }
        if group == 0 {
            gap = !out.is_empty();
            continue;
        }
        if !out.is_empty() && (gap || group < 1000) {
            out.push('零');
        }
        out.push_str(&group_text(group));
        out.push_str(unit);
        gap = false;
    }
    out
}

/// 0 < n < 10000: 壹仟零伍, 壹拾, 贰佰零壹.
fn group_text(n: usize) -> String {
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (d, unit) in digits.iter().zip(IN_GROUP) {
        if *d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        out.push(DIGITS[*d]);
        out.push_str(unit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capital_numerals_follow_the_payment_rules() {
        let cases = [
            (300_000, "叁仟元整"),
            (1_234_567, "壹万贰仟叁佰肆拾伍元陆角柒分"),
            (0, "零元整"),
            (50, "伍角"),
            (5, "伍分"),
            (1_000, "壹拾元整"),
            (1_005, "壹拾元零伍分"),
            (120, "壹元贰角"),
            (100_500, "壹仟零伍元整"),
            (101_000, "壹仟零壹拾元整"),
            (10_000_000, "壹拾万元整"),
            (10_500_000, "壹拾万伍仟元整"),
            (100_050_000, "壹佰万零伍佰元整"),
            (10_700_053, "壹拾万柒仟元伍角叁分"),
            (10_000_000_000, "壹亿元整"),
            (100_000_100_000, "壹拾亿零壹仟元整"),
            (-300_000, "负叁仟元整"),
        ];
        for (fen, want) in cases {
            assert_eq!(capital(fen), want, "{fen}");
        }
    }

    #[test]
    fn the_extremes_do_not_panic_and_figures_have_the_yuan_sign() {
        assert!(capital(i64::MAX).ends_with("柒分"));
        assert!(capital(i64::MIN).starts_with('负'));
        assert_eq!(figures(300_000), "¥3,000.00");
    }
}
