//! Native checks of the app's source tree: OBP role names are written only in `api/roles.rs`,
//! and nothing below the pages (widgets, models, state) reaches up into `pages/`.

use std::{
    fs,
    path::{Path, PathBuf},
};

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("a readable source folder") {
        let path = entry.expect("a readable folder entry").path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let text = fs::read_to_string(&path).expect("a readable source file");
            found.push((path, text));
        }
    }
    found
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The role-like string literals (`"Can` and a capital letter) in `text`.
fn role_literals(text: &str) -> Vec<&str> {
    text.match_indices("\"Can")
        .filter_map(|(at, _)| {
            let rest = &text[at + 1..];
            let end = rest.find('"')?;
            let literal = &rest[..end];
            literal[3..]
                .starts_with(|c: char| c.is_ascii_uppercase())
                .then_some(literal)
        })
        .collect()
}

#[test]
fn role_names_are_written_only_in_api_roles() {
    let roles_file = src().join("api").join("roles.rs");
    let roles_text = fs::read_to_string(&roles_file).expect("api/roles.rs");
    assert!(
        role_literals(&roles_text).contains(&"CanCreateCustomer"),
        "the scan must recognise the roles where they belong"
    );
    let strays: Vec<String> = sources(&src())
        .into_iter()
        .filter(|(path, _)| *path != roles_file)
        .flat_map(|(path, text)| {
            role_literals(&text)
                .into_iter()
                .map(|role| format!("{}: \"{role}\"", path.display()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        strays.is_empty(),
        "role names outside api/roles.rs (use its constants): {strays:#?}"
    );
}

#[test]
fn only_the_router_and_pages_import_pages() {
    let src = src();
    let pages = src.join("pages");
    let all = sources(&src);
    assert!(
        all.iter()
            .any(|(path, _)| path.starts_with(src.join("components"))),
        "the scan must see the widgets"
    );
    let back_edges: Vec<String> = all
        .into_iter()
        .filter(|(path, _)| !path.starts_with(&pages) && *path != src.join("app.rs"))
        .filter(|(_, text)| text.contains("pages::"))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(
        back_edges.is_empty(),
        "modules below the pages importing them (move the item to routes.rs, or into the page \
         folder that uses it): {back_edges:?}"
    );
}
