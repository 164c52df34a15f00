//! Tests of the form: typing, focus, choices, paste and fields typed whole.

use super::*;

fn form() -> Form {
    Form::new(vec![
        Field::text("name", "field.name", "张三"),
        Field {
            hidden: true,
            ..Field::text("secret", "field.name", "")
        },
        Field::multiline("facts", "field.facts", "第一行\n二"),
        Field::choice(
            "sex",
            "field.sex",
            vec![
                Choice {
                    code: "male".into(),
                    label: "男".into(),
                },
                Choice {
                    code: "female".into(),
                    label: "女".into(),
                },
            ],
            "female",
        ),
        Field::check("risk", "field.risk", false),
    ])
}

#[test]
fn typing_chinese_and_deleting_edits_at_the_cursor() {
    let mut f = form();
    assert!(f.typing());
    f.edit(Key::plain(KeyCode::Left));
    f.edit(Key::char('小'));
    f.edit(Key::plain(KeyCode::End));
    f.edit(Key::plain(KeyCode::Backspace));
    assert_eq!(f.value("name"), "张小");
    assert!(f.changed());
}

#[test]
fn focus_skips_hidden_fields_and_stops_at_the_ends() {
    let mut f = form();
    assert!(f.move_focus(true));
    assert_eq!(f.focused().unwrap().id, "facts");
    assert!(f.move_focus(true) && f.move_focus(true));
    assert!(!f.move_focus(true));
    assert_eq!(f.focused().unwrap().id, "risk");
    assert!(!f.typing());
}

#[test]
fn multiline_enter_makes_a_new_line_and_arrows_move_between_lines() {
    let mut f = form();
    f.focus_on("facts");
    assert!(f.edit(Key::plain(KeyCode::Up)));
    assert_eq!(f.field("facts").unwrap().input.cursor(), 1);
    assert!(
        !f.edit(Key::plain(KeyCode::Up)),
        "first line: the arrow leaves the field"
    );
    f.edit(Key::plain(KeyCode::End));
    f.edit(Key::plain(KeyCode::Enter));
    f.edit(Key::char('三'));
    assert_eq!(f.value("facts"), "第一行\n二\n三");
}

#[test]
fn choices_wrap_and_checks_toggle_and_unchanged_is_derived() {
    let mut f = form();
    f.focus_on("sex");
    assert!(f.cycle(true));
    assert_eq!(f.value("sex"), "male");
    assert_eq!(f.field("sex").unwrap().choice_label(), "男");
    f.cycle(false);
    assert!(
        !f.changed(),
        "back to the opening value counts as unchanged"
    );
    f.focus_on("risk");
    assert!(f.toggle());
    assert_eq!(f.value("risk"), "1");
}

#[test]
fn pasted_lines_stay_on_one_line_in_a_text_field() {
    let mut f = form();
    f.edit(Key::plain(KeyCode::End));
    f.paste("\r\n临河区\n新华街\u{1b}");
    assert_eq!(f.value("name"), "张三 临河区 新华街");
}

#[test]
fn the_first_key_typed_into_a_prefilled_time_replaces_it_and_later_keys_edit() {
    let mut f = Form::new(vec![
        Field::text("start", "field.session_start", "09:00").whole(),
        Field::text("note", "field.name", "张三"),
    ]);
    for c in "9点半".chars() {
        f.edit(Key::char(c));
    }
    assert_eq!(f.value("start"), "9点半", "not 09:009点半");
    // An arrow first means editing what is there.
    f.move_focus(true);
    f.move_focus(false);
    f.edit(Key::plain(KeyCode::Left));
    f.edit(Key::char('0'));
    assert_eq!(f.value("start"), "9点0半");
    // A field that is not typed whole appends as before.
    f.move_focus(true);
    f.edit(Key::char('丰'));
    assert_eq!(f.value("note"), "张三丰");
    // Paste replaces a prefilled value too.
    f.move_focus(false);
    f.paste("10:30");
    assert_eq!(f.value("start"), "10:30");
}
