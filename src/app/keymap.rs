//! The key table: every default binding with its context and its description's catalogue
//! key. Keys resolve to commands here (pure); the footer key bar and the help screen are
//! generated from this same table, so hints never drift from the real keys.

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

const fn bind(
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

const fn k(code: KeyCode) -> Key {
    Key::plain(code)
}

use Command as C;
use Context as X;
use KeyCode as K;

/// The default bindings. Letter keys each have an F-key or arrow equivalent, because a
/// letter typed into a text field is text.
pub const BINDINGS: &[Binding] = &[
    bind(X::List, k(K::Enter), C::Open, "key.open", true),
    bind(X::List, k(K::F(7)), C::New, "key.new", true),
    bind(X::List, Key::char('n'), C::New, "key.new", true),
    bind(X::List, k(K::F(4)), C::Edit, "key.edit", false),
    bind(X::List, Key::char('e'), C::Edit, "key.edit", false),
    bind(X::List, k(K::F(3)), C::Search, "key.search", true),
    bind(X::List, Key::char('/'), C::Search, "key.search", true),
    bind(
        X::List,
        k(K::F(5)),
        C::FilterStatus,
        "key.filter_status",
        true,
    ),
    bind(
        X::List,
        Key::char('f'),
        C::FilterStatus,
        "key.filter_status",
        false,
    ),
    bind(X::List, k(K::F(6)), C::Sort, "key.sort", true),
    bind(X::List, Key::char('s'), C::Sort, "key.sort", false),
    bind(X::List, k(K::Up), C::Up, "key.up", false),
    bind(X::List, k(K::Down), C::Down, "key.down", false),
    bind(X::List, k(K::PageUp), C::PageUp, "key.page_up", false),
    bind(X::List, k(K::PageDown), C::PageDown, "key.page_down", false),
    bind(X::List, k(K::Home), C::Home, "key.home", false),
    bind(X::List, k(K::End), C::End, "key.end", false),
    bind(X::List, k(K::Esc), C::Back, "key.clear_filter", false),
    bind(X::Search, k(K::Enter), C::Open, "key.search_done", true),
    bind(X::Search, k(K::Down), C::Open, "key.search_done", false),
    bind(X::Search, k(K::Esc), C::Back, "key.search_clear", true),
    bind(X::Detail, k(K::F(4)), C::Edit, "key.edit", true),
    // The letters stay out of the bar (help lists them) so 改期 fits at 80 columns.
    bind(X::Detail, Key::char('e'), C::Edit, "key.edit", false),
    bind(
        X::Detail,
        k(K::F(9)),
        C::ChangeStatus,
        "key.change_status",
        true,
    ),
    bind(
        X::Detail,
        Key::char('t'),
        C::ChangeStatus,
        "key.change_status",
        false,
    ),
    bind(
        X::Detail,
        k(K::F(7)),
        C::NewSession,
        "key.new_session",
        true,
    ),
    bind(
        X::Detail,
        Key::char('a'),
        C::NewSession,
        "key.new_session",
        false,
    ),
    bind(
        X::Detail,
        k(K::F(8)),
        C::RecordSession,
        "key.record_session",
        true,
    ),
    bind(
        X::Detail,
        Key::char('j'),
        C::RecordSession,
        "key.record_session",
        false,
    ),
    bind(X::Detail, k(K::F(6)), C::Agreement, "key.agreement", true),
    bind(
        X::Detail,
        Key::char('x'),
        C::Agreement,
        "key.agreement",
        false,
    ),
    bind(X::Detail, k(K::Up), C::Up, "key.scroll_up", false),
    bind(X::Detail, k(K::Down), C::Down, "key.scroll_down", false),
    bind(X::Detail, k(K::PageUp), C::PageUp, "key.page_up", false),
    bind(
        X::Detail,
        k(K::PageDown),
        C::PageDown,
        "key.page_down",
        false,
    ),
    bind(X::Detail, k(K::Esc), C::Back, "key.back", true),
    // `/` finds, as on the list: from a case it goes back to the list's search box, so
    // what is typed next is the search, not lost.
    bind(
        X::Detail,
        Key::ctrl('f'),
        C::Search,
        "key.search_list",
        false,
    ),
    bind(
        X::Detail,
        Key::char('/'),
        C::Search,
        "key.search_list",
        false,
    ),
    bind(X::Detail, k(K::Left), C::Back, "key.back", false),
    bind(
        X::Detail,
        k(K::F(5)),
        C::PostponeSession,
        "key.postpone_session",
        true,
    ),
    bind(
        X::Detail,
        Key::char('p'),
        C::PostponeSession,
        "key.postpone_session",
        false,
    ),
    // F6 and x open the agreement; calling off a session is F11 or c (取消).
    bind(
        X::Detail,
        k(K::F(11)),
        C::CancelSession,
        "key.cancel_session",
        true,
    ),
    bind(
        X::Detail,
        Key::char('c'),
        C::CancelSession,
        "key.cancel_session",
        false,
    ),
    bind(
        X::Detail,
        k(K::F(3)),
        C::NewFollowUp,
        "key.new_follow_up",
        true,
    ),
    bind(
        X::Detail,
        Key::char('v'),
        C::NewFollowUp,
        "key.new_follow_up",
        false,
    ),
    bind(X::Form, k(K::F(2)), C::Save, "key.save", true),
    bind(X::Form, Key::ctrl('s'), C::Save, "key.save", true),
    bind(X::Form, k(K::Tab), C::NextField, "key.next_field", true),
    bind(
        X::Form,
        k(K::BackTab),
        C::PrevField,
        "key.prev_field",
        false,
    ),
    bind(X::Form, k(K::Down), C::Down, "key.next_field", false),
    bind(X::Form, k(K::Up), C::Up, "key.prev_field", false),
    bind(X::Form, k(K::Enter), C::Open, "key.form_enter", false),
    bind(X::Form, k(K::Esc), C::Back, "key.cancel", true),
    bind(X::CaseForm, k(K::F(7)), C::Add, "key.add_party", true),
    bind(X::Settings, k(K::F(7)), C::Add, "key.add", true),
    bind(X::Settings, k(K::Esc), C::Back, "key.back", true),
    bind(
        X::Settings,
        k(K::F(8)),
        C::Remove,
        "key.remove_place",
        false,
    ),
    bind(
        X::Settings,
        k(K::Delete),
        C::Remove,
        "key.remove_place",
        false,
    ),
    bind(X::Parties, k(K::Enter), C::Open, "key.edit_party", true),
    bind(X::Parties, k(K::F(7)), C::Add, "key.add_party", true),
    bind(X::Parties, k(K::Insert), C::Add, "key.add_party", false),
    bind(X::Parties, k(K::F(8)), C::Remove, "key.remove_party", true),
    bind(
        X::Parties,
        k(K::Delete),
        C::Remove,
        "key.remove_party",
        false,
    ),
    bind(X::Confirm, k(K::Left), C::Left, "key.choose", false),
    bind(X::Confirm, k(K::Right), C::Right, "key.choose", false),
    bind(X::Confirm, k(K::Tab), C::Right, "key.choose", false),
    bind(X::Confirm, k(K::Enter), C::Open, "key.answer", true),
    bind(X::Confirm, Key::char('y'), C::Yes, "key.yes", true),
    bind(X::Confirm, Key::char('n'), C::No, "key.no", true),
    bind(X::Confirm, k(K::Esc), C::No, "key.no", false),
    bind(X::Menu, k(K::Up), C::Up, "key.up", false),
    bind(X::Menu, k(K::Down), C::Down, "key.down", false),
    bind(X::Menu, k(K::PageUp), C::PageUp, "key.page_up", false),
    bind(X::Menu, k(K::PageDown), C::PageDown, "key.page_down", false),
    bind(X::Menu, k(K::Home), C::Home, "key.first", false),
    bind(X::Menu, k(K::End), C::End, "key.last", false),
    bind(X::Menu, Key::char(' '), C::Toggle, "key.toggle", false),
    bind(X::Menu, k(K::Enter), C::Open, "key.choose_this", true),
    bind(X::Menu, k(K::Esc), C::Back, "key.cancel", true),
    bind(X::Drafts, k(K::Up), C::Up, "key.up", false),
    bind(X::Drafts, k(K::Down), C::Down, "key.down", false),
    bind(X::Drafts, k(K::Enter), C::Open, "key.draft_restore", true),
    bind(
        X::Drafts,
        k(K::Delete),
        C::Remove,
        "key.draft_discard",
        true,
    ),
    bind(
        X::Drafts,
        Key::char('d'),
        C::Remove,
        "key.draft_discard",
        false,
    ),
    bind(X::Drafts, k(K::Esc), C::Back, "key.draft_later", true),
    bind(X::Conflict, k(K::Left), C::Left, "key.choose", true),
    bind(X::Conflict, k(K::Right), C::Right, "key.choose", false),
    bind(X::Conflict, k(K::Tab), C::Right, "key.choose", false),
    bind(X::Conflict, k(K::Enter), C::Open, "key.answer", true),
    bind(X::Conflict, k(K::Up), C::Up, "key.scroll_up", false),
    bind(X::Conflict, k(K::Down), C::Down, "key.scroll_down", false),
    bind(X::Conflict, k(K::Esc), C::Back, "key.conflict_back", true),
    bind(X::Help, k(K::Esc), C::Back, "key.close", true),
    bind(X::Help, k(K::Enter), C::Back, "key.close", false),
    bind(X::Help, k(K::Up), C::Up, "key.scroll_up", false),
    bind(X::Help, k(K::Down), C::Down, "key.scroll_down", false),
    bind(X::Help, k(K::PageUp), C::PageUp, "key.page_up", false),
    bind(X::Help, k(K::PageDown), C::PageDown, "key.page_down", false),
    bind(X::Stats, k(K::Left), C::Left, "key.stats_prev", true),
    bind(X::Stats, k(K::Right), C::Right, "key.stats_next", true),
    bind(X::Stats, k(K::F(5)), C::CyclePeriod, "key.stats_kind", true),
    bind(
        X::Stats,
        Key::char('m'),
        C::CyclePeriod,
        "key.stats_kind",
        false,
    ),
    bind(X::Stats, k(K::F(6)), C::NextPane, "key.stats_pane", true),
    bind(
        X::Stats,
        Key::char('v'),
        C::NextPane,
        "key.stats_pane",
        false,
    ),
    bind(X::Stats, k(K::F(8)), C::Export, "key.stats_export", true),
    bind(
        X::Stats,
        Key::char('x'),
        C::Export,
        "key.stats_export",
        false,
    ),
    bind(
        X::Stats,
        k(K::F(9)),
        C::ExportLedger,
        "key.stats_ledger",
        true,
    ),
    bind(
        X::Stats,
        Key::char('l'),
        C::ExportLedger,
        "key.stats_ledger",
        false,
    ),
    bind(X::Stats, k(K::F(7)), C::PickRange, "key.stats_range", true),
    bind(
        X::Stats,
        Key::char('r'),
        C::PickRange,
        "key.stats_range",
        false,
    ),
    bind(X::Stats, k(K::Up), C::Up, "key.scroll_up", false),
    bind(X::Stats, k(K::Down), C::Down, "key.scroll_down", false),
    bind(X::Docs, k(K::Up), C::Up, "key.docs_form", true),
    bind(X::Docs, k(K::Down), C::Down, "key.docs_form", true),
    bind(X::Docs, k(K::Enter), C::Open, "key.docs_pdf", true),
    bind(X::Docs, k(K::F(5)), C::Print, "key.docs_print", true),
    bind(
        X::Docs,
        k(K::F(6)),
        C::LocalPrint,
        "key.docs_local_print",
        true,
    ),
    bind(X::Docs, k(K::Left), C::Left, "key.docs_which", true),
    bind(X::Docs, k(K::Right), C::Right, "key.docs_which", true),
    bind(X::Docs, Key::char('p'), C::Print, "key.docs_print", false),
    bind(
        X::Docs,
        Key::char('l'),
        C::LocalPrint,
        "key.docs_local_print",
        false,
    ),
    bind(X::Docs, k(K::PageDown), C::PageDown, "key.page_down", false),
    bind(X::Docs, k(K::PageUp), C::PageUp, "key.page_up", false),
    bind(X::Tab, k(K::Up), C::Up, "key.up", false),
    bind(X::Tab, k(K::Down), C::Down, "key.down", false),
    bind(X::Tab, k(K::Enter), C::Open, "key.open", false),
    bind(X::Tab, k(K::F(7)), C::Add, "key.add", false),
    bind(X::Today, k(K::Enter), C::Open, "key.open_case", true),
    bind(X::Today, k(K::Up), C::Up, "key.up", false),
    bind(X::Today, k(K::Down), C::Down, "key.down", false),
    bind(X::Today, k(K::PageUp), C::PageUp, "key.page_up", false),
    bind(
        X::Today,
        k(K::PageDown),
        C::PageDown,
        "key.page_down",
        false,
    ),
    bind(X::Today, k(K::Home), C::Home, "key.first", false),
    bind(X::Today, k(K::End), C::End, "key.last", false),
    bind(X::Schedule, k(K::Enter), C::Open, "key.schedule_open", true),
    bind(X::Schedule, k(K::Left), C::Left, "key.schedule_back", false),
    bind(
        X::Schedule,
        k(K::Right),
        C::Right,
        "key.schedule_forward",
        false,
    ),
    bind(X::Schedule, k(K::Up), C::Up, "key.schedule_up", false),
    bind(X::Schedule, k(K::Down), C::Down, "key.schedule_down", false),
    bind(
        X::Schedule,
        k(K::PageUp),
        C::PageUp,
        "key.schedule_page_up",
        false,
    ),
    bind(
        X::Schedule,
        k(K::PageDown),
        C::PageDown,
        "key.schedule_page_down",
        false,
    ),
    bind(
        X::Schedule,
        k(K::Home),
        C::Home,
        "key.schedule_today",
        false,
    ),
    bind(
        X::Schedule,
        k(K::F(5)),
        C::ToggleView,
        "key.toggle_view",
        true,
    ),
    bind(
        X::Schedule,
        Key::char('m'),
        C::ToggleView,
        "key.toggle_view",
        true,
    ),
    bind(
        X::Schedule,
        k(K::F(6)),
        C::ToggleSpan,
        "key.toggle_span",
        true,
    ),
    bind(
        X::Schedule,
        Key::char('w'),
        C::ToggleSpan,
        "key.toggle_span",
        false,
    ),
    bind(
        X::Schedule,
        k(K::F(3)),
        C::FilterMediator,
        "key.filter_mediator",
        true,
    ),
    bind(
        X::Schedule,
        Key::char('f'),
        C::FilterMediator,
        "key.filter_mediator",
        false,
    ),
    bind(
        X::Schedule,
        k(K::F(4)),
        C::FilterRoom,
        "key.filter_room",
        true,
    ),
    bind(
        X::Schedule,
        Key::char('r'),
        C::FilterRoom,
        "key.filter_room",
        false,
    ),
    bind(
        X::Schedule,
        k(K::F(7)),
        C::PostponeSession,
        "key.postpone_session",
        true,
    ),
    bind(
        X::Schedule,
        Key::char('p'),
        C::PostponeSession,
        "key.postpone_session",
        false,
    ),
    bind(
        X::Schedule,
        k(K::F(8)),
        C::CancelSession,
        "key.cancel_session",
        true,
    ),
    bind(
        X::Schedule,
        Key::char('x'),
        C::CancelSession,
        "key.cancel_session",
        false,
    ),
    bind(X::Schedule, k(K::Esc), C::Back, "key.clear_filter", false),
    bind(
        X::Schedule,
        k(K::F(9)),
        C::PickRange,
        "key.agenda_range",
        true,
    ),
    bind(
        X::Schedule,
        Key::char('d'),
        C::PickRange,
        "key.agenda_range",
        false,
    ),
    bind(X::AgreementList, k(K::Enter), C::Open, "key.edit_row", true),
    bind(X::AgreementList, k(K::F(7)), C::Add, "key.add_row", true),
    bind(X::AgreementList, k(K::Insert), C::Add, "key.add_row", false),
    bind(
        X::AgreementList,
        k(K::F(8)),
        C::Remove,
        "key.remove_row",
        true,
    ),
    bind(
        X::AgreementList,
        k(K::Delete),
        C::Remove,
        "key.remove_row",
        false,
    ),
    bind(X::AgreementList, k(K::F(5)), C::MoveUp, "key.move_up", true),
    bind(
        X::AgreementList,
        k(K::F(6)),
        C::MoveDown,
        "key.move_down",
        true,
    ),
    bind(X::Agreement, k(K::F(3)), C::Preview, "key.preview", true),
    bind(X::Preview, k(K::Esc), C::Back, "key.back", true),
    bind(X::Preview, k(K::F(3)), C::Back, "key.back", false),
    // One entry each for the arrows and the page keys: "↑/↓ 滚动  PgUp/PgDn 翻页".
    bind(X::Preview, k(K::Up), C::Up, "key.scroll", true),
    bind(X::Preview, k(K::Down), C::Down, "key.scroll", true),
    bind(X::Preview, k(K::PageUp), C::PageUp, "key.page", true),
    bind(X::Preview, k(K::PageDown), C::PageDown, "key.page", true),
    bind(X::Global, k(K::Tab), C::NextTab, "key.next_tab", true),
    bind(X::Global, k(K::BackTab), C::PrevTab, "key.prev_tab", false),
    // The numbers the tab bar shows; letters and digits are text while typing in a field.
    bind(X::Global, Key::char('1'), C::GoTab(1), "key.go_tab", false),
    bind(X::Global, Key::char('2'), C::GoTab(2), "key.go_tab", false),
    bind(X::Global, Key::char('3'), C::GoTab(3), "key.go_tab", false),
    bind(X::Global, Key::char('4'), C::GoTab(4), "key.go_tab", false),
    bind(X::Global, Key::char('5'), C::GoTab(5), "key.go_tab", false),
    bind(X::Global, Key::char('6'), C::GoTab(6), "key.go_tab", false),
    bind(X::Global, k(K::F(1)), C::Help, "key.help", true),
    bind(X::Global, Key::char('?'), C::Help, "key.help", false),
    bind(X::Global, k(K::F(10)), C::Quit, "key.quit", true),
    bind(X::Global, Key::char('q'), C::Quit, "key.quit", false),
    bind(X::Global, Key::ctrl('c'), C::Quit, "key.quit", false),
];

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
