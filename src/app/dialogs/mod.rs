//! The form-dialog protocol: every dialog that holds a form (a party, a session, its
//! record, a postponement, a follow-up visit, a status reason, a booking override, a
//! settings item) implements [`FormDialog`] in its own file here, and sits on the modal
//! stack as `Modal::Form(Box<dyn FormDialog>)`. The one key driver (`update/dialog.rs`),
//! paste, the unsaved-changes question, the key contexts, the picker, the rights check,
//! draft collection and the default drawer all go through the trait, so a new dialog
//! cannot be missed by any of them. A dialog that keeps a draft or opens on a key of the
//! case detail says so in a [`DialogKind`] listed in [`KINDS`]: its draft key, how it
//! reopens from a draft (waiting for the case or its sessions), which key opens it. Reads
//! no `AppState`: what a dialog needs to know comes in a [`DialogContext`].

pub mod follow_up;
mod override_reason;
mod party;
pub mod reason;
pub mod record;
pub mod reschedule;
pub mod session;
mod settings_item;

use super::action::{Action, Effect};
use super::command::Command;
use super::drafts::{DialogKey, DraftData, DraftKey, fill, focus_id, values};
use super::form::Form;
use crate::domain::case::{Case, CaseId};
use crate::domain::dates::Zone;
use crate::domain::follow_up::Place;
use crate::domain::org::Mediator;
use crate::domain::party::Party;
use crate::domain::rights::Operation;
use crate::domain::session::Session;
use crate::domain::user::User;
use crate::i18n::t;
use chrono::NaiveDate;

/// What a dialog may read of the room while it edits and submits (instead of the whole
/// state, so dialogs depend on nothing above them).
#[derive(Debug, Clone, Copy)]
pub struct DialogContext<'a> {
    /// Today (the clock is read outside `update`).
    pub today: NaiveDate,
    /// The room's time zone.
    pub zone: Zone,
    /// Who is working.
    pub user: &'a User,
    /// The room's mediators.
    pub mediators: &'a [Mediator],
    /// The room's places (rooms and outside places).
    pub places: &'a [Place],
    /// The case open on the detail screen, if any.
    pub open_case: Option<&'a Case>,
    /// The sessions of that case, once they are read.
    pub sessions: Option<&'a [Session]>,
    /// The case the case form edits (`None`: a new case, or no case form).
    pub editing: Option<CaseId>,
}

/// What F2 in a dialog comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Submit {
    /// Something is wrong: the form has marked it and stays open.
    Stay,
    /// Run these; the dialog stays until storage answers (the answer closes it).
    Run(Vec<Effect>),
    /// Close the dialog and run these.
    CloseAndRun(Vec<Effect>),
    /// Ask this question first (the safe answer, no, is the default); yes calls
    /// `FormDialog::confirmed` and submits again.
    Ask(String),
    /// Close the dialog and put this party into the case form below it (at `index`, or
    /// added when `None`): a party is saved with its case.
    IntoCaseForm {
        /// Which party it replaces.
        index: Option<usize>,
        /// The party as typed.
        party: Box<Party>,
    },
}

/// What a dialog on the modal stack is besides its protocol: it can be copied (the state
/// is `Clone`), shown in a test's failure and told apart from the other dialogs
/// (`Modal::dialog::<T>()`). Every `Clone + Debug` dialog has it without writing a line.
pub trait AnyDialog: std::fmt::Debug {
    /// A copy on the heap.
    fn box_clone(&self) -> Box<dyn FormDialog>;
    /// The dialog as its own type, to look at.
    fn as_any(&self) -> &dyn std::any::Any;
    /// The dialog as its own type, to change.
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any;
}

impl<T: FormDialog + Clone + std::fmt::Debug + 'static> AnyDialog for T {
    fn box_clone(&self) -> Box<dyn FormDialog> {
        Box::new(self.clone())
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

impl Clone for Box<dyn FormDialog> {
    fn clone(&self) -> Self {
        self.box_clone()
    }
}

/// What a dialog does when storage has done what it asked: the status line, and what to
/// read again. The dialog closes.
#[derive(Debug, Clone, PartialEq)]
pub struct Answered {
    /// The status line (already in the user's language).
    pub status: String,
    /// What to read again.
    pub effects: Vec<Effect>,
}

/// A dialog holding one form.
pub trait FormDialog: AnyDialog {
    /// The form the keys edit.
    fn form(&self) -> &Form;
    /// The same, to edit.
    fn form_mut(&mut self) -> &mut Form;
    /// What the dialog derives from its fields after every edit, a pick or a paste (an ID
    /// number gives a birth date; a chosen session gives its times); effects to run.
    fn after_edit(&mut self, _cx: &DialogContext) -> Vec<Effect> {
        Vec::new()
    }
    /// What F2 does.
    fn submit(&mut self, cx: &DialogContext) -> Submit;
    /// The user said yes to the question `submit` asked: the next submit goes ahead.
    fn confirmed(&mut self) {}
    /// The operation of the rights table that F2 performs.
    fn operation(&self) -> Operation;
    /// The case it acts on, where it knows (`None`: the case on screen, if any).
    fn case(&self) -> Option<CaseId> {
        None
    }
    /// Catalogue key naming the dialog (in the draft offer).
    fn title(&self) -> &'static str;
    /// The title of its box (already in the user's language).
    fn heading(&self) -> String;
    /// The dim line under the form saying how to finish.
    fn hint(&self) -> String {
        t("dialog.form_hint").into_owned()
    }
    /// Catalogue key of the question Esc asks when something was typed.
    fn discard_question(&self) -> &'static str {
        "confirm.discard_dialog"
    }
    /// True when Enter submits as F2 does (a dialog of one line of text).
    fn enter_submits(&self) -> bool {
        false
    }
    /// The draft of the dialog, if it keeps one of its own (`None`: it keeps none, or it
    /// is kept with the form below it).
    fn draft(&self, _cx: &DialogContext) -> Option<(DraftKey, DraftData)> {
        None
    }
    /// Storage answered `action`: if it is the answer to this dialog's F2, what follows
    /// (the dialog then closes).
    fn answered(&self, _action: &Action) -> Option<Answered> {
        None
    }
}

/// Where a dialog kind lives: over the case detail of its case (its draft key carries the
/// case id), or over the settings tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Home {
    /// Over the case detail.
    Case,
    /// Over the settings tab.
    Settings,
}

/// How a dialog reopens from its draft with what the room holds now.
pub enum Reopen {
    /// Here it is, filled as it was typed.
    Now(Box<dyn FormDialog>),
    /// What it is built from is still being read (the case's sessions): try again then.
    Wait,
    /// It cannot open any more (the session it was about is gone): the draft is dropped.
    Never,
}

/// What opening a dialog from its key comes to.
pub enum Opened {
    /// The dialog.
    Dialog(Box<dyn FormDialog>),
    /// A notice instead (catalogue key): nothing to open it on.
    Notice(&'static str),
}

/// How a dialog opens on its key: `None` when there is nothing to open it on.
pub type OpenFn = fn(&DialogContext) -> Option<Opened>;

/// A kind of dialog that keeps a draft (and may open on a key of the case detail).
#[derive(Clone, Copy)]
pub struct DialogKind {
    /// Its stored draft key: this code, then `:<case id>` for a dialog over a case.
    pub code: &'static str,
    /// Catalogue key naming it in the draft offer.
    pub title: &'static str,
    /// Where it opens.
    pub home: Home,
    /// Reopens it from a draft.
    pub reopen: fn(&DraftData, &DialogContext) -> Reopen,
    /// The command of the case detail that opens it, and how (`None`: opened elsewhere;
    /// the function's `None`: no case on screen).
    pub opens: Option<(Command, OpenFn)>,
}

impl DialogKind {
    /// Its draft key (`case`: the case it is about, for a dialog over a case).
    pub fn key(&self, case: Option<CaseId>) -> DraftKey {
        DraftKey::Dialog(DialogKey {
            code: self.code,
            title: self.title,
            case: match self.home {
                Home::Case => case,
                Home::Settings => None,
            },
        })
    }
}

/// Every dialog kind that keeps a draft: a new one adds its line here, beside its `mod`.
pub const KINDS: &[DialogKind] = &[
    session::KIND,
    record::KIND,
    follow_up::KIND,
    reschedule::POSTPONE,
    reschedule::CANCEL,
    reason::KIND,
    settings_item::MEDIATOR,
    settings_item::CATEGORY,
];

/// The kind a stored draft key names.
pub fn kind_of(key: &DialogKey) -> Option<&'static DialogKind> {
    KINDS.iter().find(|k| k.code == key.code)
}

/// Reads a stored draft key: the case form's, the agreement's, the settings', or a
/// dialog's; `None` for one this version does not know.
pub fn parse_draft_key(code: &str) -> Option<DraftKey> {
    if let Some(key) = DraftKey::parse(code) {
        return Some(key);
    }
    KINDS.iter().find_map(|kind| match kind.home {
        Home::Settings => (code == kind.code).then(|| kind.key(None)),
        Home::Case => {
            let id = code.strip_prefix(kind.code)?.strip_prefix(':')?;
            Some(kind.key(Some(CaseId(id.parse().ok()?))))
        }
    })
}

/// The dialog a command of the case detail opens, if one does.
pub fn opened_by(cmd: Command, cx: &DialogContext) -> Option<Opened> {
    let (_, open) = KINDS
        .iter()
        .filter_map(|k| k.opens)
        .find(|(c, _)| *c == cmd)?;
    open(cx)
}

/// A dialog filled from its draft: fields and focus as they were.
pub fn refilled<T: FormDialog + Clone + std::fmt::Debug + 'static>(
    mut dialog: T,
    data: &DraftData,
) -> Reopen {
    fill(dialog.form_mut(), &data.fields, &data.focus);
    Reopen::Now(Box::new(dialog))
}

/// A draft holding a form's fields and focus.
pub fn form_draft(form: &Form) -> DraftData {
    DraftData {
        fields: values(form),
        focus: focus_id(form),
        ..DraftData::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stored_dialog_key_reads_back_as_its_kind_wrote_it() {
        // The codes drafts were stored under before the dialogs named their own keys.
        for (code, title) in [
            ("session:3", "draft.form.session"),
            ("record:4", "draft.form.record"),
            ("followup:6", "draft.form.follow_up"),
            ("postpone:7", "draft.form.postpone"),
            ("cancel:7", "draft.form.cancel"),
            ("reason:8", "draft.form.reason"),
            ("settings:mediator", "draft.form.mediator"),
            ("settings:category", "draft.form.category"),
            ("case:12", "draft.form.case_edit"),
            ("agreement:5", "draft.form.agreement"),
        ] {
            let key = parse_draft_key(code).expect(code);
            assert_eq!((key.code().as_str(), key.title()), (code, title));
        }
        for kind in KINDS {
            let key = kind.key(Some(CaseId(9)));
            assert_eq!(parse_draft_key(&key.code()), Some(key), "{}", kind.code);
        }
        for bad in [
            "followup",
            "followup:x",
            "settings:mediator:1",
            "visit:3",
            "settings:other",
        ] {
            assert_eq!(parse_draft_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn each_kind_has_its_own_code_and_each_command_opens_one_dialog() {
        for (i, a) in KINDS.iter().enumerate() {
            for b in &KINDS[i + 1..] {
                assert_ne!(a.code, b.code);
                let commands = (a.opens.map(|o| o.0), b.opens.map(|o| o.0));
                assert!(
                    commands.0.is_none() || commands.0 != commands.1,
                    "{}",
                    a.code
                );
            }
        }
    }
}
