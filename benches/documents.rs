//! Documents: building the 受理登记表 value, its text, reading the font, and making each
//! form's PDF — of a referred case that succeeded and was visited, with its sessions
//! (sizes printed under the table). The font is the shipped face.
//!
//! `cargo bench --bench documents`; `TIAOJIE_BENCH_QUICK=1 cargo test --benches` (quick).

#[path = "support/bench.rs"]
mod bench;

use bench::{Sample, demo_db, print_table, quick, time_ms};
use tiaojie::documents::forms::FormKind;
use tiaojie::documents::pdf::{PdfFonts, to_pdf_all};
use tiaojie::documents::text::{TEXT_WIDTH, to_text};
use tiaojie::domain::status::CaseStatus;
use tiaojie::storage::Store;

fn main() {
    let runs = if quick() { 3 } else { 21 };
    let (_dir, db) = demo_db(200);
    let store = Store::open(&db).expect("open");
    let org = store.organisation().expect("read").expect("demo room");
    let case = store
        .case_ids(org.id)
        .expect("ids")
        .into_iter()
        .map(|id| store.load_case(id).expect("case"))
        .find(|c| {
            c.fields.source.is_referral()
                && c.history.iter().any(|h| h.to == CaseStatus::Succeeded)
                && !store.follow_ups_of_case(c.id).expect("visits").is_empty()
        })
        .expect("a referred case that succeeded and was visited");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    let templates = tiaojie::documents::template::Templates::builtin();
    let data = tiaojie::documents::forms::CaseData {
        sessions: store.sessions_of_case(case.id).expect("sessions"),
        follow_ups: store.follow_ups_of_case(case.id).expect("visits"),
        mediators: store.mediators(org.id).expect("mediators"),
        org: org.profile.clone(),
        // Demo cases that succeeded carry their agreement (人民调解协议书).
        agreement: store.agreement_of_case(case.id).expect("agreement"),
        default_court: String::new(),
        case: case.clone(),
    };
    let pages = tiaojie::documents::forms::text_pages;
    let build = |form: FormKind| {
        let file = data.file(today, Default::default(), &pages);
        form.build(&file, &templates).unwrap_or_default()
    };
    let mut samples: Vec<Sample> = vec![
        time_ms("受理登记表: document value", runs, || {
            build(FormKind::Register);
        }),
        time_ms("受理登记表: text", runs, || {
            let _ = to_text(&build(FormKind::Register)[0], TEXT_WIDTH);
        }),
    ];
    let fonts = PdfFonts::find(None).expect("the shipped font");
    samples.push(time_ms("font: the shipped face", runs, || {
        PdfFonts::find(None).expect("font");
    }));
    // The index builds every other form to count its PDF pages: the dearest value.
    samples.push(time_ms(
        "卷内目录: value with PDF page counts",
        runs,
        || {
            let pages = |d: &tiaojie::documents::Document| {
                tiaojie::documents::pdf::page_count(d, &fonts).unwrap_or(1)
            };
            let file = data.file(today, Default::default(), &pages);
            FormKind::Index.build(&file, &templates).expect("index");
        },
    ));
    let mut sizes = Vec::new();
    for form in FormKind::ALL {
        let docs = build(form);
        let title = form.title(&templates);
        if docs.is_empty() {
            sizes.push(format!("{title}: not made for this case"));
            continue;
        }
        let bytes = to_pdf_all(&docs, &fonts).expect("pdf");
        sizes.push(format!(
            "{title}: {} bytes, {} document(s)",
            bytes.len(),
            docs.len()
        ));
        samples.push(time_ms(&format!("{title}: PDF"), runs, || {
            to_pdf_all(&docs, &fonts).expect("pdf");
        }));
    }
    print_table("Documents", &samples);
    for size in sizes {
        println!("{size}");
    }
}
