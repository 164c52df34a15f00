//! Users of the room and what each role may do: pure rules, asked by the app, the
//! commands and the reports alike, so one role sees the same thing everywhere.
//! Must not import rusqlite, ratatui or crossterm.

use super::case::Case;
use super::id_card::mask_id;
use super::labelled::labelled_enum;
use super::phone::mask_phone;
use super::rights::{Operation, allows};

labelled_enum! {
    /// What a person may do in the room.
    pub enum Role {
        /// 管理员: settings, users, everything.
        Admin => ("admin", "管理员"),
        /// 调解员: every case of the room.
        Mediator => ("mediator", "调解员"),
        /// 登记员: the front desk — registers and refers cases, sees the ones they registered.
        Clerk => ("clerk", "登记员"),
        /// 只读: may look, may not change.
        ReadOnly => ("readonly", "只读"),
    }
}

impl Role {
    /// The role named in Chinese (管理员) or English (admin, mediator, clerk, readonly),
    /// as typed on the command line or in the users screen.
    pub fn parse(text: &str) -> Option<Role> {
        let text = text.trim();
        Role::from_label(text)
            .or_else(|| Role::from_code(&text.to_ascii_lowercase()))
            .or_else(|| match text.to_ascii_lowercase().as_str() {
                "administrator" => Some(Role::Admin),
                "read-only" | "read_only" | "viewer" => Some(Role::ReadOnly),
                _ => None,
            })
    }
}

/// A person who may open the room's database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// The login name (the operating-system user or `--as NAME`); unique.
    pub name: String,
    /// 姓名 as shown on screens (may be empty: the login name is shown then).
    pub display: String,
    /// What they may do.
    pub role: Role,
    /// False once disabled: they may no longer open the room.
    pub active: bool,
}

impl User {
    /// A new active user.
    pub fn new(name: &str, role: Role) -> User {
        User {
            name: name.trim().to_string(),
            display: String::new(),
            role,
            active: true,
        }
    }

    /// The name to show: the display name, else the login name.
    pub fn shown_name(&self) -> &str {
        if self.display.trim().is_empty() {
            &self.name
        } else {
            &self.display
        }
    }
}

// The questions below are the rights table's (`domain::rights`) answers, named for the
// places that ask them often.

/// The room's settings (name, numbering, print command) — administrators only.
pub fn may_edit_settings(user: &User) -> bool {
    allows(user, Operation::EditSettings, None)
}

/// Adding, changing and disabling users — administrators only.
pub fn may_manage_users(user: &User) -> bool {
    allows(user, Operation::ManageUsers, None)
}

/// Registering a case (the first of the changes a role may make): everyone but 只读.
pub fn may_write(user: &User) -> bool {
    allows(user, Operation::RegisterCase, None)
}

/// Agreements (调解协议) are the mediators' work: the front desk and 只读 may not edit them.
pub fn may_edit_agreements(user: &User) -> bool {
    allows(user, Operation::SaveAgreement, None)
}

/// Whether `user` may see agreements at all: the front desk registers and refers cases
/// and has no part in agreements; 只读 may look at them.
pub fn may_see_agreements(user: &User) -> bool {
    allows(user, Operation::ViewAgreement, None)
}

/// Full ID numbers and phones in a file meant for others (`--unmasked`) — administrators only.
pub fn may_export_unmasked(user: &User) -> bool {
    allows(user, Operation::ExportUnmasked, None)
}

/// A 登记员 sees only the cases they registered; everyone else sees every case.
pub fn may_see_registered(registered_by: &str, user: &User) -> bool {
    allows(user, Operation::ViewCase, Some(registered_by))
}

/// The registrar a list must be limited to for `user`: their own name for a role that
/// sees only its own cases (a 登记员), none for everyone else (put into
/// `CaseQuery::registered_by`).
pub fn case_scope(user: &User) -> Option<String> {
    (super::rights::reach(user.role, Operation::ViewCase) == super::rights::Reach::Own)
        .then(|| user.name.clone())
}

/// Whether `user` sees who the parties of a session or alert of a case registered by
/// `registered_by` are: the front desk sees other cases' sessions only as time, place and
/// mediator (when rooms and mediators are free), never their parties or numbers.
pub fn sees_parties(registered_by: &str, user: &User) -> bool {
    may_see_registered(registered_by, user)
}

/// [`may_see_registered`] for a loaded case (its first history entry is the registration).
pub fn may_see_case(case: &Case, user: &User) -> bool {
    may_see_registered(registered_by(case), user)
}

/// A 登记员 sees the parties' full ID numbers and phones only on cases they registered
/// (front desk officers take them down); every other role sees them in full on screens.
pub fn may_see_full_ids_registered(registered_by: &str, user: &User) -> bool {
    user.active && (user.role != Role::Clerk || registered_by == user.name)
}

/// [`may_see_full_ids_registered`] for a loaded case.
pub fn may_see_full_ids(case: &Case, user: &User) -> bool {
    may_see_full_ids_registered(registered_by(case), user)
}

/// Who registered a case ("" if its history is empty, which storage never writes).
pub fn registered_by(case: &Case) -> &str {
    case.registered().map(|h| h.operator.as_str()).unwrap_or("")
}

/// The case as `user` may see it: parties' ID numbers and phones masked where
/// [`may_see_full_ids`] says no. Everything that shows a case to a person goes through it.
pub fn case_for(case: &Case, user: &User) -> Case {
    let mut shown = case.clone();
    if !may_see_full_ids(case, user) {
        mask_parties(&mut shown.fields.parties);
    }
    shown
}

/// Masks every party's ID number and phone in place (credit codes are public and stay).
pub fn mask_parties(parties: &mut [super::party::Party]) {
    for party in parties {
        if !party.id_number.is_empty() {
            party.id_number = mask_id(&party.id_number);
        }
        if !party.phone.is_empty() {
            party.phone = mask_phone(&party.phone);
        }
    }
}

#[cfg(test)]
mod tests;
