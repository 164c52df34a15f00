//! The session form, the override step (the clashes, then the reason), the record, and
//! postponing or calling off a session, as dialogs.

use super::{Theme, small_form};
use crate::app::dialogs::follow_up::FollowUpForm;
use crate::app::dialogs::record::RecordForm;
use crate::app::dialogs::reschedule::{RescheduleForm, RescheduleKind};
use crate::app::dialogs::session::{OverrideForm, SessionForm};
use crate::i18n::t;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Scheduling a session.
pub fn form(frame: &mut Frame, area: Rect, s: &SessionForm, top: bool, theme: Theme) {
    let hint = t("dialog.session_hint");
    small_form(
        frame,
        area,
        &t("dialog.session_new"),
        &s.form,
        &hint,
        top,
        theme,
    );
}

/// The record of a session.
pub fn record(frame: &mut Frame, area: Rect, r: &RecordForm, top: bool, theme: Theme) {
    let hint = t("dialog.record_hint");
    small_form(
        frame,
        area,
        &t("dialog.record_title"),
        &r.form,
        &hint,
        top,
        theme,
    );
}

/// Postponing or calling off a session.
pub fn reschedule(frame: &mut Frame, area: Rect, r: &RescheduleForm, top: bool, theme: Theme) {
    let (title, hint) = match r.kind {
        RescheduleKind::Postpone => (t("dialog.postpone_title"), t("dialog.postpone_hint")),
        RescheduleKind::Cancel => (t("dialog.cancel_title"), t("dialog.cancel_hint")),
    };
    small_form(frame, area, &title, &r.form, &hint, top, theme);
}

/// Recording a follow-up visit.
pub fn follow_up(frame: &mut Frame, area: Rect, f: &FollowUpForm, top: bool, theme: Theme) {
    let hint = t("dialog.follow_up_hint");
    small_form(
        frame,
        area,
        &t("dialog.follow_up_title"),
        &f.form,
        &hint,
        top,
        theme,
    );
}

/// A refused booking: what it clashes with, and the reason to book anyway.
pub fn override_reason(frame: &mut Frame, area: Rect, o: &OverrideForm, top: bool, theme: Theme) {
    let clashes: Vec<String> = o
        .clashes
        .iter()
        .map(|c| format!("· {}", crate::ui::text::clean(c)))
        .collect();
    let hint = format!("{}\n{}", clashes.join("\n"), t("dialog.override_hint"));
    small_form(
        frame,
        area,
        &t("dialog.override_title"),
        &o.form,
        &hint,
        top,
        theme,
    );
}
