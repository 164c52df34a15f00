//! Every form of every numbered case of a demo room on paper: what a 司法所 reviewer
//! checks (DOMAIN.md §3), read back from the PDFs with `pdftotext -layout`.

use super::{demo, paper};
use std::process::Command;
use tiaojie::domain::status::CaseStatus;
use tiaojie::storage::Store;

/// Every form of every numbered case of a demo room, printed as PDF and read back with
/// `pdftotext -layout`, against what a 司法所 reviewer checks (DOMAIN.md §3). The
/// documents of a case are one PDF (each numbering its own pages), split back by the
/// page count of each.
#[test]
fn every_form_of_every_numbered_case_reads_right_on_paper() {
    use tiaojie::documents::forms::{Choice, FormKind, text_pages};
    use tiaojie::documents::pdf::{PdfFonts, page_count, to_pdf_all};
    use tiaojie::documents::template::Templates;
    use tiaojie::domain::agreement::{AgreementKind, chinese_count};
    use tiaojie::domain::party::PartyRole;
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("SKIPPED: pdftotext (poppler-utils) missing; .ci/run installs it");
        return;
    }
    let (dir, db, _, _) = demo();
    let relinked = act_for_the_last_party(&db);
    let store = Store::open(&db).unwrap();
    let org = store.organisation().unwrap().unwrap();
    let fonts = PdfFonts::find(None).unwrap();
    let templates = Templates::builtin();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let mut problems: Vec<String> = Vec::new();
    let mut agreements = 0;
    let mut with_agents = 0;
    for id in store.case_ids(org.id).unwrap() {
        let case = store.load_case(id).unwrap();
        let Some(number) = case.number.as_ref().map(|n| n.text.clone()) else {
            continue;
        };
        let (data, _) = tiaojie::cli::print::case_data(&store, &number, None).unwrap();
        let file = data.file(today, Choice::default(), &text_pages);
        let mut docs = Vec::new();
        for kind in FormKind::ALL {
            if let Ok(made) = kind.build(&file, &templates) {
                docs.extend(made.into_iter().map(|d| (kind, d)));
            }
        }
        let ended = matches!(
            data.case.status,
            CaseStatus::Terminated | CaseStatus::Rejected
        );
        let confirmable = docs.iter().any(|(k, _)| *k == FormKind::Confirmation);
        if confirmable && (ended || data.agreement.is_none()) {
            problems.push(format!(
                "{number}: a 司法确认申请书 for a case without an agreement"
            ));
        }
        let all: Vec<_> = docs.iter().map(|(_, d)| d.clone()).collect();
        let pdf = dir.path().join(format!("case-{}.pdf", id.0));
        std::fs::write(&pdf, to_pdf_all(&all, &fonts).unwrap()).unwrap();
        let out = Command::new("pdftotext")
            .args(["-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let raw_pages: Vec<&str> = text.split('\u{c}').collect();
        let mut at = 0;
        for (kind, doc) in &docs {
            let n = page_count(doc, &fonts).unwrap();
            let own = raw_pages[at..at + n].join("\u{c}");
            at += n;
            let pages = paper::pages(&own);
            let whose = format!("{} of {number}", doc.title);
            for l in paper::bad_marks(&pages) {
                problems.push(format!("{whose}: a mark at a line's edge: {l}"));
            }
            for l in paper::split_numbers(&pages) {
                problems.push(format!("{whose}: a number split: {l}"));
            }
            for p in paper::bare_signature_pages(&pages) {
                problems.push(format!("{whose}: page {p} holds only the signatures"));
            }
            // The words without the folios between pages.
            let flat = paper::squeeze(&pages.concat().concat());
            let parties = &data.case.fields.parties;
            for agent in parties.iter().filter(|p| p.role == PartyRole::Agent) {
                if flat.contains(&format!("当事人{}", agent.name.trim())) {
                    problems.push(format!("{whose}: the agent {} called 当事人", agent.name));
                }
            }
            if *kind == FormKind::Agreement {
                agreements += 1;
                let principals = parties
                    .iter()
                    .filter(|p| p.role != PartyRole::Agent)
                    .count();
                with_agents += usize::from(principals < parties.len());
                // Each agent signs beside the party the case links, not the first one.
                for agent in parties.iter().filter(|p| p.role == PartyRole::Agent) {
                    let Some(principal) = agent.acts_for.and_then(|i| parties.get(i)) else {
                        problems.push(format!("{whose}: the agent {} acts for nobody", agent.name));
                        continue;
                    };
                    let signs =
                        format!("{}的委托代理人{}", principal.name.trim(), agent.name.trim());
                    if !flat.contains(&paper::squeeze(&signs)) {
                        problems.push(format!("{whose}: no signature line {signs}"));
                    }
                }
                for org in parties
                    .iter()
                    .filter(|p| !p.legal_rep_title.trim().is_empty())
                {
                    let title = format!("职务：{}", org.legal_rep_title.trim());
                    if !flat.contains(&title) {
                        problems.push(format!("{whose}: {} without {title}", org.name));
                    }
                }
                let copies = format!("本协议一式{}份", chinese_count(principals + 1));
                if !flat.contains(&copies) {
                    problems.push(format!("{whose}: not {copies}"));
                }
                let written = data
                    .agreement
                    .as_ref()
                    .is_some_and(|a| a.kind == AgreementKind::Written);
                let effect = flat.contains("人民调解委员会印章之日起生效");
                if written && !effect {
                    problems.push(format!("{whose}: no Art 29 sentence"));
                }
                if !flat.contains("三十日内共同向人民法院申请司法确认") {
                    problems.push(format!("{whose}: no Art 33 sentence"));
                }
            }
            if *kind == FormKind::Confirmation {
                let court = data
                    .agreement
                    .as_ref()
                    .map(|a| a.confirmation.court.trim().to_string())
                    .filter(|c| !c.is_empty())
                    .or_else(|| {
                        (data.case.fields.source == tiaojie::domain::source::Source::Court)
                            .then(|| data.case.fields.referrer_unit.trim().to_string())
                    })
                    .filter(|c| !c.is_empty());
                if let Some(court) = court.filter(|c| !flat.contains(&format!("{c}："))) {
                    problems.push(format!("{whose}: not addressed to {court}"));
                }
            }
        }
        assert_eq!(
            at,
            raw_pages.iter().filter(|p| !p.trim().is_empty()).count(),
            "{number}"
        );
    }
    assert!(
        agreements > 20 && with_agents > 0 && relinked > 0,
        "{agreements} agreements, {with_agents} with agents, {relinked} relinked"
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Every agent of a case with two or more parties is made to act for the case's last
/// party (the demo links them to the applicant, the first): the papers must follow the
/// stored link. Returns how many agents were moved.
fn act_for_the_last_party(db: &std::path::Path) -> usize {
    use tiaojie::domain::party::PartyRole;
    let mut store = Store::open(db).unwrap();
    let org = store.organisation().unwrap().unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T10:30:00+08:00").unwrap();
    let mut moved = 0;
    for id in store.case_ids(org.id).unwrap() {
        let case = store.load_case(id).unwrap();
        let parties = &case.fields.parties;
        let Some(last) = parties.iter().rposition(|p| p.role != PartyRole::Agent) else {
            continue;
        };
        let agents = parties
            .iter()
            .filter(|p| p.role == PartyRole::Agent)
            .count();
        if agents == 0 || last == 0 {
            continue;
        }
        let mut fields = case.fields.clone();
        for p in fields
            .parties
            .iter_mut()
            .filter(|p| p.role == PartyRole::Agent)
        {
            p.acts_for = Some(last);
        }
        store.update_case(id, case.version, &fields, &now).unwrap();
        moved += agents;
    }
    moved
}
