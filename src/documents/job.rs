//! What a print job of a case's documents is called and how many copies it makes, for the
//! printing call (`printer`, `cli/print.rs`) to use: the job name carries the case number
//! and the form, so a shared printer's queue shows whose paper is coming out, and the
//! copies are what the document itself says (一式N份: parties + 1 for an agreement),
//! else the room's setting.

use super::model::Document;
use crate::domain::case::Case;

/// A print job's name and copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobTicket {
    /// The job name: "（2026）新人调字第12号 人民调解协议书".
    pub name: String,
    /// Copies of each page.
    pub copies: u32,
}

/// The ticket for printing `docs` of `case`; `room_copies` is the room's setting, used
/// when no document states its own number of copies. Control characters never reach the
/// name (it goes on a command line and into the printer's queue).
pub fn ticket(case: &Case, docs: &[Document], room_copies: u32) -> JobTicket {
    let number = case
        .number
        .as_ref()
        .map_or_else(|| format!("案件{}", case.id.0), |n| n.text.clone());
    let form = docs.first().map(|d| d.title.as_str()).unwrap_or_default();
    let name: String = format!("{number} {form}")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let stated = docs.iter().filter_map(|d| d.copies).max();
    let copies = stated.map_or(room_copies, |n| u32::try_from(n).unwrap_or(u32::MAX));
    JobTicket {
        name: name.trim().to_string(),
        copies: copies.clamp(1, 99),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::agreement::agreement_document;
    use crate::documents::fixtures::{case, org};
    use crate::documents::template::Templates;
    use crate::domain::agreement::Agreement;

    #[test]
    fn an_agreement_prints_one_copy_per_party_and_one_for_the_committee() {
        let c = case();
        let t = Templates::builtin();
        let a = Agreement::draft(&c, &["王芳".into()]);
        let doc = agreement_document(&c, &a, &org(), &t.form("agreement"));
        let job = ticket(&c, std::slice::from_ref(&doc), 1);
        assert_eq!(job.copies, 4);
        assert_eq!(job.name, "（2026）新人调字第12号 人民调解协议书");
        // A form that states no copies prints the room's number.
        let register = crate::documents::register::register_form(&c, &org(), &t.form("register"));
        assert_eq!(ticket(&c, &[register], 2).copies, 2);
        let mut unnumbered = c.clone();
        unnumbered.number = None;
        let mut odd = doc.clone();
        odd.title = "协议\u{1b}[2J书".into();
        let job = ticket(&unnumbered, &[odd], 1);
        assert_eq!(job.name, "案件7 协议[2J书");
    }
}
