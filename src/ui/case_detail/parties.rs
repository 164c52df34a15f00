//! The parties on the case detail: one small block per party. A person shows what the
//! agreement needs (sex, 民族, birth date, occupation, phone, address) and the ID number
//! masked — the full number is not shown on screen (个人信息保护法; DOMAIN.md §5).
//! An organisation shows its credit code and 法定代表人 with 职务; an agent whom they act for.

use super::{Value, grid, plain};
use crate::domain::id_card::mask_id;
use crate::domain::party::{Party, PartyKind};
use crate::i18n::{label, t, tf};
use crate::ui::text::clean;
use crate::ui::theme::Theme;
use crate::ui::wrap::wrap;
use ratatui::text::Line;
use std::borrow::Cow;

/// The heading with the number of parties, then each party's block.
pub(super) fn section(out: &mut Vec<Line<'static>>, parties: &[Party], w: usize, theme: Theme) {
    let n = parties.len().to_string();
    let none = parties.is_empty().then(|| t("field.unknown"));
    super::section_heading(
        out,
        tf("detail.parties", &[("n", &n)]),
        none.as_deref(),
        w,
        theme,
    );
    for (i, party) in parties.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        let mut head = vec![
            ("  ".to_string(), theme.text()),
            (label("role", party.role.code()).into_owned(), theme.frame()),
            ("  ".to_string(), theme.text()),
            (clean(&party.name).into_owned(), theme.header()),
        ];
        if party.kind == PartyKind::Organisation {
            let kind = label("kind", party.kind.code());
            head.push((tf("detail.kind_note", &[("kind", &kind)]), theme.dim()));
        }
        out.extend(wrap(&head, w, 4));
        let mut rows = rows(party, theme);
        if let Some(to) = party
            .acts_for
            .and_then(|to| parties.get(to).map(|p| (to, p)))
        {
            let principal = crate::app::party_choices::party_label(to.0, to.1);
            rows.insert(0, (t("field.acts_for"), plain(&principal, theme)));
        }
        grid(out, &rows, 4, w, theme);
    }
}

fn rows(party: &Party, theme: Theme) -> Vec<(Cow<'static, str>, Value)> {
    let mut rows = Vec::new();
    match party.kind {
        PartyKind::Person => {
            let sex = party
                .sex
                .map(|s| label("sex", s.code()).into_owned())
                .unwrap_or_default();
            let birth = party
                .birth_date
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            rows.extend([
                (t("field.sex"), plain(&sex, theme)),
                (t("field.ethnicity"), plain(&party.ethnicity, theme)),
                (t("field.birth_date"), plain(&birth, theme)),
                (
                    t("field.id_number"),
                    plain(&mask_id(&clean(&party.id_number)), theme),
                ),
                (t("field.occupation"), plain(&party.occupation, theme)),
            ]);
        }
        PartyKind::Organisation => rows.extend([
            (t("field.credit_code"), plain(&party.credit_code, theme)),
            (t("field.legal_rep"), plain(&party.legal_rep, theme)),
            (
                t("field.legal_rep_title"),
                plain(&party.legal_rep_title, theme),
            ),
        ]),
    }
    rows.extend([
        (t("field.phone"), plain(&party.phone, theme)),
        (t("field.address"), plain(&party.address, theme)),
    ]);
    rows
}
