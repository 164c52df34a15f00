//! The writer against ratatui's crossterm backend on a terminal emulator (the `vt100`
//! crate the pty tests use): the same screens, in fewer bytes.

use super::*;
use proptest::prelude::*;
use ratatui::backend::CrosstermBackend;
use ratatui::style::{Color, Modifier, Style};
use ratatui::{Frame, Terminal};

/// Bytes written, readable while the backend holds the writer.
#[derive(Clone, Default)]
struct Tape(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for Tape {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// ratatui's crossterm backend on a screen of a fixed size that never asks the terminal
/// anything (its size, its cursor), as the writer under test does not either.
struct Reference {
    inner: CrosstermBackend<Tape>,
    tape: Tape,
    size: Size,
    cursor: Position,
}

impl Backend for Reference {
    type Error = io::Error;
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.cursor = position.into();
        self.inner.set_cursor_position(self.cursor)
    }
    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        Err(io::Error::other("not asked in these tests"))
    }
    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// The writer on a screen cleared first, as the app does at start.
fn writer(width: u16, height: u16) -> Terminal<Writer<Vec<u8>>> {
    let mut t = Terminal::new(Writer::with_size(Vec::new(), Size::new(width, height))).unwrap();
    t.clear().unwrap();
    t
}

fn reference(width: u16, height: u16) -> Terminal<Reference> {
    let tape = Tape::default();
    let mut t = Terminal::new(Reference {
        inner: CrosstermBackend::new(tape.clone()),
        tape,
        size: Size::new(width, height),
        cursor: Position::ORIGIN,
    })
    .unwrap();
    t.clear().unwrap();
    t
}

fn parser(width: u16, height: u16) -> vt100::Parser {
    let nz = |n: u16| std::num::NonZero::new(n).unwrap();
    vt100::Parser::new(nz(height), nz(width), 0)
}

/// Every cell as the terminal shows it: text, colours, emphasis. A blank cell (a space
/// written or a cell erased, which the `vt100` crate tells apart and a screen does not)
/// shows only its background, reverse and underline.
fn cells(screen: &vt100::Screen) -> Vec<String> {
    let (rows, cols) = screen.size();
    let (rows, cols) = (u16::from(rows), u16::from(cols));
    let mut out = Vec::new();
    for row in 0..rows {
        for col in 0..cols {
            if let Some(c) = screen.cell(row, col) {
                let text = c.contents().replace(' ', "");
                let shows = !text.is_empty();
                out.push(format!(
                    "{row},{col} {text:?} fg {:?} bg {:?} b{} d{} i{} u{} r{} w{}{}",
                    if shows {
                        c.fgcolor()
                    } else {
                        vt100::Color::Default
                    },
                    c.bgcolor(),
                    (shows && c.bold()) as u8,
                    (shows && c.dim()) as u8,
                    (shows && c.italic()) as u8,
                    c.underline() as u8,
                    c.inverse() as u8,
                    c.is_wide() as u8,
                    c.is_wide_continuation() as u8,
                ));
            }
        }
    }
    out
}

/// A row of a list: text pieces, each in its style.
type Row = Vec<(String, Style)>;

#[derive(Debug, Clone)]
enum Step {
    /// Rows of text from a column, and where the cursor is shown (if anywhere).
    Frame(Vec<(u16, Row)>, Option<(u16, u16)>),
    /// `Terminal::clear`, as after a resize or 本机打印.
    Clear,
}

fn paint(frame: &mut Frame, rows: &[(u16, Row)], cursor: Option<(u16, u16)>) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    for (y, (start, row)) in rows.iter().enumerate().take(area.height as usize) {
        let mut x = (*start).min(area.width);
        for (text, style) in row {
            let room = area.width.saturating_sub(x) as usize;
            x = buf.set_stringn(x, y as u16, text, room, *style).0;
        }
    }
    if let Some(place) = cursor {
        frame.set_cursor_position(place);
    }
}

/// Runs the steps through both backends, comparing the screens after each.
fn same_screens(width: u16, height: u16, steps: &[Step]) -> Result<(), TestCaseError> {
    let (mut ours, mut theirs) = (writer(width, height), reference(width, height));
    let (mut p_ours, mut p_theirs) = (parser(width, height), parser(width, height));
    let (mut seen_ours, mut seen_theirs) = (0, 0);
    for (i, step) in steps.iter().enumerate() {
        let mut shown = None;
        match step {
            Step::Frame(rows, cursor) => {
                ours.draw(|f| paint(f, rows, *cursor)).unwrap();
                theirs.draw(|f| paint(f, rows, *cursor)).unwrap();
                shown = *cursor;
            }
            Step::Clear => {
                ours.clear().unwrap();
                theirs.clear().unwrap();
            }
        }
        let bytes = ours.backend().get_ref();
        p_ours.process(&bytes[seen_ours..]);
        seen_ours = bytes.len();
        let bytes = theirs.backend().tape.0.borrow();
        p_theirs.process(&bytes[seen_theirs..]);
        seen_theirs = bytes.len();
        let (a, b) = (p_ours.screen(), p_theirs.screen());
        prop_assert_eq!(cells(a), cells(b), "after step {}", i);
        if let Some((x, y)) = shown {
            prop_assert!(!a.hide_cursor() && !b.hide_cursor(), "after step {}", i);
            prop_assert_eq!(a.cursor_position(), (y, x), "after step {}", i);
        } else if matches!(step, Step::Frame(..)) {
            prop_assert!(a.hide_cursor() && b.hide_cursor(), "after step {}", i);
        }
    }
    Ok(())
}

fn color() -> impl Strategy<Value = Color> {
    prop_oneof![
        4 => Just(Color::Reset),
        6 => (0u8..16).prop_map(|i| [
            Color::Black, Color::Red, Color::Green, Color::Yellow, Color::Blue,
            Color::Magenta, Color::Cyan, Color::Gray, Color::DarkGray, Color::LightRed,
            Color::LightGreen, Color::LightYellow, Color::LightBlue, Color::LightMagenta,
            Color::LightCyan, Color::White,
        ][i as usize]),
        1 => any::<u8>().prop_map(Color::Indexed),
        1 => (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
    ]
}

fn style() -> impl Strategy<Value = Style> {
    // Bold and dim together are left out: terminals differ (the vt100 crate keeps one
    // intensity, xterm both), and crossterm's own order for them is not one order.
    let modifier = prop::sample::select(vec![
        Modifier::empty(),
        Modifier::BOLD,
        Modifier::DIM,
        Modifier::REVERSED,
        Modifier::ITALIC | Modifier::UNDERLINED,
        Modifier::BOLD | Modifier::REVERSED,
        Modifier::DIM | Modifier::UNDERLINED | Modifier::REVERSED,
    ]);
    (color(), color(), modifier)
        .prop_map(|(fg, bg, m)| Style::default().fg(fg).bg(bg).add_modifier(m))
}

fn row() -> impl Strategy<Value = (u16, Row)> {
    let text = prop::collection::vec(
        prop::sample::select(vec![
            "王", "秀", "兰", "调", "解", "中", "：", "a", "7", " ", "-",
        ]),
        0..7,
    )
    .prop_map(|parts| parts.concat());
    (0u16..5, prop::collection::vec((text, style()), 0..4))
}

fn step(height: u16) -> impl Strategy<Value = Step> {
    let cursor = prop::option::weighted(0.2, (0u16..14, 0..height));
    prop_oneof![
        8 => (prop::collection::vec(row(), 0..=height as usize), cursor)
            .prop_map(|(rows, cursor)| Step::Frame(rows, cursor)),
        1 => Just(Step::Clear),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Random frames of Chinese and Latin text in random colours and emphasis, one after
    /// another with clears between: the terminal shows exactly what ratatui's crossterm
    /// backend would have made it show.
    #[test]
    fn the_terminal_shows_what_the_crossterm_backend_shows(
        steps in prop::collection::vec(step(4), 1..6)
    ) {
        same_screens(14, 4, &steps)?;
    }
}

/// A list at 80×24 like the case list: a border, rows of Chinese text with a status in
/// colour, and the selected row in full-width highlight.
fn list(frame: &mut Frame, selected: usize) {
    use ratatui::layout::Constraint;
    use ratatui::widgets::{Block, Borders, Cell as TableCell, Row as TableRow, Table};
    let rows = (0..20).map(|i| {
        let status = if i % 3 == 0 { "调解中" } else { "已受理" };
        TableRow::new([
            TableCell::from(format!("2026-{:04}", 100 + i)),
            TableCell::from(format!("王秀兰诉张建国{i}")),
            TableCell::from("邻里纠纷"),
            TableCell::from(status).style(Style::default().fg(Color::LightBlue)),
            TableCell::from("2026-12-07"),
        ])
    });
    let widths = [
        Constraint::Length(10),
        Constraint::Length(24),
        Constraint::Length(10),
        Constraint::Length(8),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(Style::default().fg(Color::Cyan)),
        )
        .row_highlight_style(Style::default().fg(Color::Black).bg(Color::Cyan));
    let mut state = ratatui::widgets::TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, frame.area(), &mut state);
}

/// Bytes of one move of the selection, after a first frame.
fn one_move<B: Backend>(t: &mut Terminal<B>, bytes: impl Fn(&Terminal<B>) -> usize) -> usize {
    t.draw(|f| list(f, 3)).unwrap();
    let before = bytes(t);
    t.draw(|f| list(f, 4)).unwrap();
    bytes(t) - before
}

#[test]
fn one_move_in_a_chinese_list_costs_the_two_rows_and_little_more() {
    let mut ours = writer(80, 24);
    let mut theirs = reference(80, 24);
    let before = ours.backend().get_ref().len();
    ours.draw(|f| list(f, 3)).unwrap();
    let first = ours.backend().get_ref().len() - before;
    let moved = one_move(&mut ours, |t| t.backend().get_ref().len());
    let crossterm = one_move(&mut theirs, |t| t.backend().tape.0.borrow().len());
    let text: String = String::from_utf8_lossy(ours.backend().get_ref()).into();
    let frame = &text[text.len() - moved..];
    // The two rows' text alone: 2 × (10 digits and dashes + 7 Chinese characters and a
    // digit + 4 + 3 Chinese + 10 + the spaces between).
    assert!(moved <= 230, "{moved} B: {frame:?}");
    assert!(moved + 40 < crossterm, "{moved} against {crossterm}");
    // No 256-colour form, no reset at the end, the cursor hidden once (in the first frame).
    assert!(
        !frame.contains("38;5") && !frame.contains("48;5"),
        "{frame:?}"
    );
    assert!(
        !frame.ends_with("\x1b[m") && !frame.contains("?25l"),
        "{frame:?}"
    );
    assert!(first > 0 && text.matches("?25l").count() == 1, "{text:?}");
}

#[test]
fn clearing_the_screen_never_asks_the_terminal_where_the_cursor_is() {
    let mut t = writer(20, 5);
    t.backend_mut().set_cursor_position((3, 4)).unwrap();
    assert_eq!(
        t.backend_mut().get_cursor_position().unwrap(),
        Position::new(3, 4)
    );
    t.clear().unwrap();
    let text = String::from_utf8_lossy(t.backend().get_ref());
    assert!(!text.contains("\x1b[6n"), "{text:?}");
}

/// A clear fills the screen with the current background on most terminals: the pen is
/// reset first, and the cursor moved absolutely after it (a resize may have moved it).
#[test]
fn a_clear_is_written_with_the_plain_pen_and_forgets_the_cursor() {
    let mut t = writer(20, 3);
    let highlight = Style::default().fg(Color::Black).bg(Color::Cyan);
    t.draw(|f| {
        f.buffer_mut().set_string(0, 1, "王秀兰", highlight);
    })
    .unwrap();
    let before = t.backend().get_ref().len();
    t.clear().unwrap();
    t.draw(|f| {
        f.buffer_mut().set_string(6, 1, "x", highlight);
    })
    .unwrap();
    let text = String::from_utf8_lossy(&t.backend().get_ref()[before..]).to_string();
    assert!(text.starts_with("\x1b[m\x1b[2J"), "{text:?}");
    // The cursor was last at (6, 1), just after 王秀兰: still moved to, absolutely.
    assert!(text.contains("\x1b[2;7H"), "{text:?}");
}

/// What the terminal is handed back with (本机打印, exit) has the plain pen.
#[test]
fn release_resets_the_pen_and_forgets_it() {
    let mut t = writer(20, 3);
    let red = Style::default().fg(Color::Red).add_modifier(Modifier::BOLD);
    t.draw(|f| {
        f.buffer_mut().set_string(0, 0, "调解", red);
    })
    .unwrap();
    t.backend_mut().release().unwrap();
    let after = t.backend().get_ref().len();
    let mut p = parser(20, 3);
    p.process(t.backend().get_ref());
    let s = p.screen();
    assert_eq!(
        (s.fgcolor(), s.bgcolor(), s.bold()),
        (vt100::Color::Default, vt100::Color::Default, false)
    );
    // Not known afterwards: the next frame says its pen and place in full.
    t.draw(|f| {
        f.buffer_mut().set_string(0, 0, "调解", red);
        f.buffer_mut().set_string(0, 1, "a", red);
    })
    .unwrap();
    let text = String::from_utf8_lossy(&t.backend().get_ref()[after..]).to_string();
    assert!(text.starts_with("\x1b[2H\x1b[0;1;31ma"), "{text:?}");
}

/// A row losing the highlight: its runs of blanks are erased (ECH) where shorter, also
/// across pens that show no background, and the screen is the same.
#[test]
fn blanks_that_show_no_background_are_erased_in_one_go() {
    let highlight = Style::default().fg(Color::Black).bg(Color::Cyan);
    let yellow = Style::default().fg(Color::Yellow);
    let row = |style: Style, status: Style| {
        vec![
            ("王秀兰".to_string(), style),
            (" ".repeat(12), style),
            ("登记".to_string(), status),
            ("   ".to_string(), status),
            (" ".repeat(8), style),
        ]
    };
    let steps = [
        Step::Frame(vec![(0, row(highlight, highlight))], None),
        Step::Frame(vec![(0, row(Style::default(), yellow))], None),
    ];
    same_screens(40, 2, &steps).unwrap();
    let mut t = writer(40, 2);
    for step in &steps {
        if let Step::Frame(rows, cursor) = step {
            t.draw(|f| paint(f, rows, *cursor)).unwrap();
        }
    }
    let text = String::from_utf8_lossy(t.backend().get_ref()).to_string();
    // 12 blanks, then after 登记 the 3 yellow and 8 plain ones as one run, kept yellow.
    assert!(
        text.ends_with("\x1b[m王秀兰\x1b[12X\x1b[19G\x1b[33m登记\x1b[11X"),
        "{text:?}"
    );
}

/// An erase may clear only the half of a Chinese character it covers (tmux leaves the
/// other half behind, one column short), where a space clears the whole character: a run
/// of blanks that ends on the first half of a wide character on screen is written as
/// spaces (seen in tmux: a list row written over 今日's, 李 cut in two).
#[test]
fn an_erase_never_cuts_a_wide_character_in_two() {
    let plain = Style::default();
    let blanks =
        |from: u16, n: usize| Step::Frame(vec![(from, vec![(" ".repeat(n), plain)])], None);
    for (first, second) in [
        // 李 at 11–12; the blanks end at 11, its first half.
        (
            Step::Frame(vec![(0, vec![("abcdefghijk李".into(), plain)])], None),
            blanks(0, 12),
        ),
    ] {
        let mut t = writer(20, 1);
        for step in [&first, &second] {
            if let Step::Frame(rows, cursor) = step {
                t.draw(|f| paint(f, rows, *cursor)).unwrap();
            }
        }
        let text = String::from_utf8_lossy(t.backend().get_ref()).to_string();
        assert!(!text.contains('X'), "{text:?}");
    }
    // ratatui leaves out the second half of a character it blanks: the run up to 李's first
    // half is written as spaces, the run after it is erased.
    let mut t = writer(20, 1);
    t.draw(|f| paint(f, &[(0, vec![("abc李defghijkl".into(), plain)])], None))
        .unwrap();
    t.draw(|f| paint(f, &[(0, vec![(" ".repeat(14), plain)])], None))
        .unwrap();
    let text = String::from_utf8_lossy(t.backend().get_ref()).to_string();
    assert!(text.ends_with("\x1b[H    \x1b[C\x1b[9X"), "{text:?}");
}
