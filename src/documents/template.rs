//! The fixed wording of every document — titles, labels, standard clauses, the text of
//! letters and notices — kept as data in `assets/templates/<name>.json` (embedded at
//! build time), never in code. A room may override any entry with a file of the same
//! name in its templates folder (`paths::templates_dir`); entries it leaves out keep the
//! built-in wording, so an override can be one line long.
//!
//! A template is a flat map of keys to text; `{name}` marks a place filled with case
//! data. Filling is one pass: what is inserted is never read again, so a party's text
//! that happens to contain `{…}` prints exactly as typed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The built-in templates: `common` holds what several forms share (party particulars,
/// the seal line); each other file belongs to one form.
const BUILTIN: &[(&str, &str)] = &[
    (
        "agreement",
        include_str!("../../assets/templates/agreement.json"),
    ),
    ("common", include_str!("../../assets/templates/common.json")),
    (
        "confirmation",
        include_str!("../../assets/templates/confirmation.json"),
    ),
    ("cover", include_str!("../../assets/templates/cover.json")),
    (
        "feedback",
        include_str!("../../assets/templates/feedback.json"),
    ),
    (
        "follow_up",
        include_str!("../../assets/templates/follow_up.json"),
    ),
    ("index", include_str!("../../assets/templates/index.json")),
    ("notice", include_str!("../../assets/templates/notice.json")),
    ("record", include_str!("../../assets/templates/record.json")),
    (
        "register",
        include_str!("../../assets/templates/register.json"),
    ),
];

/// A room's template file that could not be used (the built-in wording is used instead).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::i18n::tf("docs.err.template", &[("path", &path.display().to_string()), ("why", why)]))]
pub struct TemplateError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub why: String,
}

/// Every template, built-in wording with the room's overrides laid over it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Templates {
    files: BTreeMap<&'static str, BTreeMap<String, String>>,
}

impl Default for Templates {
    fn default() -> Self {
        Templates::builtin()
    }
}

impl Templates {
    /// The built-in wording only (what tests and a room without overrides use).
    pub fn builtin() -> Templates {
        let files = BUILTIN
            .iter()
            .map(|(name, json)| (*name, serde_json::from_str(json).unwrap_or_default()))
            .collect();
        Templates { files }
    }

    /// The built-in wording with the overrides found in `dir` (files named like the
    /// built-in ones). A file that cannot be read or is not a JSON object of texts is
    /// skipped and reported, so printing still works with the built-in wording.
    pub fn load(dir: Option<&Path>) -> (Templates, Vec<TemplateError>) {
        let mut templates = Templates::builtin();
        let mut errors = Vec::new();
        let Some(dir) = dir else {
            return (templates, errors);
        };
        for (name, entries) in &mut templates.files {
            let path = dir.join(format!("{name}.json"));
            if !path.is_file() {
                continue;
            }
            let parsed = std::fs::read_to_string(&path)
                .map_err(|e| e.to_string())
                .and_then(|text| {
                    serde_json::from_str::<BTreeMap<String, String>>(&text)
                        .map_err(|e| e.to_string())
                });
            match parsed {
                Ok(overrides) => entries.extend(overrides),
                Err(why) => errors.push(TemplateError { path, why }),
            }
        }
        (templates, errors)
    }

    /// The template of one form (`register`, `feedback`, …), falling back to `common`.
    pub fn form(&self, name: &str) -> Template<'_> {
        Template {
            own: self.files.get(name),
            common: self.files.get("common"),
        }
    }
}

/// One form's wording.
#[derive(Debug, Clone, Copy)]
pub struct Template<'a> {
    own: Option<&'a BTreeMap<String, String>>,
    common: Option<&'a BTreeMap<String, String>>,
}

impl Template<'_> {
    /// The text of `key` (the form's own, else the shared one). A key no template has
    /// comes back as itself in brackets, so a gap is visible on paper, never blank.
    pub fn text(&self, key: &str) -> String {
        self.own
            .and_then(|m| m.get(key))
            .or_else(|| self.common.and_then(|m| m.get(key)))
            .cloned()
            .unwrap_or_else(|| format!("〔{key}〕"))
    }

    /// The form's title.
    pub fn title(&self) -> String {
        self.text("title")
    }

    /// The text of `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(&self.text(key), values)
    }
}

/// Replaces each `{name}` in `text` whose name is in `values`, in one pass; unknown
/// names and lone braces stay as written.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_template_is_a_json_object_of_texts_and_each_form_has_a_title() {
        for (name, json) in BUILTIN {
            let parsed = serde_json::from_str::<BTreeMap<String, String>>(json);
            assert!(parsed.is_ok(), "{name}: {parsed:?}");
        }
        let t = Templates::builtin();
        for (name, _) in BUILTIN.iter().filter(|(n, _)| *n != "common") {
            assert!(
                !t.form(name).title().starts_with('〔'),
                "{name} has no title"
            );
        }
        assert_eq!(t.form("register").title(), "受理登记表");
        // The form's own entries first, then the shared ones.
        assert_eq!(t.form("register").text("party.name"), "姓名");
        assert_eq!(t.form("register").text("no.such.key"), "〔no.such.key〕");
    }

    #[test]
    fn filling_inserts_values_once_and_never_reads_them_again() {
        let values = [("name", "王{unit}"), ("unit", "派出所")];
        assert_eq!(fill("致{unit}：{name}", &values), "致派出所：王{unit}");
        assert_eq!(fill("{unknown} { 和 }", &values), "{unknown} { 和 }");
        assert_eq!(fill("尾部{", &values), "尾部{");
        assert_eq!(fill("", &values), "");
    }

    #[test]
    fn a_rooms_file_overrides_only_the_entries_it_has_and_a_bad_one_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("feedback.json"), r#"{"closing": "此复。"}"#).unwrap();
        std::fs::write(dir.path().join("register.json"), "not json").unwrap();
        let (t, errors) = Templates::load(Some(dir.path()));
        assert_eq!(t.form("feedback").text("closing"), "此复。");
        assert_eq!(t.form("feedback").title(), "调解结果反馈函");
        assert_eq!(t.form("register").title(), "受理登记表");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().contains("register.json"));
    }
}
