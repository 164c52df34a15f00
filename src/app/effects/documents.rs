//! The documents a runner makes: a case's form as a kept PDF with its print job, and the
//! data a form is made from as the user may see it. Part of the I/O side of `app`.

use super::Runner;
use crate::app::action::Action;
use crate::documents::forms::{Choice, FormKind};
use crate::domain::case::CaseId;
use crate::domain::user::may_see_agreements;
use crate::i18n::tf;
use crate::storage::StorageError;

impl Runner {
    /// Writes a form of a case as PDF into its folder and, with `print`, sends it to the
    /// room's printer.
    pub(super) fn print_document(
        &mut self,
        case: CaseId,
        form: FormKind,
        today: chrono::NaiveDate,
        choice: Choice,
        print: bool,
    ) -> Result<Action, StorageError> {
        let (path, ticket) = self.write_document(case, form, today, choice)?;
        if !print {
            return Ok(Action::DocumentWritten(path));
        }
        use crate::documents::printer;
        let org = self.org()?.id;
        let settings =
            printer::PrinterSettings::from_lookup(|k| self.store.setting(org, k).ok().flatten());
        let env = printer::PrintEnv::of_process();
        printer::send(&settings, std::path::Path::new(&path), &ticket, &env)
            .map_err(|e| StorageError::Invalid(e.to_string()))?;
        Ok(Action::DocumentPrinted(path))
    }

    /// Leaves a form of a case for the printer of the user's own terminal (本机打印): its
    /// text, in the media-copy envelope the event loop writes between frames.
    pub(super) fn print_locally(
        &mut self,
        case: CaseId,
        form: FormKind,
        today: chrono::NaiveDate,
        choice: Choice,
    ) -> Result<Action, StorageError> {
        let data = self.form_data(case, form)?;
        let templates = self.templates();
        let pages = crate::documents::forms::text_pages;
        let file = data.file(today, choice, &pages);
        let docs = form
            .build(&file, &templates)
            .map_err(|e| StorageError::Invalid(e.to_string()))?;
        self.to_terminal
            .extend(crate::documents::media_copy::envelope(&docs));
        Ok(Action::PrintedLocally)
    }

    /// The room's wording of the forms, read again for each document so an edited
    /// override applies at once; a bad override is skipped (the start-up notice names it).
    pub(super) fn templates(&self) -> crate::documents::template::Templates {
        let dir = crate::paths::templates_dir();
        crate::documents::template::Templates::load(dir.as_deref()).0
    }

    /// Writes a form of a case as PDF into its folder beside the database; returns the
    /// path and the print job (its name: case number and form, never a party's name;
    /// its copies: what the document states, else the room's setting).
    /// `choice` names the session and visit (none: the case's latest, as on the command
    /// line).
    pub(super) fn write_document(
        &mut self,
        case: crate::domain::case::CaseId,
        form: crate::documents::forms::FormKind,
        today: chrono::NaiveDate,
        choice: crate::documents::forms::Choice,
    ) -> Result<(String, crate::documents::job::JobTicket), StorageError> {
        use crate::documents::{files, pdf};
        let data = self.form_data(case, form)?;
        let org = self.org()?;
        let invalid = |e: &dyn std::fmt::Display| StorageError::Invalid(e.to_string());
        let given = std::env::var_os("TIAOJIE_FONT").map(std::path::PathBuf::from);
        let org_id = org.id;
        let printer = crate::documents::printer::PrinterSettings::from_lookup(|k| {
            self.store.setting(org_id, k).ok().flatten()
        });
        let font = printer.font_file(given.as_deref());
        let fonts = pdf::PdfFonts::find(font.as_deref()).map_err(|e| invalid(&e))?;
        let pages = |d: &crate::documents::Document| pdf::page_count(d, &fonts).unwrap_or(1);
        let templates = self.templates();
        let file = data.file(today, choice, &pages);
        let docs = form.build(&file, &templates).map_err(|e| invalid(&e))?;
        let bytes = pdf::to_pdf_all(&docs, &fonts).map_err(|e| invalid(&e))?;
        let folder = || files::case_folder(self.store.path(), &data.case);
        // The file is named as the paper is titled (an oral agreement as the
        // 口头协议登记表), a session's paper with its day: the same rule as `tiaojie print`.
        let stem = match docs.first() {
            Some(_) => files::kept_stem(&file, form, &docs),
            None => form.title(&templates),
        };
        let path = files::keep(self.store.path(), &data.case, &stem, &bytes).map_err(|cause| {
            StorageError::Invalid(tf(
                "cli.err.write",
                &[
                    ("path", &folder().display().to_string()),
                    ("cause", &cause.to_string()),
                ],
            ))
        })?;
        let ticket = crate::documents::job::ticket(&data.case, &docs, printer.copies);
        Ok((path.display().to_string(), ticket))
    }

    /// What a form of `case` is made from, as the user may see it: refused if they may
    /// not see the case, or (for the agreement) agreements.
    pub(super) fn form_data(
        &mut self,
        case: CaseId,
        form: crate::documents::forms::FormKind,
    ) -> Result<crate::documents::forms::CaseData, StorageError> {
        use crate::documents::forms::CaseData;
        let case = self.visible_case(case)?;
        let org = self.org()?;
        let id = case.id;
        let may_see = may_see_agreements(&self.user);
        if form == crate::documents::forms::FormKind::Agreement && !may_see {
            return Err(StorageError::Invalid(tf(
                "role.refused.agreement",
                &[("role", &crate::i18n::label("role", self.user.role.code()))],
            )));
        }
        let data = CaseData {
            case,
            org: org.profile.clone(),
            mediators: self.store.mediators(org.id)?,
            sessions: self.store.sessions_of_case(id)?,
            follow_ups: self.store.follow_ups_of_case(id)?,
            agreement: match may_see {
                true => self.store.agreement_of_case(id)?,
                false => None,
            },
            default_court: self
                .store
                .setting(org.id, crate::documents::forms::DEFAULT_COURT_KEY)?
                .unwrap_or_default(),
        };
        Ok(data)
    }
}
