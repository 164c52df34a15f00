//! Property tests: every parser of typed or imported text returns a value or a plain error
//! on ANY input — never a panic — and what the app writes it reads back the same.
//! Inputs are arbitrary Unicode plus inputs shaped like the real thing (digits, full-width
//! digits, X, CJK, separators), where the edge cases live.

use chrono::NaiveDate;
use proptest::prelude::*;
use tiaojie::cli::import::import_bytes;
use tiaojie::cli::jsonl::parse_line;
use tiaojie::domain::credit_code::{check_char_of, parse_credit_code};
use tiaojie::domain::dates::{parse_date_input, parse_time_input};
use tiaojie::domain::id_card::{check_char, mask_id, parse_id_card};
use tiaojie::domain::money::{format_yuan, parse_yuan};
use tiaojie::domain::phone::parse_phone;

/// Text shaped like an ID number, a code, an amount, a phone number or a date.
fn shaped() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9Xx]{0,20}",
        "[0-9０-９A-Za-zＸ ]{15,20}",
        "[-+¥￥0-9０-９,，.．。元 ]{0,30}",
        "[+0-9０-９() -]{0,20}",
        "[0-9０-９年月日号/.\\-: 今明后天下周一二三四五六日上午下午点半]{0,16}",
    ]
}

/// A valid line from `tiaojie export`, the base for mutated import lines.
const LINE: &str = r#"{"format_version":1,"organisation":{"room_name":"测试调解室","committee_name":"测试人民调解委员会","number_prefix":"测","number_pattern":"（{year}）{prefix}人调字第{seq}号"},"number":null,"status":"登记","received_on":"2026-11-01","source":"当事人申请","category":{"national":"合同"},"facts":"楼上漏水","claims":"","amount_fen":300000,"persons_involved":1,"risk_escalation":false,"risk_group":false,"parties":[{"role":"申请人","kind":"自然人","name":"张三","id_number":"11010519491231002X","phone":"13800138000"}],"mediators":[],"history":[{"from":null,"to":"登记","at":"2026-11-01T09:00:00+08:00","operator":"t"}]}"#;

/// The valid line with the characters from `at` replaced by `with` (on char boundaries).
fn mutated(at: usize, len: usize, with: &str) -> String {
    let chars: Vec<char> = LINE.chars().collect();
    let at = at % chars.len();
    let end = (at + len).min(chars.len());
    chars[..at]
        .iter()
        .chain(with.chars().collect::<Vec<_>>().iter())
        .chain(chars[end..].iter())
        .collect()
}

/// The day the ID numbers are read on (a birth date after it is refused).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).expect("valid date")
}

proptest! {
    #[test]
    fn id_numbers(input in shaped()) {
        let _ = parse_id_card(&input, today());
        let _ = check_char(&input);
        let _ = mask_id(&input);
    }

    #[test]
    fn a_valid_id_number_is_accepted(body in "[1-6][0-9]{5}(19[5-9][0-9]|200[0-9])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])[0-9]{3}") {
        let check = check_char(&body);
        prop_assert!(check.is_some());
        let full = format!("{body}{}", check.unwrap_or('0'));
        prop_assert!(parse_id_card(&full, today()).is_ok(), "{full}");
    }

    #[test]
    fn credit_codes(input in shaped()) {
        let _ = parse_credit_code(&input);
        let _ = check_char_of(&input);
    }

    #[test]
    fn money(input in shaped()) {
        if let Ok(fen) = parse_yuan(&input) {
            // What the app shows, it reads back as the same amount.
            prop_assert_eq!(parse_yuan(&format_yuan(fen)), Ok(fen), "{}", input);
        }
    }

    #[test]
    fn any_amount_in_fen_round_trips(fen in 0i64..=i64::MAX) {
        let shown = format_yuan(fen);
        prop_assert_eq!(parse_yuan(&shown), Ok(fen), "{}", shown);
    }

    #[test]
    fn phones(input in shaped()) {
        let _ = parse_phone(&input);
    }

    #[test]
    fn dates_and_times(input in shaped(), days in -800_000i32..800_000) {
        let today = NaiveDate::from_num_days_from_ce_opt(days.abs().max(1))
            .unwrap_or(NaiveDate::MIN);
        let _ = parse_date_input(&input, today);
        let _ = parse_date_input(&input, NaiveDate::MAX);
        let _ = parse_date_input(&input, NaiveDate::MIN);
        let _ = parse_time_input(&input);
    }

    #[test]
    fn import_lines(input in any::<String>(), at in 0usize..2000, len in 0usize..8, with in shaped()) {
        let _ = parse_line(&input);
        let _ = parse_line(&mutated(at, len, &with));
    }
}

proptest! {
    // Whole imports touch a database: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn whole_imports_of_mutated_lines(at in 0usize..2000, len in 0usize..8, with in shaped()) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut store = tiaojie::storage::Store::open(&dir.path().join("room.db"))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T09:30:00+08:00")
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let text = format!("{LINE}\n{}\n", mutated(at, len, &with));
        let _ = import_bytes(&mut store, text.as_bytes(), now);
    }
}
