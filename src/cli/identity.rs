//! Who is running tiaojie: the operating-system user, or the name given by `--as NAME`
//! (an SSH forced command binds it to a key). An unknown or disabled person is refused
//! with a message that says who they are and who can add them.

use super::CliError;
use crate::domain::case::Timestamp;
use crate::domain::user::User;
use crate::i18n::{t, tf};
use crate::storage::{Identity, Store};

/// The login name of the person at the keyboard.
pub fn login_name(given: Option<&str>) -> String {
    given
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .unwrap_or_else(crate::paths::operator)
}

/// The user `name` is in `store` (the first on a database without users becomes its
/// administrator); changes are recorded as theirs from now on.
pub fn identify(store: &mut Store, name: &str, now: &Timestamp) -> Result<User, CliError> {
    match store.identify(name, now)? {
        Identity::Known(user) => Ok(user),
        Identity::FirstAdmin(user) => {
            eprintln!("{}", tf("user.first_admin", &[("name", &user.name)]));
            Ok(user)
        }
        Identity::Disabled(user) => Err(CliError::Refused(tf(
            "user.refused.disabled",
            &[("name", &user.name), ("admins", &admins_text(store))],
        ))),
        Identity::Unknown { admins } => Err(CliError::Refused(tf(
            "user.refused.unknown",
            &[("name", name), ("admins", &join(&admins))],
        ))),
    }
}

/// Refuses unless `allowed`; `why` is the catalogue key saying who may.
pub fn require(allowed: bool, why: &str) -> Result<(), CliError> {
    if allowed {
        Ok(())
    } else {
        Err(CliError::Refused(t(why).into_owned()))
    }
}

fn admins_text(store: &Store) -> String {
    let admins: Vec<String> = store
        .users()
        .unwrap_or_default()
        .into_iter()
        .filter(|u| u.active && u.role == crate::domain::user::Role::Admin)
        .map(|u| u.name)
        .collect();
    join(&admins)
}

fn join(names: &[String]) -> String {
    if names.is_empty() {
        t("user.no_admin").into_owned()
    } else {
        names.join(t("list.sep").as_ref())
    }
}
