//! `tiaojie user add|list|disable|enable`: the room's users from the command line.
//! Adding and disabling are for administrators; anyone known may list.

use super::CliError;
use super::identity::require;
use crate::domain::case::Timestamp;
use crate::domain::user::{Role, User, may_manage_users};
use crate::i18n::{label, tf};
use crate::storage::{StorageError, Store};

/// What `tiaojie user` does.
#[derive(Debug, clap::Subcommand)]
pub enum UserCommand {
    /// 添加用户（仅管理员）/ add a user (administrators only)
    Add {
        /// 登录名（系统用户名或 --as 的名字）/ login name
        name: String,
        /// 角色：管理员|调解员|登记员|只读 或 admin|mediator|clerk|readonly / role
        #[arg(long, default_value = "调解员", value_parser = parse_role)]
        role: Role,
        /// 姓名 / display name
        #[arg(long, value_name = "姓名")]
        display: Option<String>,
    },
    /// 列出用户 / list the users
    List,
    /// 停用用户（仅管理员）/ disable a user (administrators only)
    Disable {
        /// 登录名 / login name
        name: String,
    },
    /// 恢复已停用的用户（仅管理员）/ enable a disabled user again (administrators only)
    Enable {
        /// 登录名 / login name
        name: String,
    },
}

fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| crate::i18n::tf("user.err.role", &[("value", text)]))
}

/// Runs `command` as `me`; returns the line to print.
pub fn run(
    store: &mut Store,
    me: &User,
    command: &UserCommand,
    now: &Timestamp,
) -> Result<String, CliError> {
    match command {
        UserCommand::List => Ok(list(&store.users()?)),
        UserCommand::Add {
            name,
            role,
            display,
        } => {
            require(may_manage_users(me), "user.refused.manage")?;
            let mut user = User::new(name, *role);
            user.display = display.clone().unwrap_or_default();
            store.add_user(&user, now)?;
            Ok(tf(
                "user.added",
                &[("name", &user.name), ("role", &label("role", role.code()))],
            ))
        }
        UserCommand::Disable { name } | UserCommand::Enable { name } => {
            require(may_manage_users(me), "user.refused.manage")?;
            let active = matches!(command, UserCommand::Enable { .. });
            let mut user = store.user(name)?.ok_or_else(|| StorageError::NotFound {
                what: tf("user.what", &[("name", name)]),
            })?;
            user.active = active;
            store.update_user(&user)?;
            let key = if active {
                "user.enabled"
            } else {
                "user.disabled"
            };
            Ok(tf(key, &[("name", &user.name)]))
        }
    }
}

/// One line per user: name, display name, role, and whether disabled.
pub fn list(users: &[User]) -> String {
    let mut out = String::new();
    for u in users {
        let state = if u.active {
            String::new()
        } else {
            format!("  {}", crate::i18n::t("user.inactive"))
        };
        out.push_str(&format!(
            "{}  {}  {}{}\n",
            crate::ui::text::clean(&u.name),
            crate::ui::text::clean(if u.display.is_empty() {
                "-"
            } else {
                &u.display
            }),
            label("role", u.role.code()),
            state
        ));
    }
    out
}
