//! Application state and its one way of changing: `update(&mut AppState, Action)` returns
//! effects as values; `tui` runs them against storage and feeds the results back as
//! actions. No I/O and no clock here: "today" arrives as data, so tests fix it.
//! Must not import ratatui, crossterm or rusqlite.

pub mod action;
pub mod agreement_draft;
pub mod agreement_form;
pub mod backup_worker;
pub mod case_form;
pub mod command;
pub mod conflict;
pub mod dialogs;
pub mod docs_view;
pub mod drafts;
pub mod effect_kind;
pub mod effects;
pub mod form;
mod front_desk;
mod guard;
pub mod key;
pub mod key_rights;
pub mod keymap;
pub mod modal;
pub mod open_forms;
pub mod party_choices;
pub mod party_form;
pub mod picker;
pub mod previews;
pub mod range_form;
pub mod room_settings;
pub mod schedule;
pub mod screen;
pub mod search_worker;
pub mod settings;
pub mod setup;
pub mod startup;
pub mod state;
pub mod stats_view;
pub mod status_line;
pub mod text_keys;
pub mod today_view;
mod update;
pub mod version_diffs;

#[cfg(test)]
mod import_cycles;
pub mod saving;

pub use action::{Action, Effect};
pub use state::*;
pub use update::{contexts_under_help, key_contexts, start, update};
