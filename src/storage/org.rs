//! Organisations, their mediators, local categories and settings.

use super::codec::{decode, time_text};
use super::rights::allow;
use super::zone::{ZONE_KEY, checked_setting, redate_sessions};
use super::{StorageError, Store};
use crate::domain::case::Timestamp;
use crate::domain::category::{Category, LocalCategory, default_local_categories};
use crate::domain::org::{Mediator, MediatorId, OrgId, OrgProfile, Organisation};
use crate::domain::rights::Operation;
use crate::i18n::tf;
use rusqlite::{OptionalExtension, params};

impl Store {
    /// The room this database holds (the first organisation), if it has been set up.
    pub fn organisation(&self) -> Result<Option<Organisation>, StorageError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, room_name, committee_name, number_prefix, number_pattern
                 FROM organisations ORDER BY id LIMIT 1",
                [],
                |r| {
                    Ok(Organisation {
                        id: OrgId(r.get(0)?),
                        profile: OrgProfile {
                            room_name: r.get(1)?,
                            committee_name: r.get(2)?,
                            number_prefix: r.get(3)?,
                            number_pattern: r.get(4)?,
                        },
                    })
                },
            )
            .optional()?)
    }

    /// Sets up a new room with its first mediator and the default local categories.
    pub fn create_organisation(
        &mut self,
        profile: &OrgProfile,
        first_mediator: &str,
        now: &Timestamp,
    ) -> Result<Organisation, StorageError> {
        let profile = profile
            .validated()
            .map_err(|e| StorageError::Invalid(e.to_string()))?;
        let first_mediator = first_mediator.trim().to_string();
        if first_mediator.is_empty() {
            return Err(StorageError::Invalid(tf("err.mediator.name_missing", &[])));
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::SetUpRoom, None)?;
            // Two first starts (or imports) at once: the second must not make a second room,
            // whose cases nobody would ever see. Checked under the write lock.
            let rooms: i64 = tx.query_row("SELECT count(*) FROM organisations", [], |r| r.get(0))?;
            if rooms > 0 {
                return Err(StorageError::Invalid(tf("err.room.exists", &[])));
            }
            tx.execute(
                "INSERT INTO organisations (room_name, committee_name, number_prefix, number_pattern, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    profile.room_name,
                    profile.committee_name,
                    profile.number_prefix,
                    profile.number_pattern,
                    time_text(now)
                ],
            )?;
            let id = OrgId(tx.last_insert_rowid());
            tx.execute("INSERT INTO mediators (org_id, name) VALUES (?1, ?2)", params![id.0, first_mediator])?;
            for local in default_local_categories() {
                tx.execute(
                    "INSERT INTO local_categories (org_id, name, parent) VALUES (?1, ?2, ?3)",
                    params![id.0, local.name, local.parent.code()],
                )?;
            }
            Ok(Organisation { id, profile: profile.clone() })
        })
    }

    /// Saves the room's profile (name, committee, number prefix and pattern).
    pub fn update_profile(&mut self, org: OrgId, profile: &OrgProfile) -> Result<(), StorageError> {
        let profile = profile
            .validated()
            .map_err(|e| StorageError::Invalid(e.to_string()))?;
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::EditSettings, None)?;
            tx.execute(
                "UPDATE organisations SET room_name = ?2, committee_name = ?3, number_prefix = ?4,
                 number_pattern = ?5, version = version + 1 WHERE id = ?1",
                params![
                    org.0,
                    profile.room_name,
                    profile.committee_name,
                    profile.number_prefix,
                    profile.number_pattern
                ],
            )?;
            Ok(())
        })
    }

    /// The room's mediators, active ones first, each group by name.
    pub fn mediators(&self, org: OrgId) -> Result<Vec<Mediator>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, phone, active FROM mediators WHERE org_id = ?1 ORDER BY active DESC, id",
        )?;
        let rows = stmt.query_map([org.0], |r| {
            Ok(Mediator {
                id: MediatorId(r.get(0)?),
                name: r.get(1)?,
                phone: r.get(2)?,
                active: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a mediator; a name already in the room is refused.
    pub fn add_mediator(
        &mut self,
        org: OrgId,
        name: &str,
        phone: &str,
    ) -> Result<Mediator, StorageError> {
        let name = name.trim().to_string();
        if name.is_empty() {
            return Err(StorageError::Invalid(tf("err.mediator.name_missing", &[])));
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::EditSettings, None)?;
            let exists: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM mediators WHERE org_id = ?1 AND name = ?2)",
                params![org.0, name],
                |r| r.get(0),
            )?;
            if exists {
                return Err(StorageError::Invalid(tf(
                    "err.mediator.duplicate",
                    &[("name", &name)],
                )));
            }
            tx.execute(
                "INSERT INTO mediators (org_id, name, phone) VALUES (?1, ?2, ?3)",
                params![org.0, name, phone.trim()],
            )?;
            Ok(Mediator {
                id: MediatorId(tx.last_insert_rowid()),
                name: name.clone(),
                phone: phone.trim().into(),
                active: true,
            })
        })
    }

    /// Marks a mediator as active or departed (departed ones stay on their old cases).
    pub fn set_mediator_active(
        &mut self,
        id: MediatorId,
        active: bool,
    ) -> Result<(), StorageError> {
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::EditSettings, None)?;
            tx.execute(
                "UPDATE mediators SET active = ?2 WHERE id = ?1",
                params![id.0, active],
            )?;
            Ok(())
        })
    }

    /// The room's local sub-types with their national parents.
    pub fn local_categories(&self, org: OrgId) -> Result<Vec<LocalCategory>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, parent FROM local_categories WHERE org_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([org.0], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (name, parent) = row?;
            out.push(LocalCategory {
                name,
                parent: decode("local_categories.parent", &parent, Category::from_code)?,
            });
        }
        Ok(out)
    }

    /// Adds a local sub-type, or changes the parent of an existing one.
    pub fn save_local_category(
        &mut self,
        org: OrgId,
        local: &LocalCategory,
    ) -> Result<(), StorageError> {
        let name = local.name.trim().to_string();
        if name.is_empty() {
            return Err(StorageError::Invalid(tf("err.category.name_missing", &[])));
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::EditSettings, None)?;
            tx.execute(
                "INSERT INTO local_categories (org_id, name, parent) VALUES (?1, ?2, ?3)
                 ON CONFLICT (org_id, name) DO UPDATE SET parent = excluded.parent",
                params![org.0, name, local.parent.code()],
            )?;
            Ok(())
        })
    }

    /// A room setting (e.g. `lang`), if set.
    pub fn setting(&self, org: OrgId, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE org_id = ?1 AND key = ?2",
                params![org.0, key],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Stores several room settings in one transaction (all or none).
    pub fn set_settings(
        &mut self,
        org: OrgId,
        pairs: &[(String, String)],
    ) -> Result<(), StorageError> {
        self.replace_settings(org, pairs, &[])
    }

    /// Stores `pairs` and deletes the settings `removed` (keys this version no longer
    /// reads, such as `print.command`) in one transaction.
    pub fn replace_settings(
        &mut self,
        org: OrgId,
        pairs: &[(String, String)],
        removed: &[&str],
    ) -> Result<(), StorageError> {
        let actor = self.actor.clone();
        let pairs = pairs
            .iter()
            .map(|(k, v)| Ok((k.clone(), checked_setting(k, v)?)))
            .collect::<Result<Vec<_>, StorageError>>()?;
        let zone_set = pairs.iter().any(|(k, _)| k == ZONE_KEY);
        // The sessions' day index follows the zone: a derived column, not a change anyone
        // made to a session, so the audit triggers do not record each row of it.
        let _quiet = zone_set.then(|| self.quiet_row_audit());
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::EditSettings, None)?;
            let mut stmt = tx.prepare_cached(
                "INSERT INTO settings (org_id, key, value) VALUES (?1, ?2, ?3)
                 ON CONFLICT (org_id, key) DO UPDATE SET value = excluded.value",
            )?;
            for (key, value) in &pairs {
                stmt.execute(params![org.0, key, value])?;
            }
            let mut delete =
                tx.prepare_cached("DELETE FROM settings WHERE org_id = ?1 AND key = ?2")?;
            for key in removed {
                delete.execute(params![org.0, key])?;
            }
            if zone_set {
                redate_sessions(tx)?;
                // A change counts on its day in the room's zone: the days move with it.
                super::stats_summary::rebuild(tx)?;
            }
            Ok(())
        })
    }

    /// Stores a room setting.
    pub fn set_setting(&mut self, org: OrgId, key: &str, value: &str) -> Result<(), StorageError> {
        self.set_settings(org, &[(key.to_string(), value.to_string())])
    }
}
