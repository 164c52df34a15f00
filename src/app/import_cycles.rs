//! Checks that the sibling modules of `src/app` import one another in one direction only:
//! no module reaches itself through `use crate::app::…` / `super::…` paths. Reads the
//! source files as text (test code aside), so no tool needs installing. A cycle is what
//! let type modules call back into `AppState`; this keeps it from coming back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module name → the sibling modules it names, from the text of its files.
type Graph = BTreeMap<String, BTreeSet<String>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "tests") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(path);
        }
    }
}

/// The identifiers that follow `prefix` in `line`.
fn names_after<'a>(line: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = line[from..].find(prefix).map(|i| from + i) {
        let before = line[..at].chars().last();
        let tail = &line[at + prefix.len()..];
        let end = tail
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(tail.len());
        // `super::super::x` or `foo::super::x` is not a sibling of this module.
        if !before.is_some_and(|c| c == ':' || c.is_alphanumeric() || c == '_') {
            found.push(&tail[..end]);
        }
        from = at + prefix.len();
    }
    found
}

/// The graph of `sources`: (module, whether the file is the module's own top file, text).
fn graph(sources: &[(String, bool, String)]) -> Graph {
    let modules: BTreeSet<&str> = sources.iter().map(|(m, _, _)| m.as_str()).collect();
    let mut graph = Graph::new();
    for (module, top, text) in sources {
        let edges = graph.entry(module.clone()).or_default();
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with("#[cfg(test)]") {
                break;
            }
            if line.starts_with("//") {
                continue;
            }
            let mut named = names_after(line, "crate::app::");
            if *top {
                named.extend(names_after(line, "super::"));
            }
            for name in named {
                if name != module && modules.contains(name) {
                    edges.insert(name.to_string());
                }
            }
        }
    }
    graph
}

/// A cycle in `graph` as the path that closes it, if there is one.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        at: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| m == at) {
            let mut found = path[start..].to_vec();
            found.push(at.to_string());
            return Some(found);
        }
        if done.contains(at) {
            return None;
        }
        path.push(at.to_string());
        for next in graph.get(at).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(at.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|m| visit(m, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_modules_of_app_import_each_other_in_one_direction_only() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let sources: Vec<(String, bool, String)> = files
        .iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(&root).ok()?;
            let first = rel.components().next()?.as_os_str().to_str()?;
            let module = first.trim_end_matches(".rs").to_string();
            let top = rel.components().count() == 1;
            (module != "mod").then(|| (module, top, std::fs::read_to_string(path).unwrap()))
        })
        .collect();
    assert!(sources.len() > 30, "read {} files", sources.len());
    let graph = graph(&sources);
    assert!(graph["state"].contains("modal"), "the reader sees imports");
    assert_eq!(
        cycle(&graph),
        None,
        "an import cycle between modules of src/app"
    );
}

#[test]
fn a_cycle_through_a_use_line_or_a_path_is_found() {
    let source = |m: &str, text: &str| (m.to_string(), true, text.to_string());
    let sources = [
        source("state", "use super::modal::Modal;"),
        source("modal", "pub fn f(s: &crate::app::drafts::X) {}"),
        source(
            "drafts",
            "// super::state in a comment\nuse super::super::state;",
        ),
    ];
    assert_eq!(cycle(&graph(&sources)), None);
    let mut closed = sources.to_vec();
    closed.push(source("drafts", "fn g(_: &super::state::AppState) {}"));
    assert_eq!(
        cycle(&graph(&closed)),
        Some(
            vec!["drafts", "state", "modal", "drafts"]
                .into_iter()
                .map(String::from)
                .collect()
        )
    );
}
