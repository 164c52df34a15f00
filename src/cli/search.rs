//! `tiaojie search TEXT`: the cases the list's search finds, one per line, best first,
//! with ID numbers and phones masked (the command may be run where others can see).

use super::CliError;
use crate::domain::case::{Case, CaseQuery, CaseSort};
use crate::domain::id_card::mask_id;
use crate::domain::phone::mask_phone;
use crate::domain::user::{Role, User, case_scope};
use crate::i18n::{label, t, tf};
use crate::storage::Store;
use std::io::Write;

/// Writes the matches of `text` (at most `limit`) to `out`; returns how many match in all.
pub fn search_to(
    store: &Store,
    text: &str,
    limit: u64,
    out: &mut dyn Write,
) -> Result<u64, CliError> {
    search_as(store, text, limit, out, &User::new("", Role::Admin))
}

/// [`search_to`] as `viewer` may see it: a 登记员 finds only the cases they registered.
pub fn search_as(
    store: &Store,
    text: &str,
    limit: u64,
    out: &mut dyn Write,
    viewer: &User,
) -> Result<u64, CliError> {
    let Some(org) = store.organisation()? else {
        return Ok(0);
    };
    let query = CaseQuery {
        text: text.to_string(),
        sort: CaseSort::Received,
        descending: true,
        limit,
        registered_by: case_scope(viewer),
        ..Default::default()
    };
    let page = store.list_cases(org.id, &query)?;
    let write_err = |cause| CliError::Write {
        path: t("export.stdout").into_owned(),
        cause,
    };
    for row in &page.rows {
        let case = store.load_case(row.id)?;
        writeln!(out, "{}", line(&case)).map_err(write_err)?;
    }
    Ok(page.total)
}

/// One case: number, date received, status, category, parties with masked details.
/// Text from the database is cleaned of control characters before it is printed.
pub fn line(case: &Case) -> String {
    let number = case
        .number
        .as_ref()
        .map(|n| clean(&n.text))
        .unwrap_or_else(|| t("cli.search.unnumbered").into_owned());
    let parties: Vec<String> = case
        .fields
        .parties
        .iter()
        .map(|p| {
            let details: Vec<String> = [mask_id(&p.id_number), mask_phone(&p.phone)]
                .into_iter()
                .filter(|d| !d.is_empty())
                .collect();
            if details.is_empty() {
                clean(&p.name)
            } else {
                tf(
                    "cli.search.party",
                    &[
                        ("name", &clean(&p.name)),
                        ("details", &clean(&details.join(", "))),
                    ],
                )
            }
        })
        .collect();
    format!(
        "{number}  {}  {}  {}  {}",
        case.fields.received_on,
        label("status", case.status.code()),
        clean(&match &case.fields.category.local {
            Some(local) => local.clone(),
            None => label("category", case.fields.category.national.code()).into_owned(),
        }),
        parties.join(t("list.sep").as_ref())
    )
}

/// Control characters (a pasted escape sequence in a name) become spaces.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
