//! The terminal: setup and restore, and the one event loop. Draw from `&AppState`, wait for
//! an event, turn it into actions, `update`, run the effects, feed their results back.
//! While idle the loop wakes every few seconds only to ask SQLite whether another process
//! changed the data (one cheap pragma); it draws again only when something changed.
//! After typing it also wakes once when the typing pauses, to save the open forms as
//! drafts (see `Drafts`), and once after a quiet spell, to copy the write-ahead log into
//! the `.db` file (see `Checkpoints`); at exit, and on SIGHUP/SIGTERM, it copies it all.
//! Only this file and `ui` talk to the terminal.

mod backend;
mod cells;
mod moves;
mod sgr;
mod signals;
mod timers;

use crate::app::effects::Runner;
use crate::app::key::{Key, KeyCode};
use crate::app::state::{Saving, StatusLine};
use crate::app::{Action, AppState, Effect, start, update};
use crate::documents::template::Templates;
use crate::i18n::{Lang, set_lang};
use crate::storage::{ChangePoll, Checkpoint, Store};
use crate::ui::{render, theme::DisplayAsked};
use crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind, KeyModifiers,
};
use ratatui::Terminal;
use std::time::{Duration, Instant};
use timers::{Checkpoints, Drafts};

/// How often an idle app asks whether another process changed the data: often enough
/// that a case registered at the front desk shows up while the mediator looks, rarely
/// enough that an idle app costs nothing measurable on an old PC.
pub(super) const REFRESH_EVERY: Duration = Duration::from_secs(2);

/// While a search runs on the worker, how long to wait for a key before looking for its
/// answer. crossterm's wait cannot be woken by another thread, so the loop looks this
/// often, only until the answer is in (a search takes 1–40 ms); keys are read at once.
const SEARCH_POLL: Duration = Duration::from_millis(4);

/// Runs the interactive app until the user quits; the terminal is restored on every exit,
/// including SIGHUP and SIGTERM.
pub fn run(
    store: Store,
    user: crate::domain::user::User,
    lang: Option<Lang>,
    display: DisplayAsked,
) -> std::io::Result<()> {
    install_panic_log();
    // Before the screen is taken over, so that no moment is left where a signal would
    // end the program with the terminal still in raw mode.
    let db = store.path().to_path_buf();
    signals::install(
        restore_terminal,
        Box::new(move || {
            let _ = crate::storage::checkpoint_file(&db);
        }),
    )?;
    // ratatui's init takes the screen (raw mode, alternate screen, panic hook); the app
    // then draws through our own writer, which keeps what the terminal has (`backend`).
    drop(ratatui::try_init()?);
    // One frame, one write: the standard output flushes its own buffer every kilobyte, so
    // a full frame went out in four or five pieces — each its own SSH packet on a slow
    // link, and a half-drawn screen for whoever reads between them. The terminal flushes
    // this buffer once at the end of every draw.
    let out = std::io::BufWriter::with_capacity(FRAME_BUFFER, std::io::stdout());
    let mut terminal = Terminal::new(backend::Writer::new(out))?;
    // The screen starts empty, as ratatui's diff assumes and the writer then knows: the
    // Linux console has no alternate screen, and the shell's text would stay in every
    // blank cell of the first frame.
    terminal.clear()?;
    let _ = crossterm::execute!(std::io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, store, user, lang, display);
    restore_terminal();
    result
}

/// Resets the colours, leaves the alternate screen, shows the cursor, turns raw mode and
/// paste mode off.
fn restore_terminal() {
    plain_pen();
    let _ = crossterm::execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    // ratatui shows the cursor when its Terminal is dropped, which an exit on a signal skips.
    let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
}

/// Resets the terminal's colours and emphasis. The writer keeps its pen across frames, so
/// whatever hands the terminal back does this first; leaving the alternate screen brings
/// the old colours back on xterm-like terminals, but the Linux console has no alternate
/// screen and the shell's prompt would come in the last frame's colours.
fn plain_pen() {
    use std::io::Write;
    let mut out = std::io::stdout();
    let _ = out.write_all(backend::RESET).and_then(|()| out.flush());
}

/// The terminal the app draws on.
type AppTerminal = Terminal<backend::Writer<std::io::BufWriter<std::io::Stdout>>>;

/// Bytes held until a frame is flushed: a full 80×24 frame of Chinese text with colours is
/// about 4 KB; a large window's fits too.
const FRAME_BUFFER: usize = 64 * 1024;

fn event_loop(
    terminal: &mut AppTerminal,
    store: Store,
    user: crate::domain::user::User,
    lang: Option<Lang>,
    display: DisplayAsked,
) -> std::io::Result<()> {
    let size = terminal.size()?;
    // Today is the room's, in the room's zone (设置), whatever zone the machine keeps; an
    // unreadable setting is said when the room is read.
    let zone = store.zone().unwrap_or_default();
    let mut state = AppState::new(
        zone.local(&chrono::Utc::now()).date_naive(),
        lang.unwrap_or_default(),
        crate::ui::screen(size.width, size.height),
    );
    state.zone = zone;
    state.lang_locked = lang.is_some();
    let (templates, bad) = Templates::load(crate::paths::templates_dir().as_deref());
    state.docs.templates = std::sync::Arc::new(templates);
    if let Some(error) = bad.first() {
        state.status = Some(StatusLine {
            text: error.to_string(),
            error: true,
        });
    }
    if !store.repaired_triggers().is_empty() {
        crate::app::startup::audit_repaired(&mut state, store.repaired_triggers());
    }
    let mut runner = Runner::new(store, user.name.clone());
    runner.set_user(user.clone());
    state.user = user;
    let mut poll = runner.change_poll();
    let mut busy = signals::busy();
    run_effects(&mut state, &mut runner, start());
    let mut changed = true;
    let mut drawn = false;
    let mut drafts = Drafts::default();
    let mut checkpoints = Checkpoints::default();
    checkpoints.active(Instant::now());
    loop {
        // 本机打印: the envelope goes out whole between two frames, never inside one.
        let printed = runner.take_terminal_output();
        if !printed.is_empty() {
            to_terminal_printer(terminal, &printed)?;
            changed = true;
        }
        if changed {
            set_lang(state.lang);
            // The room's display setting applies as soon as it is read or saved.
            let rs = &state.room_settings;
            let theme = display.theme(rs.color.as_deref(), rs.ascii);
            terminal.draw(|frame| render(frame, &state, theme))?;
        }
        if !std::mem::replace(&mut drawn, true) {
            // Work that must not hold up the first screen (the day's backup) starts now,
            // and 今日's reads below the screen are made beside the keyboard.
            runner.first_screen_drawn();
            let effects = update(&mut state, Action::FirstDrawn);
            // What they answered at once is drawn before waiting (今日's reads answer
            // from their thread: the loop looks for them often until they are in).
            changed = !effects.is_empty();
            run_effects(&mut state, &mut runner, effects);
            if changed {
                continue;
            }
        }
        if state.quit {
            runner.finish_writes();
            // The `.db` file alone then holds everything (SQLite would do it on close only
            // if no other window still had the file open).
            checkpoint(&runner, Checkpoint::Truncate);
            return Ok(());
        }
        // Only while waiting may a signal end the app (see `signals`).
        drop(busy);
        // A search or a save on a worker is looked for often, only until its answer is in.
        let wait = drafts.wait(Instant::now());
        let searching = runner.searching() || state.saving != Saving::No;
        let ready = event::poll(if searching {
            wait.min(SEARCH_POLL)
        } else {
            wait
        })?;
        busy = signals::busy();
        changed = if ready {
            // A window shrunk and grown back may end at its old size, so ratatui would send
            // only the changes — but the terminal dropped what fell outside: repaint all.
            if take_events(&mut state, &mut runner)? {
                terminal.clear()?;
            }
            drafts.typed(Instant::now());
            checkpoints.active(Instant::now());
            true
        } else if searching {
            false
        } else {
            let changed = refresh(&mut state, &mut runner, &mut poll);
            if changed {
                checkpoints.active(Instant::now());
            }
            changed
        };
        let mut answers = runner.search_answers();
        answers.extend(runner.today_answers());
        answers.extend(runner.writer_answers());
        answers.extend(runner.backup_answers());
        for answer in answers {
            let effects = update(&mut state, answer);
            run_effects(&mut state, &mut runner, effects);
            changed = true;
        }
        // Said after the saves' results, so "保存中…" gives way to what the save said.
        let saving = runner.save_progress(Instant::now());
        if saving != state.saving {
            update(&mut state, Action::SaveProgress(saving));
            changed = true;
        }
        if drafts.take_due(Instant::now()) {
            // The effects write the drafts; nothing on screen changes.
            let effects = update(&mut state, Action::SaveDrafts);
            run_effects(&mut state, &mut runner, effects);
        }
        if checkpoints.take_due(Instant::now()) {
            checkpoint(&runner, Checkpoint::Passive);
        }
        let today = state.zone.local(&chrono::Utc::now()).date_naive();
        if today != state.today {
            let effects = update(&mut state, Action::Today(today));
            run_effects(&mut state, &mut runner, effects);
            changed = true;
        }
    }
}

/// Writes a media-copy envelope (`documents::media_copy`) to the terminal. A terminal
/// with no printer may show the text or nothing; the next frame is drawn whole, so
/// whatever it showed is painted over.
fn to_terminal_printer(terminal: &mut AppTerminal, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    // Whatever a terminal shows of it comes in plain colours, and the writer knows the
    // terminal no more afterwards.
    terminal.backend_mut().release()?;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    drop(out);
    terminal.clear()
}

/// Copies the write-ahead log into the `.db` file; a failure is only logged (the data is
/// safe in the log, and the next checkpoint tries again).
fn checkpoint(runner: &Runner, how: Checkpoint) {
    if let Err(e) = runner.store().checkpoint(how) {
        crate::log::error(&format!("checkpoint: {e}"));
    }
}

/// Takes every event already waiting before drawing again: fast typing or a paste over a
/// slow link costs one repaint, not one per key. True if the window was resized.
fn take_events(state: &mut AppState, runner: &mut Runner) -> std::io::Result<bool> {
    let mut resized = false;
    loop {
        let event = event::read()?;
        resized |= matches!(event, Event::Resize(..));
        dispatch(state, runner, event);
        if state.quit || !event::poll(Duration::ZERO)? {
            return Ok(resized);
        }
    }
}

/// Asks whether another process committed since last time (this app's own saves, made
/// on the writer's connection, do not count: see `storage::changes`); if so, whether that
/// was a restore of the whole file (one small read of the room generation), and reloads
/// what is on screen. A file moved aside by a restore commits nothing more: that is asked
/// too (one look at the file's identity). True when the screen must be drawn again.
fn refresh(state: &mut AppState, runner: &mut Runner, poll: &mut ChangePoll) -> bool {
    let moved = runner.store().moved_aside();
    if !moved && !poll.foreign(runner.store()) {
        return false;
    }
    let action = runner.restore_noticed().unwrap_or(Action::DataChanged);
    poll.caught_up(runner.store());
    let effects = update(state, action);
    run_effects(state, runner, effects);
    true
}

fn dispatch(state: &mut AppState, runner: &mut Runner, event: Event) {
    for action in translate(event) {
        let effects = update(state, action);
        run_effects(state, runner, effects);
    }
}

/// Runs effects and their follow-ups until none is left.
fn run_effects(state: &mut AppState, runner: &mut Runner, effects: Vec<Effect>) {
    let mut queue = std::collections::VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        let now = state.zone.local(&chrono::Utc::now());
        let Some(result) = runner.perform(effect, &now) else {
            continue;
        };
        if let Action::Failed(failure) = &result {
            crate::log::error(&format!("storage: {}", failure.message));
        }
        queue.extend(update(state, result));
    }
}

/// A terminal event as actions (none for events the app does not use).
///
/// The app binds no Alt keys, and a terminal sends Alt+x as ESC followed by x — which is
/// also what Esc typed quickly before x looks like over a slow SSH link, where both keys
/// arrive in one packet. So Alt+x is read as the two keys the user most likely pressed.
pub fn translate(event: Event) -> Vec<Action> {
    match event {
        // Windows reports key releases too; only presses (and repeats) type.
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let Some(code) = key_code(key.code) else {
                return Vec::new();
            };
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            let code = match code {
                KeyCode::BackTab | KeyCode::Tab if key.modifiers.contains(KeyModifiers::SHIFT) => {
                    KeyCode::BackTab
                }
                // Ctrl-letters arrive lowercase or uppercase depending on the terminal.
                KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
                other => other,
            };
            let pressed = Action::Key(Key {
                code,
                ctrl,
                alt: false,
            });
            if key.modifiers.contains(KeyModifiers::ALT) && code != KeyCode::Esc {
                vec![Action::Key(Key::plain(KeyCode::Esc)), pressed]
            } else {
                vec![pressed]
            }
        }
        Event::Paste(text) => vec![Action::Paste(text)],
        Event::Resize(cols, rows) => vec![Action::Resize(crate::ui::screen(cols, rows))],
        _ => Vec::new(),
    }
}

fn key_code(code: event::KeyCode) -> Option<KeyCode> {
    Some(match code {
        event::KeyCode::Char(c) => KeyCode::Char(c),
        event::KeyCode::F(n) => KeyCode::F(n),
        event::KeyCode::Enter => KeyCode::Enter,
        event::KeyCode::Esc => KeyCode::Esc,
        event::KeyCode::Tab => KeyCode::Tab,
        event::KeyCode::BackTab => KeyCode::BackTab,
        event::KeyCode::Backspace => KeyCode::Backspace,
        event::KeyCode::Delete => KeyCode::Delete,
        event::KeyCode::Insert => KeyCode::Insert,
        event::KeyCode::Up => KeyCode::Up,
        event::KeyCode::Down => KeyCode::Down,
        event::KeyCode::Left => KeyCode::Left,
        event::KeyCode::Right => KeyCode::Right,
        event::KeyCode::Home => KeyCode::Home,
        event::KeyCode::End => KeyCode::End,
        event::KeyCode::PageUp => KeyCode::PageUp,
        event::KeyCode::PageDown => KeyCode::PageDown,
        _ => return None,
    })
}

/// Logs where a panic happened (not its message, which could hold a party's data) and
/// resets the colours. ratatui's hook, installed later, runs first and restores the rest of
/// the terminal; the reset still comes before the shell's prompt.
fn install_panic_log() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        plain_pen();
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        crate::log::error(&format!("panic at {place}"));
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEvent, KeyEventState};

    fn key(code: event::KeyCode, modifiers: KeyModifiers, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn keys_become_app_keys_and_releases_are_ignored() {
        let press = KeyEventKind::Press;
        let one = |k: Key| vec![Action::Key(k)];
        assert_eq!(
            translate(key(event::KeyCode::Char('张'), KeyModifiers::NONE, press)),
            one(Key::char('张'))
        );
        assert_eq!(
            translate(key(event::KeyCode::Char('S'), KeyModifiers::CONTROL, press)),
            one(Key::ctrl('s'))
        );
        assert_eq!(
            translate(key(event::KeyCode::Tab, KeyModifiers::SHIFT, press)),
            one(Key::plain(KeyCode::BackTab))
        );
        assert_eq!(
            translate(key(
                event::KeyCode::F(2),
                KeyModifiers::NONE,
                KeyEventKind::Release
            )),
            vec![]
        );
        assert_eq!(
            translate(Event::Paste("王\n秀".into())),
            vec![Action::Paste("王\n秀".into())]
        );
        assert_eq!(
            translate(Event::Resize(80, 24)),
            vec![Action::Resize(crate::ui::screen(80, 24))]
        );
    }

    #[test]
    fn esc_and_a_key_in_one_packet_are_two_keys_not_alt() {
        let actions = translate(key(
            event::KeyCode::Char('/'),
            KeyModifiers::ALT,
            KeyEventKind::Press,
        ));
        assert_eq!(
            actions,
            vec![
                Action::Key(Key::plain(KeyCode::Esc)),
                Action::Key(Key::char('/'))
            ]
        );
        let actions = translate(key(
            event::KeyCode::Esc,
            KeyModifiers::ALT,
            KeyEventKind::Press,
        ));
        assert_eq!(
            actions,
            vec![Action::Key(Key {
                code: KeyCode::Esc,
                ctrl: false,
                alt: false
            })]
        );
    }
}
