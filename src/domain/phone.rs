//! Mainland China telephone numbers: mobiles, landlines with area code, and local numbers.

use super::fullwidth::halfwidth;
/// Why a telephone number was refused; `Display` is the message shown to the mediator.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// Nothing was typed (callers decide whether the field may stay blank).
    #[error("{}", crate::i18n::tf("err.phone.empty", &[]))]
    Empty,
    /// A character that is neither a digit nor a separator.
    #[error("{}", crate::i18n::tf("err.phone.character", &[("position", &position.to_string()), ("ch", &ch.to_string())]))]
    BadCharacter {
        /// 1-based position, counted in characters, after trimming.
        position: usize,
        /// The character as it was typed.
        ch: char,
    },
    /// Looks like a mobile number (starts with 1) but is not 11 digits starting 13–19.
    #[error("{}", crate::i18n::tf("err.phone.mobile", &[]))]
    BadMobile,
    /// Starts with 0 (an area code) but the area code or the number after it is wrong.
    #[error("{}", crate::i18n::tf("err.phone.landline", &[]))]
    BadLandline,
    /// Fits none of the accepted shapes.
    #[error("{}", crate::i18n::tf("err.phone.format", &[]))]
    BadFormat,
}

/// Hides the middle of a phone number for lists and exports: `139****1234`,
/// `0478-***3456`; only the first three and last four characters stay.
#[must_use]
pub fn mask_phone(number: &str) -> String {
    let chars: Vec<char> = number.trim().chars().collect();
    let len = chars.len();
    if len <= 7 {
        return "*".repeat(len.saturating_sub(2))
            + &chars[len.saturating_sub(2)..].iter().collect::<String>();
    }
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if i < 3 || i >= len - 4 || c == '-' {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// Parses a phone number: mobiles become 11 digits, landlines `0478-8412345`, local numbers bare digits.
pub fn parse_phone(input: &str) -> Result<String, PhoneError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(PhoneError::Empty);
    }
    // Split into digit groups. People write "139 0478 1234", "0478-8412345" or "(0478)8412345";
    // the groups matter only for telling the area code from the number.
    let mut groups: Vec<String> = vec![String::new()];
    let mut plus = false;
    for (i, raw) in trimmed.chars().enumerate() {
        let c = halfwidth(raw);
        match c {
            '0'..='9' => {
                if let Some(group) = groups.last_mut() {
                    group.push(c);
                }
            }
            '+' if i == 0 => plus = true,
            '-' | '(' | ')' | '—' | '–' => new_group(&mut groups),
            _ if c.is_whitespace() => new_group(&mut groups),
            _ => {
                return Err(PhoneError::BadCharacter {
                    position: i + 1,
                    ch: raw,
                });
            }
        }
    }
    groups.retain(|g| !g.is_empty());
    let digits = groups.concat();

    if plus {
        // Only the Chinese country code is meaningful here, and only for mobiles; "+86 10 ..."
        // is a Beijing landline written for abroad, which people do not type into a case file.
        return match digits.strip_prefix("86") {
            Some(rest) if rest.starts_with('1') && !rest.starts_with("10") => mobile(rest),
            _ => Err(PhoneError::BadFormat),
        };
    }
    if digits.starts_with('1') {
        return mobile(&digits);
    }
    // "86" without the plus: only when it leaves exactly a mobile, since local numbers may start with 86.
    if let Some(rest) = digits.strip_prefix("86")
        && rest.len() == 11
        && rest.starts_with('1')
    {
        return mobile(rest);
    }
    if digits.starts_with('0') {
        return landline(&groups, &digits);
    }
    if is_local_number(&digits) {
        return Ok(digits);
    }
    Err(PhoneError::BadFormat)
}

/// Starts a new digit group unless the current one is still empty (repeated separators).
fn new_group(groups: &mut Vec<String>) {
    if groups.last().is_some_and(|g| !g.is_empty()) {
        groups.push(String::new());
    }
}

/// 11 digits, 1 then 3–9: the shape of every mainland mobile number.
fn mobile(digits: &str) -> Result<String, PhoneError> {
    let bytes = digits.as_bytes();
    let ok = bytes.len() == 11
        && bytes.iter().all(u8::is_ascii_digit)
        && bytes.first() == Some(&b'1')
        && bytes.get(1).is_some_and(|d| (b'3'..=b'9').contains(d));
    if ok {
        Ok(digits.to_string())
    } else {
        Err(PhoneError::BadMobile)
    }
}

/// Area code (3–4 digits starting with 0) plus a 7–8 digit local number, as `0478-8412345`.
fn landline(groups: &[String], digits: &str) -> Result<String, PhoneError> {
    let (area, number) = match groups {
        // Written as one run of digits: split by the numbering plan, where only 010 and 02x are
        // three digits long and every other area code has four.
        [_] => {
            let area_len = if matches!(digits.as_bytes().get(1), Some(b'1' | b'2')) {
                3
            } else {
                4
            };
            match (digits.get(..area_len), digits.get(area_len..)) {
                (Some(area), Some(number)) => (area.to_string(), number.to_string()),
                _ => return Err(PhoneError::BadLandline),
            }
        }
        // The caller marked the split: the first group is the area code.
        [area, rest @ ..] => (area.clone(), rest.concat()),
        [] => return Err(PhoneError::BadLandline),
    };
    // "00" begins an international call, never an area code.
    let area_ok = (3..=4).contains(&area.len()) && area.starts_with('0') && !area.starts_with("00");
    if area_ok && is_local_number(&number) {
        Ok(format!("{area}-{number}"))
    } else {
        Err(PhoneError::BadLandline)
    }
}

/// 7–8 digits not starting with 0 (a leading 0 is a trunk prefix, so the area code was typed twice).
fn is_local_number(digits: &str) -> bool {
    // A leading 1 is allowed after an area code (010-12345678 is the usual example); bare numbers
    // starting with 1 never get here, they are judged as mobiles.
    (7..=8).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> String {
        parse_phone(input).unwrap()
    }

    #[test]
    fn plain_mobile() {
        assert_eq!(ok("13904781234"), "13904781234");
        assert_eq!(ok("  19912345678 "), "19912345678");
    }

    #[test]
    fn mobile_with_separators() {
        assert_eq!(ok("139 0478 1234"), "13904781234");
        assert_eq!(ok("139-0478-1234"), "13904781234");
        assert_eq!(ok("139　0478　1234"), "13904781234"); // ideographic spaces
        assert_eq!(ok("１３９０４７８１２３４"), "13904781234"); // full-width digits
    }

    #[test]
    fn mobile_with_country_code() {
        assert_eq!(ok("+8613904781234"), "13904781234");
        assert_eq!(ok("+86 139 0478 1234"), "13904781234");
        assert_eq!(ok("+86-139-0478-1234"), "13904781234");
        assert_eq!(ok("8613904781234"), "13904781234");
        assert_eq!(ok("86 139 0478 1234"), "13904781234");
        assert_eq!(ok("＋86 13904781234"), "13904781234");
    }

    #[test]
    fn bad_mobiles() {
        assert_eq!(parse_phone("1390478123"), Err(PhoneError::BadMobile)); // 10 digits
        assert_eq!(parse_phone("139047812345"), Err(PhoneError::BadMobile)); // 12 digits
        assert_eq!(parse_phone("12904781234"), Err(PhoneError::BadMobile)); // second digit 2
        assert_eq!(parse_phone("10904781234"), Err(PhoneError::BadMobile));
        assert_eq!(parse_phone("+86 1390478123"), Err(PhoneError::BadMobile));
    }

    #[test]
    fn landlines_with_area_code() {
        assert_eq!(ok("0478-8412345"), "0478-8412345");
        assert_eq!(ok("010-12345678"), "010-12345678");
        assert_eq!(ok("0478 841 2345"), "0478-8412345");
        assert_eq!(ok("(0478)8412345"), "0478-8412345");
        assert_eq!(ok("（0478）8412345"), "0478-8412345");
        assert_eq!(ok("0478－8412345"), "0478-8412345");
        assert_eq!(ok("021-6123456"), "021-6123456");
    }

    #[test]
    fn landline_without_separator_is_split_by_numbering_plan() {
        assert_eq!(ok("04788412345"), "0478-8412345");
        assert_eq!(ok("01062345678"), "010-62345678");
        assert_eq!(ok("02161234567"), "021-61234567");
    }

    #[test]
    fn bad_landlines() {
        assert_eq!(parse_phone("04781-8412345"), Err(PhoneError::BadLandline)); // 5-digit area
        assert_eq!(parse_phone("01-84123456"), Err(PhoneError::BadLandline)); // 2-digit area
        assert_eq!(parse_phone("0478-841234"), Err(PhoneError::BadLandline)); // 6-digit number
        assert_eq!(parse_phone("0478-841234567"), Err(PhoneError::BadLandline)); // 9 digits
        assert_eq!(parse_phone("010-01234567"), Err(PhoneError::BadLandline)); // number starts 0
        assert_eq!(
            parse_phone("0086-13904781234"),
            Err(PhoneError::BadLandline)
        );
        assert_eq!(parse_phone("0478"), Err(PhoneError::BadLandline));
    }

    #[test]
    fn local_numbers() {
        assert_eq!(ok("8412345"), "8412345");
        assert_eq!(ok("62345678"), "62345678");
        assert_eq!(ok("841-2345"), "8412345");
        // Starts with 86 but is not 13 digits: a local number, not a country code.
        assert_eq!(ok("86123456"), "86123456");
    }

    #[test]
    fn unrecognised_shapes() {
        assert_eq!(parse_phone("841234"), Err(PhoneError::BadFormat)); // 6 digits
        assert_eq!(parse_phone("841234567"), Err(PhoneError::BadFormat)); // 9 digits
        assert_eq!(parse_phone("---"), Err(PhoneError::BadFormat));
        assert_eq!(parse_phone("+1 2025550123"), Err(PhoneError::BadFormat));
        assert_eq!(parse_phone("+86 10 62345678"), Err(PhoneError::BadFormat));
        assert_eq!(parse_phone("+86"), Err(PhoneError::BadFormat));
    }

    #[test]
    fn bad_characters() {
        assert_eq!(
            parse_phone("1390478123a"),
            Err(PhoneError::BadCharacter {
                position: 11,
                ch: 'a'
            })
        );
        assert_eq!(
            parse_phone("电话13904781234"),
            Err(PhoneError::BadCharacter {
                position: 1,
                ch: '电'
            })
        );
        // A plus sign is only understood at the very start.
        assert_eq!(
            parse_phone("139+04781234"),
            Err(PhoneError::BadCharacter {
                position: 4,
                ch: '+'
            })
        );
    }

    #[test]
    fn empty_is_an_error() {
        assert_eq!(parse_phone(""), Err(PhoneError::Empty));
        assert_eq!(parse_phone("   "), Err(PhoneError::Empty));
    }

    #[test]
    fn messages_are_plain_chinese() {
        assert_eq!(PhoneError::Empty.to_string(), "请填写电话号码");
        assert_eq!(
            PhoneError::BadCharacter {
                position: 3,
                ch: 'a'
            }
            .to_string(),
            "电话号码第 3 位“a”不对，只能填数字，例如 13904781234 或 0478-8412345"
        );
        assert_eq!(
            PhoneError::BadMobile.to_string(),
            "手机号应为11位数字，以1开头，例如 13904781234"
        );
        assert_eq!(
            PhoneError::BadLandline.to_string(),
            "座机号应为区号加号码，例如 0478-8412345 或 010-12345678"
        );
        assert_eq!(
            PhoneError::BadFormat.to_string(),
            "电话号码格式不对，例如 13904781234 或 0478-8412345"
        );
    }

    #[test]
    fn masked_phones_keep_only_the_ends() {
        assert_eq!(mask_phone("13904781234"), "139****1234");
        assert_eq!(mask_phone("0478-8123456"), "047*-***3456");
        assert_eq!(mask_phone("8123"), "**23");
        assert_eq!(mask_phone(""), "");
    }
}
