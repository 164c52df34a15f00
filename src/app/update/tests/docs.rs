//! The 文书 tab: choosing a form, writing the PDF of the open case, and saying why not.

use super::*;
use crate::documents::forms::FormKind;

fn to_docs(s: &mut AppState) {
    s.tab = Tab::Documents;
}

#[test]
fn enter_writes_the_chosen_form_of_the_open_case() {
    let mut s = detail(CaseStatus::Accepted);
    to_docs(&mut s);
    let effects = press(&mut s, KeyCode::Enter);
    assert_eq!(
        effects,
        [Effect::WriteDocument {
            case: CaseId(7),
            form: FormKind::Register,
            today: today(),
            choice: Default::default(),
            print: false,
        }]
    );
    act(
        &mut s,
        Action::DocumentWritten("/d/文书/x/受理登记表.pdf".into()),
    );
    let status = s.status.clone().unwrap();
    assert!(!status.error && status.text.contains("/d/文书/x/受理登记表.pdf"));
}

#[test]
fn a_letter_without_a_result_or_no_open_case_says_why_and_writes_nothing() {
    let mut s = detail(CaseStatus::Accepted);
    to_docs(&mut s);
    let feedback = FormKind::ALL.iter().position(|f| *f == FormKind::Feedback);
    for _ in 0..feedback.unwrap_or(0) {
        press(&mut s, KeyCode::Down);
    }
    assert_eq!(s.docs.form(), FormKind::Feedback);
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    assert!(
        s.status
            .as_ref()
            .is_some_and(|st| st.error && st.text.contains("调解结果"))
    );
    let mut s = started();
    to_docs(&mut s);
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    assert!(s.status.as_ref().is_some_and(|st| st.error));
    press(&mut s, KeyCode::Up);
    assert_eq!(s.docs.form(), FormKind::Register);
}

#[test]
fn f5_writes_and_prints_and_the_status_says_where_the_file_is() {
    let mut s = detail(CaseStatus::Accepted);
    to_docs(&mut s);
    let effects = press(&mut s, KeyCode::F(5));
    assert_eq!(
        effects,
        [Effect::WriteDocument {
            case: CaseId(7),
            form: FormKind::Register,
            today: today(),
            choice: Default::default(),
            print: true,
        }]
    );
    act(
        &mut s,
        Action::DocumentPrinted("/d/文书/x/受理登记表.pdf".into()),
    );
    let status = s.status.clone().unwrap();
    assert!(!status.error && status.text.contains("打印机") && status.text.contains("/d/文书/x/"));
}

#[test]
fn a_notice_or_record_without_a_session_says_so_and_the_last_form_stays_chosen() {
    let mut s = detail(CaseStatus::Accepted);
    to_docs(&mut s);
    press(&mut s, KeyCode::Down);
    assert_eq!(s.docs.form(), FormKind::Notice);
    assert!(press(&mut s, KeyCode::F(5)).is_empty());
    assert!(
        s.status
            .as_ref()
            .is_some_and(|st| st.error && st.text.contains("日程"))
    );
    for _ in 0..20 {
        press(&mut s, KeyCode::Down);
    }
    assert_eq!(s.docs.form(), FormKind::ALL[FormKind::ALL.len() - 1]);
}

#[test]
fn left_and_right_choose_the_session_of_a_notice_and_enter_writes_that_one() {
    use crate::documents::fixtures::sessions;
    use crate::domain::session::SessionId;
    let mut s = detail(CaseStatus::Accepted);
    s.detail_of(CaseId(7)).expect("the case is open").sessions = Some(sessions());
    to_docs(&mut s);
    press(&mut s, KeyCode::Down);
    assert_eq!(s.docs.form(), FormKind::Notice);
    // The latest is the default; → stays there, ← skips the cancelled one.
    press(&mut s, KeyCode::Right);
    assert_eq!(s.docs.session, Some(SessionId(5)));
    press(&mut s, KeyCode::Left);
    assert_eq!(s.docs.session, Some(SessionId(3)));
    press(&mut s, KeyCode::Left);
    assert_eq!(s.docs.session, Some(SessionId(3)));
    let effects = press(&mut s, KeyCode::Enter);
    let chosen = match &effects[..] {
        [Effect::WriteDocument { choice, form, .. }] if *form == FormKind::Notice => choice.session,
        other => panic!("{other:?}"),
    };
    assert_eq!(chosen, Some(SessionId(3)));
    // Another case opened: the choice no longer applies.
    let other = Case {
        id: CaseId(8),
        ..case()
    };
    act(&mut s, Action::CaseLoaded(Box::new(other)));
    assert_eq!(crate::app::previews::choice(&s).session, None);
}
