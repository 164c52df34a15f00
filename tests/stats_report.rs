//! The statistics of the hand-counted fixture room (tests/stats_fixture), read from a real
//! SQLite file and counted, for a month, the next month, a quarter and a year.

mod stats_fixture;

use stats_fixture::{build, day};
use tiaojie::domain::category::Category;
use tiaojie::domain::stats::period::Period;
use tiaojie::domain::stats::{SourceGroup, Stats, Tally, compute};
use tiaojie::storage::Store;

fn stats(period: Period) -> Stats {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("room.db")).unwrap();
    let (org, _) = build(&mut store);
    compute(period, &store.stats_cases(org.id, &period).unwrap())
}

fn t(cases: u64, persons: u64) -> Tally {
    Tally { cases, persons }
}

#[test]
fn october_matches_the_hand_count() {
    let s = stats(Period::month_of(day("2026-10-15")));
    assert_eq!(s.total.accepted, t(4, 11));
    assert_eq!(s.total.mediated, t(4, 9));
    assert_eq!(s.total.succeeded, t(3, 5));
    assert_eq!(s.total.terminated, t(1, 4));
    assert_eq!(s.total.success_permille(), Some(750));
    assert_eq!(s.total.amount_fen, 1_700_050);
    assert_eq!(s.total.escalation_prevented, t(1, 2));
    assert_eq!(s.total.group_prevented, t(1, 2));
}

#[test]
fn october_splits_by_category_source_and_mediator() {
    let s = stats(Period::month_of(day("2026-10-15")));
    let cat = |c: Category| s.by_category.iter().find(|(k, _)| *k == c).unwrap().1;
    assert_eq!(cat(Category::Neighbour).accepted, t(1, 2));
    assert_eq!(cat(Category::Neighbour).succeeded, t(2, 3));
    assert_eq!(cat(Category::Marriage).accepted, t(1, 3));
    assert_eq!(cat(Category::Marriage).mediated, t(0, 0));
    assert_eq!(cat(Category::Property).group_prevented, t(1, 2));
    assert_eq!(cat(Category::Contract).terminated, t(1, 4));
    assert_eq!(s.by_local.len(), 1);
    assert_eq!(
        (s.by_local[0].0, s.by_local[0].1.as_str()),
        (Category::Property, "供热")
    );
    assert_eq!(s.by_local[0].2.succeeded, t(1, 2));
    let src = |g: SourceGroup| s.by_source.iter().find(|(k, _)| *k == g).unwrap().1;
    assert_eq!(src(SourceGroup::Application).accepted, t(1, 2));
    assert_eq!(src(SourceGroup::Police).accepted, t(1, 3));
    assert_eq!(src(SourceGroup::Initiative).succeeded, t(1, 2));
    assert_eq!(src(SourceGroup::Court).terminated, t(1, 4));
    assert_eq!(src(SourceGroup::Petition).succeeded, t(1, 1));
    assert!(src(SourceGroup::OtherReferral).is_empty());
    let names: Vec<_> = s.by_mediator.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["李调解", "王调解"]);
    let (li, wang) = (s.by_mediator[0].1, s.by_mediator[1].1);
    assert_eq!(
        (wang.accepted, wang.mediated, wang.succeeded),
        (t(3, 8), t(3, 8), t(2, 4))
    );
    assert_eq!(
        (li.accepted, li.mediated, li.succeeded),
        (t(2, 5), t(2, 3), t(2, 3))
    );
}

#[test]
fn the_next_month_quarter_and_year_match_the_hand_count() {
    let nov = stats(Period::month_of(day("2026-11-01")));
    assert_eq!(nov.total.accepted, t(0, 0));
    assert_eq!(nov.total.succeeded, t(1, 3));
    assert_eq!(nov.total.success_permille(), Some(1000));
    let q4 = stats(Period::quarter_of(day("2026-11-01")));
    assert_eq!((q4.total.accepted, q4.total.mediated), (t(4, 11), t(5, 12)));
    let year = stats(Period::year_of(day("2026-11-01")));
    assert_eq!(year.total.accepted, t(5, 12));
    assert_eq!(year.total.mediated, t(5, 12));
    assert_eq!(year.total.succeeded, t(4, 8));
    let sept = stats(Period::month_of(day("2026-09-01")));
    assert_eq!(
        (sept.total.accepted, sept.total.mediated),
        (t(1, 1), t(0, 0))
    );
}

mod exports {
    use super::stats_fixture::{build, day};
    use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
    use tiaojie::cli::report::{Format, render, room_ledger_to, room_stats};
    use tiaojie::domain::stats::period::Period;
    use tiaojie::storage::Store;

    /// Excel's serial number of a day (days since 1899-12-30).
    fn serial(s: &str) -> f64 {
        (day(s) - day("1899-12-30")).num_days() as f64
    }

    /// The serial number of a cell that is a date (None for any other kind of cell).
    fn date_serial(data: Data) -> Option<f64> {
        match data {
            Data::DateTime(d) if d.is_datetime() => Some(d.as_f64()),
            _ => None,
        }
    }

    /// Stores a written agreement for C1 whose item names ¥4,500.00 (instead of the
    /// case's ¥5,000.00) and an oral one without an amount for C6 (its case names none).
    fn add_agreements(store: &mut Store, ids: &[tiaojie::domain::case::CaseId]) {
        use tiaojie::domain::agreement::{
            Agreement, AgreementKind, AgreementStatus, Confirmation, PerformanceItem,
        };
        let agreement = |case_id, kind, amount_fen| Agreement {
            case_id,
            version: 0,
            kind,
            number: String::new(),
            facts: String::new(),
            clauses: vec!["双方和解。".into()],
            items: vec![PerformanceItem {
                what: "赔偿".into(),
                obligor: "甲".into(),
                amount_fen,
                ..Default::default()
            }],
            date: Some(day("2026-10-20")),
            status: AgreementStatus::Signed,
            confirmation: Confirmation::default(),
            mediators: vec!["王调解".into()],
            recorder: String::new(),
        };
        let now = super::stats_fixture::at("2026-11-01");
        let list = [
            agreement(ids[0], AgreementKind::Written, Some(450_000)),
            agreement(ids[5], AgreementKind::Oral, None),
        ];
        store.insert_agreements(&list, &now).unwrap();
    }

    /// The ledger of `period` in `format`, every case (as written to a file).
    fn ledger(store: &Store, period: &Period, unmasked: bool, format: Format) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        let to = (&mut out, "test", None);
        room_ledger_to(store, period, unmasked, None, format, to).unwrap();
        out.into_inner()
    }

    fn cell(sheet: &calamine::Range<Data>, row: u32, col: u32) -> Data {
        sheet.get_value((row, col)).cloned().unwrap_or(Data::Empty)
    }

    #[test]
    fn the_statistics_workbook_reads_back_with_numbers_and_chinese_headers() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("room.db")).unwrap();
        let (_, ids) = build(&mut store);
        add_agreements(&mut store, &ids);
        let october = Period::month_of(day("2026-10-01"));
        let sheets = room_stats(&store, &october).unwrap();
        let bytes = render(&sheets, Format::Xlsx).unwrap();
        let path = dir.path().join("统计.xlsx");
        std::fs::write(&path, bytes).unwrap();
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(
            book.sheet_names(),
            ["按纠纷类型", "本地类型明细", "按来源", "按调解员"]
        );
        let s = book.worksheet_range("按纠纷类型").unwrap();
        assert_eq!(
            cell(&s, 0, 0),
            Data::String("老王调解工作室 人民调解统计（2026-10-01 至 2026-10-31）".into())
        );
        assert_eq!(cell(&s, 1, 0), Data::String("纠纷类型".into()));
        assert_eq!(cell(&s, 1, 1), Data::String("受理（件）".into()));
        // Row 2 is 婚姻家庭, 3 邻里 … 16 其他, 17 合计.
        assert_eq!(cell(&s, 2, 0), Data::String("婚姻家庭".into()));
        assert_eq!(cell(&s, 2, 1), Data::Float(1.0));
        assert_eq!(cell(&s, 17, 0), Data::String("合计".into()));
        let total: Vec<f64> = (1..=6).map(|c| cell(&s, 17, c).as_f64().unwrap()).collect();
        assert_eq!(total, [4.0, 11.0, 4.0, 9.0, 3.0, 5.0]);
        assert_eq!(cell(&s, 17, 7), Data::Float(0.75));
        // The amount agreed: C1's item (4,500.00) + C3's case amount (12,000.50) + C6's
        // nothing; one written agreement (C1) and one oral (C6), as the 统计 screen says.
        assert_eq!(cell(&s, 1, 8), Data::String("协议金额（元）".into()));
        assert_eq!(cell(&s, 17, 8), Data::Float(16_500.5));
        assert_eq!(cell(&s, 1, 13), Data::String("书面协议（件）".into()));
        assert_eq!(cell(&s, 1, 14), Data::String("口头协议（件）".into()));
        assert_eq!(cell(&s, 17, 13), Data::Float(1.0));
        assert_eq!(cell(&s, 17, 14), Data::Float(1.0));
        // 邻里 (row 3) holds both.
        assert_eq!(
            (cell(&s, 3, 13), cell(&s, 3, 14)),
            (Data::Float(1.0), Data::Float(1.0))
        );
        // The same figures in CSV and text.
        let csv = String::from_utf8(render(&sheets, Format::Csv).unwrap()).unwrap();
        let total = csv.lines().find(|l| l.starts_with("合计")).unwrap();
        assert!(total.ends_with(",1,1"), "{total}");
        assert!(total.contains("16500.50"), "{total}");
        let txt = String::from_utf8(render(&sheets, Format::Txt).unwrap()).unwrap();
        let total = txt.lines().find(|l| l.starts_with("合计")).unwrap();
        let words: Vec<&str> = total.split_whitespace().collect();
        assert_eq!(words[words.len() - 2..], ["1", "1"], "{txt}");
        assert!(words.contains(&"16500.50"), "{txt}");
        let local = book.worksheet_range("本地类型明细").unwrap();
        assert_eq!(cell(&local, 2, 0), Data::String("物业 › 供热".into()));
    }

    #[test]
    fn the_ledger_workbook_has_dates_money_and_masked_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("room.db")).unwrap();
        let (_, ids) = build(&mut store);
        add_agreements(&mut store, &ids);
        let october = Period::month_of(day("2026-10-01"));
        let path = dir.path().join("台账.xlsx");
        std::fs::write(&path, ledger(&store, &october, false, Format::Xlsx)).unwrap();
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        let s = book.worksheet_range("台账").unwrap();
        let headers: Vec<String> = (0..9).map(|c| cell(&s, 1, c).to_string()).collect();
        assert_eq!(
            headers,
            [
                "序号",
                "编号",
                "收案日期",
                "当事人",
                "身份证号/信用代码",
                "联系电话",
                "纠纷类型",
                "来源",
                "简要情况"
            ]
        );
        // Received in October, by date: C1 10-03, C3 10-05, C4 10-08, C5 10-09,
        // C7 10-12, C2 10-25 (C6 was received in September).
        let names: Vec<String> = (2..8).map(|r| cell(&s, r, 3).to_string()).collect();
        assert_eq!(
            names,
            [
                "甲一、甲一邻居",
                "丙三、丙三邻居",
                "丁四、丁四邻居",
                "戊五、戊五邻居",
                "庚七、庚七邻居",
                "乙二、乙二邻居"
            ]
        );
        assert_eq!(date_serial(cell(&s, 2, 2)), Some(serial("2026-10-03")));
        // The neighbour gave no ID number or phone: its places stay, in line with its name.
        assert_eq!(
            cell(&s, 2, 4),
            Data::String("110105********002X、（未填）".into())
        );
        assert_eq!(cell(&s, 2, 5), Data::String("139****1234、（未填）".into()));
        assert_eq!(cell(&s, 2, 10), Data::String("调解成功".into()));
        assert_eq!(date_serial(cell(&s, 2, 11)), Some(serial("2026-10-20")));
        assert_eq!(cell(&s, 2, 12), Data::Float(5000.0));
        // C1's written agreement; C3 has none (C6's oral one was received in September).
        assert_eq!(cell(&s, 2, 14), Data::String("书面协议".into()));
        assert_eq!(cell(&s, 3, 14), Data::Empty);
        assert_eq!(cell(&s, 5, 10), Data::String("不予受理".into()));
        let text = String::from_utf8(ledger(&store, &october, true, Format::Csv)).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("11010519491231002X"));
        let masked = String::from_utf8(ledger(&store, &october, false, Format::Csv)).unwrap();
        assert!(!masked.contains("11010519491231002X"));
        assert!(masked.contains("2026-10-03,甲一、甲一邻居,110105********002X"));
    }
}

#[test]
fn a_district_table_has_a_row_per_room_and_their_total() {
    use tiaojie::report::Cell;
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<_> = ["a.db", "b.db"]
        .iter()
        .map(|n| dir.path().join(n))
        .collect();
    for p in &paths {
        build(&mut Store::open(p).unwrap());
    }
    let october = Period::month_of(day("2026-10-01"));
    let sheets = tiaojie::cli::report::district_stats(&paths, &october).unwrap();
    let rows = &sheets[0].rows;
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][0], Cell::Text("老王调解工作室".into()));
    assert_eq!(rows[2][0], Cell::Text("合计".into()));
    // Accepted: 4 per room; persons 11 per room; success rate stays 75.0 %.
    assert_eq!(
        (rows[0][1].clone(), rows[2][1].clone()),
        (Cell::Count(4), Cell::Count(8))
    );
    assert_eq!(rows[2][2], Cell::Count(22));
    assert_eq!(rows[2][7], Cell::Permille(Some(750)));
    let missing = tiaojie::cli::report::district_stats(&[dir.path().join("none.db")], &october);
    assert!(missing.unwrap_err().to_string().contains("none.db"));
}

/// The rooms' JSON Lines exports count like their database files, side by side.
#[test]
fn a_district_table_reads_the_rooms_exports_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    build(&mut Store::open(&db).unwrap());
    let export = dir.path().join("b.jsonl");
    let mut bytes = Vec::new();
    tiaojie::cli::export::export_cases(&Store::open(&db).unwrap(), &mut bytes).unwrap();
    std::fs::write(&export, &bytes).unwrap();
    // No extension: known by its first bytes.
    let bare = dir.path().join("c");
    std::fs::write(&bare, &bytes).unwrap();
    let october = Period::month_of(day("2026-10-01"));
    let from_dbs = tiaojie::cli::report::district_stats(&[db.clone(), db.clone()], &october);
    let mixed = tiaojie::cli::report::district_stats(&[db, export, bare], &october).unwrap();
    let rows = &mixed[0].rows;
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[0][1..],
        rows[1][1..],
        "export and database count the same"
    );
    assert_eq!(rows[1][1..], rows[2][1..]);
    assert_eq!(from_dbs.unwrap()[0].rows[0], rows[1]);
    assert_eq!(rows[3][1], tiaojie::report::Cell::Count(12));
    // A damaged export is refused with the line named, not counted as fewer cases.
    let broken = dir.path().join("broken.jsonl");
    std::fs::write(&broken, b"{\"not\": \"a case\"}\n").unwrap();
    let err = tiaojie::cli::report::district_stats(&[broken], &october).unwrap_err();
    assert!(!err.to_string().is_empty());
}
