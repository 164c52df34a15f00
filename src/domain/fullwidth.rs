//! Full-width forms typed by Chinese input methods (１２３, Ｘ, ，) read as their ASCII twins,
//! so an ID number or amount typed in full-width mode is still understood.

/// Maps full-width ASCII forms (U+FF01..U+FF5E) to plain ASCII; other characters pass through.
pub fn halfwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::halfwidth;

    #[test]
    fn full_width_digits_letters_and_commas_become_ascii() {
        let typed: String = "１２３Ｘ，ａ王".chars().map(halfwidth).collect();
        assert_eq!(typed, "123X,a王");
    }
}
