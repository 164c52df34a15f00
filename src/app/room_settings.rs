//! The room's settings beyond its profile, read with the room and edited on 设置: the time
//! limits, the places sessions are held in, the court the room's cases usually go to, how
//! the screen is drawn (ASCII lines, colours; the command line still wins), the daily
//! backups kept and the room's time zone. Stored as `key = value` room settings.

use super::form::{Choice, Field, Form};
use crate::domain::deadlines::Limits;
use crate::domain::follow_up::Place;
use crate::domain::zone::Zone;
use crate::i18n::t;
use crate::storage::ZONE_KEY;
use crate::storage::backup::KEEP_SETTING;

/// Setting keys of the display.
pub const ASCII_KEY: &str = "display.ascii";
/// Setting key of the colours (`auto`, `16`, `none`).
pub const COLOR_KEY: &str = "display.color";
/// Setting key of the room's usual court (`documents::forms::DEFAULT_COURT_KEY`).
pub use crate::documents::forms::DEFAULT_COURT_KEY;

/// Each limit's setting key (also its field id) and its label, in the order 设置 shows them.
pub const LIMIT_FIELDS: [(&str, &str); 7] = [
    ("limit.ordinary_days", "field.limit_ordinary_days"),
    ("limit.court_days", "field.limit_court_days"),
    (
        "limit.police_feedback_hours",
        "field.limit_police_feedback_hours",
    ),
    ("limit.petition_days", "field.limit_petition_days"),
    ("limit.confirmation_days", "field.limit_confirmation_days"),
    (
        "limit.first_follow_up_days",
        "field.limit_first_follow_up_days",
    ),
    ("limit.near_days", "field.limit_near_days"),
];

/// What the room has set (defaults where it has not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomSettings {
    /// Time limits.
    pub limits: Limits,
    /// Rooms and outside places, in the order the session form offers them.
    pub places: Vec<Place>,
    /// ASCII lines, if the room has said.
    pub ascii: Option<bool>,
    /// Colours (`auto`, `16`, `none`), if the room has said.
    pub color: Option<String>,
    /// How many daily backups to keep (`tiaojie backup --keep N` sets the same).
    pub backup_keep: usize,
    /// The room's time zone: times are typed, shown and compared in it.
    pub zone: Zone,
    /// The court the room's cases usually go to (司法确认), for a case that names none.
    pub default_court: String,
}

/// The fewest and most daily backups 设置 accepts.
pub const BACKUP_KEEP_RANGE: (u32, u32) = (1, 365);

impl Default for RoomSettings {
    fn default() -> Self {
        RoomSettings {
            limits: Limits::default(),
            places: Place::defaults(),
            ascii: None,
            color: None,
            backup_keep: crate::storage::backup::DEFAULT_KEEP,
            zone: Zone::default(),
            default_court: String::new(),
        }
    }
}

impl RoomSettings {
    /// The fields 设置 shows for these settings (after the profile and language).
    pub fn fields(&self) -> Vec<Field> {
        let mut out: Vec<Field> = vec![Field::text(
            "default_court",
            "field.default_court",
            &self.default_court,
        )];
        out.extend(LIMIT_FIELDS.iter().zip(self.limits.entries()).map(
            |((id, label), (_, value))| {
                Field::text(id, label, &value.to_string())
                    .whole()
                    .required()
            },
        ));
        out.push(Field::list("places", "field.places"));
        let choice = |code: &str, key: &str| Choice {
            code: code.to_string(),
            label: t(key).into_owned(),
        };
        out.push(Field::choice(
            "display_ascii",
            "field.display_ascii",
            vec![
                choice("off", "display.ascii_off"),
                choice("on", "display.ascii_on"),
            ],
            if self.ascii == Some(true) {
                "on"
            } else {
                "off"
            },
        ));
        out.push(Field::choice(
            "display_color",
            "field.display_color",
            vec![
                choice("auto", "display.color_auto"),
                choice("16", "display.color_16"),
                choice("none", "display.color_none"),
            ],
            self.color.as_deref().unwrap_or("auto"),
        ));
        out.push(
            Field::text(
                "backup_keep",
                "field.backup_keep",
                &self.backup_keep.to_string(),
            )
            .whole()
            .required(),
        );
        out.push(Field::text("time_zone", "field.time_zone", &self.zone.to_string()).required());
        out
    }
}

/// The settings as typed on 设置: the pairs to store, or the first wrong field (its id and
/// what to say) with the others left as they are.
pub fn read_settings(form: &Form) -> Result<Vec<(String, String)>, (&'static str, String)> {
    let mut pairs = Vec::new();
    for (id, _) in LIMIT_FIELDS {
        let text = form.value(id);
        let (low, high) = match id {
            "limit.near_days" => (0, 60),
            "limit.police_feedback_hours" => (1, 720),
            _ => (1, 3650),
        };
        match text.trim().parse::<u32>() {
            Ok(n) if (low..=high).contains(&n) => pairs.push((id.to_string(), n.to_string())),
            _ => {
                let said = crate::i18n::tf(
                    "err.settings.limit",
                    &[
                        ("value", &text),
                        ("low", &low.to_string()),
                        ("high", &high.to_string()),
                    ],
                );
                return Err((id, said));
            }
        }
    }
    if form.field("backup_keep").is_some() {
        let text = form.value("backup_keep");
        let (low, high) = BACKUP_KEEP_RANGE;
        match text.trim().parse::<u32>() {
            Ok(n) if (low..=high).contains(&n) => {
                pairs.push((KEEP_SETTING.to_string(), n.to_string()));
            }
            _ => {
                let said = crate::i18n::tf(
                    "err.settings.limit",
                    &[
                        ("value", &text),
                        ("low", &low.to_string()),
                        ("high", &high.to_string()),
                    ],
                );
                return Err(("backup_keep", said));
            }
        }
    }
    if form.field("time_zone").is_some() {
        let text = form.value("time_zone");
        match Zone::parse(&text) {
            Some(zone) => pairs.push((ZONE_KEY.to_string(), zone.to_string())),
            None => {
                let said = crate::i18n::tf("err.settings.zone", &[("value", text.trim())]);
                return Err(("time_zone", said));
            }
        }
    }
    if form.field("default_court").is_some() {
        let court = form.value("default_court").trim().to_string();
        pairs.push((DEFAULT_COURT_KEY.to_string(), court));
    }
    pairs.push((ASCII_KEY.to_string(), form.value("display_ascii")));
    pairs.push((COLOR_KEY.to_string(), form.value("display_color")));
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_whole_numbers_in_range_and_the_display_is_kept() {
        let settings = RoomSettings::default();
        let mut form = Form::new(settings.fields());
        let pairs = read_settings(&form).expect("defaults are valid");
        assert!(pairs.contains(&("limit.ordinary_days".into(), "30".into())));
        assert!(pairs.contains(&("limit.first_follow_up_days".into(), "15".into())));
        assert!(pairs.contains(&(ASCII_KEY.into(), "off".into())));
        assert!(pairs.contains(&(COLOR_KEY.into(), "auto".into())));
        form.set_text("limit.court_days", "十五");
        let (id, said) = read_settings(&form).expect_err("not a number");
        assert_eq!(id, "limit.court_days");
        assert!(said.contains("十五"), "{said}");
        form.set_text("limit.court_days", "15");
        form.set_text("limit.near_days", "0");
        form.set_choice("display_color", "none");
        let pairs = read_settings(&form).expect("valid");
        assert!(pairs.contains(&("limit.court_days".into(), "15".into())));
        assert!(pairs.contains(&(COLOR_KEY.into(), "none".into())));
        form.set_text("limit.ordinary_days", "0");
        assert!(read_settings(&form).is_err(), "a limit of no days");
    }

    #[test]
    fn the_default_court_is_kept_as_typed_without_the_spaces() {
        let settings = RoomSettings {
            default_court: "巴彦淖尔市临河区人民法院".into(),
            ..RoomSettings::default()
        };
        let mut form = Form::new(settings.fields());
        let pairs = read_settings(&form).expect("valid");
        let court = (
            DEFAULT_COURT_KEY.to_string(),
            "巴彦淖尔市临河区人民法院".to_string(),
        );
        assert!(pairs.contains(&court), "{pairs:?}");
        form.set_text("default_court", "  ");
        let pairs = read_settings(&form).expect("an empty court is allowed");
        assert!(pairs.contains(&(DEFAULT_COURT_KEY.to_string(), String::new())));
    }

    #[test]
    fn the_number_of_daily_backups_is_one_to_365() {
        let mut form = Form::new(RoomSettings::default().fields());
        let pairs = read_settings(&form).expect("defaults are valid");
        assert!(pairs.contains(&(KEEP_SETTING.into(), "30".into())));
        for bad in ["0", "366", "三十", "", "-1"] {
            form.set_text("backup_keep", bad);
            let (id, _) = read_settings(&form).expect_err(bad);
            assert_eq!(id, "backup_keep", "{bad}");
        }
        form.set_text("backup_keep", " 365 ");
        let pairs = read_settings(&form).expect("valid");
        assert!(pairs.contains(&(KEEP_SETTING.into(), "365".into())));
        form.set_text("backup_keep", "1");
        assert!(read_settings(&form).is_ok());
    }

    #[test]
    fn the_time_zone_is_an_offset_within_fourteen_hours_written_one_way() {
        let mut form = Form::new(RoomSettings::default().fields());
        assert_eq!(form.value("time_zone"), "+08:00", "Beijing time by default");
        let pairs = read_settings(&form).expect("defaults are valid");
        assert!(pairs.contains(&(ZONE_KEY.into(), "+08:00".into())));
        for bad in ["+15:00", "北京时间", "", "+08:75"] {
            form.set_text("time_zone", bad);
            let (id, said) = read_settings(&form).expect_err(bad);
            assert_eq!(id, "time_zone", "{bad}");
            assert!(
                said.contains("+08:00"),
                "the message shows the form: {said}"
            );
        }
        form.set_text("time_zone", "UTC-5:30");
        let pairs = read_settings(&form).expect("valid");
        assert!(pairs.contains(&(ZONE_KEY.into(), "-05:30".into())));
    }
}
