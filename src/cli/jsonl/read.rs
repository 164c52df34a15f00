//! How the line reads its labelled enumerations, dates and times: each refusal says what
//! was found and what is allowed, from the catalogue, in the user's words ("有效的状态，
//! 可用：登记、受理…") rather than the domain type's Rust name.

use crate::domain::agreement::{AgreementKind, AgreementStatus, ConfirmationState};
use crate::domain::category::Category;
use crate::domain::follow_up::{Performance, Satisfaction, VisitWay};
use crate::domain::party::{PartyKind, PartyRole, Sex};
use crate::domain::session::{SessionKind, SessionStatus};
use crate::domain::source::Source;
use crate::domain::status::CaseStatus;
use crate::i18n::{t, tf};
use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use serde::de::{Error, Expected, Unexpected};
use serde::{Deserialize, Deserializer, Serializer};
use std::fmt;

/// A closed enumeration written as its Chinese label, with the catalogue key of its name.
pub(super) trait Labelled: Copy + 'static {
    /// Catalogue key naming the kind ("状态", "案件来源" …).
    const KIND: &'static str;
    /// Every value.
    fn all() -> &'static [Self];
    /// Its label.
    fn label(self) -> &'static str;
}

macro_rules! labelled {
    ($($ty:ty => $kind:literal),+ $(,)?) => {
        $(impl Labelled for $ty {
            const KIND: &'static str = $kind;
            fn all() -> &'static [Self] {
                <$ty>::ALL
            }
            fn label(self) -> &'static str {
                <$ty>::label(self)
            }
        })+
    };
}

labelled! {
    CaseStatus => "import.kind.status",
    Source => "import.kind.source",
    Category => "import.kind.category",
    PartyRole => "import.kind.role",
    PartyKind => "import.kind.party_kind",
    Sex => "import.kind.sex",
    SessionKind => "import.kind.session_kind",
    SessionStatus => "import.kind.session_status",
    VisitWay => "import.kind.visit_way",
    Performance => "import.kind.performance",
    Satisfaction => "import.kind.satisfaction",
    AgreementKind => "import.kind.agreement_kind",
    AgreementStatus => "import.kind.agreement_status",
    ConfirmationState => "import.kind.confirmation",
}

/// What was expected, already in the user's words.
struct Expect(String);

impl Expected for Expect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn find<T: Labelled, E: Error>(text: &str) -> Result<T, E> {
    T::all()
        .iter()
        .copied()
        .find(|v| v.label() == text)
        .ok_or_else(|| {
            let allowed: Vec<&str> = T::all().iter().map(|v| v.label()).collect();
            let allowed = allowed.join(t("list.sep").as_ref());
            let expected = tf(
                "import.expect.label",
                &[("kind", &t(T::KIND)), ("allowed", &allowed)],
            );
            E::invalid_value(Unexpected::Str(text), &Expect(expected))
        })
}

/// A required labelled value.
pub(super) fn label<'de, D: Deserializer<'de>, T: Labelled>(d: D) -> Result<T, D::Error> {
    find(&String::deserialize(d)?)
}

/// An optional labelled value (`null` or absent for none).
pub(super) fn opt_label<'de, D: Deserializer<'de>, T: Labelled>(
    d: D,
) -> Result<Option<T>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|s| find(&s))
        .transpose()
}

fn parse_date<E: Error>(text: &str) -> Result<NaiveDate, E> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        E::invalid_value(
            Unexpected::Str(text),
            &Expect(t("import.expect.date").into_owned()),
        )
    })
}

/// A date written `2026-11-28`.
pub(super) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    parse_date(&String::deserialize(d)?)
}

/// An optional date.
pub(super) fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|s| parse_date(&s))
        .transpose()
}

/// A time with its offset, RFC 3339: `2026-11-28T09:30:00+08:00`.
pub(super) fn time<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    let text = String::deserialize(d)?;
    DateTime::parse_from_rfc3339(&text).map_err(|_| {
        D::Error::invalid_value(
            Unexpected::Str(&text),
            &Expect(t("import.expect.time").into_owned()),
        )
    })
}

/// Writes a time as storage keeps it: whole seconds and the offset it happened in.
pub(super) fn write_time<S: Serializer>(
    at: &DateTime<FixedOffset>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(&at.to_rfc3339_opts(SecondsFormat::Secs, false))
}

/// The catalogue keys the kinds use (for the test that they exist).
#[cfg(test)]
pub(super) const KINDS: [&str; 14] = [
    CaseStatus::KIND,
    Source::KIND,
    Category::KIND,
    PartyRole::KIND,
    PartyKind::KIND,
    Sex::KIND,
    SessionKind::KIND,
    SessionStatus::KIND,
    VisitWay::KIND,
    Performance::KIND,
    Satisfaction::KIND,
    AgreementKind::KIND,
    AgreementStatus::KIND,
    ConfirmationState::KIND,
];
