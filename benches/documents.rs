//! Documents: building the 受理登记表 value, its text, reading the font, and making each
//! PDF, the 人民调解协议书 among them (sizes printed under the table). The font is the
//! first of the known places.
//!
//! `cargo bench --bench documents`; `TIAOJIE_BENCH_QUICK=1 cargo test --benches` (quick).

#[path = "support/bench.rs"]
mod bench;

use bench::{Sample, demo_db, print_table, quick, time_ms};
use tiaojie::documents::forms::FormKind;
use tiaojie::documents::pdf::{PdfFonts, to_pdf};
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
            c.fields.source.is_referral() && c.history.iter().any(|h| h.to == CaseStatus::Succeeded)
        })
        .expect("a referred case that succeeded");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    let templates = tiaojie::documents::template::Templates::builtin();
    // Demo cases that succeeded carry their agreement (人民调解协议书).
    let agreement = store.agreement_of_case(case.id).expect("agreement");
    let build = |form: FormKind| {
        form.build(&case, agreement.as_ref(), &org.profile, today, &templates)
            .expect("form")
    };
    let mut samples: Vec<Sample> = vec![
        time_ms("受理登记表: document value", runs, || {
            build(FormKind::Register);
        }),
        time_ms("受理登记表: text", runs, || {
            let _ = to_text(&build(FormKind::Register), TEXT_WIDTH);
        }),
    ];
    let fonts = PdfFonts::find(None).expect("the shipped font");
    samples.push(time_ms("font: the shipped face", runs, || {
        PdfFonts::find(None).expect("font");
    }));
    let mut sizes = Vec::new();
    for form in FormKind::ALL {
        let doc = build(form);
        let bytes = to_pdf(&doc, &fonts).expect("pdf");
        sizes.push(format!("{}: {} bytes", form.title(), bytes.len()));
        samples.push(time_ms(&format!("{}: PDF", form.title()), runs, || {
            to_pdf(&doc, &fonts).expect("pdf");
        }));
    }
    print_table("Documents", &samples);
    for size in sizes {
        println!("{size}");
    }
}
