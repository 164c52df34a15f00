//! The key table: how keys resolve to commands (pure), and the key bar and help entries
//! generated from the one table of bindings (`keymap/bindings.rs`), so hints never drift
//! from the real keys.

use super::command::Command;
use super::key::{Key, KeyCode};

/// Where the keyboard focus is, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Keys that work on every screen outside text fields.
    Global,
    /// The case list.
    List,
    /// The list's search box.
    Search,
    /// A case's detail.
    Detail,
    /// A form (case, party, settings, first start).
    Form,
    /// The case form (F7 adds a party wherever the focus is).
    CaseForm,
    /// A form whose focus is on the parties list.
    Parties,
    /// The settings tab's form (F7 adds to its lists, Esc leaves the tab).
    Settings,
    /// A yes/no question.
    Confirm,
    /// A list to choose from (status menu, category, mediators).
    Menu,
    /// The help screen or a notice.
    Help,
    /// A tab that is not built yet, or the settings overview.
    Tab,
    /// The today screen.
    Today,
    /// 今日 with the long-overdue line selected while they are folded (Enter lists them).
    TodayLongFolded,
    /// 今日 with the long-overdue line selected while they are listed (Enter folds them).
    TodayLongOpen,
    /// The schedule tab (agenda and month).
    Schedule,
    /// The statistics tab.
    Stats,
    /// The documents tab.
    Docs,
    /// The drafts offered at start.
    Drafts,
    /// Two versions of a case: which to keep.
    Conflict,
    /// The agreement editor's main form.
    Agreement,
    /// The agreement editor with the focus on its clause or item list.
    AgreementList,
    /// The agreement's preview.
    Preview,
}

/// One default binding.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The key.
    pub key: Key,
    /// What it does.
    pub command: Command,
    /// Catalogue key of its description.
    pub desc: &'static str,
    /// Shown in the footer key bar (the others appear in help only).
    pub in_bar: bool,
}

pub(super) const fn bind(
    context: Context,
    key: Key,
    command: Command,
    desc: &'static str,
    in_bar: bool,
) -> Binding {
    Binding {
        context,
        key,
        command,
        desc,
        in_bar,
    }
}

pub(super) const fn k(code: KeyCode) -> Key {
    Key::plain(code)
}

mod bindings;
pub use bindings::BINDINGS;

/// The command for `key` in the first of `contexts` that binds it. When `typing` is
/// true, printable characters are text, never commands.
pub fn resolve(contexts: &[Context], key: Key, typing: bool) -> Option<Command> {
    if typing && key.text_char().is_some() {
        return None;
    }
    contexts.iter().find_map(|ctx| {
        BINDINGS
            .iter()
            .find(|b| b.context == *ctx && b.key == key)
            .map(|b| b.command)
    })
}

/// The key bar for these contexts: one entry per description, its keys joined by `/`.
/// A key that an earlier context binds is left out: it never reaches the later one.
pub fn bar(contexts: &[Context], typing: bool) -> Vec<(String, &'static str)> {
    bar_where(contexts, typing, &|_, _| true)
}

/// A permission check on a binding: its context and command (see `key_rights`).
pub type Allow<'a> = &'a dyn Fn(Context, Command) -> bool;

/// The key bar with only the bindings `allow` lets through (the role's keys).
pub fn bar_where(contexts: &[Context], typing: bool, allow: Allow) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for (i, ctx) in contexts.iter().enumerate() {
        for b in BINDINGS
            .iter()
            .filter(|b| b.context == *ctx && b.in_bar && allow(b.context, b.command))
        {
            if typing && b.key.text_char().is_some() {
                continue;
            }
            let shadowed = BINDINGS
                .iter()
                .any(|o| o.key == b.key && contexts[..i].contains(&o.context));
            if shadowed {
                continue;
            }
            join(&mut out, b);
        }
    }
    out
}

/// Every binding of one context for the help screen (bar or not), in table order: one
/// entry per description, its keys joined as in the bar.
pub fn entries(context: Context) -> Vec<(String, &'static str)> {
    entries_where(context, &|_, _| true)
}

/// The help entries of one context that `allow` lets through (the role's keys).
pub fn entries_where(context: Context, allow: Allow) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for b in BINDINGS
        .iter()
        .filter(|b| b.context == context && allow(b.context, b.command))
    {
        join(&mut out, b);
    }
    out
}

/// Adds a binding's key to the entry with its description, or starts that entry.
fn join(out: &mut Vec<(String, &'static str)>, b: &Binding) {
    match out.iter_mut().find(|(_, d)| *d == b.desc) {
        Some((keys, _)) => {
            // "F3 /" reads better than "F3//" for the slash key.
            let label = b.key.label();
            keys.push(if label == "/" { ' ' } else { '/' });
            keys.push_str(&label);
        }
        None => out.push((b.key.label(), b.desc)),
    }
}

#[cfg(test)]
mod tests;
