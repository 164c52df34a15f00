//! What a printer name and a job title may be before they go to the print program: a
//! name is what a CUPS destination can be (so nothing typed can pass for an option, a
//! second word or an instance), a title is cleaned of control characters. No I/O here.

/// The longest destination name CUPS accepts, in bytes.
pub const MAX_NAME_BYTES: usize = 127;

/// The longest job title sent, in characters (CUPS keeps 255 bytes of it).
const MAX_TITLE_CHARS: usize = 80;

/// Why a printer name cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadName {
    /// It begins with `-`, so a program could read it as an option.
    LeadingDash,
    /// It holds a space, quote, `/`, `#`, `;`, `$`, a control character or another
    /// character that is not a letter, a digit, `_`, `-` or `.`.
    BadCharacter,
    /// It is longer than CUPS allows.
    TooLong,
}

/// Checks a printer name: empty (the system's default printer), or letters (Chinese
/// too) and digits with `_ - .`, not beginning with `-`, at most 127 bytes. CUPS itself
/// refuses spaces, `/`, `#` and quotes in a destination; `/` would name an instance and
/// `-` at the front an option, so both are refused here before any program sees them.
pub fn check(name: &str) -> Result<(), BadName> {
    if name.len() > MAX_NAME_BYTES {
        return Err(BadName::TooLong);
    }
    if name.starts_with('-') {
        return Err(BadName::LeadingDash);
    }
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.');
    if name.chars().all(allowed) {
        Ok(())
    } else {
        Err(BadName::BadCharacter)
    }
}

/// A job title as the print program gets it (the value of `-t`/`-T`, never an option
/// of its own): control characters become spaces, leading dashes and spaces go, and it
/// is cut to 80 characters. Never empty.
pub fn job_title(case_number: Option<&str>, form_title: &str) -> String {
    let joined = match case_number {
        Some(number) => format!("{number} {form_title}"),
        None => form_title.to_string(),
    };
    let cleaned: String = joined
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let title: String = cleaned
        .trim_start_matches(|c: char| c == '-' || c.is_whitespace())
        .chars()
        .take(MAX_TITLE_CHARS)
        .collect();
    match title.trim_end() {
        "" => "tiaojie".to_string(),
        t => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cups_destination_names_pass_and_nothing_else_does() {
        for good in [
            "",
            "Office_HP",
            "HP-LaserJet-M404",
            "front.desk",
            "调解室打印机",
            "A4",
        ] {
            assert_eq!(check(good), Ok(()), "{good}");
        }
        let long = "P".repeat(MAX_NAME_BYTES + 1);
        for (bad, why) in [
            ("-oHack", BadName::LeadingDash),
            ("-", BadName::LeadingDash),
            ("Office HP", BadName::BadCharacter),
            (" HP", BadName::BadCharacter),
            ("HP\"", BadName::BadCharacter),
            ("HP'x", BadName::BadCharacter),
            ("HP\nx", BadName::BadCharacter),
            ("HP\tx", BadName::BadCharacter),
            ("HP\u{1b}[2J", BadName::BadCharacter),
            ("HP;rm -rf ~", BadName::BadCharacter),
            ("$(touch x)", BadName::BadCharacter),
            ("`id`", BadName::BadCharacter),
            ("HP/duplex", BadName::BadCharacter),
            ("HP#1", BadName::BadCharacter),
            ("HP\\x", BadName::BadCharacter),
            ("HP\u{202e}x", BadName::BadCharacter),
            ("HP=x", BadName::BadCharacter),
            (long.as_str(), BadName::TooLong),
        ] {
            assert_eq!(check(bad), Err(why), "{bad:?}");
        }
        // 42 three-byte characters are 126 bytes; one more is too many.
        assert_eq!(check(&"打".repeat(42)), Ok(()));
        assert_eq!(check(&"打".repeat(43)), Err(BadName::TooLong));
    }

    #[test]
    fn a_job_title_has_no_control_characters_and_no_leading_dash() {
        assert_eq!(
            job_title(Some("（2026）新人调字第12号"), "受理登记表"),
            "（2026）新人调字第12号 受理登记表"
        );
        assert_eq!(job_title(None, "调解通知书"), "调解通知书");
        assert_eq!(job_title(Some("--x\n1"), "表\u{1b}[2J"), "x 1 表 [2J");
        assert_eq!(job_title(Some(" - "), "\n"), "tiaojie");
        assert_eq!(job_title(None, &"字".repeat(200)).chars().count(), 80);
    }
}
