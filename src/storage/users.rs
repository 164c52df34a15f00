//! The room's users: who may open the database and in which role. The first person to
//! open a database with no users becomes its administrator.

use super::codec::time_text;
use super::rights::allow;
use super::{StorageError, Store};
use crate::domain::case::Timestamp;
use crate::domain::rights::Operation;
use crate::domain::user::{Role, User};
use crate::i18n::tf;
use rusqlite::{OptionalExtension, Row, Transaction, params};

/// Who the person at the keyboard turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    /// A known, active user.
    Known(User),
    /// The database had no users: this person has just become its administrator.
    FirstAdmin(User),
    /// A user who has been disabled.
    Disabled(User),
    /// Nobody of that name; the administrators who could add them.
    Unknown { admins: Vec<String> },
}

const COLUMNS: &str = "name, display, role, active";

fn user_row(r: &Row<'_>) -> rusqlite::Result<(String, String, String, bool)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

fn to_user(
    (name, display, role, active): (String, String, String, bool),
) -> Result<User, StorageError> {
    let role = Role::from_code(&role).ok_or(StorageError::Corrupt {
        column: "users.role",
        value: role.clone(),
    })?;
    Ok(User {
        name,
        display,
        role,
        active,
    })
}

/// A person found in the users table: known, or disabled.
fn known(user: User) -> Identity {
    if user.active {
        Identity::Known(user)
    } else {
        Identity::Disabled(user)
    }
}

fn find(tx: &rusqlite::Connection, name: &str) -> Result<Option<User>, StorageError> {
    tx.prepare_cached(&format!("SELECT {COLUMNS} FROM users WHERE name = ?1"))?
        .query_row([name], user_row)
        .optional()?
        .map(to_user)
        .transpose()
}

fn insert(tx: &Transaction<'_>, user: &User, now: &Timestamp) -> Result<(), StorageError> {
    tx.execute(
        "INSERT INTO users (name, display, role, active, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            user.name,
            user.display.trim(),
            user.role.code(),
            user.active,
            time_text(now)
        ],
    )?;
    Ok(())
}

fn admin_names(conn: &rusqlite::Connection) -> Result<Vec<String>, StorageError> {
    let names = conn
        .prepare_cached("SELECT name FROM users WHERE role = 'admin' AND active = 1 ORDER BY name")?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(names)
}

impl Store {
    /// Every user, administrators first, then by name.
    pub fn users(&self) -> Result<Vec<User>, StorageError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM users ORDER BY role <> 'admin', active DESC, name"
        ))?;
        let rows = stmt.query_map([], user_row)?;
        rows.map(|r| to_user(r?)).collect()
    }

    /// The user of this login name, if any.
    pub fn user(&self, name: &str) -> Result<Option<User>, StorageError> {
        find(&self.conn, name.trim())
    }

    /// Finds who `name` is; on a database without users, makes them its administrator
    /// (in one transaction, so two first starts at once make one administrator).
    pub fn identify(&mut self, name: &str, now: &Timestamp) -> Result<Identity, StorageError> {
        let identity = self.find_identity(name, now)?;
        // Whoever was identified acts from now on: their writes are checked for their role.
        if let Identity::Known(user) | Identity::FirstAdmin(user) = &identity {
            self.act_as(user);
        }
        Ok(identity)
    }

    fn find_identity(&mut self, name: &str, now: &Timestamp) -> Result<Identity, StorageError> {
        let name = name.trim().to_string();
        self.set_user(&name);
        // A known person is only read (a read-only file still opens); the write
        // transaction below is for the first person on a new database. The name and the
        // count are read in one snapshot: read one after the other, another process
        // making this same person the first administrator in between made them look
        // unknown (seen with eight imports starting on a new file at once).
        {
            let tx = self.conn.unchecked_transaction()?;
            if let Some(user) = find(&tx, &name)? {
                return Ok(known(user));
            }
            let users: i64 = tx.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?;
            if users > 0 {
                return Ok(Identity::Unknown {
                    admins: admin_names(&tx)?,
                });
            }
        }
        self.write(|tx| {
            if let Some(user) = find(tx, &name)? {
                return Ok(known(user));
            }
            let count: i64 = tx.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?;
            if count == 0 && !name.is_empty() {
                let user = User::new(&name, Role::Admin);
                insert(tx, &user, now)?;
                return Ok(Identity::FirstAdmin(user));
            }
            Ok(Identity::Unknown {
                admins: admin_names(tx)?,
            })
        })
    }

    /// Makes `name` an active administrator, adding them if needed (`tiaojie demo`).
    pub fn ensure_admin(&mut self, name: &str, now: &Timestamp) -> Result<User, StorageError> {
        let user = User::new(name, Role::Admin);
        self.write(|tx| {
            match find(tx, &user.name)? {
                Some(_) => {
                    tx.execute(
                        "UPDATE users SET role = 'admin', active = 1 WHERE name = ?1",
                        [&user.name],
                    )?;
                }
                None => insert(tx, &user, now)?,
            }
            Ok(())
        })?;
        Ok(user)
    }

    /// Adds a user; refused if the name is empty or taken.
    pub fn add_user(&mut self, user: &User, now: &Timestamp) -> Result<(), StorageError> {
        let name = user.name.trim();
        if name.is_empty() || name.chars().any(char::is_control) {
            return Err(StorageError::Invalid(tf("err.user.name", &[])));
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::ManageUsers, None)?;
            if find(tx, name)?.is_some() {
                return Err(StorageError::Invalid(tf(
                    "err.user.exists",
                    &[("name", name)],
                )));
            }
            let mut user = user.clone();
            user.name = name.to_string();
            insert(tx, &user, now)
        })
    }

    /// Changes a user's role, display name and whether they may open the room. The last
    /// active administrator cannot be demoted or disabled: nobody could manage users then.
    pub fn update_user(&mut self, user: &User) -> Result<(), StorageError> {
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::ManageUsers, None)?;
            let Some(old) = find(tx, &user.name)? else {
                return Err(StorageError::NotFound {
                    what: user.name.clone(),
                });
            };
            let stays_admin = user.role == Role::Admin && user.active;
            if old.role == Role::Admin && old.active && !stays_admin {
                let admins: i64 = tx.query_row(
                    "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1",
                    [],
                    |r| r.get(0),
                )?;
                if admins <= 1 {
                    return Err(StorageError::Invalid(tf("err.user.last_admin", &[])));
                }
            }
            tx.execute(
                "UPDATE users SET display = ?2, role = ?3, active = ?4 WHERE name = ?1",
                params![
                    user.name,
                    user.display.trim(),
                    user.role.code(),
                    user.active
                ],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests;
