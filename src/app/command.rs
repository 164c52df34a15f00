//! What a key asks for, named. The key table maps keys to these; `update` acts on them.

/// A user command, whatever key produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Show every key (the help screen).
    Help,
    /// Leave the program (asks first if something is unsaved).
    Quit,
    /// Next tab.
    NextTab,
    /// Go to the tab with this number (1 今日 … 6 设置), as the tab bar shows them.
    GoTab(u8),
    /// Previous tab.
    PrevTab,
    /// Move up one row / field.
    Up,
    /// Move down one row / field.
    Down,
    /// Previous page.
    PageUp,
    /// Next page.
    PageDown,
    /// First row / start.
    Home,
    /// Last row / end.
    End,
    /// Left: previous choice.
    Left,
    /// Right: next choice.
    Right,
    /// Open what is selected / activate.
    Open,
    /// Register a new case.
    New,
    /// Edit the case.
    Edit,
    /// Search or filter the list.
    Search,
    /// Cycle the status filter.
    FilterStatus,
    /// Cycle the sort column and direction.
    Sort,
    /// Change the case's status.
    ChangeStatus,
    /// Go back / cancel.
    Back,
    /// Save the form.
    Save,
    /// Next field.
    NextField,
    /// Previous field.
    PrevField,
    /// Toggle a check box.
    Toggle,
    /// Add a party / an item.
    Add,
    /// Remove the selected party / item.
    Remove,
    /// Answer yes.
    Yes,
    /// Answer no.
    No,
    /// Switch the schedule between agenda and month.
    ToggleView,
    /// Switch the agenda between one day and one week.
    ToggleSpan,
    /// Cycle the schedule's mediator filter.
    FilterMediator,
    /// Cycle the schedule's room filter.
    FilterRoom,
    /// Schedule a session for the case.
    NewSession,
    /// Write the record of one of the case's sessions.
    RecordSession,
    /// Move a planned session to another time (改期).
    PostponeSession,
    /// Call a planned session off (取消).
    CancelSession,
    /// Record a follow-up visit of the case (回访).
    NewFollowUp,
    /// Switch the statistics period between month, quarter and year.
    CyclePeriod,
    /// Show the next statistics table.
    NextPane,
    /// Export what is shown to a file.
    Export,
    /// Open the agreement of the case.
    Agreement,
    /// Move the selected row up.
    MoveUp,
    /// Move the selected row down.
    MoveDown,
    /// Show the document as it will print.
    Preview,
    /// Send what is shown to the printer.
    Print,
    /// Send what is shown to the printer of the user's own terminal (本机打印).
    LocalPrint,
    /// Export the case ledger (台账) of the period shown.
    ExportLedger,
    /// Type the first and last day of a statistics period.
    PickRange,
}
