//! A macro for the small closed enumerations of the domain (status, source, category …).
//! Each variant has an ASCII `code` (keys for translations and storage) and its official
//! Chinese `label` (what DOMAIN.md and the JSON Lines export use). Must not import UI or SQL.

/// Declares an enumeration with `ALL`, `code()`, `label()`, `from_code()`, `from_label()`
/// and serde as the Chinese label.
macro_rules! labelled_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => ($code:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every variant, in the official order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable ASCII code, used as a translation key and in the database.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The official Chinese label.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The variant with this ASCII code.
            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }

            /// The variant with this Chinese label.
            pub fn from_label(label: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.label() == label)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.label())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                Self::from_label(&text).ok_or_else(|| {
                    let allowed: Vec<&str> = Self::ALL.iter().map(|v| v.label()).collect();
                    serde::de::Error::custom(format!(
                        "「{}」不是有效的{}，可用：{}",
                        text,
                        stringify!($name),
                        allowed.join("、")
                    ))
                })
            }
        }
    };
}

pub(crate) use labelled_enum;
