//! The 56 officially recognised ethnic groups (民族) of China, in GB 3304-1991 code order.

/// Official names with the 族 suffix; index + 1 is the GB 3304 numeric code (汉族 = 01).
pub const ETHNIC_GROUPS: [&str; 56] = [
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
];

/// True only for an exact official name such as "蒙古族" (use `normalize_ethnic` for typed input).
#[must_use]
pub fn is_ethnic_group(s: &str) -> bool {
    ETHNIC_GROUPS.contains(&s)
}

/// The official name for typed input with or without 族 ("蒙古" → "蒙古族"), trimming whitespace.
#[must_use]
pub fn normalize_ethnic(s: &str) -> Option<&'static str> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // Compare whole names rather than prefixes: "土" must give 土族, never 土家族.
    ETHNIC_GROUPS
        .iter()
        .copied()
        .find(|name| *name == s || name.strip_suffix('族') == Some(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn fifty_six_distinct_names_all_ending_in_zu() {
        let distinct: HashSet<&str> = ETHNIC_GROUPS.iter().copied().collect();
        assert_eq!(distinct.len(), 56);
        for name in ETHNIC_GROUPS {
            assert!(name.ends_with('族'), "{name}");
            // Every name has at least one character before 族.
            assert!(name.chars().count() >= 2, "{name}");
        }
    }

    #[test]
    fn gb_3304_order_at_known_codes() {
        assert_eq!(ETHNIC_GROUPS[0], "汉族"); // 01
        assert_eq!(ETHNIC_GROUPS[1], "蒙古族"); // 02
        assert_eq!(ETHNIC_GROUPS[9], "朝鲜族"); // 10
        assert_eq!(ETHNIC_GROUPS[29], "土族"); // 30
        assert_eq!(ETHNIC_GROUPS[45], "德昂族"); // 46
        assert_eq!(ETHNIC_GROUPS[55], "基诺族"); // 56
    }

    #[test]
    fn exact_names_only() {
        assert!(is_ethnic_group("汉族"));
        assert!(is_ethnic_group("柯尔克孜族"));
        assert!(!is_ethnic_group("汉"));
        assert!(!is_ethnic_group(" 汉族"));
        assert!(!is_ethnic_group("穿青人"));
        assert!(!is_ethnic_group(""));
    }

    #[test]
    fn normalization() {
        assert_eq!(normalize_ethnic("蒙古"), Some("蒙古族"));
        assert_eq!(normalize_ethnic("蒙古族"), Some("蒙古族"));
        assert_eq!(normalize_ethnic(" 汉 "), Some("汉族"));
        assert_eq!(normalize_ethnic("维吾尔"), Some("维吾尔族"));
        assert_eq!(normalize_ethnic("土"), Some("土族"));
        assert_eq!(normalize_ethnic("土家"), Some("土家族"));
        assert_eq!(normalize_ethnic("水"), Some("水族"));
        assert_eq!(normalize_ethnic("族"), None);
        assert_eq!(normalize_ethnic(""), None);
        assert_eq!(normalize_ethnic("蒙"), None);
        assert_eq!(normalize_ethnic("汉族族"), None);
    }

    #[test]
    fn every_name_normalizes_with_and_without_suffix() {
        for name in ETHNIC_GROUPS {
            assert_eq!(normalize_ethnic(name), Some(name));
            let short = name.strip_suffix('族').unwrap();
            assert_eq!(normalize_ethnic(short), Some(name));
        }
    }
}
