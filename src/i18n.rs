//! The user's language: every user-facing string comes from one catalogue per language
//! (`assets/i18n/*.json`, embedded at build time). Pure data, no terminal, no SQL.
//!
//! The language is per thread, so snapshot tests in Chinese and English can run side by
//! side; the app sets it once at start.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    /// 中文 (default).
    #[default]
    #[serde(rename = "zh")]
    Zh,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Parses `zh` / `en` (as on the command line and in settings).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "cn" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

const ZH: &str = include_str!("../assets/i18n/zh.json");
const EN: &str = include_str!("../assets/i18n/en.json");

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::Zh) };
    static ASCII: Cell<bool> = const { Cell::new(false) };
}

/// Sets whether this thread's texts name arrow keys in ASCII (`--ascii`): while a frame is
/// drawn in that mode, `↑` reads `Up` and `←` reads `<-`. One cell cannot hold `<-`, so
/// this is done where the text is made, not on the drawn screen; and `^`/`v` are never used,
/// because `v` is a key of its own (记录回访).
pub fn set_ascii(on: bool) {
    ASCII.with(|c| c.set(on));
}

/// Whether arrows are named in ASCII (see [`set_ascii`]).
pub fn ascii() -> bool {
    ASCII.with(|c| c.get())
}

/// `text` with the arrow keys named in ASCII when [`ascii`] is on; else unchanged.
pub fn arrows(text: &str) -> Cow<'_, str> {
    if !ascii() || !text.contains(['↑', '↓', '←', '→']) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.replace("↑↓", "Up/Down")
            .replace("←→", "<-/->")
            .replace('↑', "Up")
            .replace('↓', "Down")
            .replace('←', "<-")
            .replace('→', "->"),
    )
}

/// Sets the language of this thread's messages.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The language of this thread's messages.
pub fn lang() -> Lang {
    CURRENT.with(|c| c.get())
}

fn catalogue(lang: Lang) -> &'static HashMap<String, String> {
    static ZH_MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    static EN_MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    let (cell, text) = match lang {
        Lang::Zh => (&ZH_MAP, ZH),
        Lang::En => (&EN_MAP, EN),
    };
    // The catalogues are checked by tests; a broken one must still not stop the app,
    // so it degrades to showing keys.
    cell.get_or_init(|| serde_json::from_str(text).unwrap_or_default())
}

/// The text for `key` in the current language (Chinese if only that has it); the key
/// itself if it is missing, so a gap shows on screen and in tests instead of a blank.
pub fn t(key: &str) -> Cow<'static, str> {
    let text = catalogue(lang())
        .get(key)
        .or_else(|| catalogue(Lang::Zh).get(key))
        .map(|s| s.as_str());
    match text {
        Some(s) => match arrows(s) {
            Cow::Borrowed(s) => Cow::Borrowed(s),
            Cow::Owned(s) => Cow::Owned(s),
        },
        None => Cow::Owned(key.to_string()),
    }
}

/// The short form of `key` for the key bar (`key.….short`, where a description is too
/// long to leave room for the other keys at 80 columns), else the text itself.
pub fn t_short(key: &str) -> Cow<'static, str> {
    let short = format!("{key}.short");
    match catalogue(lang()).get(&short) {
        Some(s) => match arrows(s) {
            Cow::Borrowed(s) => Cow::Borrowed(s),
            Cow::Owned(s) => Cow::Owned(s),
        },
        None => t(key),
    }
}

/// The display name of a domain enumeration value, e.g. `label("status", "accepted")`.
pub fn label(kind: &str, code: &str) -> Cow<'static, str> {
    t(&format!("{kind}.{code}"))
}

/// The text for `key` with each `{name}` replaced by its value. A value that ends a
/// sentence of its own (another program's words: `No default destination.`) loses its
/// final mark where the text puts one right after it, so it never reads `.。`.
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    let mut out = t(key).to_string();
    for (name, value) in args {
        let slot = format!("{{{name}}}");
        let trimmed = value.trim_end_matches(SENTENCE_ENDS);
        if trimmed.len() == value.len() {
            out = out.replace(&slot, value);
            continue;
        }
        let mut next = String::with_capacity(out.len() + value.len());
        let mut rest = out.as_str();
        while let Some(at) = rest.find(&slot) {
            next.push_str(&rest[..at]);
            rest = &rest[at + slot.len()..];
            let followed_by_a_mark = rest.starts_with(SENTENCE_ENDS);
            next.push_str(if followed_by_a_mark { trimmed } else { value });
        }
        next.push_str(rest);
        out = next;
    }
    out
}

/// Marks that end a sentence or clause, in Chinese and in ASCII.
const SENTENCE_ENDS: &[char] = &['。', '.', '！', '!', '，', ',', '；', ';', '：', ':'];

/// [`tf`] for a text that counts `n` of something: English says "1 day", not "1 days", so
/// a catalogue may hold the singular under `key.one` (Chinese needs none and has none).
pub fn tn(key: &str, n: u64, args: &[(&str, &str)]) -> String {
    let one = format!("{key}.one");
    if n == 1 && catalogue(lang()).contains_key(&one) {
        tf(&one, args)
    } else {
        tf(key, args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(text: &str) -> BTreeSet<String> {
        let map: HashMap<String, String> =
            serde_json::from_str(text).expect("catalogue is valid JSON");
        map.into_keys().collect()
    }

    #[test]
    fn both_catalogues_parse_and_have_the_same_keys() {
        let zh = keys(ZH);
        let en = keys(EN);
        let only_zh: Vec<_> = zh.difference(&en).collect();
        // English singulars (`key.one`, see `tn`) have no Chinese twin; their base key must.
        let only_en: Vec<_> = en
            .difference(&zh)
            .filter(|k| !k.strip_suffix(".one").is_some_and(|base| zh.contains(base)))
            .collect();
        assert!(
            only_zh.is_empty() && only_en.is_empty(),
            "only zh: {only_zh:?}; only en: {only_en:?}"
        );
    }

    #[test]
    fn every_key_the_code_names_exists() {
        let zh = keys(ZH);
        let mut missing = Vec::new();
        visit(
            std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
            &mut |text| {
                for call in ["t(\"", "tf(\"", "tn(\""] {
                    for (i, _) in text.match_indices(call) {
                        let rest = &text[i + call.len()..];
                        let Some(end) = rest.find('"') else { continue };
                        let key = &rest[..end];
                        let preceded_by_ident = text[..i]
                            .chars()
                            .last()
                            .is_some_and(|c| c.is_alphanumeric() || c == '_');
                        if !preceded_by_ident && key.contains('.') && !zh.contains(key) {
                            missing.push(key.to_string());
                        }
                    }
                }
            },
        );
        missing.sort();
        missing.dedup();
        assert!(
            missing.is_empty(),
            "keys used in src but missing in zh.json: {missing:?}"
        );
    }

    fn visit(dir: &std::path::Path, f: &mut dyn FnMut(&str)) {
        for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                visit(&path, f);
            } else if path.extension().is_some_and(|e| e == "rs") {
                f(&std::fs::read_to_string(&path).expect("source is UTF-8"));
            }
        }
    }

    /// Issue 14: `打印没有成功：“lp”说：No default destination.。`
    #[test]
    fn another_programs_words_do_not_double_the_full_stop() {
        set_lang(Lang::Zh);
        let text = tf(
            "print.err.refused",
            &[
                ("command", "lp"),
                ("why", "lp: Error - No default destination."),
                ("path", "/tmp/a.pdf"),
            ],
        );
        assert!(text.contains("No default destination。"), "{text}");
        assert!(!text.contains(".。"), "{text}");
        // A value whose mark is not followed by one keeps it; a path keeps its dots.
        let text = tf(
            "err.db.open",
            &[("path", "/tmp/a.db"), ("cause", "disk I/O error")],
        );
        assert!(text.contains("/tmp/a.db：disk I/O error。"), "{text}");
    }

    #[test]
    fn ascii_mode_names_arrows_without_using_keys() {
        set_ascii(true);
        assert_eq!(arrows("←/→ 换日期，↑↓ 选择"), "<-/-> 换日期，Up/Down 选择");
        assert_eq!(t("form.choice_hint"), "<-/-> 换一个，Enter 看全部");
        set_ascii(false);
        assert_eq!(t("form.choice_hint"), "←→ 换一个，Enter 看全部");
    }

    #[test]
    fn english_counts_say_one_day_not_one_days() {
        set_lang(Lang::En);
        let say = |n: u64| tn("urgency.near", n, &[("n", &n.to_string())]);
        assert_eq!(
            (say(1), say(2), say(0)),
            (
                "1 day left".into(),
                "2 days left".into(),
                "0 days left".into()
            )
        );
        set_lang(Lang::Zh);
        assert_eq!(say(1), "还剩1天");
    }

    #[test]
    fn language_is_per_thread_and_falls_back_to_the_key() {
        set_lang(Lang::En);
        assert_eq!(lang(), Lang::En);
        let missing = ["no", "such", "key"].join(".");
        assert_eq!(t(&missing), missing);
        std::thread::spawn(|| assert_eq!(lang(), Lang::Zh))
            .join()
            .expect("thread ran");
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }
}
