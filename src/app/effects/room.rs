//! The runner's side of the room: reading it whole (organisation, mediators, categories,
//! language, printer, limits and places) and the settings that change it, each answered
//! with the room read again. Part of the I/O side of `app`.

use super::Runner;
use crate::app::action::{Action, Room};
use crate::domain::case::Timestamp;
use crate::domain::category::LocalCategory;
use crate::domain::follow_up::Place;
use crate::domain::org::{MediatorId, OrgProfile};
use crate::i18n::Lang;
use crate::storage::StorageError;

impl Runner {
    /// The room as stored now (empty before it is set up).
    pub(super) fn load_room(&mut self) -> Result<Room, StorageError> {
        self.org = self.store.organisation()?;
        let Some(org) = self.org.clone() else {
            return Ok(Room {
                org: None,
                mediators: Vec::new(),
                locals: Vec::new(),
                lang: None,
                printer: Default::default(),
                settings: Default::default(),
            });
        };
        Ok(Room {
            mediators: self.store.mediators(org.id)?,
            locals: self.store.local_categories(org.id)?,
            lang: self
                .store
                .setting(org.id, "lang")?
                .as_deref()
                .and_then(Lang::from_code),
            printer: crate::documents::printer::PrinterSettings::from_lookup(|k| {
                self.store.setting(org.id, k).ok().flatten()
            }),
            settings: crate::app::room_settings::RoomSettings {
                limits: self.store.limits(org.id)?,
                places: self.store.places(org.id)?,
                ascii: self
                    .store
                    .setting(org.id, crate::app::room_settings::ASCII_KEY)?
                    .map(|v| v == "on"),
                color: self
                    .store
                    .setting(org.id, crate::app::room_settings::COLOR_KEY)?,
                backup_keep: self.store.backups_to_keep()?,
                zone: self.store.zone()?,
                default_court: self
                    .store
                    .setting(org.id, crate::app::room_settings::DEFAULT_COURT_KEY)?
                    .unwrap_or_default(),
            },
            org: Some(org),
        })
    }

    /// The room read again, as the answer to a change of it.
    fn room_loaded(&mut self) -> Result<Action, StorageError> {
        Ok(Action::RoomLoaded(Box::new(self.load_room()?)))
    }

    /// Sets up the room on first start.
    pub(super) fn create_room(
        &mut self,
        profile: &OrgProfile,
        first_mediator: &str,
        now: &Timestamp,
    ) -> Result<Action, StorageError> {
        let created = self.store.create_organisation(profile, first_mediator, now);
        // Set up by someone else a moment ago: work in that room instead.
        if created.is_err() && self.store.organisation()?.is_none() {
            created?;
        }
        self.room_loaded()
    }

    /// Saves the room's profile, language and printer.
    pub(super) fn save_room(
        &mut self,
        profile: &OrgProfile,
        lang: Lang,
        printer: &crate::documents::printer::PrinterSettings,
    ) -> Result<Action, StorageError> {
        let org = self.org()?.id;
        self.store.update_profile(org, profile)?;
        self.store.set_setting(org, "lang", lang.code())?;
        // The print program is no longer a setting: an old stored one goes.
        let printer: Vec<(String, String)> = printer
            .entries()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        let retired = crate::documents::printer::RETIRED_KEYS;
        self.store.replace_settings(org, &printer, &retired)?;
        self.room_loaded()
    }

    /// Adds a mediator.
    pub(super) fn add_mediator(&mut self, name: &str, phone: &str) -> Result<Action, StorageError> {
        let org = self.org()?.id;
        self.store.add_mediator(org, name, phone)?;
        self.room_loaded()
    }

    /// Marks a mediator as active or departed.
    pub(super) fn set_mediator_active(
        &mut self,
        id: MediatorId,
        active: bool,
    ) -> Result<Action, StorageError> {
        self.store.set_mediator_active(id, active)?;
        self.room_loaded()
    }

    /// Stores room settings in one transaction.
    pub(super) fn save_settings(
        &mut self,
        pairs: &[(String, String)],
    ) -> Result<Action, StorageError> {
        let org = self.org()?.id;
        self.store.set_settings(org, pairs)?;
        self.room_loaded()
    }

    /// Replaces the room's list of places.
    pub(super) fn save_places(&mut self, places: &[Place]) -> Result<Action, StorageError> {
        let org = self.org()?.id;
        self.store.save_places(org, places)?;
        self.room_loaded()
    }

    /// Adds or re-parents a local category.
    pub(super) fn save_local_category(
        &mut self,
        local: &LocalCategory,
    ) -> Result<Action, StorageError> {
        let org = self.org()?.id;
        self.store.save_local_category(org, local)?;
        self.room_loaded()
    }
}
