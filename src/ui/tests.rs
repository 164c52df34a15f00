//! Screen snapshots at 80×24 with fixed cases and a fixed today, in Chinese and English.

mod agenda_range;
mod agreement;
mod back_to;
mod conflict;
mod detail;
mod documents;
mod follow_ups;
mod forms;
mod long_parties;
mod repeats;
mod reschedule;
mod restored;
mod schedule;
mod screens;
mod settings_more;
mod stats;
pub mod support;
mod today_alerts_head;
mod today_keys;
mod today_more;
mod today_window;
mod users;
