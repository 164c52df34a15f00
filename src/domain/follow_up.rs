//! Follow-up visits (回访, 人民调解法 Art 31) recorded against a case, and the room's
//! places (its own rooms, which cannot hold two sessions, and outside places). Pure.

use super::case::CaseId;
use super::labelled::labelled_enum;
use crate::i18n::t;
use chrono::NaiveDate;

labelled_enum! {
    /// How the visit was made.
    pub enum VisitWay {
        Visit => ("visit", "上门回访"),
        Phone => ("phone", "电话回访"),
        Office => ("office", "来访"),
        Other => ("other", "其他"),
    }
}

labelled_enum! {
    /// How far the agreement has been carried out.
    pub enum Performance {
        Full => ("full", "已履行"),
        Partial => ("partial", "部分履行"),
        None => ("none", "未履行"),
        NotDue => ("not_due", "未到履行期"),
    }
}

labelled_enum! {
    /// What the parties think of the mediation.
    pub enum Satisfaction {
        Satisfied => ("satisfied", "满意"),
        Fair => ("fair", "基本满意"),
        Dissatisfied => ("dissatisfied", "不满意"),
    }
}

/// One follow-up visit (回访记录).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// The case visited about.
    pub case_id: CaseId,
    /// 回访日期.
    pub visited_on: NaiveDate,
    /// 回访方式.
    pub way: VisitWay,
    /// 履行情况.
    pub performance: Performance,
    /// 满意程度.
    pub satisfaction: Satisfaction,
    /// A lawsuit was brought since the agreement.
    pub lawsuit: bool,
    /// Signs that the dispute may escalate (人民调解法 Art 25 duty).
    pub escalation: bool,
    /// 采取的措施 (what was done about it).
    pub measures: String,
    /// 回访人.
    pub by_whom: String,
}

impl FollowUp {
    /// Why the visit cannot be saved, if anything is missing.
    pub fn problem(&self, today: NaiveDate) -> Option<String> {
        if self.visited_on > today {
            return Some(t("err.follow_up.future").into());
        }
        if self.by_whom.trim().is_empty() {
            return Some(t("err.follow_up.by_whom").into());
        }
        if (self.lawsuit || self.escalation) && self.measures.trim().is_empty() {
            return Some(t("err.follow_up.measures").into());
        }
        None
    }
}

/// A place sessions are held in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Its name as shown and stored with each session.
    pub name: String,
    /// One of the room's own rooms (exclusive) rather than an outside place.
    pub is_room: bool,
}

impl Place {
    /// The list a room starts with until it sets its own in 设置.
    pub fn defaults() -> Vec<Place> {
        let p = |name: &str, is_room| Place {
            name: name.into(),
            is_room,
        };
        vec![
            p("调解室", true),
            p("当事人家中", false),
            p("村（社区）委会", false),
            p("纠纷现场", false),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit() -> FollowUp {
        FollowUp {
            case_id: CaseId(1),
            visited_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            way: VisitWay::Phone,
            performance: Performance::Partial,
            satisfaction: Satisfaction::Fair,
            lawsuit: false,
            escalation: false,
            measures: String::new(),
            by_whom: "王秀英".into(),
        }
    }

    #[test]
    fn a_visit_needs_its_visitor_and_measures_when_there_is_trouble() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(visit().problem(today), None);
        let later = FollowUp {
            visited_on: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            ..visit()
        };
        assert!(later.problem(today).is_some());
        let trouble = FollowUp {
            escalation: true,
            ..visit()
        };
        assert!(trouble.problem(today).is_some());
        let handled = FollowUp {
            measures: "已告知派出所".into(),
            ..trouble
        };
        assert_eq!(handled.problem(today), None);
        let anonymous = FollowUp {
            by_whom: " ".into(),
            ..visit()
        };
        assert!(anonymous.problem(today).is_some());
    }

    #[test]
    fn the_default_places_have_one_room() {
        let rooms: Vec<_> = Place::defaults()
            .into_iter()
            .filter(|p| p.is_room)
            .collect();
        assert_eq!(rooms.len(), 1);
        assert_eq!(Performance::from_code("not_due"), Some(Performance::NotDue));
    }
}
