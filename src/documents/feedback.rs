//! 调解结果反馈函: the letter back to the referring police station, court or petition
//! office — addressed to the referring unit, naming the case, and giving the result:
//! 调解成功 with its date, or 调解终止 with the reason recorded in the status history.
//! Signed by the committee with the date of the letter.

use super::date::chinese_date;
use super::model::{Block, Document, DocumentError};
use super::register::seal_line;
use crate::domain::case::Case;
use crate::domain::org::OrgProfile;
use crate::domain::party::PartyRole;
use crate::domain::status::CaseStatus;
use chrono::NaiveDate;

/// The feedback letter, dated `today`.
pub fn feedback_letter(
    case: &Case,
    org: &OrgProfile,
    today: NaiveDate,
) -> Result<Document, DocumentError> {
    let f = &case.fields;
    let unit = f.referrer_unit.trim();
    if !f.source.is_referral() || unit.is_empty() {
        return Err(DocumentError::NotReferred);
    }
    let outcome = case
        .history
        .iter()
        .rev()
        .find(|c| matches!(c.to, CaseStatus::Succeeded | CaseStatus::Terminated))
        .ok_or(DocumentError::NoResult)?;
    let mut doc = Document::titled("调解结果反馈函");
    let number = case.number.as_ref().map(|n| n.text.clone());
    doc.number.clone_from(&number);
    doc.addressee = Some(format!("{unit}："));
    let reference = match f.referrer_ref.trim() {
        "" => String::new(),
        r => format!("（贵单位编号：{r}）"),
    };
    doc.blocks.push(Block::Paragraph(format!(
        "贵单位于{}移送我委员会调解的{}与{}{}纠纷{}，我委员会已依法受理并组织调解。现将调解结果函告如下：",
        chinese_date(f.received_on),
        names(case, PartyRole::Applicant),
        names(case, PartyRole::Respondent),
        f.category.display_label(),
        reference,
    )));
    let mut rows = vec![(
        "案件编号".to_string(),
        number.unwrap_or_else(|| "（未编号）".into()),
    )];
    rows.push(("调解结果".into(), outcome.to.label().to_string()));
    match outcome.to {
        CaseStatus::Succeeded => {
            rows.push(("达成协议日期".into(), chinese_date(outcome.at.date_naive())));
        }
        _ => {
            rows.push(("终止日期".into(), chinese_date(outcome.at.date_naive())));
            let reason = outcome.reason.trim();
            rows.push((
                "终止原因".into(),
                if reason.is_empty() {
                    "未记录".into()
                } else {
                    reason.to_string()
                },
            ));
        }
    }
    doc.blocks.push(Block::Fields(rows));
    doc.blocks.push(Block::Paragraph("特此函告。".into()));
    doc.seal = Some(seal_line(org));
    doc.date = Some(chinese_date(today));
    Ok(doc)
}

/// The names of the parties in one role, joined with 、; 某某 when there are none.
fn names(case: &Case, role: PartyRole) -> String {
    let names: Vec<&str> = case
        .fields
        .parties
        .iter()
        .filter(|p| p.role == role)
        .map(|p| p.name.trim())
        .collect();
    if names.is_empty() {
        "当事人".into()
    } else {
        names.join("、")
    }
}
