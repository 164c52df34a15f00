//! The help screen: every key of every context, from the key table.
