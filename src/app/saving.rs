//! Where the saves sent to the writer thread are, as the status line tells it. A leaf:
//! both the actions (which report it) and the state (which keeps it) name it, so it must
//! import neither.

/// Whether a save is under way: the form stays open and keys keep working meanwhile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Saving {
    /// Nothing is being saved.
    #[default]
    No,
    /// A save is under way.
    Now,
    /// A save has waited more than a second: the file is busy with someone else's change.
    Waiting,
}
