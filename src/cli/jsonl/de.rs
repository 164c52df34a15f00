//! Reads a parsed JSON value into the line structs so that every problem names its place
//! (`parties[1].role`) and is worded from the catalogue. serde_json's own deserializer
//! gives neither: its messages are English ("invalid type: string, expected u32") and
//! carry no field path. Only the errors differ; what is accepted is what serde accepts.

use crate::i18n::{t, tf};
use serde::Deserialize;
use serde::de::{
    self, DeserializeSeed, Expected, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor,
};
use serde_json::Value;
use std::fmt;

/// What is wrong with one line, and where in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    path: Vec<Step>,
    message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

impl FieldError {
    /// A problem found after reading (by the import checks), at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> FieldError {
        let path = path.into();
        let path = if path.is_empty() {
            Vec::new()
        } else {
            vec![Step::Key(path)]
        };
        FieldError {
            path,
            message: message.into(),
        }
    }

    /// Where: `status`, `parties[1].role`; empty for the line as a whole.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for step in &self.path {
            match step {
                Step::Key(k) if out.is_empty() => out.push_str(k),
                Step::Key(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }

    /// What is wrong, in plain words.
    pub fn message(&self) -> &str {
        &self.message
    }

    fn within(mut self, step: Step) -> FieldError {
        self.path.insert(0, step);
        self
    }

    fn plain(message: String) -> FieldError {
        FieldError {
            path: Vec::new(),
            message,
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path();
        if path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{path}：{}", self.message)
        }
    }
}

impl std::error::Error for FieldError {}

impl de::Error for FieldError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        FieldError::plain(tf("import.err.other", &[("cause", &msg.to_string())]))
    }

    fn invalid_type(found: Unexpected<'_>, expected: &dyn Expected) -> Self {
        let (expected, found) = (expected_text(expected), found_text(found));
        FieldError::plain(tf(
            "import.err.type",
            &[("expected", &expected), ("found", &found)],
        ))
    }

    fn invalid_value(found: Unexpected<'_>, expected: &dyn Expected) -> Self {
        let value = match found {
            Unexpected::Str(s) => s.to_string(),
            other => found_text(other),
        };
        FieldError::plain(tf(
            "import.err.value",
            &[("found", &value), ("expected", &expected_text(expected))],
        ))
    }

    fn invalid_length(len: usize, expected: &dyn Expected) -> Self {
        let found = crate::i18n::tn(
            "import.found.items",
            len as u64,
            &[("count", &len.to_string())],
        );
        FieldError::plain(tf(
            "import.err.type",
            &[("expected", &expected_text(expected)), ("found", &found)],
        ))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let allowed = expected.join(t("list.sep").as_ref());
        FieldError::plain(tf(
            "import.err.unknown_field",
            &[("field", field), ("allowed", &allowed)],
        ))
    }

    fn missing_field(field: &'static str) -> Self {
        FieldError::plain(tf("import.err.missing_field", &[("field", field)]))
    }

    fn duplicate_field(field: &'static str) -> Self {
        FieldError::plain(tf("import.err.duplicate_field", &[("field", field)]))
    }
}

/// serde names what it expected in English ("u32", "a boolean"); these are the ones a
/// line can meet. Our own readers (labels, dates, times) already speak the catalogue.
fn expected_text(expected: &dyn Expected) -> String {
    let raw = expected.to_string();
    let key = match raw.as_str() {
        "u8" | "u16" | "u32" | "u64" | "usize" => "import.expect.count",
        "i8" | "i16" | "i32" | "i64" | "isize" => "import.expect.integer",
        "a boolean" => "import.expect.bool",
        "a string" | "a borrowed string" => "import.expect.text",
        "a sequence" => "import.expect.list",
        s if s.starts_with("struct ") => "import.expect.object",
        _ => return raw,
    };
    t(key).into_owned()
}

fn found_text(found: Unexpected<'_>) -> String {
    match found {
        Unexpected::Bool(b) => b.to_string(),
        Unexpected::Unsigned(n) => n.to_string(),
        Unexpected::Signed(n) => n.to_string(),
        Unexpected::Float(n) => n.to_string(),
        Unexpected::Str(s) => tf("import.found.text", &[("text", s)]),
        Unexpected::Unit => "null".to_string(),
        Unexpected::Seq => t("import.found.list").into_owned(),
        Unexpected::Map => t("import.found.object").into_owned(),
        other => other.to_string(),
    }
}

/// Parses one line of text into `T`.
pub fn parse<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, FieldError> {
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(&e))?;
    if !value.is_object() {
        return Err(FieldError::plain(t("import.err.not_object").into_owned()));
    }
    T::deserialize(Node(&value))
}

fn syntax_error(e: &serde_json::Error) -> FieldError {
    let message = if e.is_eof() {
        t("import.err.incomplete").into_owned()
    } else {
        tf("import.err.syntax", &[("column", &e.column().to_string())])
    };
    FieldError::plain(message)
}

/// A JSON value seen through serde, with errors that know their path.
#[derive(Clone, Copy)]
struct Node<'a>(&'a Value);

impl<'de> de::Deserializer<'de> for Node<'_> {
    type Error = FieldError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (None, Some(i), _) => visitor.visit_i64(i),
                (None, None, f) => visitor.visit_f64(f.unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_str(s),
            Value::Array(items) => visitor.visit_seq(Items {
                items: items.iter().enumerate(),
            }),
            Value::Object(map) => visitor.visit_map(Fields {
                entries: map.iter(),
                pending: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, FieldError> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

struct Items<'a> {
    items: std::iter::Enumerate<std::slice::Iter<'a, Value>>,
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = FieldError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, FieldError> {
        match self.items.next() {
            Some((i, value)) => seed
                .deserialize(Node(value))
                .map(Some)
                .map_err(|e| e.within(Step::Index(i))),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Fields<'a> {
    entries: serde_json::map::Iter<'a>,
    pending: Option<(&'a str, &'a Value)>,
}

impl<'de> MapAccess<'de> for Fields<'_> {
    type Error = FieldError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, FieldError> {
        match self.entries.next() {
            Some((key, value)) => {
                self.pending = Some((key.as_str(), value));
                seed.deserialize(key.as_str().into_deserializer()).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, FieldError> {
        // serde always asks for a key before its value; without one there is nothing to read.
        static NOTHING: Value = Value::Null;
        let (key, value) = self.pending.take().unwrap_or(("", &NOTHING));
        seed.deserialize(Node(value))
            .map_err(|e| e.within(Step::Key(key.to_string())))
    }
}
