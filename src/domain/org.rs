//! The mediation organisation (a room under its parent committee), its mediators,
//! and the case-number pattern （{year}）{prefix}人调字第{seq}号.

use crate::i18n::{t, tf};
use serde::{Deserialize, Serialize};

/// The pattern a new room starts with.
pub const DEFAULT_NUMBER_PATTERN: &str = "（{year}）{prefix}人调字第{seq}号";

/// Database identity of an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OrgId(pub i64);

/// Database identity of a mediator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MediatorId(pub i64);

/// A mediation room and the committee whose seal makes its agreements effective.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Its row.
    pub id: OrgId,
    /// The room's own data, as typed in the first-start form or 设置.
    pub profile: OrgProfile,
}

/// What a room says about itself; the same fields the first-start form asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgProfile {
    /// 调解室名称, e.g. 临河区新华街道老王调解工作室.
    pub room_name: String,
    /// 上级人民调解委员会 — its name and seal go on every agreement.
    pub committee_name: String,
    /// The short prefix in case numbers, e.g. 临新.
    pub number_prefix: String,
    /// The case-number pattern with {year}, {prefix} and {seq}.
    pub number_pattern: String,
}

/// Why a profile cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    /// A required field is blank (its catalogue key).
    Missing(&'static str),
    /// The pattern lacks the sequence number, so two cases would get the same number.
    PatternWithoutSeq,
    /// The pattern names a placeholder that does not exist.
    UnknownPlaceholder(String),
}

impl std::error::Error for ProfileError {}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ProfileError::Missing(field) => tf("err.profile.missing", &[("field", &t(field))]),
            ProfileError::PatternWithoutSeq => tf(
                "err.profile.pattern_without_seq",
                &[("example", DEFAULT_NUMBER_PATTERN)],
            ),
            ProfileError::UnknownPlaceholder(p) => {
                tf("err.profile.unknown_placeholder", &[("placeholder", p)])
            }
        };
        f.write_str(&text)
    }
}

impl OrgProfile {
    /// Trims every field and checks that the profile can number cases.
    pub fn validated(&self) -> Result<OrgProfile, ProfileError> {
        let p = OrgProfile {
            room_name: self.room_name.trim().to_string(),
            committee_name: self.committee_name.trim().to_string(),
            number_prefix: self.number_prefix.trim().to_string(),
            number_pattern: self.number_pattern.trim().to_string(),
        };
        if p.room_name.is_empty() {
            return Err(ProfileError::Missing("field.room_name"));
        }
        if p.committee_name.is_empty() {
            return Err(ProfileError::Missing("field.committee_name"));
        }
        check_pattern(&p.number_pattern)?;
        Ok(p)
    }
}

/// Checks a case-number pattern: only known placeholders, and {seq} present.
pub fn check_pattern(pattern: &str) -> Result<(), ProfileError> {
    let mut rest = pattern;
    let mut has_seq = false;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| ProfileError::UnknownPlaceholder(after.to_string()))?;
        match &after[..close] {
            "seq" => has_seq = true,
            "year" | "prefix" => {}
            other => return Err(ProfileError::UnknownPlaceholder(format!("{{{other}}}"))),
        }
        rest = &after[close + 1..];
    }
    if has_seq {
        Ok(())
    } else {
        Err(ProfileError::PatternWithoutSeq)
    }
}

/// Renders a case number; the sequence restarts each year, so year and seq identify it.
pub fn format_case_number(pattern: &str, prefix: &str, year: i32, seq: u32) -> String {
    pattern
        .replace("{year}", &year.to_string())
        .replace("{prefix}", prefix)
        .replace("{seq}", &seq.to_string())
}

/// A mediator of the room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mediator {
    /// Its row.
    pub id: MediatorId,
    /// 姓名.
    pub name: String,
    /// 电话 (may be empty).
    pub phone: String,
    /// False once the mediator has left: kept for old cases, not offered for new ones.
    pub active: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(pattern: &str) -> OrgProfile {
        OrgProfile {
            room_name: " 老王调解工作室 ".into(),
            committee_name: "新华街道人民调解委员会".into(),
            number_prefix: "临新".into(),
            number_pattern: pattern.into(),
        }
    }

    #[test]
    fn default_pattern_renders_the_official_number() {
        assert_eq!(
            format_case_number(DEFAULT_NUMBER_PATTERN, "临新", 2026, 12),
            "（2026）临新人调字第12号"
        );
    }

    #[test]
    fn profile_is_trimmed_and_its_pattern_checked() {
        assert_eq!(
            profile(DEFAULT_NUMBER_PATTERN)
                .validated()
                .unwrap()
                .room_name,
            "老王调解工作室"
        );
        assert_eq!(
            profile("（{year}）临新人调字").validated(),
            Err(ProfileError::PatternWithoutSeq)
        );
        assert_eq!(
            profile("{year}-{num}").validated(),
            Err(ProfileError::UnknownPlaceholder("{num}".into()))
        );
        assert!(matches!(
            profile("{seq").validated(),
            Err(ProfileError::UnknownPlaceholder(_))
        ));
        let mut blank = profile(DEFAULT_NUMBER_PATTERN);
        blank.committee_name = "  ".into();
        assert_eq!(
            blank.validated(),
            Err(ProfileError::Missing("field.committee_name"))
        );
    }
}
