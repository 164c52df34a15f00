//! What the start of the app does once its first screen is up, and what it has to tell
//! the user before the first key: the day's backup is asked for only after the first
//! screen (it copies the whole file, which must never hold up the first screen); a backup
//! that failed, or audit triggers that were missing and made again when the file was
//! opened, are said on the status line, in plain words and with what to do, beside any
//! other start message.

use super::action::Effect;
use super::state::{AppState, StatusLine};
use crate::i18n::tf;

/// The first screen is drawn: now the day's backup may start (once per run).
pub fn first_drawn(state: &mut AppState) -> Vec<Effect> {
    if std::mem::replace(&mut state.backup_asked, true) {
        return Vec::new();
    }
    vec![Effect::DailyBackup]
}

/// The day's automatic backup failed with `cause`: say so on the status line.
pub fn backup_failed(state: &mut AppState, cause: &str) {
    say(state, tf("msg.backup_failed", &[("cause", cause)]));
}

/// Opening the file found audit triggers missing or altered and made them again (and
/// recorded that): somebody switched the audit off around the app, and the user must
/// hear of it.
pub fn audit_repaired(state: &mut AppState, found: &crate::storage::TriggerFindings) {
    let names: Vec<&str> = found
        .missing
        .iter()
        .chain(&found.altered)
        .map(String::as_str)
        .collect();
    let count = names.len().to_string();
    say(
        state,
        tf(
            "msg.audit_repaired",
            &[("count", &count), ("names", &names.join(", "))],
        ),
    );
}

/// Puts `said` on the status line as an error, before what was there.
fn say(state: &mut AppState, said: String) {
    let text = match state.status.take() {
        Some(before) if !before.text.is_empty() => format!("{said} {}", before.text),
        _ => said,
    };
    state.status = Some(StatusLine { text, error: true });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::Action;
    use crate::app::{start, update};
    use crate::i18n::{Lang, set_lang};
    use crate::ui::tests::support::{room, today};

    #[test]
    fn the_backup_is_asked_for_only_after_the_first_screen_and_once() {
        let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
        assert!(!start().contains(&Effect::DailyBackup));
        let mut before_drawing = update(&mut s, Action::RoomLoaded(Box::new(room())));
        before_drawing.extend(update(&mut s, Action::Today(today())));
        assert!(
            !before_drawing.contains(&Effect::DailyBackup),
            "{before_drawing:?}"
        );
        let after = update(&mut s, Action::FirstDrawn);
        assert_eq!(after.first(), Some(&Effect::DailyBackup), "{after:?}");
        assert_eq!(update(&mut s, Action::FirstDrawn), vec![]);
    }

    #[test]
    fn a_failed_backup_is_on_the_status_line_beside_what_the_start_said() {
        set_lang(Lang::Zh);
        let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
        s.status = Some(StatusLine {
            text: "模板有误".into(),
            error: true,
        });
        update(&mut s, Action::RoomLoaded(Box::new(room())));
        update(&mut s, Action::FirstDrawn);
        update(&mut s, Action::DailyBackupEnded(Err("磁盘已满".into())));
        let status = s.status.as_ref().expect("still said");
        assert!(status.error);
        assert!(status.text.contains("磁盘已满"), "{}", status.text);
        assert!(status.text.contains("备份"), "{}", status.text);
        assert!(status.text.contains("模板有误"), "{}", status.text);
    }

    #[test]
    fn audit_triggers_made_again_at_opening_are_said_with_their_names() {
        set_lang(Lang::Zh);
        let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
        let found = crate::storage::TriggerFindings {
            missing: vec!["audit_cases_update".into()],
            altered: vec!["audit_parties_insert".into()],
        };
        audit_repaired(&mut s, &found);
        let status = s.status.as_ref().expect("said");
        assert!(status.error);
        assert!(status.text.contains("2 个"), "{}", status.text);
        assert!(
            status
                .text
                .contains("audit_cases_update, audit_parties_insert"),
            "{}",
            status.text
        );
        assert!(status.text.contains("管理员"), "{}", status.text);
    }

    /// Started on a real file as the event loop starts: 今日's first part, then the rest
    /// near the top (a small room's alerts are on its first screen), though the drafts'
    /// offer marks 今日 to be read again on coming back while the rest is on its way.
    #[test]
    fn a_small_rooms_first_screen_holds_its_alerts() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("room.db");
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T09:00:00+08:00").unwrap();
        let mut store = crate::storage::Store::open(&db).unwrap();
        crate::cli::demo::fill_demo(&mut store, 5, 7, now).unwrap();
        let mut runner = crate::app::effects::Runner::new(
            crate::storage::Store::open(&db).unwrap(),
            "admin".into(),
        );
        let mut s = AppState::new(now.date_naive(), Lang::Zh, crate::ui::screen(80, 24));
        let mut queue: std::collections::VecDeque<Effect> = start().into();
        let mut asked = Vec::new();
        while let Some(effect) = queue.pop_front() {
            asked.push(effect.clone());
            if let Some(answer) = runner.perform(effect, &now) {
                queue.extend(update(&mut s, answer));
            }
        }
        assert!(
            asked.contains(&Effect::LoadTodayRest(now.date_naive())),
            "{asked:?}"
        );
        assert!(s.today_view.rest_read, "{asked:?}");
        let text = crate::ui::tests::support::screen(&s);
        assert!(text.contains("期限提醒"), "{text}");
    }

    #[test]
    fn a_backup_that_went_well_says_nothing() {
        let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
        update(&mut s, Action::RoomLoaded(Box::new(room())));
        update(&mut s, Action::DailyBackupEnded(Ok(())));
        assert_eq!(s.status, None);
    }
}
