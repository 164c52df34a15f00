//! The editing keys of every one-line text field, in one table: form fields and the search
//! box edit alike (a long text adds Enter and the arrows between its lines on top).

use super::key::{Key, KeyCode};
use tui_input::InputRequest;

/// What `key` does to a line of text being edited; `None` if it is not an editing key.
pub fn line_request(key: Key) -> Option<InputRequest> {
    let request = match (key.code, key.ctrl) {
        (KeyCode::Char(c), false) if !key.alt && !c.is_control() => InputRequest::InsertChar(c),
        (KeyCode::Backspace, false) => InputRequest::DeletePrevChar,
        (KeyCode::Backspace, true) | (KeyCode::Char('w'), true) => InputRequest::DeletePrevWord,
        (KeyCode::Delete, _) => InputRequest::DeleteNextChar,
        (KeyCode::Left, false) => InputRequest::GoToPrevChar,
        (KeyCode::Right, false) => InputRequest::GoToNextChar,
        (KeyCode::Left, true) => InputRequest::GoToPrevWord,
        (KeyCode::Right, true) => InputRequest::GoToNextWord,
        (KeyCode::Home, _) | (KeyCode::Char('a'), true) => InputRequest::GoToStart,
        (KeyCode::End, _) | (KeyCode::Char('e'), true) => InputRequest::GoToEnd,
        (KeyCode::Char('u'), true) => InputRequest::DeleteFromStart,
        (KeyCode::Char('k'), true) => InputRequest::DeleteTillEnd,
        _ => return None,
    };
    Some(request)
}
