//! End to end: the real binary in a pseudo-terminal at 80×24. A case of two parties of
//! one name (father and son) gets an agent for the second of them: the party dialog
//! offers the parties by number, role and ID tail, the choice is saved, and the case
//! shows whom the agent acts for.

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{quit, start};
use pty::Key;

#[test]
fn an_agent_acts_for_the_second_of_two_parties_of_one_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    let app = start(&db);
    app.see("调解室名称");
    app.send_str("新华街道老王调解工作室");
    app.key(Key::Tab);
    app.send_str("临河区新华街道人民调解委员会");
    app.key(Key::Tab);
    app.send_str("临新");
    app.key(Key::Tab);
    app.send_str("王建国");
    app.key(Key::F(2));
    app.see("还没有案件");

    app.send_str("n");
    app.see("收案日期");
    // 收案日期 → 案件来源 → 纠纷类型 → 纠纷简要情况.
    for _ in 0..3 {
        app.key(Key::Tab);
    }
    app.send_str("宅基地边界纠纷");
    // Two parties called 王建军: the applicant (father), then the respondent (son).
    app.key(Key::F(7));
    app.see("身份证号");
    app.send_str("王建军");
    app.key(Key::Tab);
    app.send_str("11010519491231002X");
    app.see("1949-12-31");
    app.key(Key::F(2));
    app.see("王建军");
    app.key(Key::F(7));
    app.see("身份证号");
    app.send_str("王建军");
    app.key(Key::Tab);
    app.send_str("110105196803050029");
    app.see("1968-03-05");
    app.key(Key::F(2));
    // The agent: role 委托代理人 (from 被申请人: two to the right), then whom.
    app.key(Key::F(7));
    app.see("身份证号");
    app.key(Key::BackTab);
    app.key(Key::BackTab);
    app.key(Key::Right);
    app.key(Key::Right);
    app.see("1. 申请人 王建军 …002X");
    app.key(Key::Tab);
    app.key(Key::Tab);
    app.key(Key::Right);
    app.see("2. 被申请人 王建军 …0029");
    app.key(Key::Tab);
    app.send_str("黄娟");
    app.key(Key::F(2));
    app.see("黄娟");
    app.key(Key::F(2));
    app.see("案件已登记");
    // The case shows whom the agent acts for: the agent is the last party, just above
    // the sessions near the end of the page.
    for _ in 0..4 {
        app.key(Key::PageDown);
    }
    app.see("修改记录");
    for _ in 0..8 {
        app.key(Key::Up);
    }
    app.wait_until(
        |s| {
            s.lines()
                .any(|l| l.contains("代理谁") && l.contains("2. 被申请人 王建军 …0029"))
        },
        pty::WAIT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    quit(app);
}
