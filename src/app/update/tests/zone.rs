//! The room's time zone as the app holds it: read with the room, and the zone times are
//! typed in and today is read in from then on.

use super::*;
use crate::domain::zone::Zone;

#[test]
fn a_zone_saved_on_settings_is_the_zone_times_are_typed_in_and_today_is_read_again() {
    let mut s = started();
    assert_eq!(s.zone, Zone::beijing());
    let mut changed = room();
    changed.settings.zone = Zone::parse("-05:00").expect("valid");
    let effects = act(&mut s, Action::RoomLoaded(Box::new(changed)));
    assert_eq!(s.zone.to_string(), "-05:00");
    assert!(
        effects.iter().any(|e| matches!(e, Effect::LoadToday(_))),
        "今日 is read again: {effects:?}"
    );
    // The settings form shows it as stored.
    let form = s.settings.form.as_ref().expect("settings form");
    assert_eq!(form.value("time_zone"), "-05:00");
}
