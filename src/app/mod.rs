//! Application state and its one way of changing: `update(&mut AppState, Action)` returns
//! effects as values; `tui` runs them against storage and feeds the results back as
//! actions. No I/O and no clock here: "today" arrives as data, so tests fix it.
//! Must not import ratatui, crossterm or rusqlite.

pub mod action;
pub mod agreement_form;
pub mod backup_worker;
pub mod case_form;
pub mod command;
pub mod conflict;
pub mod conflict_effects;
pub mod conflict_rows;
pub mod docs_view;
pub mod drafts;
pub mod effects;
mod export_effects;
pub mod follow_up_form;
pub mod form;
mod guard;
pub mod key;
pub mod key_rights;
pub mod keymap;
pub mod modal;
pub mod more_drafts;
pub mod party_form;
pub mod range_form;
pub mod record_form;
pub mod reschedule_form;
pub mod room_settings;
pub mod schedule;
mod schedule_effects;
pub mod search_worker;
pub mod session_form;
pub mod settings;
pub mod setup;
pub mod startup;
pub mod state;
pub mod stats_view;
mod update;
pub mod write_worker;

pub use action::{Action, Effect};
pub use state::*;
pub use update::{contexts_under_help, key_contexts, start, update};
