//! `tiaojie import FILE`: reads JSON Lines (docs/export-format.md), checks every line
//! before anything is written — the fields, the history, the room, the case numbers
//! against the database and each other — and only then inserts all cases in one
//! transaction. A file with any bad line changes nothing. Both passes read the file a
//! line at a time, so a file of 100,000 cases is never held whole.

mod check;
mod lines;

use super::jsonl::{CaseLine, FieldError, parse_line};
use crate::domain::category::{Category, default_local_categories};
use crate::domain::org::{OrgProfile, Organisation};
use crate::domain::party::validate_party;
use crate::i18n::{label, tf};
use crate::storage::{CaseExtras, NewCaseRecord, StorageError, Store};
use chrono::{DateTime, FixedOffset, NaiveDate};
use lines::Lines;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{BufRead, BufReader, Cursor, Seek};
use std::path::Path;
use std::sync::mpsc;

/// Records read ahead of the writer are handed over this many at a time …
const BATCH: usize = 16;
/// … and at most this many batches wait.
const BATCHES_AHEAD: usize = 4;

/// How many problems an error lists before it only counts the rest.
const LISTED_PROBLEMS: usize = 100;

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// Cases inserted.
    pub cases: u64,
    /// The room was set up from the file (the database had none).
    pub organisation_created: bool,
    /// Local sub-types the room did not have yet, added for the file's cases.
    pub local_categories_added: Vec<String>,
}

/// One problem on one line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    /// 1-based line number in the file.
    pub line: usize,
    /// The field and what is wrong with it.
    pub error: FieldError,
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = self.line.to_string();
        let path = self.error.path();
        let text = if path.is_empty() {
            tf(
                "import.line",
                &[("line", &line), ("message", self.error.message())],
            )
        } else {
            tf(
                "import.line_field",
                &[
                    ("line", &line),
                    ("field", &path),
                    ("message", self.error.message()),
                ],
            )
        };
        f.write_str(&text)
    }
}

/// Why nothing was imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{}", tf("import.err.read", &[("path", path), ("cause", &cause.to_string())]))]
    Read { path: String, cause: std::io::Error },
    /// Some lines are wrong; every problem found, in line order.
    #[error("{}", list_problems(.0))]
    Lines(Vec<LineProblem>),
    /// The database refused or failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

fn list_problems(problems: &[LineProblem]) -> String {
    let lines: HashSet<usize> = problems.iter().map(|p| p.line).collect();
    let mut out = crate::i18n::tn(
        "import.err.lines",
        lines.len() as u64,
        &[("count", &lines.len().to_string())],
    );
    for p in problems.iter().take(LISTED_PROBLEMS) {
        out.push_str("\n  ");
        out.push_str(&p.to_string());
    }
    if problems.len() > LISTED_PROBLEMS {
        out.push_str("\n  ");
        out.push_str(&crate::i18n::tn(
            "import.err.more",
            (problems.len() - LISTED_PROBLEMS) as u64,
            &[("count", &(problems.len() - LISTED_PROBLEMS).to_string())],
        ));
    }
    out
}

/// Imports the file at `path` into `store`; `now` is the import's time (today bounds dates).
pub fn import_file(
    store: &mut Store,
    path: &Path,
    now: DateTime<FixedOffset>,
) -> Result<ImportReport, ImportError> {
    let file = open_file(path)?;
    import_opened(store, file, path, now)
}

/// Opens the file to import (before the database, so a mistyped name leaves no new
/// empty database behind).
pub fn open_file(path: &Path) -> Result<std::fs::File, ImportError> {
    std::fs::File::open(path).map_err(|cause| ImportError::Read {
        path: path.display().to_string(),
        cause,
    })
}

/// Imports a file opened with [`open_file`]; `path` names it in messages.
pub fn import_opened(
    store: &mut Store,
    file: std::fs::File,
    path: &Path,
    now: DateTime<FixedOffset>,
) -> Result<ImportReport, ImportError> {
    let mut lines = Lines::new(BufReader::new(file));
    import_lines(store, &mut lines, &path.display().to_string(), now)
}

/// Imports JSON Lines held in memory: all lines, or none.
pub fn import_bytes(
    store: &mut Store,
    bytes: &[u8],
    now: DateTime<FixedOffset>,
) -> Result<ImportReport, ImportError> {
    import_lines(store, &mut Lines::new(Cursor::new(bytes)), "", now)
}

/// Two passes over the lines, one line in memory at a time: every line is checked
/// first; only when all are sound are they read again and written, in one transaction.
fn import_lines<R: BufRead + Seek + Send>(
    store: &mut Store,
    lines: &mut Lines<R>,
    path: &str,
    now: DateTime<FixedOffset>,
) -> Result<ImportReport, ImportError> {
    let read_error = |cause| ImportError::Read {
        path: path.to_string(),
        cause,
    };
    let existing = store.organisation()?;
    let mut plan = Plan::new(store, existing.as_ref())?;
    let mut problems = Vec::new();
    while let Some((number, raw)) = lines.next_line().map_err(read_error)? {
        let parsed = line_text(raw).and_then(parse_line);
        let errors = match parsed {
            Ok(line) => {
                let mut errors = check::check_line(&line, &now);
                plan.admit(number, &line, &mut errors);
                errors
            }
            Err(e) => vec![e],
        };
        problems.extend(errors.into_iter().map(|error| LineProblem {
            line: number,
            error,
        }));
    }
    if !problems.is_empty() {
        return Err(ImportError::Lines(problems));
    }
    let Some(target) = plan.target.clone() else {
        return Ok(ImportReport {
            cases: 0,
            organisation_created: false,
            local_categories_added: Vec::new(),
        });
    };
    let checked = lines.digest();
    lines.rewind().map_err(read_error)?;
    // The numbers were only for the check: 100,000 of them need not stay for the write.
    plan.numbers = HashMap::new();
    plan.taken = HashSet::new();
    let org = match existing {
        Some(org) => org,
        None => match store.create_organisation(&target, &plan.first_mediator(), &now) {
            Ok(org) => org,
            // Another import or first start set up the room meanwhile: check the file
            // against that room instead (once: now there is one).
            Err(e) if store.organisation()?.is_some() => {
                drop(e);
                return import_lines(store, lines, path, now);
            }
            Err(e) => return Err(e.into()),
        },
    };
    write(store, &org, &plan, lines, (path, checked), now.date_naive())
}

/// Writes what the checked lines hold. The room and its new local sub-types are written
/// first: `insert_records` is the one transaction for cases and cannot take them along.
fn write<R: BufRead + Seek + Send>(
    store: &mut Store,
    org: &Organisation,
    plan: &Plan,
    lines: &mut Lines<R>,
    (path, checked): (&str, u64),
    today: NaiveDate,
) -> Result<ImportReport, ImportError> {
    for (name, parent) in &plan.new_locals {
        let local = crate::domain::category::LocalCategory {
            name: name.clone(),
            parent: *parent,
        };
        store.save_local_category(org.id, &local)?;
    }
    // The lines are read again as they are written. A file changed since it was checked
    // (a line no longer reads, or the bytes differ) or a read error undoes the import.
    let changed = |problem: Option<LineProblem>| {
        StorageError::Invalid(match problem {
            Some(p) => tf(
                "import.err.changed_line",
                &[("path", path), ("problem", &p.to_string())],
            ),
            None => tf("import.err.changed", &[("path", path)]),
        })
    };
    let records = std::iter::from_fn(|| match lines.next_line() {
        Ok(None) => (lines.digest() != checked).then(|| Err(changed(None))),
        Ok(Some((number, raw))) => Some(
            line_text(raw)
                .and_then(parse_line)
                .map(|line| into_record(line, today))
                .map_err(|error| {
                    changed(Some(LineProblem {
                        line: number,
                        error,
                    }))
                }),
        ),
        Err(cause) => Some(Err(StorageError::Invalid(
            ImportError::Read {
                path: path.to_string(),
                cause,
            }
            .to_string(),
        ))),
    });
    // Read and parsed on a thread of their own, a few batches ahead of the writer (a
    // tenth of an import's time is reading the lines again); batches, so the two threads
    // wake each other once per batch, not once per case.
    let cases = std::thread::scope(|scope| {
        let (ahead, received) = mpsc::sync_channel(BATCHES_AHEAD);
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            for record in records {
                let failed = record.is_err();
                batch.push(record);
                // The writer stops at the first failure, and so does the reading.
                if batch.len() == BATCH || failed {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    if ahead.send(full).is_err() || failed {
                        return;
                    }
                }
            }
            let _ = ahead.send(batch);
        });
        store.insert_records(org.id, &mut received.into_iter().flatten())
    })?;

    Ok(ImportReport {
        cases,
        organisation_created: plan.creates_org,
        local_categories_added: plan.new_locals.iter().map(|(n, _)| n.clone()).collect(),
    })
}

fn line_text(raw: &[u8]) -> Result<&str, FieldError> {
    std::str::from_utf8(raw).map_err(|_| FieldError::new("", tf("import.err.not_utf8", &[])))
}

/// A checked line as storage takes it, with parties normalised as the case form does.
fn into_record(line: CaseLine, today: NaiveDate) -> NewCaseRecord {
    let mut fields = line.fields();
    for party in &mut fields.parties {
        if let Ok(normal) = validate_party(party, today) {
            *party = normal;
        }
    }
    NewCaseRecord {
        number: line.case_number(),
        status: line.status,
        fields,
        mediator_names: line
            .mediators
            .iter()
            .map(|m| m.trim().to_string())
            .collect(),
        history: line.status_changes(),
        extras: CaseExtras {
            sessions: line.sessions.iter().map(|s| s.to_imported()).collect(),
            follow_ups: line.follow_ups.iter().map(|v| v.to_follow_up()).collect(),
            agreement: line
                .agreement
                .as_ref()
                .map(|a| a.to_agreement(line.format_version, &line.party_names())),
        },
    }
}

/// What the lines checked so far agree on: the room, its local sub-types, the numbers.
struct Plan {
    /// The room every line must belong to: the database's, else the first line's.
    target: Option<OrgProfile>,
    /// The line the target came from, when it came from the file.
    target_line: Option<usize>,
    creates_org: bool,
    locals: HashMap<String, Category>,
    new_locals: Vec<(String, Category)>,
    taken: HashSet<(i32, u32)>,
    numbers: HashMap<(i32, u32), usize>,
    mediator: Option<String>,
}

impl Plan {
    fn new(store: &Store, org: Option<&Organisation>) -> Result<Plan, StorageError> {
        let (locals, taken) = match org {
            Some(org) => (store.local_categories(org.id)?, store.case_numbers(org.id)?),
            None => (default_local_categories(), HashSet::new()),
        };
        Ok(Plan {
            target: org.map(|o| o.profile.clone()),
            target_line: None,
            creates_org: org.is_none(),
            locals: locals.into_iter().map(|l| (l.name, l.parent)).collect(),
            new_locals: Vec::new(),
            taken,
            numbers: HashMap::new(),
            mediator: None,
        })
    }

    /// Checks what a line must share with the others and with the database.
    fn admit(&mut self, line_no: usize, line: &CaseLine, errors: &mut Vec<FieldError>) {
        self.check_org(line_no, line, errors);
        self.check_local(line, errors);
        self.check_number(line_no, line, errors);
        if self.mediator.is_none() {
            let named = line
                .mediators
                .iter()
                .map(|m| m.trim())
                .find(|m| !m.is_empty());
            let operator = line
                .history
                .first()
                .map(|h| h.operator.trim())
                .filter(|o| !o.is_empty());
            self.mediator = named.or(operator).map(str::to_string);
        }
    }

    fn check_org(&mut self, line_no: usize, line: &CaseLine, errors: &mut Vec<FieldError>) {
        let raw = OrgProfile::from(line.organisation.clone());
        let profile = match raw.validated() {
            Ok(p) => p,
            Err(e) => {
                errors.push(FieldError::new("organisation", e.to_string()));
                raw
            }
        };
        let Some(target) = &self.target else {
            self.target = Some(profile);
            self.target_line = Some(line_no);
            return;
        };
        if *target == profile {
            return;
        }
        let (found, ours) = (describe(&profile), describe(target));
        let message = match self.target_line {
            Some(first) => tf(
                "import.err.org_mixed",
                &[
                    ("found", &found),
                    ("ours", &ours),
                    ("line", &first.to_string()),
                ],
            ),
            None => tf(
                "import.err.org_other",
                &[("found", &found), ("ours", &ours)],
            ),
        };
        errors.push(FieldError::new("organisation", message));
    }

    fn check_local(&mut self, line: &CaseLine, errors: &mut Vec<FieldError>) {
        let Some(local) = &line.category.local else {
            return;
        };
        let national = line.category.national;
        if local.trim().is_empty() || local.trim() != local {
            errors.push(FieldError::new(
                "category.local",
                tf("import.err.local_blank", &[]),
            ));
            return;
        }
        match self.locals.get(local) {
            Some(parent) if *parent == national => {}
            Some(parent) => {
                let (parent, found) = (
                    label("category", parent.code()),
                    label("category", national.code()),
                );
                let args = [
                    ("local", local.as_str()),
                    ("parent", &parent),
                    ("found", &found),
                ];
                errors.push(FieldError::new(
                    "category.local",
                    tf("import.err.local_parent", &args),
                ));
            }
            None => {
                self.locals.insert(local.clone(), national);
                self.new_locals.push((local.clone(), national));
            }
        }
    }

    fn check_number(&mut self, line_no: usize, line: &CaseLine, errors: &mut Vec<FieldError>) {
        let Some(number) = &line.number else { return };
        let key = (number.year, number.seq);
        if self.taken.contains(&key) {
            errors.push(FieldError::new(
                "number",
                tf("import.err.number_taken", &[("text", &number.text)]),
            ));
        } else if let Some(first) = self.numbers.get(&key) {
            let first = first.to_string();
            let args = [("text", number.text.as_str()), ("line", &first)];
            errors.push(FieldError::new(
                "number",
                tf("import.err.number_repeated", &args),
            ));
        } else {
            self.numbers.insert(key, line_no);
        }
    }

    /// The first mediator of a room set up from the file: the first named in it, else the
    /// first operator, else whoever runs the import.
    fn first_mediator(&self) -> String {
        self.mediator.clone().unwrap_or_else(crate::paths::operator)
    }
}

fn describe(p: &OrgProfile) -> String {
    tf(
        "import.org",
        &[
            ("room", &p.room_name),
            ("committee", &p.committee_name),
            ("prefix", &p.number_prefix),
            ("pattern", &p.number_pattern),
        ],
    )
}

#[cfg(test)]
mod tests;
