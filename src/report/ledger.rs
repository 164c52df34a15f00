//! The case ledger (台账): one row per case, in the column order a paper ledger uses.
//! ID numbers and phones are masked unless the caller asks for them in full; an
//! organisation's credit code stands in its ID column; a party without one keeps its
//! place in the ID and phone columns, in line with the names. The notes say only what the
//! sheet is: how to get full numbers depends on where it was made, and its maker adds that.

use super::{Cell, Frame};
use crate::domain::agreement::AgreementKind;
use crate::domain::case::Case;
use crate::domain::id_card::mask_id;
use crate::domain::org::Mediator;
use crate::domain::party::PartyKind;
use crate::domain::phone::mask_phone;
use crate::domain::status::CaseStatus;
use crate::i18n::{label, t};

/// Column keys and widths (display cells), in ledger order.
const COLUMNS: &[(&str, u16)] = &[
    ("ledger.col.seq", 6),
    ("ledger.col.number", 26),
    ("ledger.col.received", 12),
    ("ledger.col.parties", 24),
    ("ledger.col.id_numbers", 22),
    ("ledger.col.phones", 16),
    ("ledger.col.category", 12),
    ("ledger.col.source", 8),
    ("ledger.col.facts", 40),
    ("ledger.col.mediators", 12),
    ("ledger.col.result", 12),
    ("ledger.col.closed", 12),
    ("ledger.col.amount", 12),
    ("ledger.col.persons", 8),
    ("ledger.col.agreement", 10),
];

/// The ledger's title: the room and the period of cases received.
pub fn ledger_title(room: &str, period: &crate::domain::stats::period::Period) -> String {
    crate::i18n::tf(
        "ledger.title",
        &[
            ("room", room),
            ("from", &period.from.to_string()),
            ("to", &period.to.to_string()),
        ],
    )
}

/// The ledger's frame: its title, headers and widths, and the note on masking.
pub fn ledger_frame(title: &str, unmasked: bool) -> Frame {
    let mut notes = Vec::new();
    if !unmasked {
        notes.push(t("ledger.note.masked").into_owned());
    }
    Frame {
        name: t("ledger.sheet").into_owned(),
        title: title.to_string(),
        headers: COLUMNS.iter().map(|(k, _)| t(k).into_owned()).collect(),
        widths: COLUMNS.iter().map(|(_, w)| *w).collect(),
        notes,
    }
}

/// The ledger's row of case `c`, number `seq` (from 1), with the form of its agreement
/// if it has one.
pub fn ledger_row(
    seq: usize,
    c: &Case,
    agreement: Option<AgreementKind>,
    mediators: &[Mediator],
    unmasked: bool,
) -> Vec<Cell> {
    let f = &c.fields;
    let sep = t("list.sep");
    let join = |items: Vec<String>| {
        items
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(sep.as_ref())
    };
    // One value per party, in the parties' order: a party without one keeps its place
    // with a placeholder, so the values stay beside their names (empty if none has one).
    let per_party = |items: Vec<String>| {
        if items.iter().all(String::is_empty) {
            return String::new();
        }
        let blank = t("ledger.blank");
        items
            .into_iter()
            .map(|s| if s.is_empty() { blank.to_string() } else { s })
            .collect::<Vec<_>>()
            .join(sep.as_ref())
    };
    let hide = |s: &str, mask: fn(&str) -> String| if unmasked { s.to_string() } else { mask(s) };
    let names = join(f.parties.iter().map(|p| p.name.clone()).collect());
    // A credit code is public (it is on the business licence), so it is never masked.
    let ids = per_party(
        f.parties
            .iter()
            .map(|p| match p.kind {
                PartyKind::Person => hide(&p.id_number, mask_id),
                PartyKind::Organisation => p.credit_code.clone(),
            })
            .collect(),
    );
    let phones = per_party(
        f.parties
            .iter()
            .map(|p| hide(&p.phone, mask_phone))
            .collect(),
    );
    let mediator_names = join(
        c.mediators
            .iter()
            .filter_map(|id| mediators.iter().find(|m| m.id == *id))
            .map(|m| m.name.clone())
            .collect(),
    );
    let category = match &f.category.local {
        Some(local) => local.clone(),
        None => label("category", f.category.national.code()).into_owned(),
    };
    let outcome = c.history.iter().rev().find(|h| {
        matches!(
            h.to,
            CaseStatus::Succeeded | CaseStatus::Terminated | CaseStatus::Rejected
        )
    });
    let result = match (c.status, outcome) {
        (CaseStatus::Archived, Some(o)) => format!(
            "{}（{}）",
            label("status", c.status.code()),
            label("status", o.to.code())
        ),
        _ => label("status", c.status.code()).into_owned(),
    };
    vec![
        Cell::Count(seq as u64),
        c.number
            .as_ref()
            .map_or(Cell::Empty, |n| Cell::Text(n.text.clone())),
        Cell::Date(f.received_on),
        Cell::Text(names),
        Cell::Text(ids),
        Cell::Text(phones),
        Cell::Text(category),
        Cell::Text(
            t(&format!(
                "stats.source.{}",
                crate::domain::stats::SourceGroup::of(f.source).code()
            ))
            .into_owned(),
        ),
        Cell::Text(f.facts.clone()),
        Cell::Text(mediator_names),
        Cell::Text(result),
        outcome.map_or(Cell::Empty, |o| Cell::Date(o.at.date_naive())),
        f.amount_fen.map_or(Cell::Empty, Cell::Money),
        // 0 is what a form left blank stores: no dispute involves nobody.
        match f.persons_involved {
            0 => Cell::Empty,
            n => Cell::Count(u64::from(n)),
        },
        agreement.map_or(Cell::Empty, |kind| {
            Cell::Text(label("agreement_kind", kind.code()).into_owned())
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::tests::support::{case, room};

    fn row_of(c: Case, unmasked: bool) -> Vec<Cell> {
        let mediators = room().mediators;
        ledger_row(1, &c, None, &mediators, unmasked)
    }

    fn column(row: &[Cell], key: &str) -> Cell {
        let i = COLUMNS.iter().position(|(k, _)| *k == key).unwrap();
        row[i].clone()
    }

    #[test]
    fn a_blank_persons_count_is_written_blank_not_zero() {
        crate::i18n::set_lang(crate::i18n::Lang::Zh);
        let mut c = case();
        c.fields.persons_involved = 0;
        assert_eq!(column(&row_of(c, false), "ledger.col.persons"), Cell::Empty);
        let mut c = case();
        c.fields.persons_involved = 3;
        assert_eq!(
            column(&row_of(c, false), "ledger.col.persons"),
            Cell::Count(3)
        );
    }

    #[test]
    fn an_organisations_credit_code_stands_in_the_id_column() {
        crate::i18n::set_lang(crate::i18n::Lang::Zh);
        // The fixture: 王秀兰 (a person) and 某某供热有限公司 with its credit code.
        assert_eq!(
            column(&row_of(case(), false), "ledger.col.id_numbers"),
            Cell::Text("110105********002X、91350100M000100Y43".into())
        );
    }

    #[test]
    fn id_and_phone_columns_keep_each_value_in_line_with_its_party() {
        crate::i18n::set_lang(crate::i18n::Lang::Zh);
        // 王秀兰 gave neither ID number nor phone: her place in both columns stays, so the
        // company's code and phone stay second, beside the company's name.
        let mut c = case();
        c.fields.parties[0].id_number.clear();
        c.fields.parties[0].phone.clear();
        let row = row_of(c, true);
        let blank = t("ledger.blank");
        assert_eq!(
            column(&row, "ledger.col.parties"),
            Cell::Text("王秀兰、某某供热有限公司".into())
        );
        assert_eq!(
            column(&row, "ledger.col.id_numbers"),
            Cell::Text(format!("{blank}、91350100M000100Y43"))
        );
        assert_eq!(
            column(&row, "ledger.col.phones"),
            Cell::Text(format!("{blank}、0478-8412345"))
        );
        // No party gave one: the cell is empty, not a row of placeholders.
        let mut c = case();
        for p in &mut c.fields.parties {
            p.phone.clear();
        }
        assert_eq!(
            column(&row_of(c, false), "ledger.col.phones"),
            Cell::Text(String::new())
        );
    }

    #[test]
    fn the_sheets_own_note_names_no_command_line_flag() {
        crate::i18n::set_lang(crate::i18n::Lang::Zh);
        let frame = ledger_frame("台账", false);
        assert!(!frame.notes.is_empty());
        assert!(
            frame.notes.iter().all(|n| !n.contains("--")),
            "{:?}",
            frame.notes
        );
        assert!(ledger_frame("台账", true).notes.is_empty());
    }
}
