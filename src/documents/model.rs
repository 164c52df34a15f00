//! The document value every form is built into and every writer reads: a title, an
//! optional number line, an addressee, blocks in order, signature areas kept together,
//! the committee's seal line and the date at the foot.

/// One document, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The title, centred (受理登记表).
    pub title: String,
    /// The number line under the title (（2026）新人调字第12号), if the form has one.
    pub number: Option<String>,
    /// A letter's addressee (××派出所：), flush left above the body.
    pub addressee: Option<String>,
    /// The body, in order.
    pub blocks: Vec<Block>,
    /// Written after the body where the text ends (（以下无正文）), kept with the closing
    /// lines and the signatures, so nothing can be added above them.
    pub end_mark: Option<String>,
    /// Signature areas (label + line); a writer never splits one from its label.
    pub signatures: Vec<Signature>,
    /// The seal line at the foot (新华街道人民调解委员会（印）).
    pub seal: Option<String>,
    /// The date at the foot, already written out (2026年11月28日).
    pub date: Option<String>,
    /// How many copies the document itself says are made (一式N份): what printing
    /// defaults to. None: one, or the room's setting.
    pub copies: Option<usize>,
    /// Words never split across lines: the names and numbers the document holds.
    pub keep: Vec<String>,
    /// What the person printing should know and the paper does not say (a deadline
    /// passed): shown on screen and on the command line, never printed.
    pub warnings: Vec<String>,
}

/// A piece of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph of running text, first line indented two characters.
    Paragraph(String),
    /// A labelled paragraph: 纠纷简要情况：…
    Labelled {
        /// The label, without the colon.
        label: String,
        /// The text after it.
        text: String,
    },
    /// A table of label → value rows.
    Fields(Vec<(String, String)>),
    /// One party: its role (申请人) and its particulars in the official order.
    Party {
        /// The role label.
        role: String,
        /// Label → value, in order; empty values are left out by the builder.
        fields: Vec<(String, String)>,
    },
}

/// A place to sign: the label (当事人（签名）) and a line to write on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// What is written before the line.
    pub label: String,
}

impl Signature {
    /// A signature area with this label.
    pub fn new(label: impl Into<String>) -> Self {
        Self {
            label: label.into(),
        }
    }
}

impl Document {
    /// An empty document with a title.
    pub fn titled(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            number: None,
            addressee: None,
            blocks: Vec::new(),
            end_mark: None,
            signatures: Vec::new(),
            seal: None,
            date: None,
            copies: None,
            keep: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Every piece of text in reading order, one per line (labels with their values);
    /// what tests compare against DOMAIN.md's field order and what a search would read.
    pub fn outline(&self) -> Vec<String> {
        let mut out = vec![self.title.clone()];
        out.extend(self.number.clone());
        out.extend(self.addressee.clone());
        for block in &self.blocks {
            match block {
                Block::Paragraph(text) => out.push(text.clone()),
                Block::Labelled { label, text } => out.push(format!("{label}：{text}")),
                Block::Fields(rows) => out.extend(rows.iter().map(|(l, v)| format!("{l}：{v}"))),
                Block::Party { role, fields } => {
                    out.push(role.clone());
                    out.extend(fields.iter().map(|(l, v)| format!("{l}：{v}")));
                }
            }
        }
        out.extend(self.end_mark.clone());
        out.extend(self.signatures.iter().map(|s| s.label.clone()));
        out.extend(self.seal.clone());
        out.extend(self.date.clone());
        out
    }
}

/// Why a form cannot be made for a case, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// The feedback letter goes back to a referring unit; this case has none.
    #[error("{}", crate::i18n::t("docs.err.not_referred"))]
    NotReferred,
    /// A case that ended without agreement (调解终止) or was not accepted (不予受理) has
    /// nothing for a court to confirm.
    #[error("{}", crate::i18n::t("docs.err.not_confirmable"))]
    NotConfirmable,
    /// The feedback letter reports a result; the case has none yet.
    #[error("{}", crate::i18n::t("docs.err.no_result"))]
    NoResult,
    /// The agreement form prints the case's agreement; none has been written yet.
    #[error("{}", crate::i18n::t("docs.err.no_agreement"))]
    NoAgreement,
    /// A notice or record needs a session; the case has none (or not the one named).
    #[error("{}", crate::i18n::t("docs.err.no_session"))]
    NoSession,
    /// The notice of a party the session does not invite.
    #[error("{}", crate::i18n::tf("docs.err.no_such_party", &[("n", &.0.to_string())]))]
    NoSuchParty(usize),
    /// A follow-up record needs a visit; the case has none (or not the one named).
    #[error("{}", crate::i18n::t("docs.err.no_follow_up"))]
    NoFollowUp,
}
