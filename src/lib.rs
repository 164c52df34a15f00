//! tiaojie (调解): case log, schedule and documents for a people's mediation room.
//! Dependencies point one way: `domain` ← `storage` ← `app` ← `ui`/`tui`.

pub mod app;
pub mod cli;
pub mod documents;
pub mod domain;
pub mod i18n;
pub mod log;
pub mod paths;
pub mod report;
pub mod storage;
pub mod text;
pub mod tui;
pub mod ui;
