//! Sheets as CSV: UTF-8 with a byte-order mark (without it Excel on Chinese Windows reads
//! the file as GBK and shows garbage), CRLF line ends, fields quoted where needed. Several
//! sheets follow one another, each after its title line and a blank line.

use super::Sheet;

/// The CSV text of `sheets`, BOM first.
pub fn csv_bytes(sheets: &[Sheet]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    for (i, sheet) in sheets.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        line(&mut out, std::slice::from_ref(&sheet.title));
        line(&mut out, &sheet.headers);
        for row in &sheet.rows {
            let cells: Vec<String> = row.iter().map(|c| c.text()).collect();
            line(&mut out, &cells);
        }
        for note in &sheet.notes {
            line(&mut out, std::slice::from_ref(note));
        }
    }
    out.into_bytes()
}

fn line(out: &mut String, fields: &[String]) {
    let quoted: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// A field quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or
/// `@` is prefixed with `'` so a spreadsheet never runs a party's text as a formula.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '@'])
        || (text.starts_with('-') && text.parse::<f64>().is_err())
    {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("说\"好\""), "\"说\"\"好\"\"\"");
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("-12.50"), "-12.50");
        assert_eq!(field("楼上漏水"), "楼上漏水");
    }
}
