//! 今日's window of today's and tomorrow's sessions: any stretch of them is read alone,
//! in the order the whole list had (the day, the time), without the cancelled.

use super::{case, day, now, room, session};
use crate::domain::source::Source;

#[test]
fn a_window_of_todays_and_tomorrows_sessions_is_that_stretch_of_the_whole_list() {
    let mut r = room();
    let c = case(&mut r, "张三", "2026-11-20", Source::Application);
    let mut booked = Vec::new();
    // Booked out of time order, on the day before, today, tomorrow and the day after.
    for d in ["2026-11-30", "2026-12-02", "2026-12-01", "2026-12-03"] {
        for (hour, who) in [
            (10, r.wang),
            (8, r.li),
            (15, r.wang),
            (9, r.wang),
            (8, r.wang),
        ] {
            let start = format!("{d}T{hour:02}:00:00+08:00");
            let end = format!("{d}T{hour:02}:30:00+08:00");
            let mut f = session(c.id, &start, &end, who, "张三");
            if who == r.li {
                f.place = "大调解室".into();
            }
            booked.push(r.store.create_session(r.org.id, &f, "", &now()).unwrap());
        }
    }
    // A cancelled session of today is not on 今日.
    let gone = booked
        .iter()
        .find(|b| b.session.fields.date() == day("2026-12-01"))
        .unwrap()
        .session
        .clone();
    r.store
        .cancel_session(gone.id, gone.version, "申请人住院", &now())
        .unwrap();
    let today = day("2026-12-01");
    let whole = r
        .store
        .sessions_in_range(r.org.id, today, day("2026-12-02"), &Default::default())
        .unwrap();
    assert_eq!(whole.len(), 9);
    let counts = r
        .store
        .session_counts(r.org.id, today, day("2026-12-02"), &Default::default())
        .unwrap();
    assert_eq!(counts, vec![(today, 4), (day("2026-12-02"), 5)]);
    let ids = |list: &[crate::domain::session::Session]| -> Vec<i64> {
        list.iter().map(|s| s.id.0).collect()
    };
    for (from, limit) in [
        (0, 100),
        (0, 3),
        (2, 3),
        (3, 2),
        (4, 10),
        (8, 1),
        (9, 5),
        (20, 5),
    ] {
        let window = r
            .store
            .today_sessions(r.org.id, today, from, limit)
            .unwrap();
        let want = whole
            .iter()
            .skip(from)
            .take(limit)
            .cloned()
            .collect::<Vec<_>>();
        assert_eq!(ids(&window), ids(&want), "from {from}, {limit}");
        assert_eq!(window, want, "read whole, as the agenda reads them");
    }
}
