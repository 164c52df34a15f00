use super::*;
use crate::domain::case::{CaseFields, CaseNumber};
use crate::domain::status::CaseStatus;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn case() -> Case {
    let mut fields = CaseFields::blank(d("2026-11-02"));
    fields.facts = "申请人与被申请人系邻居。\n\n被申请人装修时致申请人房屋漏水。".into();
    fields.claims = "申请人要求赔偿损失3000元。".into();
    Case {
        id: CaseId(7),
        number: Some(CaseNumber {
            year: 2026,
            seq: 12,
            text: "（2026）临人调字第12号".into(),
        }),
        status: CaseStatus::Succeeded,
        version: 3,
        fields,
        mediators: vec![],
        history: vec![],
    }
}

fn signed() -> Agreement {
    let mut a = Agreement::draft(&case(), &["王秀英".into()]);
    a.clauses = vec!["被申请人赔偿申请人损失3000元。".into()];
    a.date = Some(d("2026-11-20"));
    a.status = AgreementStatus::Signed;
    a.items = vec![PerformanceItem {
        what: "支付赔偿款".into(),
        obligor: "李四".into(),
        obligee: "张三".into(),
        amount_fen: Some(300_000),
        due: Some(d("2026-12-31")),
        ..Default::default()
    }];
    a
}

#[test]
fn draft_takes_number_facts_claims_and_mediators_from_the_case() {
    let a = Agreement::draft(&case(), &["王秀英".into()]);
    assert_eq!(a.number, "（2026）临人调字第12号");
    assert_eq!(
        a.facts,
        "申请人与被申请人系邻居。\n\n被申请人装修时致申请人房屋漏水。\n\n申请人要求赔偿损失3000元。"
    );
    assert_eq!(a.mediators, vec!["王秀英".to_string()]);
    assert_eq!(a.status, AgreementStatus::Draft);
    assert_eq!(a.version, 0);
    assert!(
        validate(&a).is_empty(),
        "a fresh draft is acceptable as a draft"
    );
}

#[test]
fn copies_clause_counts_parties_plus_the_committee() {
    assert_eq!(copies(2), 3);
    assert_eq!(
        copies_clause(2),
        "本协议一式三份，当事人各执一份，人民调解委员会留存一份。"
    );
    assert_eq!(
        copies_clause(3),
        "本协议一式四份，当事人各执一份，人民调解委员会留存一份。"
    );
    assert_eq!(chinese_count(10), "十");
    assert_eq!(chinese_count(12), "十二");
    assert_eq!(chinese_count(20), "二十");
    assert_eq!(chinese_count(31), "三十一");
}

#[test]
fn confirmation_window_is_thirty_days_from_the_date() {
    assert_eq!(
        confirmation_window_end(d("2026-11-20")),
        Some(d("2026-12-20"))
    );
    assert_eq!(
        confirmation_window_end(d("2026-12-15")),
        Some(d("2027-01-14"))
    );
    assert_eq!(signed().confirmation_deadline(), Some(d("2026-12-20")));
    assert_eq!(Agreement::draft(&case(), &[]).confirmation_deadline(), None);
}

#[test]
fn list_operations_move_and_keep_the_selection_in_range() {
    let mut v = vec!["a", "b", "c"];
    assert_eq!(move_up(&mut v, 2), 1);
    assert_eq!(v, ["a", "c", "b"]);
    assert_eq!(move_up(&mut v, 0), 0);
    assert_eq!(move_down(&mut v, 2), 2);
    assert_eq!(move_down(&mut v, 0), 1);
    assert_eq!(v, ["c", "a", "b"]);
    assert_eq!(insert_at(&mut v, Some(0), "x"), 1);
    assert_eq!(v, ["c", "x", "a", "b"]);
    assert_eq!(insert_at(&mut v, Some(99), "y"), 4);
    assert_eq!(delete_at(&mut v, 4), Some(3));
    assert_eq!(delete_at(&mut v, 99), Some(3));
    let mut one = vec!["z"];
    assert_eq!(delete_at(&mut one, 0), None);
    let mut empty: Vec<&str> = vec![];
    assert_eq!(move_up(&mut empty, 5), 0);
    assert_eq!(move_down(&mut empty, 5), 0);
    assert_eq!(insert_at(&mut empty, None, "n"), 0);
}

#[test]
fn signing_needs_a_clause_a_date_and_a_mediator() {
    let mut a = Agreement::draft(&case(), &[]);
    let err = check_transition(&a, AgreementStatus::Signed).unwrap_err();
    let TransitionError::Incomplete(problems) = &err else {
        panic!("{err:?}")
    };
    let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
    assert_eq!(fields, ["date", "clauses", "mediators"]);
    assert!(err.to_string().contains("至少"), "{err}");
    a.clauses.push("双方同意。".into());
    a.date = Some(d("2026-11-20"));
    a.mediators.push("王秀英".into());
    assert_eq!(check_transition(&a, AgreementStatus::Signed), Ok(()));
}

#[test]
fn every_pair_of_statuses_follows_the_flow() {
    use AgreementStatus::*;
    let allowed = [
        (Draft, Signed),
        (Signed, Performing),
        (Signed, Performed),
        (Signed, Unperformed),
        (Performing, Performed),
        (Performing, Unperformed),
        (Unperformed, Performing),
        (Unperformed, Performed),
    ];
    for &from in AgreementStatus::ALL {
        for &to in AgreementStatus::ALL {
            let mut a = signed();
            a.status = from;
            a.items[0].done_on = Some(d("2026-12-01"));
            let result = check_transition(&a, to);
            assert_eq!(
                result.is_ok(),
                allowed.contains(&(from, to)),
                "{from:?} → {to:?}: {result:?}"
            );
        }
    }
}

#[test]
fn performed_needs_every_item_done_and_skipping_says_what_is_allowed() {
    let mut a = signed();
    a.status = AgreementStatus::Performing;
    assert_eq!(
        check_transition(&a, AgreementStatus::Performed),
        Err(TransitionError::ItemsOpen(1))
    );
    let draft = Agreement::draft(&case(), &[]);
    let err = check_transition(&draft, AgreementStatus::Performed).unwrap_err();
    assert_eq!(
        err.to_string(),
        "「草拟」之后不能直接改为「已履行」，只能改为：已签署"
    );
}

#[test]
fn items_are_checked_with_their_number() {
    let mut a = signed();
    a.items.push(PerformanceItem {
        what: " ".into(),
        obligor: "张三".into(),
        obligee: "张三".into(),
        amount_fen: Some(-1),
        due: Some(d("2026-11-19")),
        ..Default::default()
    });
    let messages: Vec<String> = validate(&a).into_iter().map(|p| p.message).collect();
    assert_eq!(messages.len(), 4, "{messages:?}");
    assert!(messages.iter().all(|m| m.contains("第2项")), "{messages:?}");
    assert!(messages[3].contains("2026-11-19") && messages[3].contains("2026-11-20"));
}

#[test]
fn confirmation_needs_a_signed_agreement_a_court_and_a_date() {
    let mut a = Agreement::draft(&case(), &[]);
    a.confirmation.state = ConfirmationState::Applied;
    let fields: Vec<_> = validate(&a).iter().map(|p| p.field).collect();
    assert_eq!(fields, ["confirmation"; 3]);
    let mut a = signed();
    a.confirmation = Confirmation {
        state: ConfirmationState::Confirmed,
        court: "临河区人民法院".into(),
        date: Some(d("2026-11-25")),
    };
    assert!(validate(&a).is_empty());
    a.confirmation.date = Some(d("2026-11-01"));
    assert_eq!(validate(&a).len(), 1);
}

#[test]
fn missed_and_due_items_and_the_total_amount() {
    let today = d("2026-12-30");
    let mut a = signed();
    assert!(a.items[0].is_due_within(today, 1));
    assert!(!a.items[0].is_due_within(today, 0));
    assert!(!a.items[0].is_missed(today));
    assert!(a.items[0].is_missed(d("2027-01-01")));
    a.items[0].done_on = Some(d("2026-12-31"));
    assert!(!a.items[0].is_missed(d("2027-01-01")));
    a.items.push(PerformanceItem {
        amount_fen: Some(50),
        ..Default::default()
    });
    assert_eq!(a.amount_fen(), 300_050);
}

#[test]
fn two_parties_of_one_name_are_two_parties_and_one_party_is_one() {
    use crate::domain::party::PartyId;
    let item = |a: Option<i64>, b: Option<i64>, names: (&str, &str)| PerformanceItem {
        what: "支付赔偿款".into(),
        obligor: names.0.into(),
        obligor_party: a.map(PartyId),
        obligee: names.1.into(),
        obligee_party: b.map(PartyId),
        ..Default::default()
    };
    // 同名同姓: father and son.
    assert!(!item(Some(1), Some(2), ("张伟", "张伟")).same_party());
    assert!(item(Some(1), Some(1), ("张伟", "张伟")).same_party());
    // An insurer paying a party of the same name as itself is still two.
    assert!(!item(None, Some(1), ("张伟", "张伟")).same_party());
    // Neither a party of the case: the names decide.
    assert!(item(None, None, ("某保险公司", "某保险公司")).same_party());
    assert!(!item(None, None, ("张伟", "")).same_party());
    let mut a = signed();
    a.items = vec![item(Some(1), Some(2), ("张伟", "张伟"))];
    assert!(validate(&a).is_empty(), "{:?}", validate(&a));
}
