//! Where a case comes from: the parties, the committee itself, or a referral
//! (警调, 诉调, 访调 …) that carries the referring unit and its reference number.

use super::labelled::labelled_enum;

labelled_enum! {
    /// How the case reached the room (案件来源).
    pub enum Source {
        Application => ("application", "当事人申请"),
        Initiative => ("initiative", "主动调解"),
        Police => ("police", "公安机关移交"),
        Court => ("court", "法院委派/委托"),
        Petition => ("petition", "信访转办"),
        Government => ("government", "政府部门移送"),
        Other => ("other", "其他"),
    }
}

impl Source {
    /// A referral from another body, whose unit and reference number should be recorded.
    pub fn is_referral(self) -> bool {
        !matches!(self, Source::Application | Source::Initiative)
    }

    /// The short name used in reports and lists (警调, 诉调, 访调 …).
    pub fn short_label(self) -> &'static str {
        match self {
            Source::Application => "申请",
            Source::Initiative => "主动",
            Source::Police => "警调",
            Source::Court => "诉调",
            Source::Petition => "访调",
            Source::Government => "移送",
            Source::Other => "其他",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referrals_are_the_sources_from_other_bodies() {
        let referrals: Vec<_> = Source::ALL
            .iter()
            .filter(|s| s.is_referral())
            .map(|s| s.short_label())
            .collect();
        assert_eq!(referrals, ["警调", "诉调", "访调", "移送", "其他"]);
        assert_eq!(Source::from_label("法院委派/委托"), Some(Source::Court));
    }
}
