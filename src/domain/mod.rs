//! Domain types and rules of a mediation room. Knows nothing of SQL or terminals:
//! must not import rusqlite, ratatui or crossterm.

pub mod agents;
pub mod agreement;
pub mod audit;
pub mod case;
pub mod case_merge;
pub mod category;
pub mod conflicts;
pub mod credit_code;
pub mod dates;
pub mod deadlines;
pub mod ethnic;
pub mod follow_up;
pub mod fullwidth;
pub mod id_card;
mod labelled;
pub mod money;
pub mod org;
pub mod party;
pub mod phone;
pub mod repeat;
pub mod rights;
pub mod search;
pub mod session;
pub mod source;
pub mod stats;
pub mod status;
pub mod user;
pub mod zone;
