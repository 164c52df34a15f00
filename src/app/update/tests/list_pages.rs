//! The case list moves by pages read from a neighbouring row (storage's keyset paging):
//! which row each key reads from, and that the page number follows.

use super::*;

/// The place of the case with this id in the fake list (ids are places).
fn at(id: i64) -> PageFrom {
    PageFrom::After(Box::new(key_of(&row(id))))
}

#[test]
fn page_down_and_down_past_a_page_read_the_next_page_from_its_last_row() {
    let mut s = started();
    let effects = press(&mut s, KeyCode::PageDown);
    let q = loads(&effects)[0];
    assert_eq!((q.offset, &q.from), (16, &at(16)));
    assert_eq!(selected_id(&s), 17);
    s.list.selected = 15;
    let effects = press(&mut s, KeyCode::Down);
    let q = loads(&effects)[0];
    assert_eq!((q.offset, &q.from), (32, &at(32)));
    assert_eq!((s.list.selected, selected_id(&s)), (0, 33));
}

#[test]
fn end_reads_the_last_page_backwards_and_page_up_from_there_reads_from_its_first_row() {
    let mut s = started();
    let effects = press(&mut s, KeyCode::End);
    let q = loads(&effects)[0];
    assert_eq!((q.offset, &q.from), (32, &PageFrom::End));
    assert_eq!(selected_id(&s), 40);
    let effects = press(&mut s, KeyCode::PageUp);
    let q = loads(&effects)[0];
    assert_eq!(
        (q.offset, &q.from),
        (16, &PageFrom::Before(Box::new(key_of(&row(33)))))
    );
    assert_eq!(s.list.page.rows.first().map(|r| r.id.0), Some(17));
    // The first page is read from the start: exactly the first rows, whatever moved.
    s.list.selected = 0;
    let effects = press(&mut s, KeyCode::Up);
    let q = loads(&effects)[0];
    assert_eq!((q.offset, &q.from), (0, &PageFrom::Offset));
    assert_eq!(selected_id(&s), 16);
    let effects = press(&mut s, KeyCode::End);
    assert_eq!(loads(&effects)[0].from, PageFrom::End);
    let effects = press(&mut s, KeyCode::Home);
    assert_eq!(loads(&effects)[0].from, PageFrom::Offset);
    assert_eq!((s.list.query.offset, selected_id(&s)), (0, 1));
}

#[test]
fn a_sort_or_a_filter_starts_again_from_the_first_page() {
    let mut s = started();
    press(&mut s, KeyCode::PageDown);
    let effects = press(&mut s, KeyCode::F(6));
    assert_eq!(loads(&effects)[0].from, PageFrom::Offset);
    press(&mut s, KeyCode::PageDown);
    let effects = press(&mut s, KeyCode::F(5));
    let q = loads(&effects)[0];
    assert_eq!((q.offset, &q.from), (0, &PageFrom::Offset));
}

/// Cases removed before the page (by another process): the page before it is short, so
/// the list goes to the first page rather than show a short page as a middle one.
#[test]
fn a_short_page_before_a_row_goes_to_the_first_page() {
    let mut s = started();
    press(&mut s, KeyCode::PageDown);
    press(&mut s, KeyCode::PageDown);
    s.list.query.from = PageFrom::Before(Box::new(key_of(&row(33))));
    let effects = act(
        &mut s,
        Action::CasesLoaded(CasePage {
            rows: (20..33).map(row).collect(),
            total: TOTAL,
            ..Default::default()
        }),
    );
    let q = loads(&effects)[0];
    assert_eq!((q.offset, &q.from), (0, &PageFrom::Offset));
    assert_eq!(s.list.page.rows.first().map(|r| r.id.0), Some(1));
}

/// The page number shown follows the last page's real place when the count changed.
#[test]
fn the_last_page_takes_its_place_from_the_count_it_came_with() {
    let mut s = started();
    press(&mut s, KeyCode::End);
    let effects = act(
        &mut s,
        Action::CasesLoaded(CasePage {
            rows: (49..=50).map(row).collect(),
            total: 50,
            ..Default::default()
        }),
    );
    assert!(effects.is_empty());
    assert_eq!(s.list.query.offset, 48);
}
