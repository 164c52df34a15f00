//! Documents (文书): case data → a [`Document`] value (pure, no I/O) → writers (plain
//! text, PDF). The on-screen preview and both writers read the same value, so what is
//! seen is what is printed. The printed wording is Chinese whatever the interface
//! language: these are official forms.

pub mod agreement;
pub mod amount;
pub mod confirmation;
pub mod cover;
pub mod date;
pub mod fallback_font;
pub mod feedback;
pub mod file_index;
pub mod files;
pub mod font;
pub mod forms;
pub mod job;
pub mod layout;
// The breaker is shared with the screens, so it lives in `crate::text`.
pub use crate::text::linebreak;
pub mod media_copy;
pub mod model;
pub mod names;
pub mod notice;
pub mod pages;
pub mod pdf;
pub mod principals;
pub mod printer;
pub mod record;
pub mod register;
pub mod template;
pub mod text;
pub mod visit;

pub use model::{Block, Document, DocumentError, Signature};

#[cfg(test)]
mod confirmation_tests;
#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod forms_tests;
#[cfg(test)]
mod tests;
