//! The key bar and the help as each role sees them: what the rights table refuses is
//! left out, on the screen it is asked on.

use super::*;
use crate::app::action::Action;
use crate::app::keymap::{bar_where, entries_where};
use crate::app::update::update;
use crate::domain::user::{Role, User};
use crate::i18n::Lang;
use crate::ui::tests::support::{case, room, today};

fn on_detail(role: Role) -> AppState {
    let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
    update(&mut s, Action::RoomLoaded(Box::new(room())));
    s.user = User::new("u", role);
    s.tab = Tab::Cases;
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    s
}

fn bar_of(state: &AppState, contexts: &[Context]) -> Vec<&'static str> {
    bar_where(contexts, false, &|c, cmd| may_use(state, contexts, c, cmd))
        .into_iter()
        .map(|(_, d)| d)
        .collect()
}

#[test]
fn read_only_sees_no_write_keys_on_the_case_detail_and_list() {
    let detail = [Context::Detail, Context::Global];
    let ro = bar_of(&on_detail(Role::ReadOnly), &detail);
    for write in [
        "key.edit",
        "key.change_status",
        "key.new_session",
        "key.record_session",
        "key.postpone_session",
        "key.new_follow_up",
    ] {
        assert!(!ro.contains(&write), "{write} in {ro:?}");
    }
    assert!(ro.contains(&"key.agreement"), "只读 may look at agreements");
    assert!(ro.contains(&"key.back") && ro.contains(&"key.help"));
    let mediator = bar_of(&on_detail(Role::Mediator), &detail);
    assert!(mediator.contains(&"key.edit") && mediator.contains(&"key.change_status"));
    let list = [Context::List, Context::Global];
    let mut reader = on_detail(Role::ReadOnly);
    reader.cases = CasesView::List;
    assert!(!bar_of(&reader, &list).contains(&"key.new"));
    let mut clerk = on_detail(Role::Clerk);
    clerk.cases = CasesView::List;
    assert!(bar_of(&clerk, &list).contains(&"key.new"));
}

#[test]
fn the_front_desk_sees_no_agreement_key_and_its_own_case_keys() {
    let detail = [Context::Detail, Context::Global];
    let mut clerk = on_detail(Role::Clerk);
    // The fixture case was registered by "wang": as wang, the front desk's own.
    clerk.user = User::new("wang", Role::Clerk);
    let bar = bar_of(&clerk, &detail);
    assert!(!bar.contains(&"key.agreement"));
    assert!(bar.contains(&"key.edit") && bar.contains(&"key.postpone_session"));
}

#[test]
fn settings_keys_are_for_administrators_and_help_is_filtered_the_same_way() {
    let settings = [Context::Settings, Context::Form, Context::Global];
    let mut mediator = on_detail(Role::Mediator);
    mediator.tab = Tab::Settings;
    let mut admin = on_detail(Role::Admin);
    admin.tab = Tab::Settings;
    for s in [&mut mediator, &mut admin] {
        let org = room().org.expect("a room");
        let form = crate::app::settings::settings_form_for(
            &org,
            Lang::Zh,
            &s.user.clone(),
            &Default::default(),
            &Default::default(),
        );
        s.settings.form = Some(form);
    }
    assert!(!bar_of(&mediator, &settings).contains(&"key.save"));
    assert!(bar_of(&admin, &settings).contains(&"key.save"));
    let ro = on_detail(Role::ReadOnly);
    let help = entries_where(Context::Detail, &|c, cmd| may_use_beneath(&ro, c, cmd));
    assert!(!help.iter().any(|(_, d)| *d == "key.edit"));
    assert!(help.iter().any(|(_, d)| *d == "key.scroll_down"));
}

#[test]
fn every_dialog_names_the_operation_its_submit_carries_out() {
    use crate::app::modal::{Modal, ReasonForm};
    let reason = Modal::form(ReasonForm::new(
        case().id,
        1,
        crate::domain::status::CaseStatus::Accepted,
    ));
    assert_eq!(dialog_operation(&reason), Some(Operation::ChangeStatus));
    assert_eq!(dialog_operation(&Modal::Help { scroll: 0 }), None);
}

#[test]
fn local_print_is_offered_exactly_where_printing_is() {
    let docs = [Context::Docs, Context::Global];
    for (role, name) in [
        (Role::Admin, "u"),
        (Role::Mediator, "u"),
        (Role::ReadOnly, "u"),
        (Role::Clerk, "wang"),
        (Role::Clerk, "u"),
    ] {
        let mut s = on_detail(role);
        s.user = User::new(name, role);
        s.tab = Tab::Documents;
        let bar = bar_of(&s, &docs);
        let print = bar.contains(&"key.docs_print");
        assert_eq!(
            bar.contains(&"key.docs_local_print"),
            print,
            "{role:?} {name}"
        );
        // The front desk prints only the cases it registered (the fixture's: wang's).
        assert_eq!(
            print,
            !(role == Role::Clerk && name == "u"),
            "{role:?} {name}"
        );
    }
}
