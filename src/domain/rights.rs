//! The rights table: for every operation the app or the command line can carry out, which
//! role may do it and on whose cases. The key bar, the help, the key handler, every
//! dialog's submit, the effect runner, storage and the command line all ask [`check`], so
//! they cannot disagree. Pure: must not import rusqlite, ratatui or crossterm.

use super::labelled::labelled_enum;
use super::user::{Role, User};
use crate::i18n::{label, t, tf};

labelled_enum! {
    /// Everything a person can ask tiaojie to do, on a screen or on the command line. A
    /// dialog's submit names one of these; adding one means deciding its row in [`rule`]
    /// (the match there has no catch-all, so the compiler asks).
    pub enum Operation {
        /// Open a case, list cases, read its history (and show its sessions in full).
        ViewCase => ("view_case", "查看案件"),
        /// Search the cases (list search, `tiaojie search`).
        Search => ("search", "搜索案件"),
        /// See the room's sessions: 今日, 日程, `tiaojie agenda`, the clash dialog.
        ViewAgenda => ("view_agenda", "查看日程"),
        /// See the statistics (counts only).
        ViewStats => ("view_stats", "查看统计"),
        /// Read a case's agreement (调解协议).
        ViewAgreement => ("view_agreement", "查看调解协议"),
        /// Register a new case.
        RegisterCase => ("register_case", "登记案件"),
        /// Change a case's facts and parties.
        EditCase => ("edit_case", "修改案件"),
        /// Move a case to another status (受理, 调解成功 …).
        ChangeStatus => ("change_status", "变更案件状态"),
        /// Schedule a session of a case.
        ScheduleSession => ("schedule_session", "安排调解"),
        /// Move a planned session to another time (改期).
        PostponeSession => ("postpone_session", "改期调解"),
        /// Call a planned session off (取消).
        CancelSession => ("cancel_session", "取消调解"),
        /// Write a session's record (调解记录).
        RecordSession => ("record_session", "填写调解记录"),
        /// Record a follow-up visit (回访).
        RecordFollowUp => ("record_follow_up", "登记回访"),
        /// Save a case's agreement.
        SaveAgreement => ("save_agreement", "修改调解协议"),
        /// Keep what a form holds as a draft.
        SaveDraft => ("save_draft", "保存草稿"),
        /// Write a form of a case as PDF or text, or send it to the printer.
        PrintDocument => ("print_document", "生成或打印文书"),
        /// Write the statistics (counts only) to a file.
        ExportStats => ("export_stats", "导出统计表"),
        /// Write the case ledger (台账) to a file: a 登记员's is their own cases, masked.
        ExportLedger => ("export_ledger", "导出台账"),
        /// Full ID numbers and phones in a file meant for others (`--unmasked`).
        ExportUnmasked => ("export_unmasked", "导出完整身份证号和电话"),
        /// Write cases as JSON Lines (`tiaojie export`).
        ExportCases => ("export_cases", "导出案件"),
        /// Change the room's settings, mediators, places and categories.
        EditSettings => ("edit_settings", "修改设置"),
        /// Add, change or disable users.
        ManageUsers => ("manage_users", "管理用户"),
        /// Set up the room on a new file (the first-start form).
        SetUpRoom => ("set_up_room", "设立调解室"),
        /// Read cases from JSON Lines (`tiaojie import`).
        Import => ("import", "导入案件"),
        /// Copy the whole file, every ID number in it (`tiaojie backup`).
        Backup => ("backup", "备份数据文件"),
        /// Replace the file with a copy (`tiaojie restore`).
        Restore => ("restore", "恢复备份"),
        /// Check that the file is sound (`tiaojie check`).
        Check => ("check", "检查数据文件"),
        /// Fill a new file with sample cases (`tiaojie demo`).
        Demo => ("demo", "生成示例数据"),
    }
}

/// How far one role may do one operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Not at all.
    No,
    /// On cases they registered (a room-wide request is limited to those).
    Own,
    /// On every case of the room.
    Any,
}

/// The row of `op`: what 管理员, 调解员, 登记员 and 只读 may do, in that order.
pub fn rule(op: Operation) -> [Reach; 4] {
    use Operation as O;
    use Reach::{Any as A, No as N, Own as M};
    match op {
        //                                  管理员 调解员 登记员 只读
        O::ViewCase | O::Search => [A, A, M, A],
        // The front desk sees when rooms and mediators are free; other cases' sessions
        // reach it without parties or numbers (see `user::sees_parties`).
        O::ViewAgenda | O::ViewStats | O::ExportStats | O::Check => [A, A, A, A],
        O::ViewAgreement => [A, A, N, A],
        O::RegisterCase => [A, A, A, N],
        O::EditCase
        | O::ChangeStatus
        | O::ScheduleSession
        | O::PostponeSession
        | O::CancelSession
        | O::RecordSession
        | O::RecordFollowUp
        | O::SaveDraft => [A, A, M, N],
        O::SaveAgreement => [A, A, N, N],
        O::PrintDocument | O::ExportLedger | O::ExportCases => [A, A, M, A],
        O::ExportUnmasked
        | O::EditSettings
        | O::ManageUsers
        | O::SetUpRoom
        | O::Import
        | O::Backup
        | O::Restore
        | O::Demo => [A, N, N, N],
    }
}

/// How far `role` may do `op`.
pub fn reach(role: Role, op: Operation) -> Reach {
    let row = rule(op);
    match role {
        Role::Admin => row[0],
        Role::Mediator => row[1],
        Role::Clerk => row[2],
        Role::ReadOnly => row[3],
    }
}

/// Why an operation was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The role may not do it at all.
    Role,
    /// The role may, but only on cases its user registered; this one is someone else's.
    NotOwn,
    /// The user is disabled.
    Disabled,
}

/// A refused operation: who, what, why. Its `Display` is the sentence for the user,
/// naming their role and who can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The role of the user refused.
    pub role: Role,
    /// What they asked for.
    pub operation: Operation,
    /// Why not.
    pub why: Why,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = label("rights.op", self.operation.code());
        let role = label("role", self.role.code());
        let who: Vec<String> = Role::ALL
            .iter()
            .filter(|r| reach(**r, self.operation) == Reach::Any)
            .map(|r| label("role", r.code()).into_owned())
            .collect();
        let key = match self.why {
            Why::Role => "rights.refused.role",
            Why::NotOwn => "rights.refused.not_own",
            Why::Disabled => "rights.refused.disabled",
        };
        let text = tf(
            key,
            &[
                ("role", &role),
                ("what", &what),
                ("who", &who.join(t("list.sep").as_ref())),
            ],
        );
        f.write_str(&text)
    }
}

impl std::error::Error for Refusal {}

/// Whether `user` may carry out `op` on a case registered by `scope` (`None`: on no
/// particular case — a list, a report, a room setting; an [`Reach::Own`] role then gets
/// only their own cases, which the caller limits with `user::case_scope`).
pub fn check(user: &User, op: Operation, scope: Option<&str>) -> Result<(), Refusal> {
    let refuse = |why| {
        Err(Refusal {
            role: user.role,
            operation: op,
            why,
        })
    };
    if !user.active {
        return refuse(Why::Disabled);
    }
    match (reach(user.role, op), scope) {
        (Reach::No, _) => refuse(Why::Role),
        (Reach::Any, _) | (Reach::Own, None) => Ok(()),
        (Reach::Own, Some(registrar)) if registrar == user.name => Ok(()),
        (Reach::Own, Some(_)) => refuse(Why::NotOwn),
    }
}

/// [`check`] as a yes or no.
pub fn allows(user: &User, op: Operation, scope: Option<&str>) -> bool {
    check(user, op, scope).is_ok()
}

#[cfg(test)]
mod tests;
