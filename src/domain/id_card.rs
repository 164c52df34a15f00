//! 居民身份证号码 (GB 11643-1999): parsing, the check character, and masking for display.

use super::fullwidth::halfwidth;
use chrono::NaiveDate;

/// ISO 7064 MOD 11-2 weights for the first 17 digits, as printed in GB 11643-1999.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// Check characters indexed by the weighted sum mod 11.
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// A validated resident identity card number and what the number says about its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdCard {
    /// The number as stored: ASCII digits, with a final check `X` in upper case.
    pub number: String,
    /// Date of birth encoded in the number.
    pub birth_date: NaiveDate,
    /// True when the sequence code is odd, which the standard assigns to men.
    pub male: bool,
    /// True for a 15-digit first-generation number (no check character, year 19YY).
    pub legacy: bool,
}

/// Why an identity card number was refused; `Display` is the message shown to the mediator.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdCardError {
    /// Nothing was typed.
    #[error("{}", crate::i18n::tf("err.id.empty", &[]))]
    Empty,
    /// Neither 18 nor 15 characters.
    #[error("{}", crate::i18n::tf("err.id.length", &[("len", &len.to_string())]))]
    BadLength {
        /// Number of characters typed, after trimming.
        len: usize,
    },
    /// A character that may not stand at this place.
    #[error("{}", crate::i18n::tf("err.id.character", &[("position", &position.to_string())]))]
    BadCharacter {
        /// 1-based position, counted in characters, after trimming.
        position: usize,
    },
    /// The birth date part is not a real calendar date, or is before 1800.
    #[error("{}", crate::i18n::tf("err.id.birth", &[]))]
    BadBirthDate,
    /// The birth date part is a real date after today: nobody holding the card was born then.
    #[error("{}", crate::i18n::tf("err.id.birth_future", &[("date", &date.to_string())]))]
    FutureBirthDate {
        /// The date the number encodes.
        date: NaiveDate,
    },
    /// The 18th character does not match the first 17 digits.
    #[error("{}", crate::i18n::tf("err.id.checksum", &[("expected", &expected.to_string()), ("found", &found.to_string())]))]
    BadChecksum {
        /// Check character computed from the first 17 digits.
        expected: char,
        /// Check character that was typed (upper-cased).
        found: char,
    },
}

/// Parses an 18-digit or legacy 15-digit identity card number, trimming surrounding whitespace.
/// `today` bounds the birth date: a number saying its holder is born after today is refused
/// (the caller passes the date; this module reads no clock).
pub fn parse_id_card(input: &str, today: NaiveDate) -> Result<IdCard, IdCardError> {
    // Chinese input methods in full-width mode type "１２３"; treat those as the digits they look like.
    let chars: Vec<char> = input.trim().chars().map(halfwidth).collect();
    let card = match chars.len() {
        0 => Err(IdCardError::Empty),
        18 => parse_current(&chars),
        15 => parse_legacy(&chars),
        len => Err(IdCardError::BadLength { len }),
    }?;
    if card.birth_date > today {
        return Err(IdCardError::FutureBirthDate {
            date: card.birth_date,
        });
    }
    Ok(card)
}

/// The check character for the first 17 digits, or `None` unless given exactly 17 ASCII digits.
#[must_use]
pub fn check_char(first17: &str) -> Option<char> {
    let digits: Vec<u32> = first17
        .chars()
        .map(|c| c.to_digit(10))
        .collect::<Option<_>>()?;
    (digits.len() == 17).then(|| checksum(&digits))
}

/// Hides the middle of a number for display: `110105********002X`, `110105******002`, else all but the last 2.
#[must_use]
pub fn mask_id(number: &str) -> String {
    let chars: Vec<char> = number.trim().chars().collect();
    let len = chars.len();
    // The area code and the tail are enough to tell records apart on screen; the birth date is not shown.
    let (head, tail) = match len {
        18 => (6, 4),
        15 => (6, 3),
        _ => (0, len.min(2)),
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if i < head || i >= len - tail { c } else { '*' })
        .collect()
}

/// 18-digit number: 6 area + YYYYMMDD + 3 sequence + check character.
fn parse_current(chars: &[char]) -> Result<IdCard, IdCardError> {
    // The caller passes exactly 18 characters, so this else branch only keeps the code panic-free.
    let Some((&last, body)) = chars.split_last() else {
        return Err(IdCardError::Empty);
    };
    let digits = digit_values(body)?;
    let found = match last {
        '0'..='9' => last,
        'x' | 'X' => 'X',
        _ => return Err(IdCardError::BadCharacter { position: 18 }),
    };
    // The date is checked before the checksum: a mistyped date gets the more specific message.
    let birth_date = birth_date(
        field(&digits, 6, 10),
        field(&digits, 10, 12),
        field(&digits, 12, 14),
    )?;
    let expected = checksum(&digits);
    if expected != found {
        return Err(IdCardError::BadChecksum { expected, found });
    }
    let mut number: String = body.iter().collect();
    number.push(found);
    Ok(IdCard {
        number,
        birth_date,
        male: field(&digits, 16, 17) % 2 == 1,
        legacy: false,
    })
}

/// 15-digit first-generation number: 6 area + YYMMDD (year 19YY) + 3 sequence, no check character.
fn parse_legacy(chars: &[char]) -> Result<IdCard, IdCardError> {
    let digits = digit_values(chars)?;
    let birth_date = birth_date(
        1900 + field(&digits, 6, 8),
        field(&digits, 8, 10),
        field(&digits, 10, 12),
    )?;
    Ok(IdCard {
        number: chars.iter().collect(),
        birth_date,
        male: field(&digits, 14, 15) % 2 == 1,
        legacy: true,
    })
}

/// Digit values of `chars`, or the 1-based position of the first non-digit.
fn digit_values(chars: &[char]) -> Result<Vec<u32>, IdCardError> {
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            c.to_digit(10)
                .ok_or(IdCardError::BadCharacter { position: i + 1 })
        })
        .collect()
}

/// Decimal value of `digits[start..end]`; the callers' slices always lie inside the checked length.
fn field(digits: &[u32], start: usize, end: usize) -> u32 {
    digits
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .fold(0, |acc, d| acc * 10 + d)
}

/// A real date no earlier than 1800-01-01 (genuine numbers of people born in the 1880s exist).
fn birth_date(year: u32, month: u32, day: u32) -> Result<NaiveDate, IdCardError> {
    i32::try_from(year)
        .ok()
        .and_then(|year| NaiveDate::from_ymd_opt(year, month, day))
        .filter(|d| NaiveDate::from_ymd_opt(1800, 1, 1).is_some_and(|min| *d >= min))
        .ok_or(IdCardError::BadBirthDate)
}

/// ISO 7064 MOD 11-2 check character over the first 17 digit values.
fn checksum(digits: &[u32]) -> char {
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    // sum % 11 < 11 = CHECK_CHARS.len(), so the index is always in bounds.
    CHECK_CHARS[(sum % 11) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(2026, 12, 7)
    }

    // Sum of 15080220300101123: 7+45+0+40+0+8+4+0+18+0+0+9+0+5+8+8+6 = 158; 158 mod 11 = 4
    // -> '8': the number a mediator was shown ✓ for passes its check, so only the date can stop it.
    #[test]
    fn birth_date_after_today_is_refused() {
        assert_eq!(check_char("15080220300101123"), Some('8'));
        assert_eq!(
            parse_id_card("150802203001011238", today()),
            Err(IdCardError::FutureBirthDate {
                date: date(2030, 1, 1)
            })
        );
        // Born today is fine; born tomorrow is not.
        let first17 = "11010520261207001";
        let born_today = format!("{first17}{}", check_char(first17).unwrap());
        assert!(parse_id_card(&born_today, today()).is_ok());
        assert!(parse_id_card(&born_today, date(2026, 12, 6)).is_err());
    }

    // Public GB 11643 example. Weighted sum of 11010519491231002:
    // 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 -> "10X98765432"[2] = 'X'.
    #[test]
    fn public_example_female_1949() {
        let card = parse_id_card("11010519491231002X", today()).unwrap();
        assert_eq!(card.number, "11010519491231002X");
        assert_eq!(card.birth_date, date(1949, 12, 31));
        assert!(!card.male, "sequence 002 is even");
        assert!(!card.legacy);
    }

    // Public example. Weighted sum of 44052418800101001:
    // 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8 -> '4'.
    #[test]
    fn public_example_male_1880() {
        let card = parse_id_card("440524188001010014", today()).unwrap();
        assert_eq!(card.birth_date, date(1880, 1, 1));
        assert!(card.male, "sequence 001 is odd");
        assert!(!card.legacy);
    }

    #[test]
    fn lowercase_x_is_stored_upper() {
        let card = parse_id_card("11010519491231002x", today()).unwrap();
        assert_eq!(card.number, "11010519491231002X");
    }

    #[test]
    fn surrounding_whitespace_is_trimmed() {
        let card = parse_id_card("  11010519491231002X\n", today()).unwrap();
        assert_eq!(card.number, "11010519491231002X");
    }

    #[test]
    fn full_width_digits_are_accepted() {
        let card = parse_id_card("１１０１０５１９４９１２３１００２Ｘ", today()).unwrap();
        assert_eq!(card.number, "11010519491231002X");
    }

    // Sum of 11010519900307004: 7+9+0+5+0+20+2+9+54+0+0+27+0+35+0+0+8 = 176 = 16*11 -> '1'.
    // Sum of 11010519900307009: the last term becomes 9*2 = 18, total 186; 186 mod 11 = 10 -> '2'.
    #[test]
    fn check_chars_for_remainders_0_and_10() {
        assert_eq!(
            parse_id_card("110105199003070041", today())
                .unwrap()
                .birth_date,
            date(1990, 3, 7)
        );
        assert!(parse_id_card("110105199003070092", today()).unwrap().male);
    }

    #[test]
    fn wrong_check_digit() {
        assert_eq!(
            parse_id_card("110105194912310021", today()),
            Err(IdCardError::BadChecksum {
                expected: 'X',
                found: '1'
            })
        );
        assert_eq!(
            parse_id_card("440524188001010015", today()),
            Err(IdCardError::BadChecksum {
                expected: '4',
                found: '5'
            })
        );
    }

    #[test]
    fn wrong_length() {
        assert_eq!(
            parse_id_card("1101051949123100", today()),
            Err(IdCardError::BadLength { len: 16 })
        );
        assert_eq!(
            parse_id_card("11010519491231002X1", today()),
            Err(IdCardError::BadLength { len: 19 })
        );
    }

    #[test]
    fn empty_input() {
        assert_eq!(parse_id_card("", today()), Err(IdCardError::Empty));
        assert_eq!(parse_id_card(" \t ", today()), Err(IdCardError::Empty));
    }

    #[test]
    fn letters_in_the_middle() {
        assert_eq!(
            parse_id_card("1101051949A231002X", today()),
            Err(IdCardError::BadCharacter { position: 11 })
        );
        // X is only allowed as the 18th character.
        assert_eq!(
            parse_id_card("1101051949123100X2", today()),
            Err(IdCardError::BadCharacter { position: 17 })
        );
        assert_eq!(
            parse_id_card("11010519491231002Y", today()),
            Err(IdCardError::BadCharacter { position: 18 })
        );
        // Positions count characters, not bytes.
        assert_eq!(
            parse_id_card("110105号9491231002X", today()),
            Err(IdCardError::BadCharacter { position: 7 })
        );
    }

    #[test]
    fn legacy_15_digits() {
        let card = parse_id_card("110105491231002", today()).unwrap();
        assert_eq!(card.number, "110105491231002");
        assert_eq!(card.birth_date, date(1949, 12, 31));
        assert!(!card.male, "sequence 002 is even");
        assert!(card.legacy);
        // A 15-digit number has no check character, so X is never allowed.
        assert_eq!(
            parse_id_card("11010549123100X", today()),
            Err(IdCardError::BadCharacter { position: 15 })
        );
    }

    // Sum of 11010520000229001: 7+9+0+5+0+20+4+0+0+0+0+18+20+45+0+0+2 = 130; 130 mod 11 = 9 -> '3'.
    #[test]
    fn feb_29_in_a_leap_year() {
        let card = parse_id_card("110105200002290013", today()).unwrap();
        assert_eq!(card.birth_date, date(2000, 2, 29));
        assert!(card.male);
        // Legacy: 1996 is a leap year.
        assert_eq!(
            parse_id_card("110105960229001", today())
                .unwrap()
                .birth_date,
            date(1996, 2, 29)
        );
    }

    // Sum of 11010520010229001: as above but 2001 adds 1*3 = 3, total 133; 133 mod 11 = 1 -> '0'.
    // The checksum is right, so the only fault is the date.
    #[test]
    fn feb_29_in_a_non_leap_year() {
        assert_eq!(
            parse_id_card("110105200102290010", today()),
            Err(IdCardError::BadBirthDate)
        );
        // Legacy 1900 is not a leap year (divisible by 100, not by 400).
        assert_eq!(
            parse_id_card("110105000229001", today()),
            Err(IdCardError::BadBirthDate)
        );
    }

    // Sum of 11010519901301001: 7+9+0+5+0+20+2+9+54+0+7+27+0+5+0+0+2 = 147; 147 mod 11 = 4 -> '8'.
    #[test]
    fn month_13() {
        assert_eq!(
            parse_id_card("110105199013010018", today()),
            Err(IdCardError::BadBirthDate)
        );
        assert_eq!(
            parse_id_card("110105491301002", today()),
            Err(IdCardError::BadBirthDate)
        );
    }

    // Sum of 11010517991231001: 7+9+0+5+0+20+2+7+54+27+7+18+30+5+0+0+2 = 193; 193 mod 11 = 6 -> '6'.
    #[test]
    fn before_1800_is_refused() {
        assert_eq!(
            parse_id_card("110105179912310016", today()),
            Err(IdCardError::BadBirthDate)
        );
    }

    #[test]
    fn check_char_values() {
        assert_eq!(check_char("11010519491231002"), Some('X'));
        assert_eq!(check_char("44052418800101001"), Some('4'));
        assert_eq!(check_char("11010519900307004"), Some('1'));
        assert_eq!(check_char("11010519900307009"), Some('2'));
        assert_eq!(check_char("1101051949123100"), None);
        assert_eq!(check_char("110105194912310021"), None);
        assert_eq!(check_char("1101051949123100a"), None);
        assert_eq!(check_char(""), None);
    }

    #[test]
    fn masking() {
        assert_eq!(mask_id("11010519491231002X"), "110105********002X");
        assert_eq!(mask_id("110105491231002"), "110105******002");
        assert_eq!(mask_id("12345"), "***45");
        assert_eq!(mask_id("12"), "12");
        assert_eq!(mask_id(""), "");
        assert_eq!(mask_id("身份证号码"), "***号码");
    }

    #[test]
    fn messages_are_plain_chinese() {
        assert_eq!(IdCardError::Empty.to_string(), "请填写身份证号");
        assert_eq!(
            IdCardError::BadLength { len: 16 }.to_string(),
            "身份证号应为18位（旧证15位），现在是 16 位"
        );
        assert_eq!(
            IdCardError::BadCharacter { position: 11 }.to_string(),
            "身份证号第 11 位不对：应为数字（18位号码最后一位可以是 X），请核对"
        );
        assert_eq!(
            IdCardError::BadBirthDate.to_string(),
            "身份证号里的出生日期不对，请核对号码"
        );
        assert_eq!(
            IdCardError::FutureBirthDate {
                date: date(2030, 1, 1)
            }
            .to_string(),
            "身份证号里的出生日期 2030-01-01 在今天之后，请核对号码"
        );
        assert_eq!(
            IdCardError::BadChecksum {
                expected: 'X',
                found: '5'
            }
            .to_string(),
            "身份证号校验不通过，可能有数字输错，请对照证件逐位核对（不要只改最后一位）"
        );
    }
}
