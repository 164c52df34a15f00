//! The cases of the ledger (台账) as one viewer may see them: the TUI's 统计 tab and
//! `tiaojie report ledger` both read them here, so the front desk gets the same ledger in
//! both — its own cases only, without agreements (the sheet masks ID numbers and phones
//! unless an administrator asks otherwise).

use super::{StorageError, Store};
use crate::domain::agreement::AgreementKind;
use crate::domain::case::Case;
use crate::domain::org::OrgId;
use crate::domain::stats::period::Period;
use crate::domain::user::{User, case_for, may_see_agreements, may_see_case};

impl Store {
    /// The cases received in `period` with their agreement's kind, as `viewer` may see
    /// them (`None`: every case, for the room's own tools and tests).
    pub fn ledger_cases(
        &self,
        org: OrgId,
        period: &Period,
        viewer: Option<&User>,
    ) -> Result<Vec<(Case, Option<AgreementKind>)>, StorageError> {
        let mut cases = Vec::new();
        for id in self.cases_received(org, period)? {
            let case = self.load_case(id)?;
            let agreement = match viewer {
                Some(me) if !may_see_agreements(me) => None,
                _ => self.agreement_of_case(id)?.map(|a| a.kind),
            };
            match viewer {
                None => cases.push((case, agreement)),
                Some(me) if may_see_case(&case, me) => cases.push((case_for(&case, me), agreement)),
                Some(_) => {}
            }
        }
        Ok(cases)
    }
}
