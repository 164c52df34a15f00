//! Fixtures for screen tests: a room with cases built in memory (no database), and the
//! rendered screen as text (wide characters counted once).
#![allow(dead_code)] // each screen test uses only some of the fixtures

use crate::app::action::{Action, Room};
use crate::app::key::Key;
use crate::app::{AppState, update};
use crate::domain::case::{Case, CaseFields, CaseId, CaseNumber, CasePage, CaseSummary};
use crate::domain::category::{CaseCategory, Category, default_local_categories};
use crate::domain::org::{
    DEFAULT_NUMBER_PATTERN, Mediator, MediatorId, OrgId, OrgProfile, Organisation,
};
use crate::domain::party::{Party, PartyKind, PartyRole, Sex};
use crate::domain::source::Source;
use crate::domain::status::{CaseStatus, StatusChange};
use crate::i18n::{Lang, set_lang};
use crate::ui::render;
use crate::ui::theme::Theme;
use chrono::{DateTime, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// The fixed "today" of every screen test.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid date")
}

/// The fixture room.
pub fn room() -> Room {
    Room {
        org: Some(Organisation {
            id: OrgId(1),
            profile: OrgProfile {
                room_name: "新华街道老王调解工作室".into(),
                committee_name: "临河区新华街道人民调解委员会".into(),
                number_prefix: "临新".into(),
                number_pattern: DEFAULT_NUMBER_PATTERN.into(),
            },
        }),
        mediators: vec![
            Mediator {
                id: MediatorId(1),
                name: "王建国".into(),
                phone: "13904781234".into(),
                active: true,
            },
            Mediator {
                id: MediatorId(2),
                name: "李秀英".into(),
                phone: String::new(),
                active: true,
            },
            Mediator {
                id: MediatorId(3),
                name: "赵老师".into(),
                phone: String::new(),
                active: false,
            },
        ],
        locals: default_local_categories(),
        lang: None,
        printer: Default::default(),
        settings: Default::default(),
    }
}

/// A state with the fixture room loaded, in `lang`, at `cols`×`rows`.
pub fn state(lang: Lang, cols: u16, rows: u16) -> AppState {
    set_lang(lang);
    let mut s = AppState::new(today(), lang, crate::ui::screen(cols, rows));
    s.zone = crate::domain::dates::Zone::beijing();
    s.lang_locked = true;
    update(&mut s, Action::RoomLoaded(Box::new(room())));
    update(&mut s, Action::FirstDrawn);
    update(&mut s, Action::CasesLoaded(page()));
    // The app opens on 今日; these fixtures show the case log.
    s.tab = crate::app::Tab::Cases;
    s
}

/// A state showing the list with the fixture page, 80×24.
pub fn list_state(lang: Lang) -> AppState {
    state(lang, 80, 24)
}

/// Presses keys in order.
pub fn press(state: &mut AppState, keys: &[Key]) {
    for k in keys {
        update(state, Action::Key(*k));
    }
}

/// Types text, one character at a time, as an IME would deliver it.
pub fn type_text(state: &mut AppState, text: &str) {
    for c in text.chars() {
        update(state, Action::Key(Key::char(c)));
    }
}

fn summary(
    id: i64,
    number: Option<&str>,
    day: u32,
    category: Category,
    parties: &str,
    status: CaseStatus,
    risk: bool,
) -> CaseSummary {
    CaseSummary {
        id: CaseId(id),
        number: number.map(str::to_string),
        received_on: NaiveDate::from_ymd_opt(2026, 11, day).expect("valid date"),
        category: CaseCategory {
            national: category,
            local: (category == Category::Property).then(|| "供热".to_string()),
        },
        parties: parties.into(),
        status,
        mediators: if number.is_some() {
            "王建国".into()
        } else {
            String::new()
        },
        at_risk: risk,
    }
}

/// The fixture page of the list.
pub fn page() -> CasePage {
    CasePage {
        rows: vec![
            summary(
                7,
                None,
                27,
                Category::Property,
                "王秀兰、某某供热有限公司",
                CaseStatus::Registered,
                true,
            ),
            summary(
                6,
                Some("（2026）临新人调字第41号"),
                25,
                Category::Neighbour,
                "张三、李四",
                CaseStatus::Mediating,
                false,
            ),
            summary(
                5,
                Some("（2026）临新人调字第40号"),
                20,
                Category::Marriage,
                "巴特尔、乌云其其格",
                CaseStatus::Succeeded,
                false,
            ),
            summary(
                4,
                None,
                18,
                Category::Labour,
                "刘伟、临河区某建筑公司",
                CaseStatus::Rejected,
                false,
            ),
            summary(
                3,
                Some("（2026）临新人调字第39号"),
                11,
                Category::Traffic,
                "陈静、周强、某保险公司",
                CaseStatus::Terminated,
                true,
            ),
        ],
        total: 125,
        ..Default::default()
    }
}

/// The fixture case behind row 1 (a police referral, two parties, accepted).
pub fn case() -> Case {
    let at = |s: &str| DateTime::parse_from_rfc3339(s).expect("valid time");
    let mut applicant = Party::new(PartyRole::Applicant, PartyKind::Person);
    applicant.name = "王秀兰".into();
    applicant.sex = Some(Sex::Female);
    applicant.ethnicity = "蒙古族".into();
    applicant.birth_date = NaiveDate::from_ymd_opt(1949, 12, 31);
    applicant.id_number = "11010519491231002X".into();
    applicant.phone = "13904781234".into();
    applicant.address = "临河区新华街道胜利小区3号楼2单元401".into();
    let mut company = Party::new(PartyRole::Respondent, PartyKind::Organisation);
    company.name = "某某供热有限公司".into();
    company.credit_code = "91350100M000100Y43".into();
    company.legal_rep = "赵刚".into();
    company.phone = "0478-8412345".into();
    Case {
        id: CaseId(7),
        number: Some(CaseNumber { year: 2026, seq: 42, text: "（2026）临新人调字第42号".into() }),
        status: CaseStatus::Accepted,
        version: 3,
        fields: CaseFields {
            received_on: NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid date"),
            source: Source::Police,
            referrer_unit: "临河区公安局新华派出所".into(),
            referrer_ref: "JQ1508022026112700042".into(),
            category: CaseCategory { national: Category::Property, local: Some("供热".into()) },
            facts: "申请人家中供暖温度长期低于16度，多次报修未果。\n双方就退还部分供暖费发生争执，民警出警后移交调解。".into(),
            claims: "申请人要求退还本季供暖费的一半。".into(),
            amount_fen: Some(123_450),
            persons_involved: 2,
            risk_escalation: true,
            risk_group: false,
            parties: vec![applicant, company],
        },
        mediators: vec![MediatorId(1)],
        history: vec![
            StatusChange { from: None, to: CaseStatus::Registered, at: at("2026-11-27T09:12:00+08:00"), operator: "wang".into(), reason: String::new() },
            StatusChange { from: Some(CaseStatus::Registered), to: CaseStatus::Accepted, at: at("2026-11-27T10:30:00+08:00"), operator: "wang".into(), reason: String::new() },
        ],
    }
}

/// Renders `state` and returns the screen as lines of text (a wide character once).
pub fn screen(state: &AppState) -> String {
    screen_and_cursor(state).0
}

/// Renders `state`: the screen as text, and the terminal cursor if it is shown.
pub fn screen_and_cursor(state: &AppState) -> (String, Option<(u16, u16)>) {
    let (buffer, cursor) = draw(state);
    (text_of(&buffer), cursor)
}

/// Renders `state` and returns the cells (to look at styles).
pub fn buffer(state: &AppState) -> Buffer {
    draw(state).0
}

fn draw(state: &AppState) -> (Buffer, Option<(u16, u16)>) {
    assert_ascii_leaves_nothing_ambiguous(state);
    draw_with(state, Theme::PLAIN)
}

/// Every screen a test draws is also drawn as `--ascii` draws it: no cell may hold a
/// character that PuTTY or Xshell could draw two cells wide (issue 14: `–` in time ranges,
/// `—` in 统计), and no arrow may turn into `^` or `v`, which are keys.
fn assert_ascii_leaves_nothing_ambiguous(state: &AppState) {
    let ascii = Theme {
        ascii: true,
        ..Theme::PLAIN
    };
    let (buffer, _) = draw_with(state, ascii);
    let bad: Vec<(u16, u16, String)> = buffer
        .content
        .iter()
        .enumerate()
        .filter(|(_, c)| crate::ui::ascii::is_ambiguous(c.symbol()))
        .map(|(i, c)| {
            let (x, y) = buffer.pos_of(i);
            (x, y, c.symbol().to_string())
        })
        .collect();
    assert!(
        bad.is_empty(),
        "ambiguous-width characters on the --ascii screen: {bad:?}\n{}",
        text_of(&buffer)
    );
}

/// Renders `state` with `theme` and returns the screen as text.
pub fn screen_with(state: &AppState, theme: Theme) -> String {
    text_of(&draw_with(state, theme).0)
}

fn draw_with(state: &AppState, theme: Theme) -> (Buffer, Option<(u16, u16)>) {
    let (cols, rows) = (state.size.cols, state.size.rows);
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("test backend");
    terminal.draw(|f| render(f, state, theme)).expect("draw");
    let backend = terminal.backend();
    let cursor = backend
        .cursor_visible()
        .then(|| backend.cursor_position())
        .map(|p| (p.x, p.y));
    (backend.buffer().clone(), cursor)
}

fn text_of(buffer: &Buffer) -> String {
    let Rect { width, height, .. } = buffer.area;
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        let mut x = 0;
        while x < width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The cell where `text` starts on screen (searching row by row), if it is shown.
pub fn find(buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    let Rect { width, height, .. } = buffer.area;
    for y in 0..height {
        let mut cells = Vec::new();
        let mut x = 0;
        while x < width {
            let symbol = buffer[(x, y)].symbol();
            cells.push((x, symbol));
            x += UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        for start in 0..cells.len() {
            let mut joined = String::new();
            for (_, s) in &cells[start..] {
                joined.push_str(s);
                if joined.len() >= text.len() {
                    break;
                }
            }
            if joined.starts_with(text) {
                return Some((cells[start].0, y));
            }
        }
    }
    None
}

/// A first start: no room yet, so the set-up form is shown (80×24).
pub fn first_start_state(lang: Lang) -> AppState {
    set_lang(lang);
    let mut s = AppState::new(today(), lang, crate::ui::screen(80, 24));
    s.zone = crate::domain::dates::Zone::beijing();
    s.lang_locked = true;
    let room = Room {
        org: None,
        mediators: Vec::new(),
        locals: Vec::new(),
        lang: None,
        printer: Default::default(),
        settings: Default::default(),
    };
    update(&mut s, Action::RoomLoaded(Box::new(room)));
    s
}
