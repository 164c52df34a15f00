//! The case list: paging, resizing, sorting, the status filter, searching, opening a case.

use super::*;

#[test]
fn down_within_a_page_moves_the_selection_without_asking_storage() {
    let mut s = started();
    assert!(press(&mut s, KeyCode::Down).is_empty());
    assert_eq!(s.list.selected, 1);
}

#[test]
fn down_on_the_last_row_of_a_page_asks_for_the_next_page() {
    let mut s = started();
    for _ in 0..15 {
        press(&mut s, KeyCode::Down);
    }
    assert_eq!(selected_id(&s), 16);
    let effects = press(&mut s, KeyCode::Down);
    assert_eq!(loads(&effects)[0].offset, 16);
    assert_eq!((s.list.selected, selected_id(&s)), (0, 17));
}

#[test]
fn up_on_the_first_row_of_a_later_page_selects_the_last_row_of_the_one_before() {
    let mut s = started();
    press(&mut s, KeyCode::PageDown);
    s.list.selected = 0;
    let effects = press(&mut s, KeyCode::Up);
    assert_eq!(loads(&effects)[0].offset, 0);
    assert_eq!(selected_id(&s), 16);
}

#[test]
fn page_up_on_the_first_page_does_nothing() {
    let mut s = started();
    press(&mut s, KeyCode::Down);
    assert!(press(&mut s, KeyCode::PageUp).is_empty());
    assert_eq!((s.list.query.offset, s.list.selected), (0, 1));
}

#[test]
fn up_on_the_very_first_row_does_nothing() {
    let mut s = started();
    assert!(press(&mut s, KeyCode::Up).is_empty());
    assert_eq!(s.list.selected, 0);
}

#[test]
fn page_down_keeps_the_row_and_stops_at_the_last_page() {
    let mut s = started();
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::PageDown);
    assert_eq!(selected_id(&s), 19);
    press(&mut s, KeyCode::PageDown);
    assert_eq!(s.list.query.offset, 32);
    assert!(
        press(&mut s, KeyCode::PageDown).is_empty(),
        "no page after the last"
    );
}

#[test]
fn end_goes_to_the_last_row_of_the_last_page_and_home_back_to_the_first() {
    let mut s = started();
    let effects = press(&mut s, KeyCode::End);
    assert_eq!(loads(&effects)[0].offset, 32);
    assert_eq!((s.list.selected, selected_id(&s)), (7, 40));
    let effects = press(&mut s, KeyCode::Home);
    assert_eq!(loads(&effects)[0].offset, 0);
    assert_eq!(selected_id(&s), 1);
}

#[test]
fn a_resize_keeps_the_selected_case() {
    let mut s = started();
    press(&mut s, KeyCode::PageDown);
    for _ in 0..3 {
        press(&mut s, KeyCode::Down);
    }
    assert_eq!(selected_id(&s), 20);
    let effects = act(&mut s, Action::Resize(crate::ui::screen(80, 16)));
    assert_eq!(loads(&effects)[0].limit, 8);
    assert_eq!(selected_id(&s), 20);
    act(&mut s, Action::Resize(crate::ui::screen(120, 50)));
    assert_eq!(selected_id(&s), 20);
}

#[test]
fn a_resize_that_keeps_the_number_of_rows_reads_nothing() {
    let mut s = started();
    assert!(act(&mut s, Action::Resize(crate::ui::screen(120, 24))).is_empty());
    assert_eq!((s.size.cols, s.size.rows), (120, 24));
}

#[test]
fn a_page_past_the_end_goes_back_to_the_last_page() {
    let mut s = started();
    s.list.query.offset = 48;
    let effects = act(
        &mut s,
        Action::CasesLoaded(CasePage {
            rows: Vec::new(),
            total: TOTAL,
            ..Default::default()
        }),
    );
    assert_eq!(loads(&effects)[0].offset, 32);
    assert!(!s.list.page.rows.is_empty());
}
#[test]
fn sort_cycles_each_column_both_ways_and_resets_to_the_first_page() {
    let mut s = started();
    press(&mut s, KeyCode::PageDown);
    let effects = press(&mut s, KeyCode::F(6));
    let q = loads(&effects)[0];
    assert_eq!(
        (q.sort, q.descending, q.offset),
        (CaseSort::Received, false, 0)
    );
    assert_eq!(s.list.selected, 0);
    key(&mut s, Key::char('s'));
    assert_eq!(
        (s.list.query.sort, s.list.query.descending),
        (CaseSort::Number, true)
    );
    for _ in 0..6 {
        press(&mut s, KeyCode::F(6));
    }
    assert_eq!(
        (s.list.query.sort, s.list.query.descending),
        (CaseSort::Received, true),
        "eight presses come back to the start"
    );
}

#[test]
fn the_status_filter_cycles_every_status_then_all_and_resets_to_the_first_page() {
    let mut s = started();
    press(&mut s, KeyCode::PageDown);
    let mut seen = Vec::new();
    for _ in 0..=CaseStatus::ALL.len() {
        let effects = press(&mut s, KeyCode::F(5));
        let q = loads(&effects)[0];
        assert_eq!(q.offset, 0);
        seen.push(q.status);
    }
    let mut expected: Vec<_> = CaseStatus::ALL.iter().copied().map(Some).collect();
    expected.push(None);
    assert_eq!(seen, expected);
}

#[test]
fn esc_on_the_list_clears_a_filter_and_otherwise_does_nothing() {
    let mut s = started();
    assert!(press(&mut s, KeyCode::Esc).is_empty());
    key(&mut s, Key::char('f'));
    let effects = press(&mut s, KeyCode::Esc);
    assert_eq!(loads(&effects)[0].status, None);
    assert_eq!(s.list.query.status, None);
}

#[test]
fn typing_in_the_search_box_reads_the_first_page_for_each_change() {
    let mut s = started();
    press(&mut s, KeyCode::PageDown);
    press(&mut s, KeyCode::F(3));
    let effects = type_in(&mut s, "王秀");
    let texts: Vec<_> = loads(&effects)
        .iter()
        .map(|q| (q.text.as_str(), q.offset))
        .collect();
    assert_eq!(texts, [("王", 0), ("王秀", 0)]);
    let effects = press(&mut s, KeyCode::Backspace);
    assert_eq!(loads(&effects)[0].text, "王");
}

#[test]
fn letters_in_the_search_box_are_text_not_commands() {
    let mut s = started();
    key(&mut s, Key::char('/'));
    type_in(&mut s, "nq");
    assert_eq!(s.list.query.text, "nq");
    assert!(matches!(s.cases, CasesView::List) && !s.quit);
}

#[test]
fn the_search_box_has_the_editing_keys_of_every_text_field() {
    let mut s = started();
    key(&mut s, Key::char('/'));
    type_in(&mut s, "张三 13947801236");
    key(&mut s, Key::ctrl('w'));
    assert_eq!(
        s.list.query.text, "张三 ",
        "Ctrl-W deletes the word before the cursor"
    );
    key(&mut s, Key::ctrl('a'));
    type_in(&mut s, "老");
    assert_eq!(s.list.query.text, "老张三 ", "Ctrl-A goes to the start");
    key(&mut s, Key::ctrl('k'));
    assert_eq!(s.list.query.text, "老");
    key(&mut s, Key::ctrl('u'));
    assert_eq!(s.list.query.text, "", "Ctrl-U deletes to the start");
}

#[test]
fn esc_in_the_search_box_clears_the_text_and_reads_again() {
    let mut s = started();
    key(&mut s, Key::char('/'));
    type_in(&mut s, "张三");
    let effects = press(&mut s, KeyCode::Esc);
    assert_eq!(loads(&effects)[0].text, "");
    assert!(s.list.search.is_none() && s.list.query.text.is_empty());
}

#[test]
fn enter_in_the_search_box_keeps_the_text_and_gives_the_keys_back_to_the_list() {
    let mut s = started();
    key(&mut s, Key::char('/'));
    type_in(&mut s, "张三");
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    assert!(s.list.search.is_none());
    assert_eq!(s.list.query.text, "张三");
    assert!(press(&mut s, KeyCode::Down).is_empty());
    assert_eq!(s.list.selected, 1);
}

#[test]
fn pasting_into_the_search_box_searches_for_the_pasted_text() {
    let mut s = started();
    press(&mut s, KeyCode::F(3));
    let effects = act(&mut s, Action::Paste("139 0478\n1234".into()));
    assert_eq!(loads(&effects)[0].text, "139 0478 1234");
    assert_eq!(s.list.query.text, "139 0478 1234");
}
#[test]
fn enter_opens_the_selected_case_and_esc_goes_back_to_the_same_page() {
    let mut s = started();
    press(&mut s, KeyCode::PageDown);
    press(&mut s, KeyCode::Down);
    let effects = press(&mut s, KeyCode::Enter);
    assert!(effects.contains(&Effect::LoadCase(CaseId(18))));
    let CasesView::Detail(d) = &s.cases else {
        panic!("{:?}", s.cases)
    };
    assert_eq!((d.case.id, d.scroll), (CaseId(18), 0));
    let effects = press(&mut s, KeyCode::Esc);
    assert_eq!(loads(&effects)[0].offset, 16);
    assert!(matches!(s.cases, CasesView::List));
    assert_eq!(selected_id(&s), 18);
}

#[test]
fn e_on_the_list_opens_the_case_straight_in_the_form() {
    let mut s = started();
    key(&mut s, Key::char('e'));
    assert_eq!(form(&s).editing, Some((CaseId(1), 3)));
    assert!(!s.list.edit_on_load, "the next open shows the detail again");
}

#[test]
fn the_detail_scrolls_and_never_below_zero() {
    let mut s = detail(CaseStatus::Accepted);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::PageDown);
    press(&mut s, KeyCode::Up);
    let CasesView::Detail(d) = &s.cases else {
        panic!()
    };
    assert_eq!(d.scroll, 10);
    press(&mut s, KeyCode::PageUp);
    press(&mut s, KeyCode::PageUp);
    let CasesView::Detail(d) = &s.cases else {
        panic!()
    };
    assert_eq!(d.scroll, 0);
}

/// Searches run off the UI thread: typing goes on while they run, each asks with a newer
/// generation, and an answer overtaken by later typing is dropped, not shown.
#[test]
fn a_search_answer_overtaken_by_typing_is_dropped() {
    let mut s = started();
    key(&mut s, Key::char('/'));
    // Keys only, nothing answered: the searches are still running.
    let asked: Vec<u64> = "王秀"
        .chars()
        .flat_map(|c| update(&mut s, Action::Key(Key::char(c))))
        .map(|e| match e {
            Effect::SearchCases { generation, query } => {
                assert!(!query.text.is_empty());
                generation
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(asked.len(), 2);
    assert!(asked[0] < asked[1]);
    assert_eq!(s.list.query.text, "王秀");
    let page = |id| CasePage {
        rows: vec![row(id)],
        total: 1,
        ..Default::default()
    };
    // The answer for 「王」 arrives late: dropped.
    let stale = Action::CasesFound {
        generation: asked[0],
        result: Ok(page(7)),
    };
    assert!(update(&mut s, stale).is_empty());
    assert_ne!(s.list.page.rows.first().map(|r| r.id.0), Some(7));
    let fresh = Action::CasesFound {
        generation: asked[1],
        result: Ok(page(9)),
    };
    update(&mut s, fresh);
    assert_eq!(s.list.page.rows[0].id.0, 9);
    assert!(!s.list.loading);
}

/// Esc clears the search and reads the plain list at once; a search still running then
/// answers for text that is gone and must not replace the list.
#[test]
fn a_search_answer_after_esc_does_not_replace_the_plain_list() {
    let mut s = started();
    key(&mut s, Key::char('/'));
    let effects = update(&mut s, Action::Key(Key::char('王')));
    let Some(Effect::SearchCases { generation, .. }) = effects.first().cloned() else {
        panic!("{effects:?}")
    };
    let effects = press(&mut s, KeyCode::Esc);
    assert!(matches!(effects.as_slice(), [Effect::LoadCases(q)] if q.text.is_empty()));
    let before = s.list.page.clone();
    let late = Action::CasesFound {
        generation,
        result: Ok(CasePage::default()),
    };
    update(&mut s, late);
    assert_eq!(s.list.page, before);
}

/// A search that fails says so on the status line, like any read.
#[test]
fn a_failed_search_is_reported() {
    let mut s = started();
    key(&mut s, Key::char('/'));
    let effects = update(&mut s, Action::Key(Key::char('王')));
    let Some(Effect::SearchCases { generation, .. }) = effects.first().cloned() else {
        panic!("{effects:?}")
    };
    let failure = Failure {
        message: "磁盘坏了".into(),
        conflict: false,
        while_saving: false,
    };
    update(
        &mut s,
        Action::CasesFound {
            generation,
            result: Err(failure),
        },
    );
    assert!(
        s.status
            .as_ref()
            .is_some_and(|l| l.error && l.text.contains("磁盘坏了"))
    );
}

/// Enter pressed before the answer to the last typed key has come opens a case of that
/// answer, not of the older page still on screen.
#[test]
fn enter_while_a_search_runs_opens_a_case_of_its_answer() {
    let mut s = started();
    key(&mut s, Key::char('/'));
    let effects = update(&mut s, Action::Key(Key::char('王')));
    let Some(Effect::SearchCases { generation, .. }) = effects.first().cloned() else {
        panic!("{effects:?}")
    };
    assert!(update(&mut s, Action::Key(Key::plain(KeyCode::Enter))).is_empty());
    assert!(s.list.search.is_none());
    // The list still shows the page from before the search: Enter waits for the answer.
    assert!(update(&mut s, Action::Key(Key::plain(KeyCode::Enter))).is_empty());
    let found = Action::CasesFound {
        generation,
        result: Ok(CasePage {
            rows: vec![row(31), row(32)],
            total: 2,
            ..Default::default()
        }),
    };
    assert_eq!(update(&mut s, found), vec![Effect::LoadCase(CaseId(31))]);
    assert!(s.list.open_when_found.is_none());
    // With the answer on screen, Enter opens at once.
    assert_eq!(
        update(&mut s, Action::Key(Key::plain(KeyCode::Enter))),
        vec![Effect::LoadCase(CaseId(31))]
    );
}

/// Issue 14: `/` on an open case did nothing and the typing after it was lost. It goes to
/// the list's search box, and what is typed next is searched.
#[test]
fn slash_on_an_open_case_goes_to_the_search_box_and_keeps_the_typing() {
    let mut s = started();
    press(&mut s, KeyCode::Enter);
    assert!(matches!(s.cases, CasesView::Detail(_)));
    key(&mut s, Key::char('/'));
    let effects = type_in(&mut s, "张三");
    assert!(matches!(s.cases, CasesView::List), "back on the list");
    assert!(s.list.search.is_some(), "in the search box");
    assert_eq!(s.list.query.text, "张三");
    assert_eq!(
        loads(&effects).last().map(|q| q.text.as_str()),
        Some("张三")
    );
}

/// Issue 14: coming back to the list from another tab showed it as it was when left (a
/// referral registered meanwhile was missed); the list is read again.
#[test]
fn coming_back_to_the_list_from_another_tab_reads_it_again() {
    let mut s = started();
    key(&mut s, Key::char('1'));
    assert_eq!(s.tab, Tab::Today);
    let effects = key(&mut s, Key::char('2'));
    assert_eq!(s.tab, Tab::Cases);
    assert_eq!(loads(&effects).len(), 1, "{effects:?}");
}

/// And an open case is read again, so its status and history are current.
#[test]
fn coming_back_to_an_open_case_from_another_tab_reads_it_again() {
    let mut s = started();
    press(&mut s, KeyCode::Enter);
    let CasesView::Detail(detail) = &s.cases else {
        panic!("a case is open");
    };
    let id = detail.case.id;
    press(&mut s, KeyCode::Tab);
    assert_ne!(s.tab, Tab::Cases);
    let effects = press(&mut s, KeyCode::BackTab);
    assert_eq!(s.tab, Tab::Cases);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::LoadCase(c) if *c == id)),
        "{effects:?}"
    );
    assert!(matches!(s.cases, CasesView::Detail(_)));
}
