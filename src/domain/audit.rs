//! One line of a record's history, as the audit trail keeps it: when, who, which table,
//! what was done and which fields changed. Must not import rusqlite, ratatui or crossterm.

use super::case::Timestamp;
use super::labelled::labelled_enum;
use std::collections::BTreeMap;

labelled_enum! {
    /// What was done to a row.
    pub enum AuditAction {
        Insert => ("insert", "新增"),
        Update => ("update", "修改"),
        Delete => ("delete", "删除"),
        /// Full ID numbers or phones were shown to someone.
        View => ("view", "查看"),
        /// Brought in by a bulk write (import, sample data): one row per case.
        Import => ("import", "导入"),
        /// The rights table refused someone an operation (on this case).
        Refused => ("refused", "拒绝"),
        /// The whole file was put back from a copy (`tiaojie restore`).
        Restore => ("restore", "恢复"),
        /// Audit triggers found missing or altered were made again.
        Repair => ("repair", "修复"),
    }
}

/// One entry of a case's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// When (None if the stored time cannot be read).
    pub at: Option<Timestamp>,
    /// Who (the login name).
    pub user: String,
    /// Which table (cases, parties, sessions, follow_ups, agreements …).
    pub table: String,
    /// What was done.
    pub action: AuditAction,
    /// The row's name where it has one (a party's name), or what was shown.
    pub name: String,
    /// For a change: the columns whose value changed, in column order.
    pub changed: Vec<String>,
    /// For a change: each changed column's value before and after, as text ("" for
    /// none). The history words a party's change with them; masked for a viewer who
    /// may not see full ID numbers and phones (see [`mask_values`]).
    pub values: BTreeMap<String, (String, String)>,
}

/// Columns holding an ID number or a phone: masked in the history as on every screen.
const MASKED: &[&str] = &["id_number", "phone"];

/// Masks the ID numbers and phones in the entries' values, for a viewer who may not see
/// them in full (the rule is `user::may_see_full_ids`; the masks are the screens' own).
pub fn mask_values(entries: &mut [AuditEntry]) {
    for entry in entries {
        for (column, (before, after)) in entry.values.iter_mut() {
            if !MASKED.contains(&column.as_str()) {
                continue;
            }
            for value in [before, after] {
                if value.is_empty() {
                    continue;
                }
                *value = if column == "phone" {
                    super::phone::mask_phone(value)
                } else {
                    super::id_card::mask_id(value)
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_numbers_and_phones_are_masked_and_nothing_else() {
        let mut entries = vec![AuditEntry {
            at: None,
            user: "police1".into(),
            table: "parties".into(),
            action: AuditAction::Update,
            name: "刘春梅".into(),
            changed: vec!["phone".into(), "id_number".into(), "address".into()],
            values: BTreeMap::from([
                ("phone".into(), ("15847805678".into(), "15847809999".into())),
                (
                    "id_number".into(),
                    (String::new(), "11010519491231002X".into()),
                ),
                ("address".into(), ("城关镇".into(), "北街3号".into())),
            ]),
        }];
        mask_values(&mut entries);
        let v = &entries[0].values;
        assert_eq!(v["phone"].0, super::super::phone::mask_phone("15847805678"));
        assert_eq!(v["phone"].1, super::super::phone::mask_phone("15847809999"));
        assert_ne!(v["phone"].1, "15847809999");
        assert_eq!(v["id_number"].0, "");
        assert!(
            !v["id_number"].1.contains("19491231"),
            "{:?}",
            v["id_number"]
        );
        assert_eq!(v["address"], ("城关镇".to_string(), "北街3号".to_string()));
    }
}
