//! End to end: 本机打印 in the 文书 tab sends the document to the terminal's own printer
//! (PuTTY's "remote-controlled printing") as GB18030 text between the media-copy controls
//! `ESC [ 5 i` … `ESC [ 4 i`. The raw bytes the program wrote to the pty are read (the
//! screen never shows them): one envelope, holding exactly the text `tiaojie print
//! --format txt --encoding gb18030` makes of the same form, and no ESC inside.

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{demo_db, open_case_list, quit, start};
use pty::{Key, WAIT};
use tiaojie::storage::Store;

const START: &[u8] = b"\x1b[5i";
const END: &[u8] = b"\x1b[4i";

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn local_print_sends_the_gb18030_text_of_the_form_in_one_media_copy_envelope() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 30);
    let store = Store::open(&db).expect("open");
    let org = store.organisation().expect("read").expect("room");
    let case = store
        .case_ids(org.id)
        .expect("ids")
        .into_iter()
        .map(|id| store.load_case(id).expect("load"))
        .rfind(|c| c.number.is_some())
        .expect("a numbered case");
    let number = case.number.clone().expect("number").text;
    drop(store);
    // What the command line makes of the same form for an old printer.
    let out = std::process::Command::new(app::bin())
        .args(["--db", db.to_str().expect("UTF-8"), "print", "register"])
        .args([&number, "--format", "txt", "--encoding", "gb18030"])
        .env("USER", "wang")
        .output()
        .expect("print runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let want = encoding_rs::GB18030.decode(&out.stdout).0.into_owned();

    let app = start(&db);
    open_case_list(&app);
    app.send_str("/");
    app.send_str(&number);
    app.see(&case.fields.parties[0].name);
    app.key(Key::Enter);
    app.see(&number);
    app.key(Key::Enter);
    app.key(Key::Tab);
    app.key(Key::Tab);
    app.see("登记日期");
    app.see("本机打印");
    app.key(Key::F(6));
    let raw = app.wait_raw(
        |b| find(b, START).is_some_and(|at| find(&b[at..], END).is_some()),
        WAIT,
    );
    let at = find(&raw, START).expect("start") + START.len();
    let len = find(&raw[at..], END).expect("end");
    let payload = &raw[at..at + len];
    assert!(!payload.contains(&0x1b), "an ESC inside the envelope");
    assert!(
        payload
            .iter()
            .all(|&b| b >= 0x20 || matches!(b, b'\r' | b'\n' | 0x0c)),
        "a control character other than CR, LF, FF inside the envelope"
    );
    let (text, _, bad) = encoding_rs::GB18030.decode(payload);
    assert!(!bad, "the payload is GB18030");
    assert_eq!(text, want);
    assert!(
        text.contains(&number) && text.contains("受理登记表"),
        "{text}"
    );
    // One envelope only, and the app says where the paper went.
    assert_eq!(find(&raw[at + len + END.len()..], START), None);
    app.see("已送本机打印机");
    quit(app);
}
