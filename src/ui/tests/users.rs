//! Snapshots of the users list in the settings tab and of a case's history from the
//! audit trail, in Chinese and English; and what other roles are told when refused.

use super::support::*;
use crate::app::AppState;
use crate::app::action::Action;
use crate::app::key::{Key, KeyCode};
use crate::app::modal::Modal;
use crate::app::settings::SettingsItem;
use crate::app::state::Tab;
use crate::app::update;
use crate::domain::audit::{AuditAction, AuditEntry};
use crate::domain::user::{Role, User};
use crate::i18n::Lang;
use chrono::DateTime;

fn users() -> Vec<User> {
    let mut wang = User::new("wang", Role::Admin);
    wang.display = "王建国".into();
    let mut li = User::new("lifang", Role::Mediator);
    li.display = "李芳".into();
    let mut police = User::new("police1", Role::Clerk);
    police.display = "赵警官".into();
    let mut gone = User::new("chen", Role::ReadOnly);
    gone.active = false;
    vec![wang, li, police, gone]
}

fn users_screen(lang: Lang) -> AppState {
    let mut s = list_state(lang);
    press(&mut s, &[Key::plain(KeyCode::Tab); 4]);
    assert_eq!(s.tab, Tab::Settings);
    update(&mut s, Action::UsersLoaded(users()));
    if let Some(form) = s.settings.form.as_mut() {
        form.focus_on("users");
    }
    press(&mut s, &[Key::plain(KeyCode::Down); 2]);
    s
}

#[test]
fn users_list_zh() {
    insta::assert_snapshot!(screen(&users_screen(Lang::Zh)));
}

#[test]
fn users_list_en() {
    insta::assert_snapshot!(screen(&users_screen(Lang::En)));
}

#[test]
fn user_dialogs_zh_and_en() {
    for lang in [Lang::Zh, Lang::En] {
        let mut s = users_screen(lang);
        press(&mut s, &[Key::plain(KeyCode::Enter)]);
        assert!(s.modals.last().is_some_and(Modal::is::<SettingsItem>));
        insta::assert_snapshot!(format!("user_edit_{}", lang.code()), screen(&s));
        press(
            &mut s,
            &[Key::plain(KeyCode::Esc), Key::plain(KeyCode::F(7))],
        );
        insta::assert_snapshot!(format!("user_new_{}", lang.code()), screen(&s));
    }
}

fn history() -> Vec<AuditEntry> {
    let at = |s: &str| DateTime::parse_from_rfc3339(s).ok();
    let entry = |when, user: &str, table: &str, action, name: &str, changed: &[&str]| AuditEntry {
        at: at(when),
        user: user.into(),
        table: table.into(),
        action,
        name: name.into(),
        changed: changed.iter().map(|c| c.to_string()).collect(),
        values: Default::default(),
    };
    vec![
        entry(
            "2026-11-27T09:12:00+08:00",
            "police1",
            "cases",
            AuditAction::Insert,
            "",
            &[],
        ),
        // Made in the same save as the insert: not a line of its own.
        entry(
            "2026-11-27T09:12:00+08:00",
            "police1",
            "cases",
            AuditAction::Update,
            "",
            &["party_names"],
        ),
        entry(
            "2026-11-27T09:12:00+08:00",
            "police1",
            "parties",
            AuditAction::Insert,
            "王秀兰",
            &[],
        ),
        entry(
            "2026-11-27T10:30:00+08:00",
            "wang",
            "cases",
            AuditAction::Update,
            "",
            &["status", "number_text"],
        ),
        entry(
            "2026-11-27T10:31:00+08:00",
            "wang",
            "parties",
            AuditAction::View,
            "id_number",
            &[],
        ),
        AuditEntry {
            values: [
                ("phone", ("15847805678", "15847809999")),
                ("address", ("", "城关镇北街3号")),
            ]
            .into_iter()
            .map(|(c, (b, a))| (c.to_string(), (b.to_string(), a.to_string())))
            .collect(),
            ..entry(
                "2026-11-28T08:05:00+08:00",
                "lifang",
                "parties",
                AuditAction::Update,
                "王秀兰",
                &["phone", "address"],
            )
        },
        // Another party's change in the same minute is a line of its own.
        AuditEntry {
            values: [("role", ("applicant", "third_party"))]
                .into_iter()
                .map(|(c, (b, a))| (c.to_string(), (b.to_string(), a.to_string())))
                .collect(),
            ..entry(
                "2026-11-28T08:05:00+08:00",
                "lifang",
                "parties",
                AuditAction::Update,
                "刘春梅",
                &["role", "seq"],
            )
        },
        entry(
            "2026-11-28T08:05:00+08:00",
            "lifang",
            "parties",
            AuditAction::Delete,
            "赵磊",
            &[],
        ),
        entry(
            "2026-11-28T08:40:00+08:00",
            "lifang",
            "sessions",
            AuditAction::Insert,
            "",
            &[],
        ),
    ]
}

fn history_screen(lang: Lang) -> AppState {
    let mut s = state(lang, 80, 24);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    update(&mut s, Action::HistoryLoaded(case().id, history()));
    press(&mut s, &[Key::plain(KeyCode::PageDown); 10]);
    s
}

#[test]
fn history_zh() {
    let s = history_screen(Lang::Zh);
    let lines: Vec<String> = crate::ui::case_detail::audit::summarise(&history())
        .into_iter()
        .map(|(_, _, what)| what)
        .collect();
    for line in [
        "添加当事人 王秀兰",
        "修改当事人 王秀兰：联系电话 15847805678 → 15847809999；住址 （空） → 城关镇北街3号",
        // Its place in the list is not worth a word.
        "修改当事人 刘春梅：角色 申请人 → 第三人",
        "删除当事人 赵磊",
    ] {
        assert!(lines.iter().any(|l| l == line), "{line} not in {lines:#?}");
    }
    let text = screen(&s);
    assert!(!text.contains("party_names"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn history_en() {
    insta::assert_snapshot!(screen(&history_screen(Lang::En)));
}

#[test]
fn a_read_only_user_is_told_why_they_cannot_edit_and_who_can() {
    let mut s = state(Lang::Zh, 80, 24);
    s.user = User::new("guest", Role::ReadOnly);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    press(&mut s, &[Key::char('e')]);
    assert!(!matches!(s.cases, crate::app::state::CasesView::Form(_)));
    let status = s.status.clone().expect("a refusal");
    assert!(status.error);
    assert!(
        status.text.contains("只读") && status.text.contains("管理员"),
        "{}",
        status.text
    );
}

#[test]
fn only_an_administrator_changes_the_settings_and_sees_the_users() {
    let mut s = list_state(Lang::Zh);
    s.user = User::new("police1", Role::Clerk);
    update(&mut s, Action::RoomLoaded(Box::new(room())));
    press(&mut s, &[Key::plain(KeyCode::Tab); 4]);
    assert_eq!(s.tab, Tab::Settings);
    let form = s.settings.form.clone().expect("settings shown");
    assert!(!form.fields.iter().any(|f| f.id == "users"));
    type_text(&mut s, "改名");
    assert!(!s.settings.changed(), "typing is refused");
    assert!(s.status.as_ref().is_some_and(|l| l.text.contains("管理员")));
}

#[test]
fn an_administrator_adds_a_user_and_changes_a_role_through_the_users_list() {
    let mut s = users_screen(Lang::Zh);
    press(&mut s, &[Key::plain(KeyCode::F(7))]);
    type_text(&mut s, "desk2");
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(2))));
    assert!(s.modals.is_empty());
    assert!(
        matches!(&effects[..], [crate::app::action::Effect::SaveUser { user, new: true }]
            if user.name == "desk2" && user.role == Role::Mediator && user.active),
        "{effects:?}"
    );
    // police1 (the third row): Enter, role one step left (调解员), F2.
    press(
        &mut s,
        &[Key::plain(KeyCode::Enter), Key::plain(KeyCode::Down)],
    );
    press(&mut s, &[Key::plain(KeyCode::Left)]);
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(2))));
    assert!(
        matches!(&effects[..], [crate::app::action::Effect::SaveUser { user, new: false }]
            if user.name == "police1" && user.role == Role::Mediator && user.display == "赵警官"),
        "{effects:?}"
    );
}
