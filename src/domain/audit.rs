//! One line of a record's history, as the audit trail keeps it: when, who, which table,
//! what was done and which fields changed. Must not import rusqlite, ratatui or crossterm.

use super::case::Timestamp;
use super::labelled::labelled_enum;

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
}
