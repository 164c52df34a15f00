//! 统一社会信用代码 (GB 32100-2015): character set, check character and normalization.

use super::fullwidth::halfwidth;
/// The 31 characters a code may use; a character's value is its index. I, O, S, V, Z are left out
/// because they are easily mistaken for 1, 0, 5, U and 2.
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights for the first 17 characters (3^i mod 31), as printed in GB 32100-2015.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Why a unified social credit code was refused; `Display` is the message shown to the mediator.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CreditCodeError {
    /// Nothing was typed.
    #[error("{}", crate::i18n::tf("err.credit.empty", &[]))]
    Empty,
    /// Not 18 characters.
    #[error("{}", crate::i18n::tf("err.credit.length", &[("len", &len.to_string())]))]
    BadLength {
        /// Number of characters typed, after trimming.
        len: usize,
    },
    /// A character outside the code's alphabet.
    #[error("{}", crate::i18n::tf("err.credit.character", &[("position", &position.to_string()), ("ch", &ch.to_string())]))]
    BadCharacter {
        /// 1-based position, counted in characters, after trimming.
        position: usize,
        /// The character as it was typed.
        ch: char,
    },
    /// The 18th character does not match the first 17.
    #[error("{}", crate::i18n::tf("err.credit.checksum", &[("expected", &expected.to_string()), ("found", &found.to_string())]))]
    BadChecksum {
        /// Check character computed from the first 17 characters.
        expected: char,
        /// Check character that was typed (upper-cased).
        found: char,
    },
}

/// Parses a unified social credit code, trimming whitespace; returns it upper-cased.
pub fn parse_credit_code(input: &str) -> Result<String, CreditCodeError> {
    let typed: Vec<char> = input.trim().chars().collect();
    match typed.len() {
        0 => return Err(CreditCodeError::Empty),
        18 => {}
        len => return Err(CreditCodeError::BadLength { len }),
    }
    // Full-width and lower-case letters are what an input method produces; they mean the same code.
    let normalized: Vec<char> = typed
        .iter()
        .map(|&c| halfwidth(c).to_ascii_uppercase())
        .collect();
    let mut values = Vec::with_capacity(normalized.len());
    for (i, (&c, &raw)) in normalized.iter().zip(&typed).enumerate() {
        let value = value_of(c).ok_or(CreditCodeError::BadCharacter {
            position: i + 1,
            ch: raw,
        })?;
        values.push(value);
    }
    // The length is 18 (checked above), so index 17 is the check character.
    let found = normalized[17];
    let expected = check_char(&values);
    if expected != found {
        return Err(CreditCodeError::BadChecksum { expected, found });
    }
    Ok(normalized.into_iter().collect())
}

/// Value of a code character (its index in the alphabet), if it belongs to the alphabet.
fn value_of(c: char) -> Option<u32> {
    // The alphabet is ASCII, so the byte index is the character index.
    ALPHABET.find(c).and_then(|i| u32::try_from(i).ok())
}

/// The characters a code may use, in value order (a character's value is its index).
pub const CREDIT_ALPHABET: &str = ALPHABET;

/// The check character for the first 17 characters of a code, if they are all valid.
pub fn check_char_of(first17: &str) -> Option<char> {
    let values: Option<Vec<u32>> = first17.chars().map(value_of).collect();
    values.filter(|v| v.len() == 17).map(|v| check_char(&v))
}

/// Check character: 31 − (weighted sum mod 31), where 31 stands for 0.
fn check_char(values: &[u32]) -> char {
    // Only the first 17 values are weighted: zip stops after the 17 weights.
    let sum: u32 = values.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    // check < 31 = ALPHABET.len(), and the alphabet is ASCII.
    char::from(ALPHABET.as_bytes()[check as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    // Alphabet values used below: A=10 B=11 ... H=17 J=18 K=19 L=20 M=21 N=22 P=23 Q=24 R=25
    // T=26 U=27 W=28 X=29 Y=30.

    // 91350100M000100Y4 · weights:
    // 9*1 + 1*3 + 3*9 + 5*27 + 0 + 1*26 + 0 + 0 + M(21)*20 + 0 + 0 + 0 + 1*8 + 0 + 0 + Y(30)*30 + 4*28
    // = 9+3+27+135+26+420+8+900+112 = 1640; 1640 = 52*31 + 28; 31-28 = 3 -> '3'.
    #[test]
    fn published_code_with_letters() {
        assert_eq!(
            parse_credit_code("91350100M000100Y43"),
            Ok("91350100M000100Y43".to_string())
        );
    }

    // 91440300708461136 · weights:
    // 9+3+36+108+0+78+0+0+7*20+0+8*25+4*13+6*8+1*24+1*10+3*30+6*28
    // = 9+3+36+108+78+140+200+52+48+24+10+90+168 = 966; 966 = 31*31 + 5; 31-5 = 26 -> 'T'.
    #[test]
    fn published_code_with_letter_check() {
        assert_eq!(
            parse_credit_code("91440300708461136T"),
            Ok("91440300708461136T".to_string())
        );
    }

    // 91110000802100433 · weights:
    // 9+3+9+27+0+0+0+0+8*20+0+2*25+1*13+0+0+4*10+3*30+3*28
    // = 9+3+9+27+160+50+13+40+90+84 = 485; 485 = 15*31 + 20; 31-20 = 11 -> 'B'.
    #[test]
    fn published_code_check_b() {
        assert_eq!(
            parse_credit_code("91110000802100433B"),
            Ok("91110000802100433B".to_string())
        );
    }

    // Made-up code to reach the "31 means 0" branch. 91110000100000002 · weights:
    // 9+3+9+27+0+0+0+0+1*20+0+0+0+0+0+0+0+2*28 = 124 = 4*31; 31-0 = 31 -> 0 -> '0'.
    #[test]
    fn check_value_31_becomes_0() {
        assert_eq!(
            parse_credit_code("911100001000000020"),
            Ok("911100001000000020".to_string())
        );
    }

    #[test]
    fn lowercase_and_whitespace_are_normalized() {
        assert_eq!(
            parse_credit_code("  91350100m000100y43 \n"),
            Ok("91350100M000100Y43".to_string())
        );
        assert_eq!(
            parse_credit_code("９１４４０３００７０８４６１１３６ｔ"),
            Ok("91440300708461136T".to_string())
        );
    }

    // 91110000100003962 · weights: 9+3+9+27+0+0+0+0+1*20+0+0+0+0+3*24+9*10+6*30+2*28
    // = 9+3+9+27+20+72+90+180+56 = 466; 466 = 15*31 + 1; 31-1 = 30 -> 'Y', so ...962T is wrong.
    #[test]
    fn wrong_check_character() {
        assert_eq!(
            parse_credit_code("91110000100003962T"),
            Err(CreditCodeError::BadChecksum {
                expected: 'Y',
                found: 'T'
            })
        );
        assert_eq!(
            parse_credit_code("91350100M000100Y44"),
            Err(CreditCodeError::BadChecksum {
                expected: '3',
                found: '4'
            })
        );
    }

    #[test]
    fn excluded_letters_are_refused() {
        // Letter O where the digit 0 belongs.
        assert_eq!(
            parse_credit_code("91350100MO00100Y43"),
            Err(CreditCodeError::BadCharacter {
                position: 10,
                ch: 'O'
            })
        );
        assert_eq!(
            parse_credit_code("91350100M000100Y4z"),
            Err(CreditCodeError::BadCharacter {
                position: 18,
                ch: 'z'
            })
        );
        for letter in ['I', 'O', 'S', 'V', 'Z'] {
            let code = format!("9135010{letter}M000100Y43");
            assert_eq!(
                parse_credit_code(&code),
                Err(CreditCodeError::BadCharacter {
                    position: 8,
                    ch: letter
                })
            );
        }
        assert_eq!(
            parse_credit_code("9135010号M000100Y43"),
            Err(CreditCodeError::BadCharacter {
                position: 8,
                ch: '号'
            })
        );
    }

    #[test]
    fn wrong_length_and_empty() {
        assert_eq!(
            parse_credit_code("91350100M000100Y4"),
            Err(CreditCodeError::BadLength { len: 17 })
        );
        assert_eq!(
            parse_credit_code("91350100M000100Y433"),
            Err(CreditCodeError::BadLength { len: 19 })
        );
        assert_eq!(parse_credit_code("   "), Err(CreditCodeError::Empty));
    }

    #[test]
    fn messages_are_plain_chinese() {
        assert_eq!(CreditCodeError::Empty.to_string(), "请填写统一社会信用代码");
        assert_eq!(
            CreditCodeError::BadLength { len: 17 }.to_string(),
            "统一社会信用代码应为18位，现在是 17 位，请核对"
        );
        assert_eq!(
            CreditCodeError::BadCharacter {
                position: 10,
                ch: 'O'
            }
            .to_string(),
            "统一社会信用代码第 10 位“O”不对：只能是数字或大写字母（不用 I、O、S、V、Z），请核对"
        );
        assert_eq!(
            CreditCodeError::BadChecksum {
                expected: 'Y',
                found: 'T'
            }
            .to_string(),
            "统一社会信用代码校验不通过，可能有字符输错，请对照证照逐位核对（不要只改最后一位）"
        );
        // One policy with the ID number: the right check character is never suggested, so a
        // mistyped code is read again instead of being "fixed" at its last character.
        let message = CreditCodeError::BadChecksum {
            expected: 'R',
            found: 'T',
        }
        .to_string();
        assert!(!message.contains('R'), "{message}");
    }
}
