//! Money amounts: parsing what people type as 元 into integer 分, and formatting 分 back for display.

use super::fullwidth::halfwidth;
/// Why an amount was refused; `Display` is the message shown to the mediator.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Nothing but whitespace, a currency sign or 元 was typed.
    #[error("{}", crate::i18n::tf("err.money.empty", &[]))]
    Empty,
    /// A minus sign: amounts in a mediation agreement are never negative.
    #[error("{}", crate::i18n::tf("err.money.negative", &[]))]
    Negative,
    /// More than two digits after the decimal point.
    #[error("{}", crate::i18n::tf("err.money.decimals", &[]))]
    TooManyDecimals,
    /// Does not fit in the stored integer of 分.
    #[error("{}", crate::i18n::tf("err.money.overflow", &[]))]
    Overflow,
    /// A character that has no place in an amount.
    #[error("{}", crate::i18n::tf("err.money.character", &[("ch", &ch.to_string())]))]
    BadCharacter {
        /// The character as it was typed.
        ch: char,
    },
    /// Digits, commas and the point are in an impossible arrangement.
    #[error("{}", crate::i18n::tf("err.money.format", &[]))]
    BadFormat,
}

/// Parses an amount in 元 such as `3,000.50`, `¥3000` or `3000元` into 分.
pub fn parse_yuan(input: &str) -> Result<i64, MoneyError> {
    // Full-width digits, comma and point come from Chinese input methods; they mean the same amount.
    let normalized: String = input.chars().map(halfwidth).collect();
    let mut s = normalized.trim();
    let mut negative = false;
    // The sign may stand before or after the currency sign: "-¥3000" and "¥-3000".
    if let Some(rest) = strip_minus(s) {
        negative = true;
        s = rest.trim_start();
    }
    if let Some(rest) = s.strip_prefix(['¥', '￥']) {
        s = rest.trim_start();
    }
    if let Some(rest) = strip_minus(s) {
        negative = true;
        s = rest.trim_start();
    }
    if let Some(rest) = s.strip_suffix('元') {
        s = rest.trim_end();
    }
    if s.is_empty() {
        return Err(if negative {
            MoneyError::BadFormat
        } else {
            MoneyError::Empty
        });
    }
    // Format problems are reported first, so "-3000" gets the sign message only once it is a number.
    let fen = parse_amount(s)?;
    if negative {
        return Err(MoneyError::Negative);
    }
    Ok(fen)
}

/// Formats 分 as 元 with thousands separators and two decimals: `3,000.00`, `-12.50`.
#[must_use]
pub fn format_yuan(fen: i64) -> String {
    // unsigned_abs: i64::MIN has no positive i64 counterpart.
    let abs = fen.unsigned_abs();
    let yuan = (abs / 100).to_string();
    let mut grouped = String::with_capacity(yuan.len() + yuan.len() / 3);
    for (i, c) in yuan.chars().enumerate() {
        if i > 0 && (yuan.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if fen < 0 { "-" } else { "" };
    format!("{sign}{grouped}.{:02}", abs % 100)
}

/// The rest after a leading minus sign (ASCII or U+2212), if there is one.
fn strip_minus(s: &str) -> Option<&str> {
    s.strip_prefix(['-', '\u{2212}'])
}

/// Parses unsigned `1234`, `1,234`, `1234.5` or `1,234.56` into 分.
fn parse_amount(s: &str) -> Result<i64, MoneyError> {
    if let Some(ch) = s
        .chars()
        .find(|c| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
    {
        // A space inside digits ("3 000") is a layout problem, not a wrong symbol.
        return Err(if ch.is_whitespace() {
            MoneyError::BadFormat
        } else {
            MoneyError::BadCharacter { ch }
        });
    }
    let (int_part, frac_part) = match s.split_once('.') {
        Some((int_part, frac_part)) => (int_part, Some(frac_part)),
        None => (s, None),
    };
    let cents = match frac_part {
        None => 0,
        Some(f) if f.contains(['.', ',']) || f.is_empty() => return Err(MoneyError::BadFormat),
        Some(f) if f.len() > 2 => return Err(MoneyError::TooManyDecimals),
        // "5" after the point is 50 分, "05" is 5 分.
        Some(f) => f
            .bytes()
            .chain(std::iter::repeat(b'0'))
            .take(2)
            .fold(0, |acc, b| acc * 10 + i64::from(b - b'0')),
    };
    if !grouping_ok(int_part) {
        return Err(MoneyError::BadFormat);
    }
    let mut yuan: i64 = 0;
    for b in int_part.bytes().filter(u8::is_ascii_digit) {
        yuan = yuan
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(b - b'0')))
            .ok_or(MoneyError::Overflow)?;
    }
    yuan.checked_mul(100)
        .and_then(|v| v.checked_add(cents))
        .ok_or(MoneyError::Overflow)
}

/// Whole-yuan digits are present and any commas group them in threes ("30,00" is refused, as it
/// may be a decimal comma typed by mistake).
fn grouping_ok(int_part: &str) -> bool {
    if !int_part.contains(',') {
        return !int_part.is_empty();
    }
    let mut groups = int_part.split(',');
    groups.next().is_some_and(|g| (1..=3).contains(&g.len())) && groups.all(|g| g.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_whole_yuan() {
        assert_eq!(parse_yuan("3000"), Ok(300_000));
        assert_eq!(parse_yuan("0"), Ok(0));
        assert_eq!(parse_yuan("003000"), Ok(300_000));
    }

    #[test]
    fn decimals() {
        assert_eq!(parse_yuan("3000.5"), Ok(300_050));
        assert_eq!(parse_yuan("3000.05"), Ok(300_005));
        assert_eq!(parse_yuan("3000.00"), Ok(300_000));
        assert_eq!(parse_yuan("0.01"), Ok(1));
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(parse_yuan("3,000.00"), Ok(300_000));
        assert_eq!(parse_yuan("3,000"), Ok(300_000));
        assert_eq!(parse_yuan("1,234,567.89"), Ok(123_456_789));
        assert_eq!(parse_yuan("３，０００．５"), Ok(300_050)); // full-width comma and point
    }

    #[test]
    fn currency_signs_and_yuan_suffix() {
        assert_eq!(parse_yuan("¥3000"), Ok(300_000)); // U+00A5
        assert_eq!(parse_yuan("￥3000"), Ok(300_000)); // U+FFE5
        assert_eq!(parse_yuan("¥ 3,000.50"), Ok(300_050));
        assert_eq!(parse_yuan("3000元"), Ok(300_000));
        assert_eq!(parse_yuan("3000.00元"), Ok(300_000));
        assert_eq!(parse_yuan("3000 元"), Ok(300_000));
        assert_eq!(parse_yuan("￥3000元"), Ok(300_000));
    }

    #[test]
    fn full_width_digits_and_spaces() {
        assert_eq!(parse_yuan("３０００"), Ok(300_000));
        assert_eq!(parse_yuan("  3000  "), Ok(300_000));
        assert_eq!(parse_yuan("\u{3000}3000\u{3000}"), Ok(300_000)); // ideographic spaces
    }

    #[test]
    fn too_many_decimals() {
        assert_eq!(parse_yuan("3000.123"), Err(MoneyError::TooManyDecimals));
        assert_eq!(parse_yuan("3000.500"), Err(MoneyError::TooManyDecimals));
        assert!(
            MoneyError::TooManyDecimals
                .to_string()
                .contains("金额最多两位小数")
        );
    }

    #[test]
    fn negative_amounts() {
        assert_eq!(parse_yuan("-3000"), Err(MoneyError::Negative));
        assert_eq!(parse_yuan("-¥3000"), Err(MoneyError::Negative));
        assert_eq!(parse_yuan("¥-3000"), Err(MoneyError::Negative));
        assert_eq!(parse_yuan("－3000"), Err(MoneyError::Negative)); // full-width minus
        assert_eq!(parse_yuan("\u{2212}3000"), Err(MoneyError::Negative));
        assert_eq!(parse_yuan("-"), Err(MoneyError::BadFormat));
    }

    #[test]
    fn overflow() {
        // i64::MAX 分 = 92,233,720,368,547,758.07 元 is the largest amount that fits.
        assert_eq!(parse_yuan("92233720368547758.07"), Ok(i64::MAX));
        assert_eq!(
            parse_yuan("92233720368547758.08"),
            Err(MoneyError::Overflow)
        );
        assert_eq!(parse_yuan("92233720368547759"), Err(MoneyError::Overflow));
        assert_eq!(
            parse_yuan("99999999999999999999999"),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn empty() {
        assert_eq!(parse_yuan(""), Err(MoneyError::Empty));
        assert_eq!(parse_yuan("   "), Err(MoneyError::Empty));
        assert_eq!(parse_yuan("¥"), Err(MoneyError::Empty));
        assert_eq!(parse_yuan("元"), Err(MoneyError::Empty));
    }

    #[test]
    fn bad_characters() {
        assert_eq!(
            parse_yuan("3000块"),
            Err(MoneyError::BadCharacter { ch: '块' })
        );
        assert_eq!(
            parse_yuan("三千"),
            Err(MoneyError::BadCharacter { ch: '三' })
        );
        assert_eq!(
            parse_yuan("+3000"),
            Err(MoneyError::BadCharacter { ch: '+' })
        );
        assert_eq!(
            parse_yuan("$3000"),
            Err(MoneyError::BadCharacter { ch: '$' })
        );
    }

    #[test]
    fn bad_formats() {
        for input in [
            "30,00",
            "3,0000",
            ",3000",
            "3000,",
            "3,,000",
            "1234,567",
            "3 000",
            "3000.",
            ".5",
            "3.0.0",
            "3.0,0",
            "元3000",
            "3000元元",
        ] {
            let got = parse_yuan(input);
            assert!(
                matches!(
                    got,
                    Err(MoneyError::BadFormat | MoneyError::BadCharacter { .. })
                ),
                "{input:?} gave {got:?}"
            );
        }
        assert_eq!(parse_yuan("30,00"), Err(MoneyError::BadFormat));
        assert_eq!(parse_yuan("3000."), Err(MoneyError::BadFormat));
        assert_eq!(parse_yuan(".5"), Err(MoneyError::BadFormat));
        assert_eq!(parse_yuan("3 000"), Err(MoneyError::BadFormat));
    }

    #[test]
    fn formatting() {
        assert_eq!(format_yuan(300_000), "3,000.00");
        assert_eq!(format_yuan(0), "0.00");
        assert_eq!(format_yuan(5), "0.05");
        assert_eq!(format_yuan(50), "0.50");
        assert_eq!(format_yuan(99_999), "999.99");
        assert_eq!(format_yuan(100_000), "1,000.00");
        assert_eq!(format_yuan(123_456_789), "1,234,567.89");
        assert_eq!(format_yuan(-300_000), "-3,000.00");
        assert_eq!(format_yuan(-5), "-0.05");
        assert_eq!(format_yuan(i64::MAX), "92,233,720,368,547,758.07");
        assert_eq!(format_yuan(i64::MIN), "-92,233,720,368,547,758.08");
    }

    #[test]
    fn round_trips() {
        for fen in [
            0,
            1,
            10,
            99,
            100,
            12_345,
            99_999,
            100_000,
            300_050,
            123_456_789,
            100_000_000_000,
            i64::MAX,
        ] {
            assert_eq!(parse_yuan(&format_yuan(fen)), Ok(fen), "{fen}");
        }
        for text in ["0.00", "0.05", "999.99", "3,000.00", "1,234,567.89"] {
            assert_eq!(format_yuan(parse_yuan(text).unwrap()), text);
        }
        // Negative amounts format but are refused as input, by design.
        assert_eq!(
            parse_yuan(&format_yuan(-300_000)),
            Err(MoneyError::Negative)
        );
    }

    #[test]
    fn messages_are_plain_chinese() {
        assert_eq!(MoneyError::Empty.to_string(), "请填写金额");
        assert_eq!(MoneyError::Negative.to_string(), "金额不能是负数");
        assert_eq!(
            MoneyError::TooManyDecimals.to_string(),
            "金额最多两位小数（到分为止），例如 3000.50"
        );
        assert_eq!(MoneyError::Overflow.to_string(), "金额太大，请核对");
        assert_eq!(
            MoneyError::BadCharacter { ch: '块' }.to_string(),
            "金额里不能有“块”，请只填数字，例如 3000 或 3000.50"
        );
        assert_eq!(
            MoneyError::BadFormat.to_string(),
            "金额格式不对，例如 3000、3,000.50 或 ¥3000"
        );
    }
}
