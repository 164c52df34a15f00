//! Dispute categories: the 15 national types of the monthly statistics, and local
//! sub-types (供热, 金融 …) that a room adds and maps onto a national parent.

use super::labelled::labelled_enum;
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// The 15 dispute types of the national monthly statistics, in their official order.
    pub enum Category {
        Marriage => ("marriage", "婚姻家庭"),
        Neighbour => ("neighbour", "邻里"),
        Housing => ("housing", "房屋宅基地"),
        Contract => ("contract", "合同"),
        Business => ("business", "生产经营"),
        Damages => ("damages", "损害赔偿"),
        Land => ("land", "山林土地"),
        Demolition => ("demolition", "征地拆迁"),
        Environment => ("environment", "环境污染"),
        Labour => ("labour", "劳动争议"),
        Consumer => ("consumer", "消费"),
        Medical => ("medical", "医疗"),
        Traffic => ("traffic", "道路交通事故"),
        Property => ("property", "物业"),
        Other => ("other", "其他"),
    }
}

/// A room's own sub-type, rolled into its national parent for the statistics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalCategory {
    /// Its name as the room uses it, e.g. 供热.
    pub name: String,
    /// The national type it counts as.
    pub parent: Category,
}

/// The sub-types a new room starts with (the Linhe article names heating and finance).
pub fn default_local_categories() -> Vec<LocalCategory> {
    vec![
        LocalCategory {
            name: "供热".into(),
            parent: Category::Property,
        },
        LocalCategory {
            name: "金融".into(),
            parent: Category::Contract,
        },
    ]
}

/// A case's category: always a national type, optionally a local sub-type of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseCategory {
    /// The national type (for a local sub-type: its parent).
    pub national: Category,
    /// The local sub-type's name, if the case was filed under one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<String>,
}

impl CaseCategory {
    /// A plain national category.
    pub fn national(national: Category) -> Self {
        Self {
            national,
            local: None,
        }
    }

    /// What a list shows: the local name where there is one, else the national label.
    pub fn display_label(&self) -> &str {
        self.local.as_deref().unwrap_or(self.national.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_fifteen_national_types_with_unique_codes_and_labels() {
        assert_eq!(Category::ALL.len(), 15);
        let mut codes: Vec<_> = Category::ALL.iter().map(|c| c.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 15);
        assert_eq!(
            Category::from_label("道路交通事故"),
            Some(Category::Traffic)
        );
        assert_eq!(Category::from_code("property"), Some(Category::Property));
    }

    #[test]
    fn local_sub_type_shows_its_own_name_and_serialises_the_parent_label() {
        let c = CaseCategory {
            national: Category::Property,
            local: Some("供热".into()),
        };
        assert_eq!(c.display_label(), "供热");
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, r#"{"national":"物业","local":"供热"}"#);
        let back: CaseCategory = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn unknown_label_is_refused_with_the_allowed_ones() {
        let err = serde_json::from_str::<Category>(r#""吵架""#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("吵架") && err.contains("邻里"), "{err}");
    }
}
