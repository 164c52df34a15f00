//! What the search index holds and how a typed query is read: pinyin keys of party names
//! (initials `zs` and full `zhangsan`, surnames read as surnames; each part of a dotted
//! name and each word of an organisation's name too), the one- and two-character
//! grams that answer queries too short for the trigram index, the query's terms, and
//! which options of a choice list answer what is typed to narrow it.
//! Pure: storage writes and queries these values.

use pinyin::ToPinyin;
use std::collections::BTreeSet;

/// Surnames whose reading as a surname differs from the character's default reading in the
/// pinyin table (曾 ceng → zeng, 单 dan → shan …). Both readings are indexed, so a user who
/// types the everyday reading still finds the name.
const SURNAMES: &[(char, &str)] = &[
    ('曾', "zeng"),
    ('单', "shan"),
    ('仇', "qiu"),
    ('区', "ou"),
    ('覃', "qin"),
    ('查', "zha"),
    ('解', "xie"),
    ('朴', "piao"),
    ('盖', "ge"),
    ('繁', "po"),
    ('尉', "yu"),
    ('乐', "yue"),
    ('召', "shao"),
    ('种', "chong"),
    ('秘', "bi"),
    ('员', "yun"),
    ('缪', "miao"),
    ('宓', "mi"),
    ('冼', "xian"),
    ('长', "zhang"),
];

/// Past this many readings of one name, further combinations are dropped (only the first
/// character has two, so this only guards against odd input).
const MAX_READINGS: usize = 12;

/// The marks that join the parts of a transliterated name (额尔德木图·巴特尔): people use
/// the part they know (巴特尔), so each part is searchable on its own.
const NAME_DOTS: &[char] = &['·', '・', '•', '‧', '∙', '．', '.', '-', '－'];

/// Pinyin keys of a party's name as search matches them (by prefix): those of the whole
/// name, and for a person those of each part of a dotted name, and for an organisation
/// those of the name from each of its characters on. An organisation's name has no
/// separators between its words (巴彦淖尔市恒泰供热有限公司), so every place a word can
/// start is indexed: `hengtai` and `htgr` then find it as a prefix.
pub fn name_keys(name: &str, organisation: bool) -> Vec<String> {
    let mut out: BTreeSet<String> = pinyin_keys(name).into_iter().collect();
    if organisation {
        let chars: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
        for start in 1..chars.len() {
            // A word inside a name is not a surname: read each character as it is.
            out.extend(keys_of(chars[start..].iter().copied(), false));
        }
    } else if name.contains(NAME_DOTS) {
        for part in name.split(NAME_DOTS) {
            out.extend(pinyin_keys(part));
        }
    }
    out.into_iter().collect()
}

/// Pinyin keys of one name: every initials string and every full spelling, lower case,
/// `ü` written `v` as on a keyboard. Characters without pinyin (Latin letters, digits) are
/// kept as they are; anything else is skipped.
pub fn pinyin_keys(name: &str) -> Vec<String> {
    keys_of(name.chars().filter(|c| !c.is_whitespace()), true)
}

/// The keys of the characters `chars`, the first read also as a surname if `surname`.
fn keys_of(chars: impl Iterator<Item = char>, surname: bool) -> Vec<String> {
    let mut readings: Vec<(String, String)> = vec![(String::new(), String::new())];
    for (i, c) in chars.enumerate() {
        let options = char_readings(c, surname && i == 0);
        if options.is_empty() {
            continue;
        }
        let mut next = Vec::new();
        for (ini, full) in &readings {
            for o in &options {
                if next.len() >= MAX_READINGS {
                    break;
                }
                let first = o.chars().next().map(String::from).unwrap_or_default();
                next.push((format!("{ini}{first}"), format!("{full}{o}")));
            }
        }
        readings = next;
    }
    let mut out = BTreeSet::new();
    for (ini, full) in readings {
        if !ini.is_empty() {
            out.insert(ini);
            out.insert(full);
        }
    }
    out.into_iter().collect()
}

/// The readings of one character: its everyday reading, and for the first character of a
/// name also its reading as a surname. Other heteronyms are left out: the table lists rare
/// readings (明 meng, 邓 shan …) that would make `smx` find 邓明轩.
fn char_readings(c: char, first: bool) -> Vec<String> {
    if c.is_ascii_alphanumeric() {
        return vec![c.to_ascii_lowercase().to_string()];
    }
    let mut out = Vec::new();
    if first && let Some((_, reading)) = SURNAMES.iter().find(|(s, _)| *s == c) {
        out.push((*reading).to_string());
    }
    if let Some(p) = c.to_pinyin() {
        let plain = p.plain().replace('ü', "v");
        if !out.contains(&plain) {
            out.push(plain);
        }
    }
    out
}

/// The distinct one- and two-character grams of `text`, lower case, separated by spaces,
/// for the index that answers one- and two-character queries. Whitespace and punctuation
/// end a run, so grams never join two words.
pub fn short_grams(texts: &[&str]) -> String {
    // Grams as pairs of chars ('\0' for none), sorted and deduplicated: in code point
    // order, which is the order of their UTF-8 text, without a String per gram (this
    // runs for every case an import or the demo writes).
    let mut grams: Vec<(char, char)> = Vec::new();
    let mut chars: Vec<char> = Vec::new();
    for text in texts {
        chars.clear();
        chars.extend(text.chars().flat_map(char::to_lowercase));
        for (i, c) in chars.iter().enumerate() {
            if !c.is_alphanumeric() {
                continue;
            }
            grams.push((*c, '\0'));
            if let Some(n) = chars.get(i + 1).filter(|n| n.is_alphanumeric()) {
                grams.push((*c, *n));
            }
        }
    }
    grams.sort_unstable();
    grams.dedup();
    let mut out = String::with_capacity(grams.len() * 7);
    for (c, n) in grams {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(c);
        if n != '\0' {
            out.push(n);
        }
    }
    out
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The word, lower case.
    pub text: String,
    /// Its length in characters (the trigram index needs three).
    pub chars: usize,
    /// Only Latin letters: may also be pinyin of a name.
    pub maybe_pinyin: bool,
}

/// Splits a query into words (spaces, full-width spaces, commas); every word must match.
/// A word with no letter or digit (only punctuation) is dropped: it matches nothing useful.
pub fn terms(query: &str) -> Vec<Term> {
    query
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            let text: String = w.chars().flat_map(char::to_lowercase).collect();
            Term {
                chars: text.chars().count(),
                maybe_pinyin: text.chars().all(|c| c.is_ascii_lowercase()),
                text,
            }
        })
        .collect()
}

/// True when a short word should be looked up as a gram: only letters and digits (a gram
/// never holds punctuation, so 「号」 or 「12」 work but 「-1」 is read as 「1」).
pub fn gram_of(term: &Term) -> String {
    term.text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether the option `label` of a choice list answers `typed`, typed to narrow the list:
/// the label contains the text (Latin letters in either case), or the pinyin of the label
/// (initials or full, as a name's: each part of a dotted name too) starts with it —
/// `gr` and `gongre` find 供热（物业）, `bte` finds 额尔德木图·巴特尔. Nothing typed: every
/// option answers.
pub fn choice_matches(label: &str, typed: &str) -> bool {
    let typed: String = typed
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if typed.is_empty() {
        return true;
    }
    let plain: String = label
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if plain.contains(&typed) {
        return true;
    }
    typed.chars().all(|c| c.is_ascii_alphanumeric())
        && name_keys(label, false)
            .iter()
            .any(|key| key.starts_with(&typed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_answers_its_text_or_the_start_of_its_pinyin() {
        // 供热 was fourteen presses of ↓ away from 邻里.
        for typed in ["gr", "GR", "gong", "gongre", "grwy", "供热", "热", "物业"] {
            assert!(choice_matches("供热（物业）", typed), "{typed}");
        }
        for typed in ["wy", "re", "ll", "供暖", "g r x"] {
            assert!(!choice_matches("供热（物业）", typed), "{typed}");
        }
        assert!(choice_matches("邻里", "ll") && choice_matches("邻里", "linli"));
        assert!(choice_matches("邻里", "") && choice_matches("邻里", " "));
        // Names as names: each part of a dotted name, a surname's own reading.
        assert!(choice_matches("额尔德木图·巴特尔", "bte"));
        assert!(choice_matches("曾小红", "zxh"));
        // Latin labels by their letters, in either case.
        assert!(choice_matches("English", "eng") && choice_matches("English", "LISH"));
        assert!(!choice_matches("中文", "en"));
    }

    #[test]
    fn names_have_initials_and_full_pinyin() {
        let keys = pinyin_keys("张三");
        assert!(keys.contains(&"zs".to_string()), "{keys:?}");
        assert!(keys.contains(&"zhangsan".to_string()), "{keys:?}");
        let keys = pinyin_keys("王秀兰");
        assert!(keys.contains(&"wxl".to_string()), "{keys:?}");
        assert!(keys.contains(&"wangxiulan".to_string()), "{keys:?}");
    }

    #[test]
    fn surnames_are_read_as_surnames() {
        for (name, initials, full) in [
            ("曾国强", "zgq", "zengguoqiang"),
            ("单立新", "slx", "shanlixin"),
            ("仇建", "qj", "qiujian"),
            ("区志明", "ozm", "ouzhiming"),
            ("覃海", "qh", "qinhai"),
            ("查文", "zw", "zhawen"),
            ("解放", "xf", "xiefang"),
            ("朴成", "pc", "piaocheng"),
            ("吕丽", "ll", "lvli"),
        ] {
            let keys = pinyin_keys(name);
            assert!(keys.contains(&initials.to_string()), "{name}: {keys:?}");
            assert!(keys.contains(&full.to_string()), "{name}: {keys:?}");
        }
    }

    #[test]
    fn each_part_of_a_dotted_name_has_its_own_keys() {
        let keys = name_keys("额尔德木图·巴特尔", false);
        for key in ["eedmt", "eedmtbte", "bte", "bateer", "eerdemutu"] {
            assert!(keys.contains(&key.to_string()), "{key}: {keys:?}");
        }
        // An undotted person's name is keyed from its start only, as before.
        assert_eq!(name_keys("王秀兰", false), pinyin_keys("王秀兰"));
    }

    #[test]
    fn each_word_of_an_organisation_is_a_key_prefix() {
        let keys = name_keys("巴彦淖尔市恒泰供热有限公司", true);
        for prefix in ["hengtai", "htgr", "gongre", "bynes", "bayannaoer"] {
            assert!(
                keys.iter().any(|k| k.starts_with(prefix)),
                "{prefix}: {keys:?}"
            );
        }
        // 区 inside a name is qu, not the surname ou.
        let keys = name_keys("临河区长城物业", true);
        assert!(keys.iter().any(|k| k.starts_with("qu")), "{keys:?}");
        assert!(!keys.iter().any(|k| k.starts_with("ou")), "{keys:?}");
    }

    #[test]
    fn readings_are_capped_and_latin_is_kept() {
        assert!(pinyin_keys("长乐行重传").len() <= 2 * MAX_READINGS);
        assert!(pinyin_keys("ABC公司").contains(&"abcgs".to_string()));
        assert_eq!(pinyin_keys("邓明轩"), ["dengmingxuan", "dmx"]);
        assert!(pinyin_keys("").is_empty());
    }

    #[test]
    fn grams_are_distinct_and_stop_at_punctuation() {
        assert_eq!(short_grams(&["漏水，漏"]), "水 漏 漏水");
        assert_eq!(short_grams(&["A1"]), "1 a a1");
    }

    proptest::proptest! {
        /// The grams come out exactly as a sorted set of strings would give them (the
        /// index written before this version was made that way).
        #[test]
        fn grams_match_a_sorted_set_of_strings(texts in proptest::collection::vec("[a-zA-Z0-9 ，、漏水楼上张三é\u{1F600}İ]{0,12}", 0..4)) {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let mut set = BTreeSet::new();
            for text in &refs {
                let chars: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
                for (i, c) in chars.iter().enumerate().filter(|(_, c)| c.is_alphanumeric()) {
                    set.insert(c.to_string());
                    if let Some(n) = chars.get(i + 1).filter(|n| n.is_alphanumeric()) {
                        set.insert(format!("{c}{n}"));
                    }
                }
            }
            let expected = set.into_iter().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(short_grams(&refs), expected);
        }
    }

    #[test]
    fn queries_split_into_terms() {
        let t = terms(" wxl  漏水，2026 -- ");
        let words: Vec<_> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, ["wxl", "漏水", "2026"]);
        assert!(t[0].maybe_pinyin && !t[1].maybe_pinyin && !t[2].maybe_pinyin);
        assert_eq!(t[1].chars, 2);
    }
}
